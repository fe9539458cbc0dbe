import Foundation
import IRIngest
import IRQuery
import IRStore

// irkb-bench: the corpus generator and the throughput/latency benchmarks.
//
//     swift run -c release irkb-bench generate --articles 1000 --seed 7 > corpus.jsonl
//     swift run -c release irkb-bench run --articles 10000,100000 --queries --json bench.json
//     swift run -c release irkb-bench build-db --articles 1000000 --out big.sqlite
//     swift run -c release irkb-bench queries --db big.sqlite --json q.json
//     swift run -c release irkb-bench scale-db --from 100k.sqlite --factor 10 --out 1m.sqlite

let usageText = """
    usage: irkb-bench generate --articles N [--seed S] [--dates random|chronological]
           irkb-bench run --articles N[,N...] [--repeat K] [--seed S] [--dates D] [--bulk] [--queries] [--reps R] [--json FILE] [--keep DIR] [--batch B] [--jobs J]
           irkb-bench build-db --articles N --out PATH [--seed S] [--dates D] [--bulk] [--profile-sql] [--sql SETUP] [--batch B]
           irkb-bench queries --db PATH [--reps R] [--json FILE] [--dir QUERIES_DIR] [--skip NAME,...]
           irkb-bench scale-db --from PATH --factor F --out PATH
           irkb-bench write-only --articles N [--seed S] [--dates D] [--out PATH] [--sql SETUP] [--batch B]
    --dates: random (default: any day of 2010-2025, the worst case for the date indexes) or
    chronological (an archive loaded in publication order)
    --bulk: ingest and the store-only bound load in bulk (irkb ingest --bulk: indexes and summaries
    built at the end, included in the times); build-db likewise over all its chunks
    """

struct Arguments {
    var command = ""
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ argv: [String]) throws {
        var i = 0
        if let c = argv.first { command = c; i = 1 }
        while i < argv.count {
            let a = argv[i]
            guard a.hasPrefix("--") else { throw BenchError.usage("unexpected argument \(a)") }
            let key = String(a.dropFirst(2))
            if ["queries", "help", "profile-sql", "bulk"].contains(key) { flags.insert(key); i += 1; continue }
            guard i + 1 < argv.count else { throw BenchError.usage("--\(key) needs a value") }
            values[key] = argv[i + 1]
            i += 2
        }
    }

    func int(_ key: String, default d: Int? = nil) throws -> Int {
        guard let v = values[key] else {
            if let d { return d }
            throw BenchError.usage("--\(key) is required")
        }
        guard let n = Int(v.replacingOccurrences(of: "_", with: "")), n >= 0 else { throw BenchError.usage("--\(key) takes a number, got \(v)") }
        return n
    }

    func ints(_ key: String) throws -> [Int] {
        guard let v = values[key] else { throw BenchError.usage("--\(key) is required") }
        return try v.split(separator: ",").map {
            guard let n = Int($0.replacingOccurrences(of: "_", with: "")), n > 0 else { throw BenchError.usage("--\(key) takes numbers, got \(v)") }
            return n
        }
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)
    var description: String {
        switch self {
        case .usage(let m): return "\(m)\n\(usageText)"
        case .failed(let m): return m
        }
    }
}

func standardError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

do {
    let args = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let seed = UInt64(try args.int("seed", default: 42))
    switch args.command {
    case "generate":
        let n = try args.int("articles")
        try Bench.generate(articles: n, seed: seed, dates: args.values["dates"], to: FileHandle.standardOutput)
    case "run":
        let sizes = try args.ints("articles")
        var report = BenchReport()
        report.machine = Bench.machine()
        // --repeat K: each size K times in a row (the corpus is generated once); the table then
        // gives medians and ranges, since this machine's speed swings between runs minutes apart.
        let repeats = try args.int("repeat", default: 1)
        guard repeats >= 1 else { throw BenchError.usage("--repeat takes a number of runs, at least 1") }
        for n in sizes {
            for k in 0..<repeats {
                if repeats > 1 { standardError("bench: run \(k + 1) of \(repeats) at \(n) articles") }
                report.ingest.append(try Bench.ingest(articles: n, seed: seed, dates: args.values["dates"], keep: args.values["keep"],
                                                      batchSize: try args.int("batch", default: IngestOptions().batchSize),
                                                      jobs: args.values["jobs"].flatMap(Int.init), bulk: args.flags.contains("bulk")))
            }
            report.printIngest()
        }
        if repeats > 1 { report.printSummary() }
        if args.flags.contains("queries"), let db = report.lastDatabase {
            let store = try Store(path: db, mode: .readOnly)
            report.queries = try Bench.queries(store: store, articles: sizes.last!, reps: try args.int("reps", default: 20))
            report.printQueries()
        }
        if let path = args.values["json"] { try report.write(json: path) }
        report.cleanup()
    case "build-db":
        let n = try args.int("articles")
        guard let out = args.values["out"] else { throw BenchError.usage("--out is required") }
        let r = try Bench.buildDatabase(articles: n, seed: seed, dates: args.values["dates"], path: out, profileSQL: args.flags.contains("profile-sql"),
                                        setupSQL: args.values["sql"],
                                        batchSize: try args.int("batch", default: IngestOptions().batchSize), bulk: args.flags.contains("bulk"))
        print(r)
    case "scale-db":
        guard let from = args.values["from"], let out = args.values["out"] else { throw BenchError.usage("--from and --out are required") }
        print(try ScaleDB.run(from: from, factor: try args.int("factor"), to: out))
    case "write-only":
        // The writer alone, for profiling: every article is analysed first, then written.
        let n = try args.int("articles")
        let r = try Bench.writeOnly(articles: n, seed: seed, dates: args.values["dates"], path: args.values["out"], setupSQL: args.values["sql"],
                                    batchSize: try args.int("batch", default: IngestOptions().batchSize))
        print(r)
    case "queries":
        guard let db = args.values["db"] else { throw BenchError.usage("--db is required") }
        let store = try Store(path: db, mode: .readOnly)
        let articles = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") ?? 0 }
        var report = BenchReport()
        report.machine = Bench.machine()
        report.queryArticles = articles
        report.queries = try Bench.queries(store: store, articles: articles, reps: try args.int("reps", default: 20),
                                           directory: args.values["dir"],
                                           skip: Set((args.values["skip"] ?? "").split(separator: ",").map(String.init)))
        report.printQueries()
        if let path = args.values["json"] { try report.write(json: path) }
    default:
        throw BenchError.usage(args.command.isEmpty ? "no command" : "unknown command \(args.command)")
    }
} catch let e as BenchError {
    standardError("irkb-bench: \(e)")
    exit(64)
} catch {
    standardError("irkb-bench: \(error)")
    exit(1)
}
