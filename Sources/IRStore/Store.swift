import CSQLiteConfig
import Foundation
import GRDB

/// An irkb database file: connection policy, migrations and access.
///
///     let store = try Store(path: "irkb.sqlite")          // creates and migrates
///     let ro = try Store(path: "irkb.sqlite", mode: .readOnly)
///
/// Every connection turns on foreign keys, waits on a busy database instead of failing,
/// and checks that FTS5 is available. Read-write stores use WAL so that readers
/// (sqlite3, Datasette, `irkb query`) work during ingest.
public final class Store: @unchecked Sendable {
    public enum Mode: Sendable {
        /// Open or create, and bring the schema up to date.
        case readWrite
        /// Open an existing database; every write is refused by SQLite.
        case readOnly
    }

    public let path: String
    public let mode: Mode
    /// The connection: a `DatabasePool` (WAL) for files, a `DatabaseQueue` in memory or read-only.
    public let database: any DatabaseWriter
    /// Checkpoints after each batch on a thread of its own (read-write files only).
    let checkpointer: Checkpointer?
    /// A bulk load this store is writing (see Store+BulkLoad.swift).
    let bulkState = BulkState()

    /// How long a connection waits on a locked database before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// SQLite's memory statistics take a process-wide mutex on every allocation; irkb reads none.
    /// Turned off once, before the process's first connection (later it is a no-op).
    private static let memoryStatisticsOff: Void = { _ = irkb_sqlite_memstatus_off() }()

    /// Opens (and for `.readWrite` creates and migrates) the database at `path`.
    /// `":memory:"` opens a private in-memory database.
    public init(path: String, mode: Mode = .readWrite) throws {
        _ = Store.memoryStatisticsOff
        self.path = path
        self.mode = mode
        checkpointer = (path == ":memory:" || mode == .readOnly) ? nil : Checkpointer(path: path)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(Store.busyTimeout)
        config.readonly = (mode == .readOnly)
        config.label = "irkb"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        if path == ":memory:" {
            database = try DatabaseQueue(configuration: config)
        } else {
            if mode == .readOnly {
                guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missingDatabase(path: path) }
            }
            try Store.checkHeader(path)
            do {
                if mode == .readOnly {
                    database = try DatabaseQueue(path: path, configuration: config)
                } else {
                    // Another process creating the same file may hold it locked while it switches
                    // it to WAL, which SQLite reports at once, without its busy timeout.
                    database = try Store.retryingBusy {
                        let pool = try DatabasePool(path: path, configuration: config)
                        // The writer's statement journals (each INSERT with a trigger or an upsert keeps
                        // one) stay in memory instead of a temporary file: a file cost a write system
                        // call per page touched. Readers keep the default, so a large sort may spill.
                        try pool.writeWithoutTransaction { db in
                            try db.execute(sql: "PRAGMA temp_store = MEMORY")
                            // The batch writer's checkpoints run on the checkpointer's thread (see Checkpointer).
                            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Checkpointer.writerThreshold)")
                        }
                        return pool
                    }
                }
            } catch let e as DatabaseError {
                throw StoreError.notADatabase(path: path, detail: e.message ?? "\(e.resultCode)")
            }
        }
        do {
            try database.read { db in
                guard try Store.hasFTS5(db) else { throw StoreError.fts5Unavailable }
            }
            if mode == .readWrite {
                try Store.retryingBusy { try Migrator.migrate(database, path: path) }
            } else {
                try database.read { db in
                    try Migrator.check(db, path: path)
                    // The canned queries and views of this irkb read the tables of every migration it knows.
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if version > 0 && version < Migrator.all.count {
                        throw StoreError.olderSchema(path: path, found: version, known: Migrator.all.count)
                    }
                    // Mid bulk load the indexes and summaries are incomplete: answers would be wrong or slow.
                    if let load = try Store.bulkLoadRow(db) {
                        throw bulkLockHeldElsewhere() ? StoreError.bulkLoadRunning(path: path, startedAt: load.startedAt)
                                                      : StoreError.bulkLoadInterrupted(path: path, startedAt: load.startedAt)
                    }
                }
            }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(path: path, detail: e.message ?? "\(e.resultCode)")
        }
    }

    /// A file that exists and is not empty must start with the SQLite header.
    private static func checkHeader(_ path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { return }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        if head != Data("SQLite format 3\0".utf8) {
            throw StoreError.notADatabase(path: path, detail: "the file does not start with the SQLite header")
        }
    }

    static func hasFTS5(_ db: Database) throws -> Bool {
        let options = try String.fetchAll(db, sql: "PRAGMA compile_options")
        if options.contains("ENABLE_FTS5") { return true }
        // Some builds load FTS5 without the compile option: ask the module list.
        return try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM pragma_module_list WHERE name = 'fts5'") ?? false
    }

    /// The schema version: the number of migrations applied.
    public func schemaVersion() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Runs `body` in a read transaction.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }

    /// Runs `body` in a write transaction (rolled back if it throws).
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try database.write(body)
    }

    /// How often a write transaction that still finds the database busy after the busy
    /// timeout is tried again, with doubling pauses (0.1 s, 0.2 s, ...).
    public static let busyRetries = 6

    /// Runs `body` in a write transaction, trying again with backoff when SQLite reports the
    /// database busy or locked even after the busy timeout (another process writing for long,
    /// or a stale read snapshot). The transaction rolled back entirely, so a retry is safe.
    public func writeRetryingBusy<T>(_ body: (Database) throws -> T) throws -> T {
        try Store.retryingBusy { try database.write(body) }
    }

    /// Runs `body`, again with doubling pauses (0.1 s, 0.2 s, ...) while SQLite reports the
    /// database busy or locked, at most `busyRetries` times.
    static func retryingBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let e as DatabaseError where Store.isBusy(e) && attempt < Store.busyRetries {
                Thread.sleep(forTimeInterval: 0.1 * Double(1 << attempt))
                attempt += 1
            }
        }
    }

    /// `writeRetryingBusy` for the batch writer: foreign keys are not enforced inside its
    /// transaction (on again when it ends). Its rows point only at rows it has just written or
    /// looked up, and it deletes a changed article's rows table by table itself, so the checks
    /// (a parent-row lookup per reference, some 130 per article) and cascades are not needed.
    /// (SQLite ignores the pragma inside a transaction: it is set around it.)
    func writeRetryingBusyWithoutForeignKeys<T>(_ body: (Database) throws -> T) throws -> T {
        try Store.retryingBusy {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    static func isBusy(_ e: DatabaseError) -> Bool {
        e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
    }
}
