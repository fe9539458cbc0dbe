import GRDB
import Testing
@testable import IRStore

/// The views the scorers read (../shared/eval/README.md), copied here as the contract.
@Suite struct ViewContractTests {
    static let contract: [String: [String]] = [
        "v_actor_mentions": ["article_id", "actor_id", "actor_name", "actor_kind", "country_code", "cameo_code", "mention_text", "sentence_id"],
        "v_events": ["event_id", "article_id", "occurred_on", "source_actor_id", "source_name", "source_country", "source_cameo",
                     "cameo_code", "event_label", "target_actor_id", "target_name", "target_country", "target_cameo",
                     "place_name", "mode", "sentence_text"],
        "v_sanctions": ["sanction_id", "article_id", "imposer_name", "imposer_country", "target_name", "target_country",
                        "action", "kind", "stated_on", "conditional", "sentence_text"],
        "v_conflicts": ["report_id", "article_id", "conflict_id", "conflict_name", "country_code", "killed",
                        "killed_qualifier", "since", "as_of", "sentence_text"],
        "v_quotes": ["quote_id", "article_id", "speaker_actor_id", "speaker_name", "speaker_country", "speaker_role",
                     "speaker_anonymous", "quote_text", "said_on", "sentence_id"],
    ]

    @Test(arguments: contract.keys.sorted())
    func viewHasContractColumns(view: String) throws {
        let store = try Store(path: ":memory:")
        let columns = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [view]) }
        #expect(!columns.isEmpty, "\(view) is missing")
        for c in ViewContractTests.contract[view]! {
            #expect(columns.contains(c), "\(view) lacks column \(c)")
        }
        // The contract columns come first, in the documented order.
        #expect(Array(columns.prefix(ViewContractTests.contract[view]!.count)) == ViewContractTests.contract[view]!)
    }

    @Test func ftsTablesAreSpelledForDatasette() throws {
        let store = try Store(path: ":memory:")
        for table in ["articles", "quotes"] {
            let sql = try store.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: ["\(table)_fts"]) }
            #expect(sql?.contains("content=\"\(table)\"") == true)
            for suffix in ["ai", "ad", "au"] {
                let trigger = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: ["\(table)_\(suffix)"]) }
                #expect(trigger == 1)
            }
        }
    }
}
