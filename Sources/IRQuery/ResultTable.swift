/// One value of a result: what SQLite stores, without blobs (irkb stores none).
public enum Cell: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    /// The value as plain text: NULL is empty, doubles print without a trailing `.0` when whole.
    public var description: String {
        switch self {
        case .null: return ""
        case let .int(v): return String(v)
        case let .double(v): return Cell.format(v)
        case let .text(s): return s
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The text of a `.text` cell, the digits of a number, nil for NULL.
    public var string: String? { isNull ? nil : description }

    public var int: Int64? {
        switch self {
        case let .int(v): return v
        case let .double(v): return v.rounded() == v ? Int64(exactly: v) : nil
        case let .text(s): return Int64(s)
        case .null: return nil
        }
    }

    public var double: Double? {
        switch self {
        case let .int(v): return Double(v)
        case let .double(v): return v
        case let .text(s): return Double(s)
        case .null: return nil
        }
    }

    static func format(_ v: Double) -> String {
        if v.isFinite, v.rounded() == v, abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

/// A query's answer: column names and rows of cells, ready for a renderer.
public struct ResultTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]] = []) {
        self.columns = columns; self.rows = rows
    }

    public var isEmpty: Bool { rows.isEmpty }
    public var count: Int { rows.count }

    /// The index of a column by name.
    public func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// The cells of one column, top to bottom (empty if there is no such column).
    public func column(_ name: String) -> [Cell] {
        guard let i = index(of: name) else { return [] }
        return rows.map { $0[i] }
    }

    /// The cell at a row and column name; `.null` when the column does not exist.
    public subscript(row: Int, column: String) -> Cell {
        guard let i = index(of: column) else { return .null }
        return rows[row][i]
    }

    /// Rows as dictionaries, for callers that prefer names to positions.
    public var records: [[String: Cell]] {
        rows.map { Dictionary(zip(columns, $0), uniquingKeysWith: { a, _ in a }) }
    }
}
