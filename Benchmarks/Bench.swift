import Dispatch
import Foundation
import GRDB
import IRIngest
import IRQuery
import IRStore

/// Seconds since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

/// Seconds per SQL statement text, summed.
final class SQLProfile: @unchecked Sendable {
    private var seconds: [String: (Double, Int)] = [:]
    private let lock = NSLock()
    func add(_ sql: String, _ d: Double) {
        let key = String(sql.replacingOccurrences(of: "\n", with: " ").prefix(90))
        lock.lock(); let v = seconds[key] ?? (0, 0); seconds[key] = (v.0 + d, v.1 + 1); lock.unlock()
    }
    func report() -> String {
        seconds.sorted { $0.value.0 > $1.value.0 }.prefix(20)
            .map { String(format: "%8.3f s %8d  ", $0.value.0, $0.value.1) + $0.key }.joined(separator: "\n")
    }
}

/// Process memory from /proc (Linux); zeros elsewhere.
/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var u = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    #else
    getrusage(RUSAGE_SELF, &u)
    #endif
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) * 1e-6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) * 1e-6
}

/// CPU seconds of the calling thread.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

#if os(Linux)
/// glibc's `malloc_trim` (not in Swift's Glibc module): gives the heap's free memory back.
@_silgen_name("malloc_trim") func glibcMallocTrim(_ pad: Int) -> Int32
#endif

enum Memory {
    /// Peak resident set size in bytes (VmHWM).
    static var peakRSS: Int { status("VmHWM") }
    static var currentRSS: Int { status("VmRSS") }

    /// Resets VmHWM to the current RSS, so each phase reports its own peak.
    static func resetPeak() {
        if let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            h.write(Data("5".utf8))
            try? h.close()
        }
    }

    static func status(_ key: String) -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.split(separator: " ").first { Int($0) != nil }
            return (digits.flatMap { Int($0) } ?? 0) * 1024
        }
        return 0
    }
}

struct IngestResult {
    var articles = 0
    var corpusBytes = 0
    var textBytes = 0
    var rows = 0
    var rowsByTable: [String: Int] = [:]
    var seconds = 0.0
    /// CPU seconds of the process during ingest (all threads): less sensitive to other load than wall time.
    var cpuSeconds = 0.0
    var timings = StageTimings()
    var peakRSS = 0
    var startRSS = 0
    var databaseBytes = 0
    var reingestSeconds = 0.0
    var reingestUnchanged = 0
    var storeOnlySeconds = 0.0
    var storeOnlyCPUSeconds = 0.0
    var storeCPUSeconds = 0.0
    var reingestCPUSeconds = 0.0
    var storeOnlyArticles = 0
    var storeOnlyRows = 0
    /// In a bulk load: seconds spent at the end building the indexes and summaries (part of
    /// `seconds`), and the same for the store-only bound (part of `storeOnlySeconds`).
    var bulk = false
    var bulkFinishSeconds = 0.0
    var storeOnlyFinishSeconds = 0.0
    var generateSeconds = 0.0
    var databasePath = ""
    var directory = ""

    var articlesPerSecond: Double { Double(articles) / seconds }
    var megabytesPerSecond: Double { Double(corpusBytes) / 1e6 / seconds }
    var rowsPerSecond: Double { Double(rows) / seconds }
    var microsecondsPerArticle: Double { seconds * 1e6 / Double(max(1, articles)) }
    var cpuMicrosecondsPerArticle: Double { cpuSeconds * 1e6 / Double(max(1, articles)) }
    var reingestPerSecond: Double { Double(articles) / reingestSeconds }
    var storeOnlyPerSecond: Double { Double(storeOnlyArticles) / storeOnlySeconds }
    var storeOnlyRowsPerSecond: Double { Double(storeOnlyRows) / storeOnlySeconds }
    var ratioToStoreOnly: Double { articlesPerSecond / storeOnlyPerSecond }
    /// Articles per CPU second of writing alone (the writer thread's CPU time): the store-only
    /// bound on an otherwise idle core.
    var storeOnlyPerCPUSecond: Double { Double(storeOnlyArticles) / storeOnlyCPUSeconds }
    /// End to end articles per CPU second of the whole process times the cores: the rate on an idle machine, if the work spreads.
    var idleEstimatePerSecond: Double { Double(articles) / cpuSeconds * Double(ProcessInfo.processInfo.activeProcessorCount) }
    var reingestPerCPUSecond: Double { Double(articles) / reingestCPUSeconds }
}

struct QueryResult {
    var name: String
    var parameters: [String: String]
    var rows: Int
    /// The first run: it prepares the statement, as a one-off `irkb query` does.
    var first: Double
    /// The timed runs after it, with the statement prepared (the library keeps canned queries'
    /// statements prepared per connection).
    var runs: [Double]
    var p50: Double { percentile(0.50) }
    var p95: Double { percentile(0.95) }
    func percentile(_ p: Double) -> Double {
        let s = runs.sorted()
        guard !s.isEmpty else { return 0 }
        return s[min(s.count - 1, max(0, Int((p * Double(s.count)).rounded(.up)) - 1))]
    }
}

enum Bench {
    static func generate(articles n: Int, seed: UInt64, dates: String? = nil, to handle: FileHandle) throws {
        var gen = CorpusGenerator(seed: seed)
        gen.dates = try .init(dates, total: n)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for i in 0..<n {
            gen.article(i, into: &buffer)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { handle.write(Data(buffer)) }
    }

    static func machine() -> [String: Any] {
        var info: [String: Any] = [
            "cores": ProcessInfo.processInfo.activeProcessorCount,
            "memory_bytes": ProcessInfo.processInfo.physicalMemory,
            "os": ProcessInfo.processInfo.operatingSystemVersionString,
            "date": ISO8601DateFormatter().string(from: Date()),
        ]
        if let q = try? DatabaseQueue(), let v = try? q.read({ try String.fetchOne($0, sql: "SELECT sqlite_version()") }) {
            info["sqlite"] = v
        }
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            info["loadavg_at_start"] = load.split(separator: " ").prefix(3).joined(separator: " ")
        }
        #if DEBUG
        info["build"] = "debug"
        #else
        info["build"] = "release"
        #endif
        return info
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func databaseSize(_ path: String) -> Int {
        fileSize(path) + fileSize(path + "-wal")
    }

    /// Copies the whole log into the database and empties it, so that the database's size is
    /// its file's. A checkpoint that finds another one under way (the ingest's own, on its
    /// thread) reports busy and leaves the log as it is: it is tried again, for up to a minute.
    /// (Each try waits out the busy timeout while another connection reads: a reader left open
    /// in the `sqlite3` shell used to hold the bench for hours.)
    static func checkpoint(_ store: Store) throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            let busy = try store.database.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 0
            }
            if busy == 0 { return }
            if ContinuousClock.now >= deadline {
                throw BenchError.failed("the log could not be emptied into the database for a minute: another connection is reading it (close it and run again)")
            }
            usleep(10_000)
        }
    }

    /// Generates a corpus on disk, then measures ingest, re-ingest and the store-only bound.
    static func ingest(articles n: Int, seed: UInt64, dates: String? = nil, keep: String?, batchSize: Int = IngestOptions().batchSize,
                       jobs: Int? = nil, bulk: Bool = false) throws -> IngestResult {
        var options = IngestOptions()
        options.batchSize = batchSize
        options.bulk = bulk
        if let jobs { options.jobs = jobs }
        var r = IngestResult()
        r.bulk = bulk
        let fm = FileManager.default
        let dir = keep ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("irkb-bench-\(getpid())")
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        r.directory = dir
        let corpus = (dir as NSString).appendingPathComponent("corpus-\(n)-\(seed)-\(dates ?? "random").jsonl")
        let t0 = ContinuousClock.now
        if !fm.fileExists(atPath: corpus) {
            _ = fm.createFile(atPath: corpus, contents: nil)
            guard let h = FileHandle(forWritingAtPath: corpus) else { throw BenchError.failed("cannot write \(corpus)") }
            try generate(articles: n, seed: seed, dates: dates, to: h)
            try h.close()
        }
        r.generateSeconds = seconds(since: t0)
        r.corpusBytes = fileSize(corpus)
        standardError("bench: \(n) articles, corpus \(r.corpusBytes / 1_000_000) MB in \(String(format: "%.1f", r.generateSeconds)) s; ingesting")

        // End to end: read the file, analyse, write.
        let db = (dir as NSString).appendingPathComponent("ingest-\(n).sqlite")
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: db + suffix) }
        // A run after another in the same process (--repeat, several sizes) would start from the
        // heap the last one's re-ingest and store-only phases left: it is given back to the system
        // first, so that each run's peak is its own.
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
        Memory.resetPeak()
        r.startRSS = Memory.currentRSS
        let start = ContinuousClock.now
        let cpu0 = cpuSeconds()
        let store = try Store(path: db)
        let summary = try Ingestor(store: store, options: options).ingest(paths: [corpus])
        r.seconds = seconds(since: start)
        r.cpuSeconds = cpuSeconds() - cpu0
        r.peakRSS = Memory.peakRSS
        guard summary.failed == 0 else { throw BenchError.failed("ingest failed: \(summary.issues.prefix(3))") }
        r.articles = summary.read
        r.textBytes = summary.bytes
        r.rows = summary.totalRows
        r.rowsByTable = summary.rows
        r.timings = summary.timings
        r.storeCPUSeconds = summary.storeCPUSeconds
        r.bulkFinishSeconds = summary.bulkFinishSeconds
        try checkpoint(store)
        r.databaseBytes = databaseSize(db)
        r.databasePath = db

        // Re-ingest of the same file: every article unchanged (batch by batch: a bulk load of
        // nothing new would still rebuild everything at its end).
        standardError("bench: re-ingest")
        let again = ContinuousClock.now
        let cpu1 = cpuSeconds()
        options.bulk = false
        let second = try Ingestor(store: store, options: options).ingest(paths: [corpus])
        r.reingestSeconds = seconds(since: again)
        r.reingestCPUSeconds = cpuSeconds() - cpu1
        r.reingestUnchanged = second.unchanged

        // Store-only bound: the same analyses written with no extraction in the timed part.
        standardError("bench: store-only bound")
        let bound = (dir as NSString).appendingPathComponent("store-only-\(n).sqlite")
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: bound + suffix) }
        let s = try storeOnly(corpus: corpus, path: bound, batchSize: batchSize, bulk: bulk)
        r.storeOnlyFinishSeconds = s.finish
        r.storeOnlySeconds = s.seconds
        r.storeOnlyCPUSeconds = s.cpu
        r.storeOnlyArticles = s.articles
        r.storeOnlyRows = s.rows
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: bound + suffix) }
        return r
    }

    /// Analyses batches (untimed), then times only `Store.writeBatch` of each batch (and in a bulk
    /// load, its beginning and its finish).
    static func storeOnly(corpus: String, path: String, batchSize: Int = IngestOptions().batchSize,
                          bulk: Bool = false) throws -> (seconds: Double, cpu: Double, articles: Int, rows: Int, finish: Double) {
        let store = try Store(path: path)
        var finish = 0.0
        if bulk {
            let t = ContinuousClock.now
            try store.beginBulkLoad()
            finish += seconds(since: t)
        }
        let analyzer = Analyzer()
        var batch: [RawArticle] = []
        var total = 0.0, cpu = 0.0, articles = 0, rows = 0
        func flush() throws {
            let analyses = analyseInParallel(batch, analyzer: analyzer)
            batch.removeAll(keepingCapacity: true)
            let t = ContinuousClock.now
            let c = threadCPUSeconds()
            let outcomes = try store.writeBatch(analyses, analyzerVersion: Analyzer.version)
            total += seconds(since: t)
            cpu += threadCPUSeconds() - c
            for (a, o) in zip(analyses, outcomes) {
                if case .success = o { articles += 1; rows += a.rowCount }
            }
        }
        try ArticleReader().read([corpus]) { item in
            if case .article(let a) = item {
                batch.append(a)
                if batch.count >= batchSize { try flush() }
            }
        }
        if !batch.isEmpty { try flush() }
        if bulk {
            let t = ContinuousClock.now
            let c = threadCPUSeconds()
            try store.finishBulkLoad()
            let s = seconds(since: t)
            finish += s
            total += finish
            cpu += threadCPUSeconds() - c
        }
        return (total, cpu, articles, rows, finish)
    }

    /// Analyses `n` generated articles, then writes them in batches of the ingest's size and reports the
    /// writer's own time: the phase to profile when the store is the bottleneck.
    static func writeOnly(articles n: Int, seed: UInt64, dates: String? = nil, path: String?, setupSQL: String? = nil,
                          batchSize: Int = IngestOptions().batchSize) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("irkb-write-only-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus.jsonl").path
        FileManager.default.createFile(atPath: corpus, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: corpus))
        try generate(articles: n, seed: seed, dates: dates, to: out)
        try out.close()
        var raw: [RawArticle] = []
        try ArticleReader().read([corpus]) { item in if case .article(let a) = item { raw.append(a) } }
        let analyses = analyseInParallel(raw, analyzer: Analyzer())
        raw.removeAll()
        let db = path ?? dir.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: db)
        // An experiment's schema change (an index dropped, a pragma) before the writes.
        if let setupSQL { try store.database.writeWithoutTransaction { try $0.execute(sql: setupSQL) } }
        let t = ContinuousClock.now
        let c = threadCPUSeconds()
        var rows = 0
        var i = 0
        while i < analyses.count {
            let batch = Array(analyses[i..<min(i + batchSize, analyses.count)])
            for (a, o) in zip(batch, try store.writeBatch(batch, analyzerVersion: Analyzer.version)) {
                if case .success = o { rows += a.rowCount }
            }
            i += batchSize
        }
        let wall = seconds(since: t), cpu = threadCPUSeconds() - c
        return String(format: "write-only: %d articles, %d rows in %.2f s (writer CPU %.2f s): %.0f articles/s, %.0f rows/s, %.0f µs CPU/article",
                      analyses.count, rows, wall, cpu, Double(analyses.count) / wall, Double(rows) / wall, cpu * 1e6 / Double(analyses.count))
    }

    static func analyseInParallel(_ batch: [RawArticle], analyzer: Analyzer) -> [ArticleAnalysis] {
        let n = batch.count
        let out = UnsafeMutableBufferPointer<ArticleAnalysis?>.allocate(capacity: n)
        out.initialize(repeating: nil)
        defer { out.deinitialize(); out.deallocate() }  // the analyses held in the slots are released too
        let jobs = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n))
        nonisolated(unsafe) let slots = out
        DispatchQueue.concurrentPerform(iterations: jobs) { w in
            var i = w
            while i < n { slots[i] = analyzer.analyze(batch[i]); i += jobs }
        }
        return out.compactMap { $0 }
    }

    /// Builds a large database through the store-only path: the corpus is generated in chunks
    /// of 10,000 articles to a temporary file, analysed in batches and written with
    /// `Store.writeBatch`. Resumes after the articles already in the database.
    static func buildDatabase(articles n: Int, seed: UInt64, dates: String? = nil, path: String, profileSQL: Bool = false,
                              setupSQL: String? = nil, batchSize: Int = IngestOptions().batchSize, bulk: Bool = false) throws -> String {
        let store = try Store(path: path)
        if bulk { try store.beginBulkLoad() }
        // An experiment's setting (a pragma) on the writer connection before the writes.
        if let setupSQL { try store.database.writeWithoutTransaction { try $0.execute(sql: setupSQL) } }
        let profile = SQLProfile()
        if profileSQL {
            // SQLite's own timing of each statement on the writer connection.
            store.database.writeWithoutTransaction { db in
                db.trace(options: .profile) { event in
                    if case let .profile(statement, duration) = event { profile.add(statement.sql, duration) }
                }
            }
        }
        defer { if profileSQL { standardError(profile.report()) } }
        var gen = CorpusGenerator(seed: seed)
        gen.dates = try .init(dates, total: n)
        let analyzer = Analyzer()
        let start = ContinuousClock.now
        var done = 0
        let chunkPath = path + ".chunk.jsonl"
        var i = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") ?? 0 }
        while i < n {
            let end = min(n, i + 10_000)
            let chunkStart = ContinuousClock.now, chunkDone = done
            var buffer: [UInt8] = []
            for k in i..<end { gen.article(k, into: &buffer); buffer.append(0x0A) }
            try Data(buffer).write(to: URL(fileURLWithPath: chunkPath))
            var batch: [RawArticle] = []
            func flush() throws {
                let analyses = analyseInParallel(batch, analyzer: analyzer)
                batch.removeAll(keepingCapacity: true)
                _ = try store.writeBatch(analyses, analyzerVersion: Analyzer.version)
                done += analyses.count
            }
            try ArticleReader().read([chunkPath]) { item in
                if case .article(let a) = item {
                    batch.append(a)
                    if batch.count >= batchSize { try flush() }
                }
            }
            if !batch.isEmpty { try flush() }
            i = end
            // The chunk's own rate too: how the cost per article moves as the database grows.
            let chunkSeconds = seconds(since: chunkStart)
            standardError("build-db: \(i) / \(n) articles, \(Int(Double(done) / seconds(since: start))) articles/s; these \(done - chunkDone) in "
                + String(format: "%.1f s (%.0f articles/s)", chunkSeconds, Double(done - chunkDone) / chunkSeconds))
        }
        try? FileManager.default.removeItem(atPath: chunkPath)
        var finished = ""
        if bulk {
            let t = ContinuousClock.now
            try store.finishBulkLoad { step in
                if case let .index(name, number, total) = step {
                    standardError(String(format: "build-db: building index %d of %d (%@), %.1f s", number, total, name, seconds(since: t)))
                }
            }
            finished = String(format: " (the bulk load's indexes and summaries: %.1f s of it)", seconds(since: t))
        }
        try checkpoint(store)
        return "built \(path): \(n) articles (\(done) written now) in \(String(format: "%.0f", seconds(since: start))) s\(finished), \(databaseSize(path) / 1_000_000) MB"
    }

    /// Typical parameters for each canned query: common actors of the generated corpus.
    static func parameters(for q: CannedQuery, lead: GeneratorLexicon.Person) -> [String: String] {
        let typical: [String: [String: String]] = [
            "actor-profile": ["actor": "Russia"],
            "anonymous-quotes": ["country": "USA"],
            "co-mentions": ["actor": "Russia"],
            "conflict-toll": ["conflict": "Sudan"],
            "dyad-cooperation": ["actor": "USA"],
            "dyad-timeline": ["actor": "RUS", "other": "UKR"],
            "events-by-root": ["country": "RUS"],
            "meetings": ["actor": "RUS"],
            "most-mentioned": ["since": "2020"],
            "quotes-by-speaker": ["speaker": lead.name],
            "role-holders": ["title": lead.title],
            "sanctions-in-force": ["target": "RUS"],
            "sanctions-on": ["target": "RUS"],
            "sanctions-timeline": ["actor": "RUS"],
            "who-sanctions-whom": ["since": "2015"],
        ]
        let fallback = ["actor": "Russia", "target": "RUS", "conflict": "Sudan", "speaker": lead.name, "title": lead.title,
                        "country": "RUS", "since": "2015"]
        var p: [String: String] = [:]
        for (k, v) in typical[q.name] ?? [:] where q.parameter(k) != nil { p[k] = v }
        for param in q.requiredParameters where p[param.name] == nil { p[param.name] = fallback[param.name] ?? "Russia" }
        return p
    }

    /// p50/p95 of every canned query: one first run (timed apart: it prepares the statement), then
    /// up to `reps` timed runs (at most ~10 s per query).
    /// `skip` names queries left out (co-mentions takes minutes on a 1M database).
    static func queries(store: Store, articles: Int, reps: Int, seed: UInt64 = 42, directory: String? = nil,
                        skip: Set<String> = []) throws -> [QueryResult] {
        let kb = KnowledgeBase(store: store)
        let lead = CorpusGenerator(seed: seed).leadPerson
        var results: [QueryResult] = []
        var all = CannedQueries.all
        if let directory {
            // Variants of the canned queries (same names), e.g. to measure a rewrite before it lands.
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") }.sorted()
            all = try names.map { CannedQuery(name: String($0.dropLast(4)), sql: try String(contentsOfFile: (directory as NSString).appendingPathComponent($0), encoding: .utf8)) }
        }
        for q in all where !skip.contains(q.name) {
            let params = parameters(for: q, lead: lead)
            let t0 = ContinuousClock.now
            let rows = try kb.run(q, parameters: params).rows.count
            let first = seconds(since: t0)
            var runs: [Double] = []
            let budget = ContinuousClock.now
            for _ in 0..<max(1, reps) {
                let t = ContinuousClock.now
                _ = try kb.run(q, parameters: params)
                runs.append(seconds(since: t))
                if seconds(since: budget) > 10 { break }
            }
            results.append(QueryResult(name: q.name, parameters: params, rows: rows, first: first, runs: runs))
            standardError("bench: \(q.name) p50 \(String(format: "%.2f", runs.sorted()[runs.count / 2] * 1000)) ms")
        }
        return results
    }
}

struct BenchReport {
    var machine: [String: Any] = [:]
    var ingest: [IngestResult] = []
    var queries: [QueryResult] = []
    var queryArticles: Int?

    var lastDatabase: String? { ingest.last?.databasePath }

    func cleanup() {
        for r in ingest where r.directory.contains("irkb-bench-") {
            try? FileManager.default.removeItem(atPath: r.directory)
        }
    }

    static func f(_ v: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", v) }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n")
    }

    func printIngest() {
        let header = ["ingest", ] + ingest.map { "\($0.articles) articles" }
        func row(_ name: String, _ v: (IngestResult) -> String) -> [String] { [name] + ingest.map(v) }
        let rows: [[String]] = [
            row("articles/s (end to end)") { BenchReport.f($0.articlesPerSecond) },
            row("MB/s (input JSONL)") { BenchReport.f($0.megabytesPerSecond, 2) },
            row("rows/s") { BenchReport.f($0.rowsPerSecond) },
            row("rows/article") { BenchReport.f(Double($0.rows) / Double(max(1, $0.articles)), 1) },
            row("µs/article") { BenchReport.f($0.microsecondsPerArticle) },
            row("CPU µs/article (all threads)") { BenchReport.f($0.cpuMicrosecondsPerArticle) },
            row("wall s") { BenchReport.f($0.seconds, 1) },
            row("stage text s (cpu, all threads)") { BenchReport.f($0.timings.text, 1) },
            row("stage actors s (cpu)") { BenchReport.f($0.timings.actors, 1) },
            row("stage events s (cpu)") { BenchReport.f($0.timings.events, 1) },
            row("stage quotes/sanctions/conflicts s (cpu)") { BenchReport.f($0.timings.other, 1) },
            row("stage store s (writer)") { BenchReport.f($0.timings.store, 1) },
            row("bulk load: finish s (in wall s)") { $0.bulk ? BenchReport.f($0.bulkFinishSeconds, 1) : "-" },
            row("store-only bulk finish s") { $0.bulk ? BenchReport.f($0.storeOnlyFinishSeconds, 1) : "-" },
            row("peak RSS MB") { BenchReport.f(Double($0.peakRSS) / 1e6) },
            row("database bytes/article") { BenchReport.f(Double($0.databaseBytes) / Double(max(1, $0.articles))) },
            row("re-ingest articles/s (unchanged)") { BenchReport.f($0.reingestPerSecond) },
            row("store-only articles/s") { BenchReport.f($0.storeOnlyPerSecond) },
            row("store-only rows/s") { BenchReport.f($0.storeOnlyRowsPerSecond) },
            row("end to end / store-only") { BenchReport.f($0.ratioToStoreOnly, 2) },
            row("-- CPU-based (load-independent) --") { _ in "" },
            row("writer CPU µs/article (end to end)") { BenchReport.f($0.storeCPUSeconds * 1e6 / Double(max(1, $0.articles))) },
            row("store-only articles/CPU-s (1 core)") { BenchReport.f($0.storeOnlyPerCPUSecond) },
            row("idle estimate articles/s (cores/CPU-s)") { BenchReport.f($0.idleEstimatePerSecond) },
            row("idle estimate / store-only (CPU)") { BenchReport.f($0.idleEstimatePerSecond / $0.storeOnlyPerCPUSecond, 2) },
            row("re-ingest articles/CPU-s x cores") { BenchReport.f($0.reingestPerCPUSecond * Double(ProcessInfo.processInfo.activeProcessorCount)) },
        ]
        print("machine: \(machine["cores"] ?? "?") cores, SQLite \(machine["sqlite"] ?? "?"), \(machine["build"] ?? "?") build, load average at start \(machine["loadavg_at_start"] ?? "?")")
        print(BenchReport.table(header, rows))
        print("")
    }

    /// Per size run more than once: the median of each headline figure and its range.
    struct Spread {
        var articles: Int
        var runs: Int
        var figures: [(name: String, key: String, median: Double, low: Double, high: Double, digits: Int)]
    }

    var spreads: [Spread] {
        var order: [Int] = []
        var bySize: [Int: [IngestResult]] = [:]
        for r in ingest {
            if bySize[r.articles] == nil { order.append(r.articles) }
            bySize[r.articles, default: []].append(r)
        }
        let figures: [(String, String, Int, (IngestResult) -> Double)] = [
            ("articles/s (end to end)", "articles_per_second", 0, { $0.articlesPerSecond }),
            ("store-only articles/s", "store_only_articles_per_second", 0, { $0.storeOnlyPerSecond }),
            ("end to end / store-only", "ratio_to_store_only", 2, { $0.ratioToStoreOnly }),
            ("writer CPU µs/article (end to end)", "writer_cpu_microseconds_per_article", 0,
             { $0.storeCPUSeconds * 1e6 / Double(max(1, $0.articles)) }),
            ("re-ingest articles/s (unchanged)", "reingest_articles_per_second", 0, { $0.reingestPerSecond }),
            ("peak RSS MB", "peak_rss_megabytes", 0, { Double($0.peakRSS) / 1e6 }),
        ]
        return order.compactMap { n in
            let runs = bySize[n]!
            guard runs.count > 1 else { return nil }
            return Spread(articles: n, runs: runs.count, figures: figures.map { name, key, digits, value in
                let v = runs.map(value).sorted()
                let median = v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
                return (name, key, median, v.first!, v.last!, digits)
            })
        }
    }

    func printSummary() {
        for s in spreads {
            let rows = s.figures.map { f in
                [f.name, BenchReport.f(f.median, f.digits), BenchReport.f(f.low, f.digits) + " - " + BenchReport.f(f.high, f.digits)]
            }
            print(BenchReport.table(["\(s.articles) articles, \(s.runs) runs", "median", "range"], rows))
            print("")
        }
    }

    func printQueries() {
        let n = queryArticles ?? ingest.last?.articles
        let title = n.map { "query (\($0) articles)" } ?? "query"
        let rows = queries.map { q in
            [q.name, "\(q.rows)", BenchReport.f(q.first * 1000, 2), "\(q.runs.count)", BenchReport.f(q.p50 * 1000, 2), BenchReport.f(q.p95 * 1000, 2),
             q.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
        }
        print(BenchReport.table([title, "rows", "first ms", "runs", "p50 ms", "p95 ms", "parameters"], rows))
        print("")
    }

    func write(json path: String) throws {
        var out: [String: Any] = ["machine": machine]
        out["ingest"] = ingest.map { r -> [String: Any] in
            [
                "articles": r.articles, "corpus_bytes": r.corpusBytes, "text_bytes": r.textBytes, "rows": r.rows,
                "rows_by_table": r.rowsByTable, "seconds": r.seconds,
                "articles_per_second": r.articlesPerSecond, "mb_per_second": r.megabytesPerSecond,
                "rows_per_second": r.rowsPerSecond, "microseconds_per_article": r.microsecondsPerArticle,
                "cpu_seconds": r.cpuSeconds, "cpu_microseconds_per_article": r.cpuMicrosecondsPerArticle,
                "stage_seconds": ["text": r.timings.text, "actors": r.timings.actors, "events": r.timings.events,
                                  "other": r.timings.other, "store": r.timings.store],
                "peak_rss_bytes": r.peakRSS, "rss_at_start_bytes": r.startRSS,
                "database_bytes": r.databaseBytes,
                "database_bytes_per_article": Double(r.databaseBytes) / Double(max(1, r.articles)),
                "reingest_seconds": r.reingestSeconds, "reingest_articles_per_second": r.reingestPerSecond,
                "reingest_unchanged": r.reingestUnchanged,
                "store_only_seconds": r.storeOnlySeconds, "store_only_articles_per_second": r.storeOnlyPerSecond,
                "store_only_rows_per_second": r.storeOnlyRowsPerSecond, "ratio_to_store_only": r.ratioToStoreOnly,
                "store_only_cpu_seconds": r.storeOnlyCPUSeconds, "store_only_articles_per_cpu_second": r.storeOnlyPerCPUSecond,
                "writer_cpu_seconds": r.storeCPUSeconds, "reingest_cpu_seconds": r.reingestCPUSeconds,
                "idle_estimate_articles_per_second": r.idleEstimatePerSecond,
                "bulk": r.bulk, "bulk_finish_seconds": r.bulkFinishSeconds, "store_only_bulk_finish_seconds": r.storeOnlyFinishSeconds,
            ]
        }
        let spreads = self.spreads
        if !spreads.isEmpty {
            out["ingest_summary"] = spreads.map { s -> [String: Any] in
                var o: [String: Any] = ["articles": s.articles, "runs": s.runs]
                for f in s.figures { o[f.key] = ["median": f.median, "min": f.low, "max": f.high] }
                return o
            }
        }
        if !queries.isEmpty {
            out["queries"] = queries.map { q -> [String: Any] in
                ["name": q.name, "parameters": q.parameters, "rows": q.rows, "first_ms": q.first * 1000, "runs": q.runs.count,
                 "p50_ms": q.p50 * 1000, "p95_ms": q.p95 * 1000]
            }
            if let n = queryArticles ?? ingest.last?.articles { out["query_articles"] = n }
        }
        let data = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
