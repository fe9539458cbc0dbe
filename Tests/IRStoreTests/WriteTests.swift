import GRDB
import Testing
@testable import IRStore

@Suite struct WriteTests {
    static func sample(id: String = "a1", hash: String = "h1", body: String = "Kerry met Putin in Sochi.") -> ArticleAnalysis {
        var a = ArticleAnalysis(article: ArticleFields(externalID: id, outlet: "Reuters", headline: "Kerry meets Putin",
                                                       publishedOn: "2015-05-12", publishedSource: .input, body: body, contentHash: hash))
        a.sentences = [SentenceRow(paragraph: 0, startChar: 0, endChar: body.unicodeScalars.count, text: body)]
        a.actors = [ActorRow(name: "John Kerry", kind: .person, countryCode: "USA", cameoCode: "USAGOV", aliases: ["Kerry"]),
                    ActorRow(name: "Vladimir Putin", kind: .person, countryCode: "RUS", cameoCode: "RUSGOV", aliases: ["Putin"])]
        a.mentions = [MentionRow(actor: 0, sentence: 0, startChar: 0, endChar: 5, text: "Kerry"),
                      MentionRow(actor: 1, sentence: 0, startChar: 10, endChar: 15, text: "Putin")]
        a.places = [PlaceRow(name: "Sochi", countryCode: "RUS", kind: "city")]
        a.events = [EventRow(sentence: 0, source: 0, target: 1, cameoCode: "040", occurredOn: "2015-05-12", dateSource: .published,
                             place: 0, triggerText: "met", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "meet")]
        a.quotes = [QuoteRow(sentence: 0, speaker: 0, text: "a positive step forward", startChar: 0, endChar: 5)]
        a.roles = [RoleRow(actor: 0, title: "Secretary of State", countryCode: "USA", sentence: 0)]
        return a
    }

    func counts(_ store: Store) throws -> [Int] {
        try store.read { db in
            try ["articles", "sentences", "actors", "mentions", "events", "quotes", "actor_roles", "places"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
            }
        }
    }

    @Test func insertThenUnchanged() throws {
        let store = try Store(path: ":memory:")
        #expect(try store.write(WriteTests.sample(), analyzerVersion: 1) == .inserted)
        let before = try counts(store)
        #expect(before == [1, 1, 2, 2, 1, 1, 1, 1])
        #expect(try store.write(WriteTests.sample(), analyzerVersion: 1) == .unchanged)
        #expect(try counts(store) == before)
    }

    @Test func changedArticleReplacesDerivedRows() throws {
        let store = try Store(path: ":memory:")
        try store.write(WriteTests.sample(), analyzerVersion: 1)
        var changed = WriteTests.sample(hash: "h2", body: "Kerry met Lavrov.")
        changed.actors[1] = ActorRow(name: "Sergei Lavrov", kind: .person, countryCode: "RUS", cameoCode: "RUSGOV")
        #expect(try store.write(changed, analyzerVersion: 1) == .updated)
        let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM actors ORDER BY name") }
        #expect(names == ["John Kerry", "Sergei Lavrov"], "Putin, now unreferenced, is pruned")
        #expect(try counts(store) == [1, 1, 2, 2, 1, 1, 1, 1])
        let body = try store.read { db in try String.fetchOne(db, sql: "SELECT body FROM articles") }
        #expect(body == "Kerry met Lavrov.")
        // FTS follows the update.
        let hits = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lavrov'") }
        #expect(hits == 1)
    }

    @Test func newAnalyzerVersionRewrites() throws {
        let store = try Store(path: ":memory:")
        try store.write(WriteTests.sample(), analyzerVersion: 1)
        #expect(try store.write(WriteTests.sample(), analyzerVersion: 2) == .updated)
    }

    @Test func actorsAreSharedAcrossArticles() throws {
        let store = try Store(path: ":memory:")
        try store.write(WriteTests.sample(id: "a1"), analyzerVersion: 1)
        try store.write(WriteTests.sample(id: "a2", hash: "other"), analyzerVersion: 1)
        let actors = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM actors") }
        #expect(actors == 2)
        let mentions = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") }
        #expect(mentions == 4)
        let roles = try store.read { db in try Row.fetchOne(db, sql: "SELECT first_seen, last_seen, articles FROM v_actor_roles") }
        #expect(roles?["articles"] == 2)
    }

    @Test func batchKeepsGoodArticlesWhenOneFails() throws {
        let store = try Store(path: ":memory:")
        var bad = WriteTests.sample(id: "bad", hash: "b")
        bad.events[0].cameoCode = "999"  // not a CAMEO code: the foreign key refuses it
        let results = try store.writeBatch([WriteTests.sample(id: "good1"), bad, WriteTests.sample(id: "good2", hash: "g2")], analyzerVersion: 1)
        #expect(results.count == 3)
        if case .failure = results[1] {} else { Issue.record("the bad article was accepted") }
        let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT external_id FROM articles ORDER BY external_id") }
        #expect(ids == ["good1", "good2"])
        let orphans = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)") }
        #expect(orphans == 0)
    }

    @Test func viewsJoinWrittenRows() throws {
        let store = try Store(path: ":memory:")
        try store.write(WriteTests.sample(), analyzerVersion: 1)
        let e = try store.read { db in try Row.fetchOne(db, sql: "SELECT * FROM v_events") }
        #expect(e?["source_name"] == "John Kerry")
        #expect(e?["target_country"] == "RUS")
        #expect(e?["place_name"] == "Sochi")
        #expect(e?["event_label"] == "Consult")
        let m = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM v_meetings") }
        #expect(m == 1)
    }
}
