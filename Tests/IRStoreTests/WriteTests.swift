import Foundation
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

    /// An article with more rows than one statement of the writer takes (sentences and mentions
    /// go 32 to a statement, events 16, quotes and sanctions 8): every row lands, in order, and
    /// each points at its own sentence, through the batch writer and through the single write.
    @Test func batchesAreCheckpointedOffTheWritersThread() throws {
        // After a batch, the checkpointer's own connection copies the log into the database file
        // (which then holds every page); the writer's threshold is raised so that it does not.
        let tmp = TempDir()
        let path = tmp.path("kb.sqlite")
        let store = try Store(path: path)
        let threshold = try store.database.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(threshold == Checkpointer.writerThreshold)
        let body = "Kerry met Putin in Sochi. " + String(repeating: "The talks went on. ", count: 200)
        var sizes: [Int] = []
        for batch in 0..<3 {
            let articles = (0..<20).map { WriteTests.sample(id: "c\(batch)-\($0)", hash: "h\(batch)-\($0)", body: body) }
            #expect(try store.writeBatch(articles, analyzerVersion: 1).allSatisfy { if case .success(.inserted) = $0 { true } else { false } })
            let checkpointer = try #require(store.checkpointer)
            checkpointer.wait()
            // (result, frames in the log, frames copied): the whole log, copied.
            #expect(checkpointer.lastResult.code == 0 && checkpointer.lastResult.log > 0
                    && checkpointer.lastResult.copied == checkpointer.lastResult.log)
            let pages = try store.read { db in try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")! }
            let file = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(file == pages)
            sizes.append(file)
        }
        #expect(sizes[0] < sizes[1] && sizes[1] < sizes[2])
        #expect(try counts(store)[0] == 60)
        // Read-only and in-memory stores have none.
        #expect(try Store(path: path, mode: .readOnly).checkpointer == nil)
        #expect(try Store(path: ":memory:").checkpointer == nil)
    }

    @Test func rowsBeyondOneStatementKeepTheirSentences() throws {
        func long(_ id: String) -> ArticleAnalysis {
            var sentences: [String] = []
            for i in 0..<75 { sentences.append("Kerry met Putin \(i) times.") }
            let body = sentences.joined(separator: " ")
            var a = WriteTests.sample(id: id, hash: id, body: body)
            a.sentences = []
            a.mentions = []
            a.events = []
            a.quotes = []
            var start = 0
            for (i, text) in sentences.enumerated() {
                let n = text.unicodeScalars.count
                a.sentences.append(SentenceRow(paragraph: i / 5, startChar: start, endChar: start + n, text: text))
                a.mentions.append(MentionRow(actor: 0, sentence: i, startChar: start, endChar: start + 5, text: "Kerry"))
                a.mentions.append(MentionRow(actor: 1, sentence: i, startChar: start + 10, endChar: start + 15, text: "Putin"))
                a.events.append(EventRow(sentence: i, source: 0, target: 1, cameoCode: "040", occurredOn: "2015-05-12",
                                         dateSource: .published, place: 0, triggerText: "met", startChar: start + 6,
                                         endChar: start + 9, rule: "svo", lexiconEntry: "meet"))
                if i % 4 == 0 { a.quotes.append(QuoteRow(sentence: i, speaker: 0, text: "times \(i)", startChar: start, endChar: start + n)) }
                start += n + 1
            }
            return a
        }
        let store = try WriteTests.fileStore()
        _ = try store.writeBatch([long("b1"), WriteTests.sample(id: "short"), long("b2")], analyzerVersion: 1)
        try store.write(long("s1"), analyzerVersion: 1)
        for id in ["b1", "b2", "s1"] {
            let check = try store.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM sentences s WHERE s.article_id = ar.id),
                           (SELECT count(*) FROM sentences s WHERE s.article_id = ar.id
                              AND s.text <> substr(ar.body, s.start_char + 1, s.end_char - s.start_char)),
                           (SELECT count(*) FROM mentions m WHERE m.article_id = ar.id),
                           (SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence_id
                            WHERE m.article_id = ar.id AND (s.article_id <> ar.id OR m.start_char < s.start_char OR m.end_char > s.end_char
                                                            OR m.text <> substr(ar.body, m.start_char + 1, m.end_char - m.start_char))),
                           (SELECT count(*) FROM events e WHERE e.article_id = ar.id),
                           (SELECT count(*) FROM events e JOIN sentences s ON s.id = e.sentence_id
                            WHERE e.article_id = ar.id AND (e.start_char < s.start_char OR e.end_char > s.end_char)),
                           (SELECT count(*) FROM quotes q JOIN sentences s ON s.id = q.sentence_id
                            WHERE q.article_id = ar.id AND q.text = 'times ' || s.ordinal),
                           (SELECT group_concat(d, '') FROM (SELECT s.ordinal - lag(s.ordinal, 1, -1) OVER (ORDER BY s.id) = 1 AS d
                                                             FROM sentences s WHERE s.article_id = ar.id))
                    FROM articles ar WHERE ar.external_id = ?
                    """, arguments: [id])!
            }
            #expect(check[0] as Int == 75, "\(id): sentences")
            #expect(check[1] as Int == 0, "\(id): sentence text is its span of the body")
            #expect(check[2] as Int == 150, "\(id): mentions")
            #expect(check[3] as Int == 0, "\(id): every mention inside its own sentence")
            #expect(check[4] as Int == 75, "\(id): events")
            #expect(check[5] as Int == 0, "\(id): every event inside its own sentence")
            #expect(check[6] as Int == 19, "\(id): every quote on its own sentence")
            #expect(check[7] as String == String(repeating: "1", count: 75), "\(id): sentence ids follow the ordinals")
        }
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
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

    /// A database file (the ingest path: WAL pool, batch fast path) in a fresh folder.
    static func fileStore() throws -> Store {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("irkb-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try Store(path: dir.appendingPathComponent("kb.sqlite").path)
    }

    func fullTextIsConsistent(_ store: Store) throws {
        // (The check is written as an INSERT, so it needs a write connection; it changes nothing.)
        try store.write { db in
            // 'integrity-check' with rank 1 compares an external-content index with its table.
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            try db.execute(sql: "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    func matches(_ store: Store, _ table: String, _ query: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", arguments: [query])! }
    }

    @Test func batchIndexesItsRowsForFullTextSearch() throws {
        let store = try WriteTests.fileStore()
        var second = WriteTests.sample(id: "a2", hash: "h2", body: "Lavrov met Kerry in Geneva.")
        second.quotes = [QuoteRow(sentence: 0, speaker: 1, text: "constructive talks on Syria", startChar: 0, endChar: 5)]
        let results = try store.writeBatch([WriteTests.sample(), second], analyzerVersion: 1)
        #expect(results.allSatisfy { if case .success(.inserted) = $0 { true } else { false } })
        #expect(try matches(store, "articles_fts", "sochi") == 1)
        #expect(try matches(store, "articles_fts", "geneva") == 1)
        #expect(try matches(store, "quotes_fts", "syria") == 1)
        #expect(try matches(store, "quotes_fts", "positive") == 1)
        try fullTextIsConsistent(store)
        let deferred = try store.read { db in try Int.fetchOne(db, sql: "SELECT fts_deferred FROM ingest_state") }
        #expect(deferred == 0, "the flag never stays set in a committed database")
    }

    @Test func articleRepeatedInOneBatchKeepsTheIndexWhole() throws {
        let store = try WriteTests.fileStore()
        var changed = WriteTests.sample(hash: "h2", body: "Kerry met Lavrov in Geneva.")
        changed.quotes = [QuoteRow(sentence: 0, speaker: 0, text: "a difficult meeting", startChar: 0, endChar: 5)]
        let results = try store.writeBatch([WriteTests.sample(), WriteTests.sample(id: "a3", hash: "h3"), changed], analyzerVersion: 1)
        #expect(results.count == 3)
        if case .success(.updated) = results[2] {} else { Issue.record("the repeated article was not an update: \(results[2])") }
        #expect(try matches(store, "articles_fts", "geneva") == 1)
        #expect(try matches(store, "articles_fts", "sochi") == 1, "only a3 still says Sochi")
        #expect(try matches(store, "quotes_fts", "difficult") == 1)
        #expect(try matches(store, "quotes_fts", "positive") == 1, "only a3's quote")
        try fullTextIsConsistent(store)
        // And again in a later batch, when the stored article is indexed already.
        var third = WriteTests.sample(hash: "h4", body: "Kerry met Zarif in Vienna.")
        third.quotes = []
        _ = try store.writeBatch([third], analyzerVersion: 1)
        #expect(try matches(store, "articles_fts", "vienna") == 1)
        #expect(try matches(store, "articles_fts", "geneva") == 0)
        #expect(try matches(store, "quotes_fts", "difficult") == 0)
        try fullTextIsConsistent(store)
    }

    @Test func valueTheSchemaRefusesFailsOnlyItsArticle() throws {
        // The batch fast path skips SQLite's CHECKs; the writer checks these values itself.
        let store = try WriteTests.fileStore()
        var bad = WriteTests.sample(id: "bad", hash: "b")
        bad.actors[0].countryCode = "usa"
        var badToll = WriteTests.sample(id: "bad2", hash: "b2")
        badToll.conflicts = [ConflictRow(name: "war in Ukraine", countryCode: "UKR", identityKey: "ukr")]
        badToll.conflictReports = [ConflictReportRow(conflict: 0, sentence: 0, scope: .overall, killed: 10, killedQualifier: "roughly", startChar: 0, endChar: 5)]
        let results = try store.writeBatch([WriteTests.sample(id: "good1"), bad, badToll, WriteTests.sample(id: "good2", hash: "g2")],
                                           analyzerVersion: 1)
        if case .failure(let e) = results[1] { #expect("\(e)".contains("country_code")) } else { Issue.record("bad country code accepted") }
        if case .failure(let e) = results[2] { #expect("\(e)".contains("killed_qualifier")) } else { Issue.record("bad qualifier accepted") }
        let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT external_id FROM articles ORDER BY external_id") }
        #expect(ids == ["good1", "good2"])
        try fullTextIsConsistent(store)
    }
}
