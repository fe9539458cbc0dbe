import Foundation
import Testing

/// `irkb` as an analyst runs it overnight: killed mid-ingest, run twice at once, read while
/// it writes, fed bad input and hostile SQL.
@Suite(.serialized) struct RobustnessTests {
    // MARK: helpers

    /// Articles written from templates: varied actors, verbs, dates, quotes and tolls.
    static func corpus(_ n: Int, prefix: String = "g") -> String {
        let people = ["Sergei Lavrov", "John Kerry", "Angela Merkel", "Recep Tayyip Erdogan", "Xi Jinping", "Shinzo Abe",
                      "Petro Poroshenko", "Hassan Rouhani", "Ban Ki-moon", "Francois Hollande"]
        let states = ["Russia", "the United States", "Germany", "Turkey", "China", "Japan", "Ukraine", "Iran", "France", "Syria"]
        let verbs = ["met", "criticized", "praised", "warned", "accused", "threatened", "visited", "called on"]
        let places = ["Geneva", "Moscow", "Beijing", "Ankara", "Kiev", "Tehran", "Paris", "Vienna"]
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        var out = ""
        for i in 0..<n {
            var g = UInt64(i) &* 0x9E37_79B9_7F4A_7C15 | 1
            func pick<T>(_ a: [T]) -> T {
                g ^= g << 13; g ^= g >> 7; g ^= g << 17
                return a[Int(g % UInt64(a.count))]
            }
            var body = "\(pick(places).uppercased()) (Reuters) - \(pick(people)) \(pick(verbs)) \(pick(states)) in \(pick(places)) on \(pick(days)), officials said."
            for _ in 0..<(2 + i % 5) {
                switch i % 4 {
                case 0: body += " \"We will not accept this,\" \(pick(people)) told reporters."
                case 1: body += " \(pick(states)) imposed sanctions on \(pick(states)) in March 2014."
                case 2: body += " At least \(3 + i % 40) soldiers were killed in clashes near \(pick(places)), the army said."
                default: body += " \(pick(people)) \(pick(verbs)) \(pick(people)) about the talks."
                }
            }
            if i % 7 == 0 { body += "\n\nThe talks continue next week." }
            let object: [String: Any] = ["id": "\(prefix)\(i)", "title": "Article \(i)", "text": body,
                                         "published": String(format: "2015-%02d-%02d", 1 + i % 12, 1 + i % 28), "outlet": "Reuters"]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        return out
    }

    struct Shell {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Runs the sqlite3 shell, as a reader beside irkb would.
    @discardableResult
    static func sqlite3(_ db: String, _ sql: String) throws -> Shell {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-batch", "-bail", "-cmd", ".timeout 30000", db, sql]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Shell(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Starts `irkb` without waiting; output is discarded.
    static func start(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "IRKB_DB")
        p.environment = environment
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    static let perArticleSQL = """
        SELECT a.external_id,
          (SELECT count(*) FROM sentences x WHERE x.article_id = a.id) || ',' ||
          (SELECT count(*) FROM mentions x WHERE x.article_id = a.id) || ',' ||
          (SELECT count(*) FROM events x WHERE x.article_id = a.id) || ',' ||
          (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) || ',' ||
          (SELECT count(*) FROM sanctions x WHERE x.article_id = a.id) || ',' ||
          (SELECT count(*) FROM conflict_reports x WHERE x.article_id = a.id)
        FROM articles a
        """

    /// Derived row counts per article id; empty when the schema is not there yet.
    static func perArticle(_ db: String) throws -> [String: String] {
        let has = try sqlite3(db, "SELECT count(*) FROM sqlite_master WHERE name = 'conflict_reports'")
        guard has.lines == ["1"] else { return [:] }
        let r = try sqlite3(db, perArticleSQL)
        #expect(r.status == 0, "\(r.stderr)")
        var out: [String: String] = [:]
        for line in r.lines {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            #expect(out[parts[0]] == nil, "article \(parts[0]) stored twice")
            out[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return out
    }

    /// `PRAGMA integrity_check` is ok and `foreign_key_check` finds nothing.
    static func expectSound(_ db: String, _ context: String) throws {
        let integrity = try sqlite3(db, "PRAGMA integrity_check")
        #expect(integrity.lines == ["ok"], "integrity_check after \(context): \(integrity.stdout) \(integrity.stderr)")
        let fk = try sqlite3(db, "PRAGMA foreign_key_check")
        #expect(fk.status == 0 && fk.lines.isEmpty, "foreign_key_check after \(context): \(fk.stdout) \(fk.stderr)")
    }

    /// A corpus and what a clean ingest makes of it, built once for the suite.
    final class Reference: @unchecked Sendable {
        let scratch = Scratch()
        let n = 2500
        let input: String
        let counts: [String: String]
        init() {
            input = scratch.write("corpus.jsonl", RobustnessTests.corpus(n))
            let db = scratch.path("reference.sqlite")
            // A failed reference ingest leaves the counts empty, which every test using them reports.
            let r = try? CLI.run(["ingest", "--db", db, "--quiet", input])
            counts = r?.status == 0 ? ((try? RobustnessTests.perArticle(db)) ?? [:]) : [:]
        }
    }
    static let reference = Reference()

    // MARK: crash safety

    @Test func killedIngestLeavesASoundDatabaseAndResumes() throws {
        let ref = RobustnessTests.reference
        #expect(ref.counts.count == ref.n)
        let s = Scratch()
        let db = s.path("killed.sqlite")
        var partial = 0
        for delay in [0.3, 0.8, 1.5, 2.5, 4.0, 6.0] {
            let p = try RobustnessTests.start(["ingest", "--db", db, "--quiet", "--batch", "40", ref.input])
            Thread.sleep(forTimeInterval: delay)
            let killed = p.isRunning
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            guard FileManager.default.fileExists(atPath: db) else { continue }
            try RobustnessTests.expectSound(db, "SIGKILL at \(delay) s")
            let stored = try RobustnessTests.perArticle(db)
            // Every article present has all its derived rows, as a clean ingest gives them.
            for (id, counts) in stored {
                #expect(ref.counts[id] == counts, "article \(id) is incomplete after SIGKILL at \(delay) s")
            }
            if killed && stored.count < ref.n { partial += 1 }
        }
        #expect(partial >= 2, "the kills should land mid-ingest")

        // The same command completes the input, each article exactly once.
        let done = try CLI.run(["ingest", "--db", db, "--quiet", ref.input])
        #expect(done.status == 0, "\(done.stderr)")
        try RobustnessTests.expectSound(db, "the completing run")
        #expect(try RobustnessTests.perArticle(db) == ref.counts)
        #expect(try RobustnessTests.sqlite3(db, "SELECT count(*), count(DISTINCT external_id) FROM articles").lines == ["\(ref.n)|\(ref.n)"])
    }

    /// A bulk load killed mid-way: readers and edits are refused with a message that says how to
    /// finish it; `irkb init` finishes it, or the same ingest run again without --bulk; either way
    /// the database is the one a clean ingest gives.
    @Test func killedBulkLoadIsRefusedThenFinished() throws {
        let ref = RobustnessTests.reference
        for finisher in ["init", "ingest"] {
            let s = Scratch()
            let db = s.path("bulk.sqlite")
            var interrupted = false
            for delay in [1.0, 2.0, 0.5, 3.0] {
                for suffix in ["", "-wal", "-shm", "-bulk"] { try? FileManager.default.removeItem(atPath: db + suffix) }
                let p = try RobustnessTests.start(["ingest", "--bulk", "--db", db, "--quiet", "--batch", "40", ref.input])
                Thread.sleep(forTimeInterval: delay)
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                if FileManager.default.fileExists(atPath: db),
                   try RobustnessTests.sqlite3(db, "SELECT count(*) FROM bulk_load").lines == ["1"] { interrupted = true; break }
            }
            try #require(interrupted, "a kill should land mid-load")
            try RobustnessTests.expectSound(db, "a bulk load killed")
            let stats = try CLI.run(["stats", "--db", db])
            #expect(stats.status == 1 && stats.stdout.isEmpty)
            #expect(stats.stderr.contains("a bulk load started") && stats.stderr.contains("did not finish")
                    && stats.stderr.contains("irkb init --db \(db)"), "\(stats.stderr)")
            let edit = try CLI.run(["actors", "add", "Someone Else", "--kind", "person", "--db", db])
            #expect(edit.status == 1 && edit.stderr.contains("did not finish"), "\(edit.stderr)")
            let done = finisher == "init" ? try CLI.run(["init", "--db", db]) : try CLI.run(["ingest", "--db", db, "--quiet", ref.input])
            #expect(done.status == 0, "\(done.stderr)")
            if finisher == "init" {
                #expect(done.stderr.contains("finishing the bulk load started"), "\(done.stderr)")
                let rest = try CLI.run(["ingest", "--db", db, "--quiet", ref.input])
                #expect(rest.status == 0, "\(rest.stderr)")
            }
            try RobustnessTests.expectSound(db, "finished by \(finisher)")
            #expect(try RobustnessTests.perArticle(db) == ref.counts)
            #expect(try RobustnessTests.sqlite3(db, "SELECT count(*) FROM bulk_load").lines == ["0"])
            #expect(!FileManager.default.fileExists(atPath: db + "-bulk"))
            #expect(try CLI.run(["stats", "--db", db]).status == 0)
        }
    }

    // MARK: concurrency

    @Test func readersAndASecondIngestWorkDuringIngest() throws {
        let ref = RobustnessTests.reference
        #expect(ref.counts.count == ref.n)
        let s = Scratch()
        let db = s.path("busy.sqlite")
        let first = try RobustnessTests.start(["ingest", "--db", db, "--quiet", "--batch", "25", ref.input])
        // Wait for the first committed batch.
        var waited = 0
        while waited < 600 {
            if FileManager.default.fileExists(atPath: db),
               let n = Int(try RobustnessTests.sqlite3(db, "SELECT count(*) FROM articles").lines.first ?? ""), n > 0 { break }
            Thread.sleep(forTimeInterval: 0.1)
            waited += 1
        }
        let second = try RobustnessTests.start(["ingest", "--db", db, "--quiet", "--batch", "25", ref.input])
        var last = 0
        var rounds = 0
        repeat {
            let shell = try RobustnessTests.sqlite3(db, "SELECT count(*) FROM articles")
            #expect(shell.status == 0, "sqlite3 during ingest: \(shell.stderr)")
            let n = Int(shell.lines.first ?? "") ?? -1
            #expect(n >= last, "the article count went down")
            last = max(last, n)
            let sql = try CLI.run(["sql", "--db", db, "--tsv", "--no-headers", "SELECT count(*) FROM sentences"])
            #expect(sql.status == 0, "irkb sql during ingest: \(sql.stderr)")
            let query = try CLI.run(["query", "most-mentioned", "--db", db, "--tsv"])
            #expect(query.status == 0, "irkb query during ingest: \(query.stderr)")
            let stats = try CLI.run(["stats", "--db", db, "--tsv"])
            #expect(stats.status == 0, "irkb stats during ingest: \(stats.stderr)")
            #expect(stats.stdout.contains("articles"))
            rounds += 1
        } while first.isRunning || second.isRunning
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(rounds >= 1)
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        try RobustnessTests.expectSound(db, "two concurrent ingests")
        #expect(try RobustnessTests.perArticle(db) == ref.counts)
    }

    @Test func twoIngestsCreatingTheSameNewDatabase() throws {
        let s = Scratch()
        let input = s.write("small.jsonl", RobustnessTests.corpus(60, prefix: "s"))
        for round in 0..<3 {
            let db = s.path("new\(round).sqlite")
            let a = try RobustnessTests.start(["ingest", "--db", db, "--quiet", input])
            let b = try RobustnessTests.start(["ingest", "--db", db, "--quiet", input])
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "round \(round)")
            try RobustnessTests.expectSound(db, "racing creation")
            let r = try RobustnessTests.sqlite3(db, "SELECT (SELECT count(*) FROM articles) || ',' || (SELECT count(*) FROM schema_migrations) || ',' || (SELECT user_version FROM pragma_user_version)")
            let migrations = try RobustnessTests.sqlite3(db, "SELECT user_version FROM pragma_user_version").lines.first ?? ""
            #expect(r.lines == ["60,\(migrations),\(migrations)"])
        }
    }

    // MARK: bad input through the command

    @Test func badInputIsCountedAndStrictFails() throws {
        let s = Scratch()
        let lines = RobustnessTests.corpus(5, prefix: "ok")
            + #"{"id":"bad1","text":12}"# + "\n"
            + String(repeating: "[", count: 100_000) + "\n"
            + #"{"id":"ok1","text":"A later copy of ok1 replaces the first."}"# + "\n"
            + #"{"id":"late","text":"Talks ended.","published":"2015-02-30"}"# + "\n"
        let input = s.write("mixed.jsonl", lines)
        let binary = s.path("image.txt")
        FileManager.default.createFile(atPath: binary, contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let empty = s.write("empty.txt", "")
        let db = s.path("kb.sqlite")

        let r = try CLI.run(["ingest", "--db", db, "--summary", input, binary, empty])
        #expect(r.status == 0)
        #expect(r.stderr.contains("Error: \(input):6: field \"text\" must be a string"))
        #expect(r.stderr.contains("Error: \(input):7: JSON nested deeper than 512 levels"))
        #expect(r.stderr.contains("Warning: \(input):8: duplicate id \"ok1\""))
        #expect(r.stderr.contains("Warning: \(input):9: publication date \"2015-02-30\""))
        #expect(r.stderr.contains("Error: \(binary): binary file"))
        #expect(r.stderr.contains("Error: \(empty): empty article text"))
        #expect(r.stderr.contains("Ingested 7 articles: 6 new, 1 updated, 0 unchanged, 4 failed"))
        #expect(try RobustnessTests.sqlite3(db, "SELECT count(*) FROM articles").lines == ["6"])

        let strict = try CLI.run(["ingest", "--db", s.path("strict.sqlite"), "--strict", input, binary])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict"))
        #expect(try RobustnessTests.sqlite3(s.path("strict.sqlite"), "SELECT count(*) FROM articles").lines == ["6"])
        // Warnings alone do not fail --strict.
        let clean = s.write("clean.jsonl", RobustnessTests.corpus(3, prefix: "c") + #"{"id":"w","text":"Talks.","published":"2015-02-30"}"# + "\n")
        #expect(try CLI.run(["ingest", "--db", s.path("strict2.sqlite"), "--strict", clean]).status == 0)
    }

    @Test func damagedDatabaseFilesGiveAnErrorNotACrash() throws {
        let s = Scratch()
        let db = s.path("kb.sqlite")
        #expect(try CLI.run(["ingest", "--db", db, "--quiet", s.write("in.jsonl", RobustnessTests.corpus(300))]).status == 0)
        #expect(try RobustnessTests.sqlite3(db, "PRAGMA wal_checkpoint(TRUNCATE)").status == 0)
        let full = try Data(contentsOf: URL(fileURLWithPath: db))
        let truncated = s.path("truncated.sqlite"), flipped = s.path("flipped.sqlite"), text = s.path("notes.sqlite")
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: truncated))
        var f = full
        for i in (full.count / 2)..<(full.count / 2 + 16384) { f[i] ^= 0xA5 }
        try f.write(to: URL(fileURLWithPath: flipped))
        try Data("id,name\n1,Russia\n".utf8).write(to: URL(fileURLWithPath: text))
        for path in [truncated, flipped, text] {
            for args in [["stats"], ["sql", "SELECT count(*), sum(length(body)) FROM articles"],
                         ["sql", "SELECT count(*) FROM sentences"], ["ingest", "--quiet", s.write("one.jsonl", #"{"id":"n","text":"Iran and Iraq met."}"#)]] {
                let r = try CLI.run(args + ["--db", path])
                // Exit code 0 (the damage was not in the pages read) or 1 with a message; never a signal.
                #expect(r.status == 0 || r.status == 1, "\(args) on \(path): status \(r.status)")
                if r.status == 1 { #expect(r.stderr.hasPrefix("Error: "), "\(args) on \(path): \(r.stderr)") }
            }
        }
        let notes = try CLI.run(["stats", "--db", text])
        #expect(notes.status == 1 && notes.stderr.contains("not an irkb database"))
    }

    // MARK: hostile SQL

    @Test func classicInjectionsAreRefused() throws {
        let s = Scratch()
        let db = s.path("kb.sqlite")
        #expect(try CLI.run(["ingest", "--db", db, "--quiet", s.write("in.jsonl", RobustnessTests.corpus(20))]).status == 0)
        let before = try RobustnessTests.sqlite3(db, "SELECT count(*), (SELECT count(*) FROM sqlite_master) FROM articles").stdout
        let evil = s.path("evil.sqlite")
        let hostile = [
            "SELECT 1; DROP TABLE articles",
            "SELECT 1; DELETE FROM articles",
            "SELECT 1 -- harmless\n; DELETE FROM articles",
            "SELECT 1 /* ; */ ; UPDATE articles SET body = ''",
            "/* a comment first */ DELETE FROM articles",
            "-- a comment first\nDROP TABLE sentences",
            "DELETE FROM articles",
            "UPDATE articles SET headline = 'x'",
            "INSERT INTO actor_kinds VALUES ('x', 'y')",
            "REPLACE INTO actor_kinds VALUES ('x', 'y')",
            "WITH x AS (SELECT 1) DELETE FROM articles",
            "DROP TABLE articles",
            "CREATE TABLE t(a)",
            "CREATE TEMP TABLE t(a)",
            "CREATE TEMP TRIGGER t AFTER INSERT ON articles BEGIN SELECT 1; END",
            "ATTACH DATABASE '\(evil)' AS e",
            "  attach '\(evil)' as e",
            "/* x */ ATTACH DATABASE '\(evil)' AS e",
            "DETACH DATABASE main",
            "VACUUM",
            "VACUUM INTO '\(evil)'",
            "/**/VACUUM INTO '\(evil)'",
            "PRAGMA writable_schema = ON",
            "PRAGMA writable_schema=1",
            "/* x */ PRAGMA writable_schema = ON",
            "PRAGMA main.writable_schema = 1",
            "PRAGMA journal_mode = DELETE",
            "PRAGMA journal_mode(DELETE)",
            "PRAGMA user_version(42)",
            "PRAGMA query_only = 0",
            "PRAGMA foreign_keys = OFF",
            "SELECT load_extension('/tmp/evil.so')",
            "SELECT LOAD_EXTENSION ('/tmp/evil')",
            "SAVEPOINT a",
            "BEGIN IMMEDIATE",
            "ANALYZE",
            "REINDEX",
            "",
            "   ",
            "-- only a comment",
        ]
        for stmt in hostile {
            // After "--": a statement starting with "--" is the statement, not an option.
            let r = try CLI.run(["sql", "--db", db, "--", stmt])
            #expect(r.status == 1, "\(stmt) was not refused: \(r.stdout)")
            #expect(r.stderr.hasPrefix("Error: "), "\(stmt): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: evil))
        #expect(try RobustnessTests.sqlite3(db, "SELECT count(*), (SELECT count(*) FROM sqlite_master) FROM articles").stdout == before)
        #expect(try RobustnessTests.sqlite3(db, "PRAGMA journal_mode").lines == ["wal"])

        // Reading statements that look alarming are fine.
        for stmt in ["SELECT 'DROP TABLE articles; ATTACH x' AS s", "SELECT \"external_id\" FROM articles -- ; DELETE FROM articles",
                     "PRAGMA table_info(articles)", "PRAGMA main.table_info('articles')", "PRAGMA user_version", "PRAGMA integrity_check",
                     "SELECT * FROM pragma_table_info('articles')", "SELECT count(*) FROM articles;"] {
            let r = try CLI.run(["sql", stmt, "--db", db, "--tsv"])
            #expect(r.status == 0, "\(stmt): \(r.stderr)")
        }
    }

    @Test func parametersAreBoundNeverSpliced() throws {
        let s = Scratch()
        let db = s.path("kb.sqlite")
        #expect(try CLI.run(["ingest", "--db", db, "--quiet", s.write("in.jsonl", RobustnessTests.corpus(20))]).status == 0)
        for value in ["x' OR '1'='1", "x'; DROP TABLE articles; --", "\" OR 1=1 --", "g1' UNION SELECT body FROM articles --", "%", "*"] {
            let r = try CLI.run(["sql", "SELECT external_id FROM articles WHERE external_id = :id", "-p", "id", value, "--db", db, "--tsv", "--no-headers"])
            #expect(r.status == 0)
            #expect(r.stdout.isEmpty, "\(value) matched rows: \(r.stdout)")
        }
        let exact = try CLI.run(["sql", "SELECT external_id FROM articles WHERE external_id = :id", "-p", "id", "g1", "--db", db, "--tsv", "--no-headers"])
        #expect(exact.stdout == "g1\n")
        #expect(try RobustnessTests.sqlite3(db, "SELECT count(*) FROM articles").lines == ["20"])
    }

    @Test func cannedQueriesAndSearchTakeHostileInputAsData() throws {
        let s = Scratch()
        let db = s.path("kb.sqlite")
        #expect(try CLI.run(["ingest", "--db", db, "--quiet", s.write("in.jsonl", RobustnessTests.corpus(40))]).status == 0)
        let fingerprint = "SELECT (SELECT count(*) FROM articles) || ',' || (SELECT count(*) FROM sqlite_master) || ',' || (SELECT count(*) FROM actors)"
        let before = try RobustnessTests.sqlite3(db, fingerprint).stdout
        let list = try CLI.run(["query", "--list", "--tsv", "--no-headers"])
        #expect(list.status == 0)
        let queries = list.stdout.split(separator: "\n").map { line -> (String, [String]) in
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let params = (cols.count > 2 ? cols[2] : "").split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
            return (cols[0], params)
        }
        #expect(queries.count >= 5)
        // The matrices that list only their busiest pairs by default take a limit.
        for name in ["who-sanctions-whom", "dyad-cooperation"] {
            #expect(queries.first { $0.0 == name }?.1.contains("limit") == true, "\(name) takes a limit")
        }
        let values = ["x' OR '1'='1", "'; DROP TABLE articles; --", "\" OR 1=1 --", ":actor", "%", "Russia') UNION SELECT sql FROM sqlite_master --",
                      "2015-02-30", "-1", "99999999999999999999", String(repeating: "A", count: 10_000)]
        for (name, params) in queries {
            for value in values {
                var args = ["query", name, "--db", db, "--tsv"]
                for p in params { args += ["-p", p, value] }
                let r = try CLI.run(args)
                #expect(r.status == 0 || r.status == 1 || r.status == 64, "query \(name) with \(value.prefix(30)): status \(r.status)")
                if r.status != 0 { #expect(r.stderr.hasPrefix("Error: "), "query \(name): \(r.stderr)") }
                #expect(!r.stdout.contains("CREATE TABLE"), "query \(name) leaked the schema with \(value.prefix(30))")
            }
        }
        // Search input is data: FTS5 syntax, quotes and SQL are searched for as words.
        for words in [["NEAR(Lavrov", "Syria,", "5)"], ["\""], ["OR"], ["-Kerry"], ["headline:x"], ["*"], ["'; DROP TABLE articles; --"],
                      ["Lavrov\"", "\"Kerry"], ["AND", "NOT"], ["{a b}"], ["^start"], [String(repeating: "(", count: 5000)]] {
            let r = try CLI.run(["search", "--db", db, "--tsv", "--"] + words)
            #expect(r.status == 0 || (r.status == 1 && r.stderr.hasPrefix("Error: ")), "search \(words): \(r.status) \(r.stderr)")
            #expect(!r.stderr.contains("syntax error"), "search \(words) reached FTS5 as syntax: \(r.stderr)")
        }
        let raw = try CLI.run(["search", "--db", db, "--raw", "NEAR(Lavrov"])
        #expect(raw.status == 1 && raw.stderr.hasPrefix("Error: "))
        #expect(try RobustnessTests.sqlite3(db, fingerprint).stdout == before)
    }
}
