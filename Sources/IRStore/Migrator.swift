import Foundation
import GRDB

/// Applies `Migrations/*.sql` (embedded in the binary) in order.
///
/// Each migration runs in its own transaction and is recorded in `schema_migrations`
/// with its SHA-256; `PRAGMA user_version` mirrors the count. A database whose version
/// is higher than the migrations this binary carries is refused.
public enum Migrator {
    public struct Migration: Sendable {
        public let name: String
        public let sql: String
        public var checksum: String { SHA256.hex(sql) }
    }

    /// The migrations this binary carries, in order.
    public static let all: [Migration] = EmbeddedMigrations.files.map { Migration(name: $0.name, sql: $0.contents) }

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name       TEXT PRIMARY KEY,   -- migration file name, e.g. 0001_core.sql
            checksum   TEXT NOT NULL,      -- SHA-256 of the file as applied
            applied_at TEXT NOT NULL       -- UTC timestamp
        ) STRICT
        """

    /// Brings the database up to date, applying at most `upTo` migrations (all by default).
    public static func migrate(_ writer: any DatabaseWriter, path: String, upTo: Int? = nil) throws {
        let target = min(upTo ?? all.count, all.count)
        let current = try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if current > all.count { throw StoreError.newerSchema(path: path, found: current, known: all.count) }
        if current == 0 {
            // An empty file or a foreign database? Refuse to add tables to someone else's schema.
            // Version and tables read in one snapshot: another process creating the same file may
            // commit its first migration between two separate reads.
            let foreign = try writer.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > 0 { return 0 }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'") ?? 0
            }
            if foreign > 0 {
                throw StoreError.notADatabase(path: path, detail: "it holds tables that irkb did not create")
            }
        }
        if current >= target {
            try writer.read { db in try check(db, path: path) }
            return
        }
        if let pool = writer as? DatabasePool {
            _ = pool  // DatabasePool is already in WAL mode.
        }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: bookkeeping)
            for (index, m) in all.enumerated() where index >= current && index < target {
                do {
                    // IMMEDIATE, and the version read again inside: another process creating or
                    // upgrading the same file at the same time may have applied it meanwhile.
                    try db.inTransaction(.immediate) {
                        let now = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                        if now > index { return .commit }
                        try db.execute(sql: m.sql)
                        try db.execute(sql: "INSERT INTO schema_migrations(name, checksum, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                                       arguments: [m.name, m.checksum])
                        try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                        return .commit
                    }
                } catch let e as DatabaseError where !Store.isBusy(e) {
                    throw StoreError.migrationFailed(name: m.name, detail: e.message ?? "\(e)")
                }
            }
        }
        try writer.read { db in try check(db, path: path) }
    }

    /// Refuses databases from a newer irkb or with edited migrations.
    public static func check(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > all.count { throw StoreError.newerSchema(path: path, found: version, known: all.count) }
        guard try db.tableExists("schema_migrations") else {
            if version == 0 { return }
            throw StoreError.notADatabase(path: path, detail: "schema_migrations is missing")
        }
        let recorded = try Row.fetchAll(db, sql: "SELECT name, checksum FROM schema_migrations")
        let known = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.checksum) })
        for row in recorded {
            let name: String = row["name"]
            if let sum = known[name], sum != (row["checksum"] as String) {
                throw StoreError.editedMigration(path: path, name: name)
            }
        }
    }
}
