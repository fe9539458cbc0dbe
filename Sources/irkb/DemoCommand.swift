import ArgumentParser
import Foundation
import IRIngest
import IRStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a database from the sample articles carried in the binary, and take a short tour.",
        discussion: "Writes ./irkb.sqlite (or --db PATH), replacing the sample articles' rows, then shows what it holds.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let store = try database.openReadWrite()
        let articles = SampleArticles.all()
        let result = try Ingestor(store: store).ingest(articles: articles)
        var out = StandardOutput()
        print("irkb demo: \(articles.count) sample articles in \(store.path)", to: &out)
        print(String(format: "  %d new, %d updated, %d unchanged in %.2f s", result.inserted, result.updated, result.unchanged, result.seconds), to: &out)
        let r = Renderer(format: .table, headers: true, width: Terminal.width() ?? 110)
        for (title, sql) in DemoCommand.tour {
            print("\n== \(title)", to: &out)
            print("   \(sql.replacingOccurrences(of: "\n", with: " "))\n", to: &out)
            r.render(try store.table(sql: sql), to: &out)
        }
        print("""

            Next:
              irkb stats                         what the database holds
              irkb sql "SELECT * FROM v_events LIMIT 5"
              sqlite3 -init SampleData/irkb.sqliterc \(store.path)
            """, to: &out)
    }

    static let tour: [(String, String)] = [
        ("Rows per table", """
            SELECT 'articles' AS tbl, count(*) AS n FROM articles UNION ALL SELECT 'actors', count(*) FROM actors
            UNION ALL SELECT 'events', count(*) FROM events UNION ALL SELECT 'quotes', count(*) FROM quotes
            UNION ALL SELECT 'sanctions', count(*) FROM sanctions UNION ALL SELECT 'conflict_reports', count(*) FROM conflict_reports
            """),
        ("Most mentioned actors", """
            SELECT name, kind, country_code, cameo_code, mentions, articles FROM v_actors ORDER BY mentions DESC LIMIT 8
            """),
        ("Who met whom", """
            SELECT occurred_on, source_name, target_name, event_label, place_name FROM v_meetings ORDER BY occurred_on LIMIT 8
            """),
        ("Sanctions", """
            SELECT stated_on, imposer_name, action, kind, target_name, conditional FROM v_sanctions ORDER BY stated_on LIMIT 8
            """),
        ("Conflict tolls as reported", """
            SELECT as_of, conflict_name, killed, killed_qualifier, since FROM v_conflicts WHERE killed IS NOT NULL ORDER BY conflict_name, as_of LIMIT 8
            """),
        ("Quotes", """
            SELECT said_on, speaker_name, substr(quote_text, 1, 60) AS quote FROM v_quotes ORDER BY said_on LIMIT 6
            """),
    ]
}
