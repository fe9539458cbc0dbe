import Foundation
import IRQuery
import IRStore

/// Renders a `ResultTable` as a table, JSON, NDJSON, CSV, TSV or Markdown.
struct Renderer {
    enum Format: String { case table, json, nl, csv, tsv, markdown }

    var format: Format
    var headers = true
    /// Terminal width for `.table`; nil renders cells in full.
    var width: Int?

    func render<O: TextOutputStream>(_ t: ResultTable, to out: inout O) {
        switch format {
        case .json:
            out.write("[")
            for (i, r) in t.rows.enumerated() {
                out.write(i == 0 ? "\n" : ",\n")
                out.write(JSONText.object(columns: t.columns, cells: r))
            }
            out.write(t.rows.isEmpty ? "]\n" : "\n]\n")
        case .nl:
            for r in t.rows { out.write(JSONText.object(columns: t.columns, cells: r)); out.write("\n") }
        case .csv:
            if headers { out.write(CSV.record(t.columns)) }
            for r in t.rows { out.write(CSV.record(r)) }
        case .tsv:
            if headers { out.write(t.columns.map(Renderer.tsvField).joined(separator: "\t") + "\n") }
            for r in t.rows { out.write(r.map { Renderer.tsvField($0.description) }.joined(separator: "\t") + "\n") }
        case .markdown:
            let esc: (String) -> String = { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            if headers {
                out.write("| " + t.columns.map(esc).joined(separator: " | ") + " |\n")
                out.write("|" + t.columns.map { _ in " --- |" }.joined() + "\n")
            }
            for r in t.rows { out.write("| " + r.map { esc($0.description) }.joined(separator: " | ") + " |\n") }
        case .table:
            renderTable(t, to: &out)
        }
    }

    /// An aligned table that fits `width`: the widest columns are cut (with …) until it fits.
    func renderTable<O: TextOutputStream>(_ t: ResultTable, to out: inout O) {
        let n = t.columns.count
        guard n > 0 else { return }
        let cells: [[String]] = t.rows.map { $0.map { Renderer.oneLine($0.description) } }
        var widths = t.columns.map { headers ? Renderer.displayWidth($0) : 0 }
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], Renderer.displayWidth(c)) } }
        if let width {
            let sep = 2 * (n - 1)
            var total = widths.reduce(0, +) + sep
            while total > width {
                guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 else { break }
                widths[widest] -= 1
                total -= 1
            }
        }
        func line(_ values: [String]) -> String {
            var s = ""
            for (i, v) in values.enumerated() {
                let cut = Renderer.truncate(v, widths[i])
                s += cut
                if i < n - 1 { s += String(repeating: " ", count: widths[i] - Renderer.displayWidth(cut) + 2) }
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        if headers {
            out.write(line(t.columns))
            out.write(line(widths.map { String(repeating: "─", count: $0) }))
        }
        for r in cells { out.write(line(r)) }
    }

    static func oneLine(_ s: String) -> String {
        guard s.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" }) else { return s }
        return s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    /// Columns a string occupies: wide East Asian characters count two, combining marks none.
    static func displayWidth(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += scalarWidth(u) }
        return w
    }

    static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x300 { return v < 0x20 ? 0 : 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    static func truncate(_ s: String, _ width: Int) -> String {
        if displayWidth(s) <= width { return s }
        var out = ""
        var w = 0
        for u in s.unicodeScalars {
            let cw = scalarWidth(u)
            if w + cw > width - 1 { break }
            out.unicodeScalars.append(u)
            w += cw
        }
        return out + "…"
    }

    static func tsvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
