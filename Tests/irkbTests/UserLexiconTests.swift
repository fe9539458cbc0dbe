import Foundation
import Testing

/// Actors the analyst adds are recognized in text ingested afterwards, and by reprocess.
@Suite(.serialized) struct UserLexiconTests {
    @Test func addedGroupIsRecognizedInNewTextAndOnReprocess() throws {
        let s = Scratch()
        let db = s.path("kb.sqlite")
        let first = s.write("a.jsonl", "{\"id\": \"u1\", \"title\": \"Clashes\", \"text\": \"The Northern Shield Brigade attacked a checkpoint near Idlib on Monday.\", \"published\": \"2020-02-03\"}\n")
        try CLI.run(["ingest", "--db", db, first, "-q"])
        func actors() throws -> String {
            try CLI.run(["sql", "SELECT DISTINCT actor_name, actor_kind, country_code FROM v_actor_mentions ORDER BY 1", "--db", db, "--tsv", "--no-headers"]).stdout
        }
        #expect(try !actors().contains("Northern Shield Brigade"), "unknown before the analyst adds it")

        let add = try CLI.run(["actors", "add", "Northern Shield Brigade", "--kind", "group", "--country", "SYR", "--alias", "NSB", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        let second = s.write("b.jsonl", "{\"id\": \"u2\", \"title\": \"More clashes\", \"text\": \"NSB fighters shelled the town on Tuesday, the group said.\", \"published\": \"2020-02-04\"}\n")
        try CLI.run(["ingest", "--db", db, second, "-q"])
        let after = try CLI.run(["sql", "SELECT actor_name, country_code FROM v_actor_mentions m JOIN articles a ON a.id = m.article_id WHERE a.external_id = 'u2'", "--db", db, "--tsv", "--no-headers"]).stdout
        #expect(after.contains("Northern Shield Brigade\tSYR"), "the alias NSB names the added group: \(after)")

        let re = try CLI.run(["reprocess", "--db", db, "-q"])
        #expect(re.status == 0)
        let old = try CLI.run(["sql", "SELECT actor_name FROM v_actor_mentions m JOIN articles a ON a.id = m.article_id WHERE a.external_id = 'u1'", "--db", db, "--tsv", "--no-headers"]).stdout
        #expect(old.contains("Northern Shield Brigade"), "reprocess finds it in the older article: \(old)")
        let rows = try CLI.run(["sql", "SELECT count(*) FROM actors WHERE name = 'Northern Shield Brigade'", "--db", db, "--tsv", "--no-headers"]).stdout
        #expect(rows == "1\n", "one identity, however often it is found")
    }
}
