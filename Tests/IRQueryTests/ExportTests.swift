import Foundation
import IRQuery
import Testing

@Suite struct ExportTests {
    @Test func csvQuotingFollowsRFC4180() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("cr\r") == "\"cr\r\"")
        #expect(CSV.field("") == "")
        #expect(CSV.record([Cell.text("a,b"), .int(1), .null, .double(2.5)]) == "\"a,b\",1,,2.5\r\n")
    }

    /// A CSV record with quotes, commas and newlines reads back into the same fields.
    @Test func csvRoundTrips() {
        let fields = ["\"quoted\", he said", "multi\nline", "x", "", "é, ü"]
        #expect(parseCSV(CSV.record(fields)) == [fields])
    }

    @Test func jsonEscaping() throws {
        let line = JSONText.object(columns: ["a", "b", "c", "d"], cells: [.text("q\"\\\n\t\u{01}"), .int(3), .null, .double(.nan)])
        let obj = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(obj["a"] as? String == "q\"\\\n\t\u{01}")
        #expect((obj["b"] as? NSNumber)?.intValue == 3)
        #expect(obj["c"] is NSNull && obj["d"] is NSNull)
    }

    @Test func exportsTablesAndViews() throws {
        let kb = try Fixtures.worldKB()
        var csv = ""
        try kb.export(table: "v_quotes", format: .csv, to: &csv)
        let records = parseCSV(csv)
        #expect(records.first == ["quote_id", "article_id", "speaker_actor_id", "speaker_name", "speaker_country", "speaker_role",
                                  "speaker_anonymous", "quote_text", "said_on", "sentence_id"])
        #expect(records.count == 3)
        #expect(records.dropFirst().map { $0[7] }.contains("We will not bow to this pressure on Russia,"))
        var lines: [String] = []
        try kb.export(table: "sentences", format: .jsonl) { lines.append($0) }
        #expect(lines.count == 11)
        for l in lines {
            #expect(l.hasSuffix("\n"))
            let obj = try #require(JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])
            #expect(obj["text"] is String)
        }
        var limited = 0
        try kb.export(table: "SENTENCES", format: .jsonl, limit: 2) { _ in limited += 1 }
        #expect(limited == 2)
    }

    @Test func unknownTableIsRefusedNotSpliced() throws {
        let kb = try Fixtures.worldKB()
        for bad in ["nope", "actors; DROP TABLE actors", "actors\" --", "sqlite_schema"] {
            #expect(throws: QueryError.self) { try kb.export(table: bad, format: .csv) { _ in } }
        }
        do {
            try kb.export(table: "actor", format: .csv) { _ in }
        } catch {
            #expect("\(error)".contains("Did you mean 'actors'?"))
        }
        let tables = try kb.tablesAndViews()
        #expect(tables.contains("v_events") && tables.contains("articles_fts") && !tables.contains("articles_fts_data"))
    }
}

/// A small RFC 4180 reader for the tests.
func parseCSV(_ s: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(s.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            record.append(field); field = ""
        } else if c == "\r" && chars.first == "\n" {
            chars = chars.dropFirst()
            record.append(field); records.append(record); record = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}
