import Foundation
import IRQuery
import Testing

@Suite struct DatasetteTests {
    func metadata() throws -> [String: Any] {
        let text = DatasetteMetadata.json(databaseName: "irkb")
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func cannedQueriesWithTitlesAndParameters() throws {
        let db = try #require((try metadata()["databases"] as? [String: Any])?["irkb"] as? [String: Any])
        let queries = try #require(db["queries"] as? [String: [String: Any]])
        #expect(Set(queries.keys) == Set(CannedQueries.all.map(\.name)))
        for q in CannedQueries.all {
            let entry = try #require(queries[q.name])
            #expect(entry["title"] as? String == q.title)
            #expect((entry["description"] as? String)?.hasPrefix(q.description) == true)
            #expect(entry["params"] as? [String] == q.parameters.map(\.name))
            let sql = try #require(entry["sql"] as? String)
            #expect(!sql.hasSuffix(";") && !sql.hasPrefix("--"))
        }
    }

    @Test func facetsFullTextAndColumnDescriptions() throws {
        let db = try #require((try metadata()["databases"] as? [String: Any])?["irkb"] as? [String: Any])
        let tables = try #require(db["tables"] as? [String: [String: Any]])
        #expect(tables["articles"]?["fts_table"] as? String == "articles_fts")
        #expect(tables["quotes"]?["fts_table"] as? String == "quotes_fts")
        #expect((tables["v_events"]?["facets"] as? [String])?.contains("root") == true)
        #expect(tables["actors"]?["label_column"] as? String == "name")
        let columns = try #require(tables["actors"]?["columns"] as? [String: String])
        #expect(columns["country_code"]?.contains("ISO 3166-1 alpha-3") == true)
        let articleColumns = try #require(tables["articles"]?["columns"] as? [String: String])
        #expect(articleColumns["published_source"] == "where published_on came from")
    }

    /// Every facet names a column that exists.
    @Test func facetsNameRealColumns() throws {
        let kb = try Fixtures.worldKB()
        for (table, columns) in DatasetteMetadata.facets {
            let t = try kb.execute(sql: "SELECT * FROM \(table) LIMIT 0")
            for c in columns { #expect(t.columns.contains(c), "\(table).\(c)") }
        }
        for (table, column) in DatasetteMetadata.labelColumns {
            #expect(try kb.execute(sql: "SELECT * FROM \(table) LIMIT 0").columns.contains(column), "\(table).\(column)")
        }
    }

    /// Datasette binds an empty string for a parameter left blank in its form: every query answers then.
    @Test func blankParametersAsDatasetteSendsThem() throws {
        let kb = try Fixtures.worldKB()
        for q in CannedQueries.all {
            var args: [String: String] = [:]
            for p in q.parameters { args[p.name] = p.isOptional ? "" : (ShellTests.worldParameters[q.name]?.first { $0.name == p.name }?.value ?? "x") }
            let t = try kb.execute(sql: q.statement, parameters: args, label: q.name)
            #expect(!t.isEmpty, "\(q.name) with blank optional parameters")
        }
    }

    @Test func databaseNameFromPath() {
        #expect(DatasetteMetadata.databaseName(forPath: "/tmp/irkb.sqlite") == "irkb")
        #expect(DatasetteMetadata.databaseName(forPath: "demo.db") == "demo")
        #expect(DatasetteMetadata.databaseName(forPath: "plain") == "plain")
    }
}
