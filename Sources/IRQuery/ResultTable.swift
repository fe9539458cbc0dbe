@_exported import struct IRStore.ResultTable
@_exported import enum IRStore.Cell

// ResultTable and Cell live in IRStore (the CLI renders them); these are the conveniences
// library callers use to read answers by column name.

extension Cell {
    /// The value as text, nil for NULL.
    public var string: String? { isNull ? nil : description }

    /// The value as an integer when it is one (or a whole double, or text of digits).
    public var int: Int64? {
        switch self {
        case let .int(v): return v
        case let .double(v): return v.rounded() == v && abs(v) < 9e18 ? Int64(v) : nil
        case let .text(s): return Int64(s)
        case .null, .blob: return nil
        }
    }

    public var double: Double? {
        switch self {
        case let .int(v): return Double(v)
        case let .double(v): return v
        case let .text(s): return Double(s)
        case .null, .blob: return nil
        }
    }
}

extension ResultTable {
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
        value(row, column) ?? .null
    }

    /// Rows as dictionaries, for callers that prefer names to positions.
    public var records: [[String: Cell]] {
        rows.map { Dictionary(zip(columns, $0), uniquingKeysWith: { a, _ in a }) }
    }
}

extension Cell {
    static func format(_ v: Double) -> String {
        if v.isFinite, v.rounded() == v, abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
