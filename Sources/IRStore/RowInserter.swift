import GRDB
import GRDBSQLite

/// A value bound by the writer's hot path: no existential, no `DatabaseValue` conversion.
enum SQLValue {
    case int(Int64)
    case text(String)
    case null

    @inline(__always) static func i(_ v: Int) -> SQLValue { .int(Int64(v)) }
    @inline(__always) static func i(_ v: Int64) -> SQLValue { .int(v) }
    @inline(__always) static func i(_ v: Int?) -> SQLValue { v.map { .int(Int64($0)) } ?? .null }
    @inline(__always) static func i(_ v: Int64?) -> SQLValue { v.map { .int($0) } ?? .null }
    @inline(__always) static func b(_ v: Bool) -> SQLValue { .int(v ? 1 : 0) }
    @inline(__always) static func t(_ v: String) -> SQLValue { .text(v) }
    @inline(__always) static func t(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }
}

/// Binds values straight into a cached statement and steps it: the ingest writer's hot path.
///
/// `Statement.execute(arguments:)` builds an array of `DatabaseValueConvertible` existentials per
/// row and converts each to a `DatabaseValue`; the writer inserts some eighty rows per article,
/// so it binds through the C API instead:
///
///     try insert.run(db, .i(articleID), .t(name), .t(countryCode))
///
/// Parameters bind in order from 1; SQLite copies text (`SQLITE_TRANSIENT`).
extension Statement {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    nonisolated(unsafe) private static let emptyText: UnsafePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    /// Binds `values` and steps the statement to its end.
    func run(_ db: Database, _ values: SQLValue...) throws {
        let handle = sqliteStatement
        try bind(values, db)
        let code = sqlite3_step(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW {
            let e = failure(code, db)
            sqlite3_reset(handle)
            throw e
        }
        sqlite3_reset(handle)
    }

    /// Binds `values`, steps a statement that returns one integer (`RETURNING id`, a lookup)
    /// and reads it; nil when it returns no row or NULL.
    func fetchInt(_ db: Database, _ values: SQLValue...) throws -> Int64? {
        let handle = sqliteStatement
        try bind(values, db)
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            let v = sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
            sqlite3_reset(handle)
            return v
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return nil
        default:
            let e = failure(code, db)
            sqlite3_reset(handle)
            throw e
        }
    }

    private func bind(_ values: [SQLValue], _ db: Database) throws {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        for (n, v) in values.enumerated() {
            let i = Int32(n + 1)
            let code: Int32
            switch v {
            case .int(let x):
                code = sqlite3_bind_int64(handle, i, x)
            case .null:
                code = sqlite3_bind_null(handle, i)
            case .text(var s):
                code = s.withUTF8 { b in
                    b.withMemoryRebound(to: CChar.self) { c in
                        sqlite3_bind_text(handle, i, c.baseAddress ?? Statement.emptyText, Int32(c.count), Statement.transient)
                    }
                }
            }
            if code != SQLITE_OK { throw failure(code, db) }
        }
    }

    private func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                      sql: sql)
    }
}
