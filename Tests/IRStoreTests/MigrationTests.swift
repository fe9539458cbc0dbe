import Foundation
import GRDB
import Testing
@testable import IRStore

/// A temporary folder removed when the value dies.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("irkb-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct MigrationTests {
    @Test func freshDatabaseHasEveryMigration() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.path("kb.sqlite"))
        #expect(try store.schemaVersion() == Migrator.all.count)
        let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM schema_migrations ORDER BY name") }
        #expect(names == Migrator.all.map(\.name))
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let fk = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(fk == 1)
    }

    /// The schema after all migrations, pinned. IRKB_UPDATE_GOLDEN=1 rewrites the snapshot.
    @Test func schemaSnapshot() throws {
        let store = try Store(path: ":memory:")
        let sql = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                ORDER BY type, name
                """)
        }.joined(separator: ";\n\n") + ";\n"
        let golden = packageRoot.appendingPathComponent("Tests/IRStoreTests/Golden/schema.sql")
        if ProcessInfo.processInfo.environment["IRKB_UPDATE_GOLDEN"] == "1" {
            try sql.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(sql == expected, "schema changed: review it and run IRKB_UPDATE_GOLDEN=1 swift test --filter schemaSnapshot")
    }

    /// Every index costs ingest a B-tree insert per row; one whose columns (and collations) begin
    /// another index of its table serves no lookup that the longer one does not (0017 dropped one).
    @Test func noIndexIsAPrefixOfAnother() throws {
        let store = try Store(path: ":memory:")
        let redundant = try store.read { db -> [String] in
            let rows = try Row.fetchAll(db, sql: "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'")
            var keys: [(name: String, table: String, columns: [String])] = []
            for row in rows {
                let name: String = row["name"]
                // A partial index serves only the rows it holds: it is no other's prefix.
                if let sql: String = row["sql"], sql.uppercased().contains(" WHERE ") { continue }
                let columns = try Row.fetchAll(db, sql: "SELECT name, coll, key FROM pragma_index_xinfo(?)", arguments: [name])
                    .filter { ($0["key"] as Int) == 1 }
                    .map { "\($0["name"] as String? ?? "<expr>") \($0["coll"] as String)" }
                // An expression column has no name: it matches no other.
                if columns.contains(where: { $0.hasPrefix("<expr>") }) { continue }
                keys.append((name, row["tbl_name"], columns))
            }
            var found: [String] = []
            for a in keys {
                for b in keys where a.name != b.name && a.table == b.table && a.columns.count <= b.columns.count
                    && Array(b.columns.prefix(a.columns.count)) == a.columns {
                    found.append("\(a.name) (\(a.columns.joined(separator: ", "))) begins \(b.name)")
                }
            }
            return found
        }
        #expect(redundant.isEmpty, "\(redundant)")
    }

    @Test func olderDatabaseUpgradesAndKeepsRows() throws {
        let tmp = TempDir()
        let path = tmp.path("old.sqlite")
        do {
            let pool = try DatabasePool(path: path)
            try Migrator.migrate(pool, path: path, upTo: 1)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO articles(external_id, headline, body, content_hash, ingested_at) VALUES ('a1', 'H', 'Body.', 'x', 'now')")
                #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 1)
                #expect(try !db.tableExists("events"))
            }
        }
        let store = try Store(path: path)
        #expect(try store.schemaVersion() == Migrator.all.count)
        let count = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") }
        #expect(count == 1)
        #expect(try store.read { db in try db.tableExists("events") })
    }

    @Test func newerDatabaseIsRefused() throws {
        let tmp = TempDir()
        let path = tmp.path("new.sqlite")
        _ = try Store(path: path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "PRAGMA user_version = 999") }
        #expect(throws: StoreError.newerSchema(path: path, found: 999, known: Migrator.all.count)) {
            _ = try Store(path: path)
        }
        #expect(throws: StoreError.newerSchema(path: path, found: 999, known: Migrator.all.count)) {
            _ = try Store(path: path, mode: .readOnly)
        }
    }

    @Test func olderDatabaseIsReadOnlyOnceUpgraded() throws {
        let tmp = TempDir()
        let path = tmp.path("old.sqlite")
        let older = Migrator.all.count - 1
        try Migrator.migrate(DatabasePool(path: path), path: path, upTo: older)
        // Reading needs the tables of every migration: a clear error says how to upgrade.
        #expect(throws: StoreError.olderSchema(path: path, found: older, known: Migrator.all.count)) {
            _ = try Store(path: path, mode: .readOnly)
        }
        #expect(StoreError.olderSchema(path: path, found: older, known: Migrator.all.count).description.contains("irkb init --db \(path)"))
        // Opening for writing (irkb init, ingest, reprocess) upgrades it; then it reads.
        _ = try Store(path: path)
        #expect(try Store(path: path, mode: .readOnly).schemaVersion() == Migrator.all.count)
    }

    @Test func nonSQLiteFileIsRefusedClearly() throws {
        let tmp = TempDir()
        let path = tmp.path("notes.sqlite")
        try "just some text, not a database".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try Store(path: path)
            Issue.record("opened a text file as a database")
        } catch let e as StoreError {
            #expect(e.description.contains("not an irkb database"))
            #expect(e.description.contains(path))
        }
    }

    @Test func foreignDatabaseIsNotTouched() throws {
        let tmp = TempDir()
        let path = tmp.path("other.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE mine(x)") }
        #expect(throws: StoreError.self) { _ = try Store(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["mine"])
    }

    @Test func missingDatabaseForReading() {
        #expect(throws: StoreError.missingDatabase(path: "/nonexistent/kb.sqlite")) {
            _ = try Store(path: "/nonexistent/kb.sqlite", mode: .readOnly)
        }
    }

    @Test func readOnlyStoreRefusesWrites() throws {
        let tmp = TempDir()
        let path = tmp.path("kb.sqlite")
        _ = try Store(path: path)
        let ro = try Store(path: path, mode: .readOnly)
        #expect(throws: DatabaseError.self) {
            try ro.database.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM articles") }
        }
    }

    @Test func cameoTableIsComplete() throws {
        let store = try Store(path: ":memory:")
        let n = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM cameo_codes") }
        #expect(n == 311)
        let roots = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT root) FROM cameo_codes") }
        #expect(roots == 20)
        let meet = try store.read { db in try Row.fetchOne(db, sql: "SELECT quad_class, goldstein, plover FROM cameo_codes WHERE code = '040'") }
        #expect(meet?["quad_class"] == 1)
        #expect(meet?["plover"] == "CONSULT")
    }

    /// Every file of Migrations/ travels in the binary unchanged.
    @Test func embeddedMigrationsMatchFiles() throws {
        let dir = packageRoot.appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files == Migrator.all.map(\.name), "run python3 scripts/embed.py")
        for m in Migrator.all {
            let text = try String(contentsOf: dir.appendingPathComponent(m.name), encoding: .utf8)
            #expect(text == m.sql, "\(m.name) is stale in the binary: run python3 scripts/embed.py")
        }
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // Fed in pieces of every awkward size, the digest is the same as in one piece.
        let text = Array((0..<300).map { UInt8($0 % 251) })
        var whole = SHA256()
        whole.update(text)
        let expected = whole.finalize()
        for piece in [1, 7, 63, 64, 65, 128, 299] {
            var h = SHA256()
            var i = 0
            while i < text.count { h.update(text[i..<min(text.count, i + piece)]); i += piece }
            #expect(h.finalize() == expected, "pieces of \(piece)")
        }
    }
}
