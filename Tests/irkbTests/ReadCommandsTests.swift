import Foundation
import Testing

/// `irkb actor`, `timeline`, `export`, `network` and `datasette-metadata` against the built binary,
/// on a small database filled through the sqlite3 shell.
@Suite(.serialized) struct ReadCommandsTests {
    static let rows = """
        INSERT INTO articles(id, external_id, headline, published_on, body, content_hash, ingested_at) VALUES
            (1, 't1', 'Talks, then "shelling"', '2022-03-01', 'Lavrov met Blinken in Geneva. Russia shelled Ukraine.', 'h1', '2022-03-01T00:00:00Z');
        INSERT INTO sentences(id, article_id, ordinal, paragraph, start_char, end_char, text) VALUES
            (1, 1, 0, 0, 0, 29, 'Lavrov met Blinken in Geneva.'), (2, 1, 1, 0, 30, 53, 'Russia shelled Ukraine.');
        INSERT INTO actors(id, name, kind, country_code, cameo_code, identity_key) VALUES
            (1, 'Sergei Lavrov', 'person', 'RUS', 'RUSGOV', 'sergei lavrov|person|RUS'),
            (2, 'Antony Blinken', 'person', 'USA', 'USAGOV', 'antony blinken|person|USA'),
            (3, 'Russia', 'state', 'RUS', 'RUS', 'russia|state|RUS'),
            (4, 'Ukraine', 'state', 'UKR', 'UKR', 'ukraine|state|UKR');
        INSERT INTO actor_aliases(actor_id, alias) VALUES (1, 'Lavrov'), (3, 'Moscow');
        INSERT INTO mentions(article_id, sentence_id, actor_id, start_char, end_char, text) VALUES
            (1, 1, 1, 0, 6, 'Lavrov'), (1, 1, 2, 11, 18, 'Blinken'), (1, 2, 3, 30, 36, 'Russia'), (1, 2, 4, 45, 52, 'Ukraine');
        INSERT INTO events(article_id, sentence_id, source_actor_id, target_actor_id, cameo_code, occurred_on, mode, trigger_text, start_char, end_char) VALUES
            (1, 1, 1, 2, '040', '2022-03-01', 'asserted', 'met', 7, 10),
            (1, 2, 3, 4, '194', '2022-03-01', 'asserted', 'shelled', 37, 44);
        """

    static func database(_ s: Scratch) throws -> String {
        let db = s.path("kb.sqlite")
        #expect(try CLI.run(["init", "--db", db]).status == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-bail", db]
        let input = Pipe()
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(rows.utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return db
    }

    static let hasShell = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    @Test(.enabled(if: hasShell)) func actorProfile() throws {
        let s = Scratch()
        let db = try Self.database(s)
        let r = try CLI.run(["actor", "lavrov", "--db", db, "--tsv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "section\titem\tdetail\tdate\tcount")
        #expect(lines.contains { $0.hasPrefix("actor\tSergei Lavrov\tperson, country RUS, CAMEO RUSGOV") })
        #expect(lines.contains { $0.hasPrefix("counterpart\tAntony Blinken\t1 event") })
        let code = try CLI.run(["actor", "RUS", "--db", db, "--tsv"])
        #expect(code.stdout.contains("actor\tRussia\t"))
        let missing = try CLI.run(["actor", "Lavrv", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no actor matches 'Lavrv'"))
        #expect(missing.stdout.isEmpty)
    }

    @Test(.enabled(if: hasShell)) func timeline() throws {
        let s = Scratch()
        let db = try Self.database(s)
        let r = try CLI.run(["timeline", "RUS", "Ukraine", "--db", db, "--csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("Russia,194,Fight with artillery and tanks,Ukraine"))
        let one = try CLI.run(["timeline", "RUS", "--db", db, "--tsv", "--no-headers"])
        #expect(one.stdout.split(separator: "\n").count == 2)
        #expect(try CLI.run(["timeline", "RUS", "--since", "2023", "--db", db, "--tsv", "--no-headers"]).stdout.isEmpty)
        #expect(try CLI.run(["timeline", "Atlantis", "--db", db]).status == 1)
    }

    @Test(.enabled(if: hasShell)) func export() throws {
        let s = Scratch()
        let db = try Self.database(s)
        let csv = try CLI.run(["export", "--table", "articles", "--format", "csv", "--db", db])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains(",\"Talks, then \"\"shelling\"\"\","))
        #expect(csv.stdout.hasSuffix("\r\n"))
        let jsonl = try CLI.run(["export", "--table", "v_events", "--format", "jsonl", "--db", db])
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(Set(objects.compactMap { $0["cameo_code"] as? String }) == ["040", "194"])
        let bad = try CLI.run(["export", "--table", "actor", "--db", db])
        #expect(bad.status == 1 && bad.stderr.contains("Did you mean 'actors'?"))
        #expect(try CLI.run(["export", "--table", "actors", "--format", "xml", "--db", db]).status == 64)
    }

    @Test(.enabled(if: hasShell)) func network() throws {
        let s = Scratch()
        let db = try Self.database(s)
        let dot = try CLI.run(["network", "--db", db])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph irkb {"))
        #expect(dot.stdout.contains("a1 -> a2 [weight=1"))
        let json = try CLI.run(["network", "--format", "json", "--country", "UKR", "--db", db])
        let obj = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((obj["nodes"] as? [Any])?.count == 2 && (obj["edges"] as? [Any])?.count == 1)
        let graphml = try CLI.run(["network", "--format", "graphml", "--db", db])
        #expect(graphml.stdout.contains("<graph id=\"irkb\" edgedefault=\"directed\">"))
        #expect(try CLI.run(["network", "--format", "png", "--db", db]).status == 64)
    }

    @Test func datasetteMetadata() throws {
        let r = try CLI.run(["datasette-metadata", "--db", "/tmp/wire.sqlite"])
        #expect(r.status == 0)
        let obj = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let dbs = try #require(obj["databases"] as? [String: Any])
        #expect(Array(dbs.keys) == ["wire"])
        let named = try CLI.run(["datasette-metadata", "--database-name", "irkb"])
        #expect(named.stdout.contains("\"irkb\": {"))
        #expect(named.stdout.contains("\"sanctions-in-force\": {"))
    }
}
