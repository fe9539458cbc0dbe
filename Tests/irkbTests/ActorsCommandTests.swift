import Foundation
import Testing

/// `irkb actors`, `irkb actors add`, `irkb actors alias` against the built binary.
@Suite(.serialized) struct ActorsCommandTests {
    static func ingested(_ s: Scratch) throws -> String {
        let db = s.path("kb.sqlite")
        let text = "Estonian Foreign Minister Kadri Lepp met Latvian officials in Riga. Lepp said Tallinn would help."
        let input = s.write("a.jsonl", "{\"id\": \"a1\", \"title\": \"t\", \"text\": \"\(text)\", \"published\": \"2024-05-02\"}\n")
        let r = try CLI.run(["ingest", "--db", db, "--quiet", input])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func listsActorsWithCountsAndFilters() throws {
        let s = Scratch()
        let db = try Self.ingested(s)
        let all = try CLI.run(["actors", "--db", db, "--tsv"])
        #expect(all.status == 0)
        #expect(all.stdout.hasPrefix("id\tname\tkind\tcountry_code\tcameo_code\tmentions\tarticles"))
        #expect(all.stdout.contains("Kadri Lepp\tperson\tEST\tESTGOV\t2\t1"))
        let persons = try CLI.run(["actors", "--db", db, "--kind", "person", "--tsv", "--no-headers"])
        #expect(persons.stdout.split(separator: "\n").count == 1)
        let bad = try CLI.run(["actors", "--db", db, "--country", "Estonia"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("alpha-3"))
    }

    @Test func addAndAliasRecordCorrections() throws {
        let s = Scratch()
        let db = try Self.ingested(s)
        let add = try CLI.run(["actors", "add", "Baltic Defence College", "--kind", "organization", "--country", "est", "--alias", "BALTDEFCOL", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        let alias = try CLI.run(["actors", "alias", "Kadri Lepp", "K. Lepp", "--db", db])
        #expect(alias.status == 0, "\(alias.stderr)")
        let rows = try CLI.run(["sql", "SELECT a.name, al.alias, al.source FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE al.source = 'user' ORDER BY 1",
                                "--db", db, "--tsv", "--no-headers"])
        #expect(rows.stdout == "Baltic Defence College\tBALTDEFCOL\tuser\nKadri Lepp\tK. Lepp\tuser\n")
        let kept = try CLI.run(["actors", "--db", db, "--country", "EST", "--tsv", "--no-headers"])
        #expect(kept.stdout.contains("Baltic Defence College\torganization\tEST\tEST\t0\t0"))
        let missing = try CLI.run(["actors", "alias", "Nobody Known", "X", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no actor is named"))
    }
}
