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
        try run(db, all: values)
    }

    /// Binds `values` (all the parameters, in order) and steps the statement to its end.
    func run<C: Collection<SQLValue>>(_ db: Database, all values: C) throws {
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
        try first(db, values) { h in sqlite3_column_type(h, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(h, 0) } ?? nil
    }

    /// Binds `values`, steps the statement once and reads its first row with `read` (given the
    /// statement handle); nil when it returns no row.
    func fetchFirst<T>(_ db: Database, _ values: SQLValue..., read: (OpaquePointer) -> T) throws -> T? {
        try first(db, values, read)
    }

    private func first<T>(_ db: Database, _ values: [SQLValue], _ read: (OpaquePointer) -> T) throws -> T? {
        let handle = sqliteStatement
        try bind(values, db)
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            let v = read(handle)
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

    private func bind<C: Collection<SQLValue>>(_ values: C, _ db: Database) throws {
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

/// An insert of up to `maxRows` rows in one statement (`INSERT OR FAIL INTO t(cols) VALUES (...),
/// (...)`), for the tables that take several rows per article.
///
/// Each execution of a statement costs SQLite a fixed amount besides its rows (resetting the
/// program, opening a cursor on the table and on each of its indexes, closing them, halting):
/// per mention, about as much as a third of the row itself (callgrind, `irkb-bench write-only`).
/// `OR FAIL` keeps the rows inserted before a failing one instead of rolling the statement back,
/// so SQLite opens no statement journal for it; every caller rolls back the article (its
/// savepoint) or the whole batch on a failure anyway.
final class MultiRowInsert {
    let prefix: String
    let columns: Int
    let maxRows: Int
    let suffix: String
    private var statements: [Statement?]
    private var values: [SQLValue] = []

    /// `prefix`: `INSERT OR FAIL INTO t(c1, ..., cn)`, `columns` names.
    /// `suffix`: what follows the values (an upsert clause), or "".
    init(_ prefix: String, columns: Int, maxRows: Int, suffix: String = "") {
        self.prefix = prefix
        self.suffix = suffix
        self.columns = columns
        self.maxRows = maxRows
        statements = Array(repeating: nil, count: maxRows + 1)
        values.reserveCapacity(columns * maxRows)
    }

    /// Inserts one row per element of `rows`, whose values `row` appends (exactly `columns` of
    /// them, in order). Returns the rowids of the rows inserted, in order: a statement's rows
    /// take consecutive rowids, up to the last one inserted.
    @discardableResult
    func insert<C: Collection>(_ db: Database, _ rows: C, _ row: (C.Element, inout [SQLValue]) -> Void) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(rows.count)
        var index = rows.startIndex
        while index != rows.endIndex {
            values.removeAll(keepingCapacity: true)
            var n = 0
            while n < maxRows && index != rows.endIndex {
                row(rows[index], &values)
                index = rows.index(after: index)
                n += 1
            }
            precondition(values.count == n * columns, "MultiRowInsert: a row gave \(values.count / max(n, 1)) values, not \(columns)")
            try statement(n, db).run(db, all: values)
            let last = db.lastInsertedRowID
            for k in 0..<Int64(n) { ids.append(last - Int64(n) + 1 + k) }
        }
        values.removeAll(keepingCapacity: true)
        return ids
    }

    /// Inserts the rows whose values `values` holds one after the other (`columns` per row).
    func insert(_ db: Database, values all: [SQLValue]) throws {
        precondition(all.count % columns == 0, "MultiRowInsert: \(all.count) values for rows of \(columns)")
        var start = 0
        while start < all.count {
            let n = min(maxRows, (all.count - start) / columns)
            try statement(n, db).run(db, all: all[start..<(start + n * columns)])
            start += n * columns
        }
    }

    private func statement(_ rows: Int, _ db: Database) throws -> Statement {
        if let s = statements[rows] { return s }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let s = try db.makeStatement(sql: prefix + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ") + " " + suffix)
        statements[rows] = s
        return s
    }
}
