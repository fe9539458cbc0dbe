import IRQuery
import Testing

@Suite struct SearchTests {
    @Test func escapingQuotesEveryWord() {
        #expect(KnowledgeBase.ftsQuery("Lavrov Syria") == "\"Lavrov\" \"Syria\"")
        #expect(KnowledgeBase.ftsQuery("say \"hi\" there") == "\"say\" \"hi\" \"there\"")
        #expect(KnowledgeBase.ftsQuery("a\"b") == "\"a\"\"b\"")
        #expect(KnowledgeBase.ftsQuery("sanction*") == "\"sanction\"*")
        #expect(KnowledgeBase.ftsQuery("NEAR( -- ; *") == "\"NEAR(\"")
        #expect(KnowledgeBase.ftsQuery("   ") == "")
    }

    @Test func findsArticlesAndQuotesWithHighlights() throws {
        let kb = try Fixtures.worldKB()
        let t = try kb.search("shelled")
        #expect(t.columns == KnowledgeBase.searchColumns)
        #expect(t.count == 1)
        #expect(t[0, "kind"].description == "article")
        #expect(t[0, "snippet"].description.contains("**shelled**"))
        let q = try kb.search("frank useful")
        #expect(q.column("kind").map(\.description).sorted() == ["article", "quote"])
        let quote = try #require(q.rows.firstIndex { $0[0].description == "quote" })
        #expect(q[quote, "title"].description == "senior U.S. official")
        #expect(q[quote, "snippet"].description.contains("**frank**"))
        let custom = try kb.search("Geneva", highlight: Highlight(open: "<b>", close: "</b>"))
        #expect(custom[0, "snippet"].description.contains("<b>Geneva</b>"))
        #expect(try kb.search("sanction*").count == 3)
        #expect(try kb.search("zebra").isEmpty)
    }

    /// FTS5 syntax and SQL in the search text are only text unless --raw.
    @Test func injectionsAreText() throws {
        let kb = try Fixtures.worldKB()
        for evil in ["\"; DROP TABLE articles; --", "NEAR(", "Lavrov \"unbalanced", "AND", "OR OR", "-Lavrov", "col:Lavrov",
                     "headline:Lavrov", "Lavrov)", "^Lavrov", "* Lavrov", "{headline body}: x"] {
            _ = try kb.search(evil)
        }
        #expect(try kb.search("\"; DROP TABLE articles; --").isEmpty)
        #expect(try kb.search("Lavrov \"unbalanced").isEmpty)
        #expect(try kb.search("Lavrov\"").count >= 1)
        #expect(try kb.execute(sql: "SELECT count(*) AS n FROM articles")[0, "n"] == .int(3))
        for nothing in [" -- ", "'", "\"\"\""] {
            #expect(throws: QueryError.emptySearch) { try kb.search(nothing) }
        }
    }

    @Test func rawPassesSyntaxThrough() throws {
        let kb = try Fixtures.worldKB()
        #expect(try kb.search("Geneva OR Belarus", raw: true).count == 2)
        #expect(try kb.search("NEAR(Lavrov Blinken, 3)", raw: true).count >= 1)
        #expect(try kb.search("headline: toll", raw: true).count == 1)
        for bad in ["NEAR(", "\"unbalanced", "AND", "Lavrov)"] {
            #expect(throws: QueryError.self) { try kb.search(bad, raw: true) }
        }
        do {
            _ = try kb.search("NEAR(", raw: true)
        } catch {
            #expect("\(error)".contains("Leave out --raw"))
        }
    }
}
