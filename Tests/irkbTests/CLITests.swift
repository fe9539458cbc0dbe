import Foundation
import Testing

/// Runs the built `irkb` binary, as a user would.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (same build folder), else .build/debug/irkb.
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("irkb")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/irkb")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, stdin: String? = nil, env: [String: String] = [:], binary: URL = CLI.binary) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "IRKB_DB")
        environment.removeValue(forKey: "COLUMNS")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

final class Scratch {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("irkb-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ n: String) -> String { url.appendingPathComponent(n).path }
    @discardableResult func write(_ n: String, _ s: String) -> String {
        try? s.write(toFile: path(n), atomically: true, encoding: .utf8)
        return path(n)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite(.serialized) struct CLITests {
    @Test func helpListsEverySubcommandAndEachHasHelp() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: irkb <subcommand>"))
        let names = CLITests.subcommands(r.stdout)
        #expect(names.count >= 7)
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        for n in names {
            let h = try CLI.run([n, "--help"])
            #expect(h.status == 0, "irkb \(n) --help failed")
            #expect(h.stdout.contains("OVERVIEW:"), "irkb \(n) has no abstract")
            #expect(readme.contains("irkb \(n)"), "README does not mention irkb \(n)")
        }
    }

    /// Subcommand names from the root help's SUBCOMMANDS section.
    static func subcommands(_ help: String) -> [String] {
        guard let r = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[r.upperBound...].split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("  "), !line.hasPrefix("     "), let w = t.split(separator: " ").first else { return nil }
            let name = String(w)
            return name.first?.isLetter == true && name != "See" ? name : nil
        }
    }

    @Test func initCreatesDatabase() throws {
        let s = Scratch()
        let r = try CLI.run(["init", "--db", s.path("kb.sqlite")])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("schema version"))
        #expect(FileManager.default.fileExists(atPath: s.path("kb.sqlite")))
        #expect(try CLI.run(["init", "--db", s.path("kb.sqlite"), "--quiet"]).stderr.isEmpty)
    }

    @Test func ingestSummaryAndReingest() throws {
        let s = Scratch()
        let input = s.write("a.jsonl", """
            {"id": "a1", "title": "One", "text": "The United States and Russia met in Geneva.", "published": "2020-01-02"}
            {"id": "a2", "title": "Two", "text": "Talks continued on Tuesday."}
            """)
        let r = try CLI.run(["ingest", "--db", s.path("kb.sqlite"), input, "--summary"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty, "ingest writes nothing to stdout")
        #expect(r.stderr.contains("Ingested 2 articles: 2 new, 0 updated, 0 unchanged, 0 failed;"))
        let again = try CLI.run(["ingest", "--db", s.path("kb.sqlite"), input, "--summary"])
        #expect(again.stderr.contains("0 new, 0 updated, 2 unchanged, 0 failed"))
        let q = try CLI.run(["sql", "SELECT external_id, published_on FROM articles ORDER BY 1", "--db", s.path("kb.sqlite"), "--csv"])
        #expect(q.stdout == "external_id,published_on\r\na1,2020-01-02\r\na2,\r\n")
    }

    @Test func badLineIsReportedWithFileAndLine() throws {
        let s = Scratch()
        let input = s.write("bad.jsonl", "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{\"id\": \"broken\"\n")
        let r = try CLI.run(["ingest", "--db", s.path("kb.sqlite"), input])
        #expect(r.status == 0)
        #expect(r.stderr.contains("Error: \(input):2: invalid JSON"))
        #expect(r.stderr.contains("the other 1 articles are stored"))
        let strict = try CLI.run(["ingest", "--db", s.path("kb2.sqlite"), input, "--strict"])
        #expect(strict.status == 1)
        let n = try CLI.run(["sql", "SELECT count(*) AS n FROM articles", "--db", s.path("kb2.sqlite"), "--tsv", "--no-headers"])
        #expect(n.stdout == "1\n", "--strict still keeps the good articles")
    }

    @Test func stdinIngest() throws {
        let s = Scratch()
        let r = try CLI.run(["ingest", "--db", s.path("kb.sqlite"), "-", "--summary"], stdin: "{\"id\": \"s1\", \"text\": \"From stdin.\"}\n")
        #expect(r.status == 0)
        #expect(r.stderr.contains("1 new"))
    }

    @Test func sqlRefusesWritesAttachAndPragmas() throws {
        let s = Scratch()
        try CLI.run(["init", "--db", s.path("kb.sqlite"), "-q"])
        for stmt in ["DELETE FROM articles", "DROP TABLE articles", "INSERT INTO actor_kinds VALUES ('x', 'y')",
                     "ATTACH DATABASE '\(s.path("other.sqlite"))' AS o", "PRAGMA user_version = 7", "PRAGMA journal_mode = DELETE",
                     "SELECT 1; DELETE FROM articles"] {
            let r = try CLI.run(["sql", stmt, "--db", s.path("kb.sqlite")])
            #expect(r.status == 1, "\(stmt) was not refused")
            #expect(r.stderr.hasPrefix("Error: "), "\(stmt): \(r.stderr)")
        }
        let ok = try CLI.run(["sql", "SELECT count(*) AS n FROM cameo_codes WHERE root = :r", "-p", "r", "04", "--db", s.path("kb.sqlite"), "--json"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "[\n{\"n\": 8}\n]\n")
        let missing = try CLI.run(["sql", "SELECT :r", "--db", s.path("kb.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("-p r VALUE"))
    }

    @Test func exitCodes() throws {
        let s = Scratch()
        #expect(try CLI.run(["no-such-command"]).status == 64)
        #expect(try CLI.run(["ingest"]).status == 64)
        #expect(try CLI.run(["sql", "SELECT 1", "--json", "--csv", "--db", s.path("x.sqlite")]).status == 64)
        let missing = try CLI.run(["stats", "--db", s.path("missing.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such database"))
        s.write("text.sqlite", "not a database at all")
        let notdb = try CLI.run(["stats", "--db", s.path("text.sqlite")])
        #expect(notdb.status == 1)
        #expect(notdb.stderr.contains("not an irkb database"))
    }

    @Test func outputFormats() throws {
        let s = Scratch()
        try CLI.run(["init", "--db", s.path("kb.sqlite"), "-q"])
        let sql = "SELECT kind, length(description) > 0 AS described FROM actor_kinds WHERE kind IN ('person', 'state') ORDER BY kind"
        func out(_ flag: String) throws -> String { try CLI.run(["sql", sql, "--db", s.path("kb.sqlite"), flag]).stdout }
        #expect(try out("--tsv") == "kind\tdescribed\nperson\t1\nstate\t1\n")
        #expect(try out("--nl") == "{\"kind\": \"person\", \"described\": 1}\n{\"kind\": \"state\", \"described\": 1}\n")
        #expect(try out("--markdown") == "| kind | described |\n| --- | --- |\n| person | 1 |\n| state | 1 |\n")
        #expect(try out("--table") == "kind    described\n──────  ─────────\nperson  1\nstate   1\n")
    }

    @Test func tableFitsTheTerminalWidth() throws {
        let s = Scratch()
        try CLI.run(["init", "--db", s.path("kb.sqlite"), "-q"])
        let r = try CLI.run(["sql", "SELECT code, description FROM cameo_codes", "--db", s.path("kb.sqlite"), "--table"], env: ["COLUMNS": "40"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count > 300)
        for l in lines { #expect(l.unicodeScalars.count <= 40, "\(l)") }
        // Alignment: the second column starts at the same place on every line.
        let starts = Set(lines.map { l -> Int in
            let chars = Array(l.unicodeScalars)
            var i = 0
            while i < chars.count, chars[i] != " " { i += 1 }
            while i < chars.count, chars[i] == " " { i += 1 }
            return i
        })
        #expect(starts == [6], "every row's second column starts at the same column")
    }

    @Test func demoBuildsADatabaseFromAnyFolder() throws {
        let s = Scratch()
        let r = try CLI.run(["demo"], cwd: s.url)
        #expect(r.status == 0)
        #expect(r.stdout.contains("irkb demo: 17 sample articles"))
        #expect(FileManager.default.fileExists(atPath: s.path("irkb.sqlite")))
        let stats = try CLI.run(["stats", "--tsv"], cwd: s.url)
        #expect(stats.stdout.contains("articles\t17"))
    }

    @Test func binaryCopiedAloneStillWorks() throws {
        let s = Scratch()
        let copy = s.url.appendingPathComponent("irkb")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let r = try CLI.run(["demo", "--db", "alone.sqlite"], cwd: s.url, binary: copy)
        #expect(r.status == 0, "\(r.stderr)")
        let v = try CLI.run(["stats", "--db", "alone.sqlite", "--tsv"], cwd: s.url, binary: copy)
        #expect(v.stdout.contains("schema version\t"))
    }

    @Test func schemaCommand() throws {
        let s = Scratch()
        try CLI.run(["init", "--db", s.path("kb.sqlite"), "-q"])
        let all = try CLI.run(["schema", "--db", s.path("kb.sqlite")])
        #expect(all.stdout.contains("CREATE TABLE articles"))
        #expect(all.stdout.contains("-- ISO 3166-1 alpha-3"))
        let one = try CLI.run(["schema", "v_events", "--db", s.path("kb.sqlite"), "--tsv"])
        #expect(one.stdout.contains("source_country"))
        #expect(try CLI.run(["schema", "nope", "--db", s.path("kb.sqlite")]).status == 1)
    }

    @Test func envVariableNamesTheDatabase() throws {
        let s = Scratch()
        try CLI.run(["init", "-q"], env: ["IRKB_DB": s.path("env.sqlite")])
        #expect(FileManager.default.fileExists(atPath: s.path("env.sqlite")))
    }
}
