import Foundation
import IRQuery
import Testing

/// Canned queries on the sample articles: structure always, and answers pinned in
/// Tests/IRQueryTests/Golden/<query>.txt. Extraction changes the answers; after a change,
/// review and rewrite them with
///
///     IRKB_UPDATE_GOLDEN=1 swift test --filter GoldenTests
@Suite struct GoldenTests {
    /// Sensible questions for the sample articles.
    static let sampleParameters: [String: [String: String]] = [
        "meetings": ["actor": "Putin"],
        "dyad-timeline": ["actor": "RUS", "other": "USA"],
        "actor-profile": ["actor": "Putin"],
        "sanctions-in-force": ["target": "RUS"],
        "sanctions-on": ["target": "RUS"],
        "who-sanctions-whom": [:],
        "sanctions-timeline": ["actor": "EU"],
        "conflicts": [:],
        "conflict-toll": ["conflict": "Sudan"],
        "backers": [:],
        "quotes-by-speaker": ["speaker": "Peskov"],
        "anonymous-quotes": [:],
        "dyad-cooperation": [:],
        "events-by-root": [:],
        "most-mentioned": ["limit": "15"],
        "co-mentions": ["limit": "15"],
        "role-holders": ["title": "Minister"],
    ]

    /// The columns each query answers with: a contract for the CLI, the README and Datasette.
    static let columns: [String: [String]] = [
        "meetings": ["date", "source_name", "target_name", "cameo_code", "event_label", "place_name", "mode", "article_id", "sentence_text"],
        "dyad-timeline": ["date", "source_name", "cameo_code", "event_label", "target_name", "quad_class", "goldstein", "mode",
                          "place_name", "sentence_text", "article_id", "event_id"],
        "actor-profile": ["section", "item", "detail", "date", "count"],
        "sanctions-in-force": ["imposer_name", "imposer_country", "target_name", "target_country", "kind", "status", "last_action",
                               "last_action_on", "first_imposed_on", "actions", "sentence_text", "article_id"],
        "sanctions-on": ["date", "imposer_name", "action", "kind", "target_name", "target_country", "conditional", "sentence_text",
                         "article_id", "sanction_id"],
        "who-sanctions-whom": ["imposer_name", "imposer_country", "target_name", "target_country", "impose", "extend", "ease", "lift",
                               "threaten", "total", "kinds", "first_on", "last_on"],
        "sanctions-timeline": ["date", "role", "imposer_name", "action", "kind", "target_name", "conditional", "sentence_text",
                               "article_id", "sanction_id"],
        "conflicts": ["conflict_id", "conflict_name", "country_code", "parties", "killed", "killed_qualifier", "toll_scope", "toll_since",
                      "toll_as_of", "reports", "last_reported_on", "toll_sentence"],
        "conflict-toll": ["as_of", "conflict_name", "scope", "killed", "killed_qualifier", "wounded", "since", "sentence_text",
                          "article_id", "report_id"],
        "backers": ["conflict_name", "backer", "backer_country", "party", "events", "support", "mean_goldstein", "first_on", "last_on"],
        "quotes-by-speaker": ["date", "speaker_name", "speaker_role", "quote_text", "headline", "article_id", "quote_id"],
        "anonymous-quotes": ["date", "speaker_country", "speaker_description", "speaker_role", "quote_text", "headline", "article_id",
                             "quote_id"],
        "dyad-cooperation": ["actor_a", "actor_b", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                             "material_conflict", "mean_goldstein", "first_on", "last_on"],
        "events-by-root": ["month", "country", "root", "root_label", "events", "mean_goldstein"],
        "most-mentioned": ["actor_name", "kind", "country_code", "mentions", "articles", "first_seen", "last_seen"],
        "co-mentions": ["actor_a", "actor_b", "articles", "sentences"],
        "role-holders": ["person", "title", "country_code", "of_name", "first_seen", "last_seen", "articles", "held_on_date"],
    ]

    static var goldenDirectory: URL { Fixtures.packageRoot.appendingPathComponent("Tests/IRQueryTests/Golden") }
    static var updating: Bool { ProcessInfo.processInfo.environment["IRKB_UPDATE_GOLDEN"] == "1" }

    @Test func everyQueryAnswersWithItsColumns() throws {
        let kb = try Fixtures.samplesKB()
        #expect(Set(Self.sampleParameters.keys) == Set(CannedQueries.all.map(\.name)))
        for q in CannedQueries.all {
            let t = try kb.run(q, parameters: Self.sampleParameters[q.name] ?? [:])
            #expect(t.columns == Self.columns[q.name], "\(q.name)")
            for r in t.rows { #expect(r.count == t.columns.count) }
        }
    }

    @Test(arguments: CannedQueries.all.map(\.name))
    func goldenAnswer(_ name: String) throws {
        let kb = try Fixtures.samplesKB()
        let t = try kb.run(name, parameters: Self.sampleParameters[name] ?? [:])
        let text = Self.render(name: name, parameters: Self.sampleParameters[name] ?? [:], table: t)
        let file = Self.goldenDirectory.appendingPathComponent("\(name).txt")
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        #expect(expected != nil, "no golden answer for \(name): run IRKB_UPDATE_GOLDEN=1 swift test --filter GoldenTests")
        if let expected {
            #expect(text == expected, """
                \(name) answers differently on the sample articles (extraction changed?). Review with
                git diff after IRKB_UPDATE_GOLDEN=1 swift test --filter GoldenTests
                """)
        }
    }

    /// A stable text form: the question, then tab-separated rows with tabs and newlines escaped.
    static func render(name: String, parameters: [String: String], table: ResultTable) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
        }
        var out = "# irkb query \(name)" + parameters.keys.sorted().map { " -p \($0) \(parameters[$0]!)" }.joined() + "\n"
        out += "# \(table.rows.count) rows on the sample articles\n"
        out += table.columns.joined(separator: "\t") + "\n"
        for r in table.rows { out += r.map { esc($0.description) }.joined(separator: "\t") + "\n" }
        return out
    }
}
