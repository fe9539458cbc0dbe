import Foundation
import GRDB
import Testing
@testable import IRStore

/// Upgrades keep every row; newer, corrupt, truncated or foreign files are refused with a clear error.
@Suite struct SchemaSafetyTests {
    /// Rows for the tables each migration level has: level 1 the core, level 3 events and the rest.
    static let fixtures: [(level: Int, sql: String)] = [
        (1, """
            INSERT INTO articles(id, external_id, url, outlet, headline, dateline_place, published_on, published_source, body, content_hash, source, ingested_at, analyzer_version)
              VALUES (1, 'a1', 'https://example.com/1', 'Reuters', 'Talks in Geneva', 'GENEVA', '2015-05-12', 'input',
                      'GENEVA (Reuters) - Lavrov met Kerry in Geneva on Tuesday. "We agreed," Lavrov said.', 'h1', 'a.jsonl:1', '2015-05-12T10:00:00Z', 1),
                     (2, 'a2', NULL, NULL, '', NULL, NULL, 'none', 'Rebels attacked Donetsk. Twelve soldiers were killed.', 'h2', NULL, '2015-05-12T10:00:00Z', 1);
            INSERT INTO sentences(id, article_id, ordinal, paragraph, start_char, end_char, text, is_caption) VALUES
              (1, 1, 0, 0, 19, 58, 'Lavrov met Kerry in Geneva on Tuesday.', 0),
              (2, 1, 1, 0, 59, 84, '"We agreed," Lavrov said.', 0),
              (3, 2, 0, 0, 0, 24, 'Rebels attacked Donetsk.', 0),
              (4, 2, 1, 0, 25, 53, 'Twelve soldiers were killed.', 0);
            INSERT INTO actors(id, name, kind, country_code, cameo_code, identity_key, user_defined) VALUES
              (1, 'Sergei Lavrov', 'person', 'RUS', 'RUSGOV', 'person:sergei lavrov', 0),
              (2, 'John Kerry', 'person', 'USA', 'USAGOV', 'person:john kerry', 0),
              (3, 'Russia', 'state', 'RUS', 'RUS', 'state:RUS', 0),
              (4, 'Ukraine rebels', 'group', 'UKR', 'UKRREB', 'group:ukraine rebels', 1);
            INSERT INTO actor_aliases(actor_id, alias, source) VALUES (1, 'Lavrov', 'text'), (3, 'Moscow', 'lexicon'), (4, 'separatists', 'user');
            INSERT INTO actor_roles(actor_id, title, country_code, of_actor_id, article_id, sentence_id, seen_on) VALUES
              (1, 'foreign minister', 'RUS', 3, 1, 1, '2015-05-12');
            INSERT INTO places(id, name, country_code, kind, identity_key) VALUES (1, 'Geneva', 'CHE', 'city', 'geneva|CHE'), (2, 'Donetsk', 'UKR', 'city', 'donetsk|UKR');
            INSERT INTO mentions(article_id, sentence_id, actor_id, start_char, end_char, text, rule) VALUES
              (1, 1, 1, 19, 25, 'Lavrov', 'person'), (1, 1, 2, 30, 35, 'Kerry', 'person'), (1, 2, 1, 72, 78, 'Lavrov', 'person'), (2, 3, 4, 0, 6, 'Rebels', 'group');
            """),
        (3, """
            INSERT INTO events(article_id, sentence_id, source_actor_id, target_actor_id, cameo_code, occurred_on, date_precision, date_source, place_id, mode, trigger_text, start_char, end_char, rule, lexicon_entry)
              VALUES (1, 1, 1, 2, (SELECT min(code) FROM cameo_codes), '2015-05-12', 'day', 'relative', 1, 'asserted', 'met', 26, 29, 'svo', 'meet'),
                     (2, 3, 4, NULL, (SELECT max(code) FROM cameo_codes), NULL, NULL, NULL, 2, 'asserted', 'attacked', 7, 15, 'sv', 'attack');
            INSERT INTO sanctions(article_id, sentence_id, imposer_actor_id, target_actor_id, target_description, target_country, action, kind, stated_on, conditional, trigger_text, start_char, end_char, rule)
              VALUES (1, 1, 2, 3, 'Russian banks', 'RUS', (SELECT min(action) FROM sanction_actions), (SELECT min(kind) FROM sanction_kinds), '2015-05-12', 0, 'sanctions', 0, 9, 'test');
            INSERT INTO conflicts(id, name, country_code, identity_key) VALUES (1, 'War in Donbas', 'UKR', 'conflict:UKR');
            INSERT INTO conflict_parties(conflict_id, actor_id, article_id) VALUES (1, 4, 2);
            INSERT INTO conflict_reports(conflict_id, article_id, sentence_id, scope, killed, killed_qualifier, wounded, since, as_of, start_char, end_char)
              VALUES (1, 2, 4, 'incident', 12, 'exactly', NULL, NULL, '2015-05-12', 25, 53);
            INSERT INTO quotes(article_id, sentence_id, speaker_actor_id, speaker_description, speaker_country, speaker_role, anonymous, text, start_char, end_char, said_on, rule)
              VALUES (1, 2, 1, NULL, 'RUS', 'foreign minister', 0, 'We agreed,', 60, 70, '2015-05-12', 'said-after');
            """),
        // An aid event, for support_years (0013).
        (13, """
            INSERT INTO events(article_id, sentence_id, source_actor_id, target_actor_id, cameo_code, occurred_on, date_precision, date_source, place_id, mode, trigger_text, start_char, end_char, rule, lexicon_entry)
              VALUES (1, 1, 2, 3, '070', NULL, NULL, 'published', NULL, 'asserted', 'aid', 26, 29, 'svo', 'send aid');
            """),
    ]

    /// Base tables (not FTS shadow or virtual tables), in name order.
    static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND name NOT LIKE '%_fts%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name
            """)
    }

    /// Every row of every table, as text: what an upgrade must keep.
    static func contents(_ db: Database) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for t in try tables(db) where t != "schema_migrations" {
            // A WITHOUT ROWID table (the summaries of 0008) is read in primary key order.
            let withoutRowID = try Bool.fetchOne(db, sql: "SELECT wr FROM pragma_table_list WHERE name = ?", arguments: [t]) ?? false
            out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t)\(withoutRowID ? "" : " ORDER BY rowid")").map { $0.description }
        }
        return out
    }

    @Test(arguments: 1..<Migrator.all.count)
    func upgradeFromEveryEarlierLevelKeepsEveryRow(level: Int) throws {
        let tmp = TempDir()
        let path = tmp.path("old.sqlite")
        var before: [String: [String]] = [:]
        do {
            let pool = try DatabasePool(path: path)
            try Migrator.migrate(pool, path: path, upTo: level)
            try pool.write { db in
                for f in SchemaSafetyTests.fixtures where f.level <= level { try db.execute(sql: f.sql) }
            }
            before = try pool.read { db in try SchemaSafetyTests.contents(db) }
            // The fixtures fill every table the level has.
            for (table, rows) in before { #expect(!rows.isEmpty, "no fixture rows for \(table) at level \(level)") }
        }
        let store = try Store(path: path)
        #expect(try store.schemaVersion() == Migrator.all.count)
        let after = try store.read { db in try SchemaSafetyTests.contents(db) }
        for (table, rows) in before {
            #expect(after[table] == rows, "\(table) changed on upgrade from level \(level)")
        }
        let integrity = try store.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        let orphans = try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(integrity == ["ok"])
        #expect(orphans.isEmpty)
        // Text stored before full-text search existed must be searchable after the upgrade.
        let found = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Geneva'") ?? 0
        }
        #expect(found == 1, "rows of a database upgraded from level \(level) are searchable")
        // And counted in the summaries.
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        let summarized = try store.read { db in try Int.fetchOne(db, sql: "SELECT sum(mentions) FROM actor_months") ?? 0 }
        #expect(summarized == (try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") ?? 0 }))
    }

    @Test func newerDatabaseIsRefusedAndLeftUntouched() throws {
        let tmp = TempDir()
        let path = tmp.path("new.sqlite")
        _ = try Store(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "PRAGMA user_version = \(Migrator.all.count + 1)")
            try db.execute(sql: "CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        }
        for mode in [Store.Mode.readWrite, .readOnly] {
            do {
                _ = try Store(path: path, mode: mode)
                Issue.record("a newer database was opened")
            } catch let e as StoreError {
                #expect(e.description.contains("newer irkb"))
                #expect(e.description.contains(path))
            }
        }
        let version = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == Migrator.all.count + 1)
    }

    /// A real database with rows, checkpointed so its pages live in the main file.
    static func makeDatabase(_ path: String) throws -> Int {
        let store = try Store(path: path)
        try store.write { db in
            for f in fixtures { try db.execute(sql: f.sql) }
            // Enough rows to span many pages.
            for i in 3...400 {
                try db.execute(sql: "INSERT INTO articles(external_id, headline, body, content_hash, ingested_at) VALUES (?, ?, ?, ?, 'now')",
                               arguments: ["x\(i)", "Headline \(i)", String(repeating: "Iran and Iraq met in Baghdad on Monday. ", count: 20), "h\(i)"])
            }
        }
        try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue
    }

    /// Opening and reading a damaged file: a thrown error (store or SQLite) with a message, never a crash.
    static func openAndReadEverything(_ path: String) -> [String] {
        var errors: [String] = []
        for mode in [Store.Mode.readOnly, .readWrite] {
            do {
                let store = try Store(path: path, mode: mode)
                try store.read { db in
                    for t in try tables(db) { _ = try Row.fetchAll(db, sql: "SELECT * FROM \(t)") }
                    _ = try Row.fetchAll(db, sql: "SELECT * FROM articles_fts WHERE articles_fts MATCH 'Iran'")
                    let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                    if check != ["ok"] { errors.append("integrity_check: " + check.joined(separator: "; ")) }
                }
            } catch let e as StoreError {
                errors.append(e.description)
            } catch let e as DatabaseError {
                errors.append(e.description)
            } catch {
                errors.append("\(error)")
            }
        }
        return errors
    }

    @Test func truncatedDatabaseGivesAnError() throws {
        let tmp = TempDir()
        let path = tmp.path("cut.sqlite")
        let size = try SchemaSafetyTests.makeDatabase(path)
        #expect(size > 64 * 1024)
        let h = try #require(FileHandle(forUpdatingAtPath: path))
        try h.truncate(atOffset: UInt64(size / 2))
        try h.close()
        let errors = SchemaSafetyTests.openAndReadEverything(path)
        #expect(!errors.isEmpty)
        for e in errors { #expect(!e.isEmpty) }
    }

    @Test func flippedBytesGiveAnError() throws {
        let tmp = TempDir()
        let path = tmp.path("flip.sqlite")
        let size = try SchemaSafetyTests.makeDatabase(path)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Garble a run of bytes in the middle (page headers and cells) and the schema page's b-tree.
        var g: UInt64 = 12345
        for i in (size / 2)..<(size / 2 + 8192) {
            g = g &* 6364136223846793005 &+ 1442695040888963407
            data[i] ^= UInt8(truncatingIfNeeded: g >> 33) | 1
        }
        try data.write(to: URL(fileURLWithPath: path))
        let errors = SchemaSafetyTests.openAndReadEverything(path)
        #expect(!errors.isEmpty)

        // The first page garbled after the header: the schema itself is unreadable.
        data = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in 100..<4096 { data[i] ^= 0x5A }
        try data.write(to: URL(fileURLWithPath: path))
        let schemaErrors = SchemaSafetyTests.openAndReadEverything(path)
        #expect(schemaErrors.count == 2)
        #expect(schemaErrors.allSatisfy { $0.contains("not an irkb database") || $0.contains("malformed") })
    }

    @Test func nonDatabaseFilesAreRefusedWithTheirPath() throws {
        let tmp = TempDir()
        let cases: [(String, Data)] = [
            ("text.sqlite", Data("hello, this is not a database\n".utf8)),
            ("zeros.sqlite", Data(count: 8192)),
            ("header-only.sqlite", Data("SQLite format 3\0".utf8)),
            ("random.sqlite", Data((0..<10000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) })),
        ]
        for (name, bytes) in cases {
            let path = tmp.path(name)
            try bytes.write(to: URL(fileURLWithPath: path))
            for mode in [Store.Mode.readOnly, .readWrite] {
                do {
                    _ = try Store(path: path, mode: mode)
                    Issue.record("\(name) opened as a database (\(mode))")
                } catch let e as StoreError {
                    #expect(e.description.hasPrefix(path), "\(name): \(e)")
                }
            }
            // Refused files are left as they were.
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test func foreignSQLiteDatabaseIsNotTakenOver() throws {
        let tmp = TempDir()
        let path = tmp.path("other.sqlite")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        }
        #expect(throws: StoreError.self) { _ = try Store(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in try SchemaSafetyTests.tables(db) }
        #expect(tables == ["recipes"])
    }
}
