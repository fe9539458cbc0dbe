/// CSV as RFC 4180 says: fields with a comma, quote, CR or LF are double-quoted with inner
/// quotes doubled, records end in CRLF, NULL is an empty field.
///
///     CSV.record([.text("a,b"), .int(1), .null])   // "\"a,b\",1,\r\n"
public enum CSV {
    public static func field(_ s: String) -> String {
        var needsQuotes = false
        for u in s.utf8 where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func record(_ cells: [Cell]) -> String {
        record(cells.map(\.description))
    }
}

/// JSON text for cells and objects, written by hand so key order follows the columns.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A cell as a JSON value: numbers stay numbers (non-finite ones become null).
    public static func value(_ c: Cell) -> String {
        switch c {
        case .null: return "null"
        case let .int(v): return String(v)
        case let .double(v): return number(v)
        case let .text(s): return string(s)
        case let .blob(b): return string(b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
    }

    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        return Cell.format(v)
    }

    /// One row as a JSON object, keys in column order: a JSON Lines record without its newline.
    public static func object(columns: [String], cells: [Cell]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(columns.count)
        for (i, c) in columns.enumerated() {
            parts.append(string(c) + ": " + value(i < cells.count ? cells[i] : .null))
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

/// A JSON document built in order (for metadata and graph exports).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }
    public func hash(into h: inout Hasher) { h.combine(render()) }

    /// The JSON text; `indent` > 0 pretty-prints with that many spaces per level.
    public func render(indent: Int = 0) -> String {
        var out = ""
        write(&out, indent: indent, level: 0)
        return out
    }

    private func write(_ out: inout String, indent: Int, level: Int) {
        let pad = indent > 0 ? "\n" + String(repeating: " ", count: indent * (level + 1)) : ""
        let endPad = indent > 0 ? "\n" + String(repeating: " ", count: indent * level) : ""
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d): out += JSONText.number(d)
        case let .string(s): out += JSONText.string(s)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += indent > 0 ? "," : ", " }
                out += pad
                item.write(&out, indent: indent, level: level + 1)
            }
            out += endPad + "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += indent > 0 ? "," : ", " }
                out += pad + JSONText.string(k) + ": "
                v.write(&out, indent: indent, level: level + 1)
            }
            out += endPad + "}"
        }
    }
}

/// Export formats for whole tables.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV with a header record.
    case csv
    /// One JSON object per line, keys in column order.
    case jsonl
}

extension KnowledgeBase {
    /// Streams a whole table or view as CSV or JSON Lines to `write`, one record per call
    /// (the CSV header first). The name must be a table or view of the database.
    ///
    ///     var out = ""
    ///     try kb.export(table: "v_events", format: .csv) { out += $0 }
    public func export(table: String, format: ExportFormat, limit: Int? = nil, write: (String) throws -> Void) throws {
        let known = try tablesAndViews()
        guard let name = known.first(where: { $0 == table }) ?? known.first(where: { $0.lowercased() == table.lowercased() }) else {
            throw QueryError.unknownTable(name: table, known: known)
        }
        let quoted = "\"" + name.replacingAll("\"", with: "\"\"") + "\""
        var sql = "SELECT * FROM \(quoted)"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        var columns: [String] = []
        try stream(sql: sql, label: name, header: { cols in
            columns = cols
            if format == .csv { try write(CSV.record(cols)) }
        }, row: { cells in
            switch format {
            case .csv: try write(CSV.record(cells))
            case .jsonl: try write(JSONText.object(columns: columns, cells: cells) + "\n")
            }
        })
    }

    /// Streams a table or view to any `TextOutputStream`.
    public func export<Target: TextOutputStream>(table: String, format: ExportFormat, limit: Int? = nil, to target: inout Target) throws {
        try export(table: table, format: format, limit: limit) { target.write($0) }
    }
}
