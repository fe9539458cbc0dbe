import Foundation
import GRDB
import Testing
@testable import IRStore

/// The summary tables of 0008 (actor_months, event_months) must always equal what they
/// summarize, whoever writes: the batch writer, the careful path, or SQL run in the shell.
@Suite struct SummaryTests {
    /// Rows that differ between each summary and the same counts computed from the detail tables:
    /// rows of the recount missing from the summary, and rows of the summary not in the recount.
    /// (Each EXCEPT in its own subquery: `a EXCEPT b UNION ALL b EXCEPT a` reads left to right,
    /// as `((a EXCEPT b) UNION ALL b) EXCEPT a`, which misses the rows the summary lacks.)
    static func mismatches(_ db: Database) throws -> [String: Int] {
        let actorMonths = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT m.actor_id, substr(coalesce(ar.published_on, ''), 1, 7), count(*), count(DISTINCT m.article_id)
                       FROM mentions m JOIN articles ar ON ar.id = m.article_id GROUP BY 1, 2)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM actor_months))
                   + (SELECT count(*) FROM (SELECT * FROM actor_months EXCEPT SELECT * FROM r))
            """)!
        let eventMonths = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT s.country_code, substr(coalesce(e.occurred_on, ar.published_on), 1, 7), c.root,
                              count(*), sum(CAST(round(c.goldstein * 10) AS INTEGER))
                       FROM events e JOIN actors s ON s.id = e.source_actor_id JOIN articles ar ON ar.id = e.article_id
                       JOIN cameo_codes c ON c.code = e.cameo_code
                       WHERE e.mode IN ('asserted', 'future') AND s.country_code IS NOT NULL
                         AND coalesce(e.occurred_on, ar.published_on) IS NOT NULL
                       GROUP BY 1, 2, 3)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM event_months))
                   + (SELECT count(*) FROM (SELECT * FROM event_months EXCEPT SELECT * FROM r))
            """)!
        let dyads = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT min(e.source_actor_id, e.target_actor_id), max(e.source_actor_id, e.target_actor_id), count(*),
                              sum(c.quad_class = 1), sum(c.quad_class = 2), sum(c.quad_class = 3), sum(c.quad_class = 4),
                              sum(CAST(round(c.goldstein * 10) AS INTEGER)),
                              min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
                       FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
                       WHERE e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
                       GROUP BY 1, 2)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM dyads))
                   + (SELECT count(*) FROM (SELECT * FROM dyads EXCEPT SELECT * FROM r))
            """)!
        let roleSpans = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT actor_id, title, coalesce(country_code, ''), coalesce(of_actor_id, 0), count(*), min(seen_on), max(seen_on)
                       FROM actor_roles GROUP BY 1, 2, 3, 4)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM role_spans))
                   + (SELECT count(*) FROM (SELECT * FROM role_spans EXCEPT SELECT * FROM r))
            """)!
        let actorYears = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT m.actor_id, substr(coalesce(ar.published_on, ''), 1, 4), count(*), count(DISTINCT m.article_id)
                       FROM mentions m JOIN articles ar ON ar.id = m.article_id GROUP BY 1, 2)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM actor_years))
                   + (SELECT count(*) FROM (SELECT * FROM actor_years EXCEPT SELECT * FROM r))
            """)!
        let partyCounts = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT conflict_id, actor_id, count(*) FROM conflict_parties GROUP BY 1, 2)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM conflict_party_counts))
                   + (SELECT count(*) FROM (SELECT * FROM conflict_party_counts EXCEPT SELECT * FROM r))
            """)!
        let conflictCounts = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT conflict_id, count(*) FROM conflict_reports GROUP BY 1)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM conflict_counts))
                   + (SELECT count(*) FROM (SELECT * FROM conflict_counts EXCEPT SELECT * FROM r))
            """)!
        let sanctionYears = try Int.fetchOne(db, sql: """
            WITH x AS (SELECT s.*, coalesce(s.stated_on, ar.published_on) AS on_date, s.conditional = 0 AND s.action <> 'threaten' AS firm
                       FROM sanctions s JOIN articles ar ON ar.id = s.article_id),
                 r AS (SELECT coalesce(imposer_actor_id, 0), coalesce(target_actor_id, 0),
                              CASE WHEN target_actor_id IS NULL THEN coalesce(target_description, '') ELSE '' END,
                              coalesce(target_country, ''), kind, substr(coalesce(on_date, ''), 1, 4),
                              count(*), sum(action = 'impose'), sum(action = 'extend'), sum(action = 'ease'), sum(action = 'lift'),
                              sum(action = 'threaten'), sum(firm), min(on_date), max(on_date),
                              min(CASE WHEN firm AND action = 'impose' THEN on_date END), max(CASE WHEN firm THEN on_date END)
                       FROM x GROUP BY 1, 2, 3, 4, 5, 6)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM sanction_years))
                   + (SELECT count(*) FROM (SELECT * FROM sanction_years EXCEPT SELECT * FROM r))
            """)!
        // 0015: the sanctions per pair (imposer, lower target name, target country) and year, and in all;
        // a target actor that no longer exists counts as none.
        let pairRows = """
            WITH x AS (SELECT coalesce(s.imposer_actor_id, 0) AS i,
                              coalesce(lower(coalesce(t.name, CASE WHEN s.target_actor_id IS NULL THEN nullif(s.target_description, '') END)), '') AS k,
                              coalesce(t.country_code, nullif(s.target_country, ''), '') AS c,
                              substr(coalesce(s.stated_on, ar.published_on, ''), 1, 4) AS y
                       FROM sanctions s JOIN articles ar ON ar.id = s.article_id LEFT JOIN actors t ON t.id = s.target_actor_id)
            """
        let sanctionPairYears = try Int.fetchOne(db, sql: pairRows + """
            , r AS (SELECT i, k, c, y, count(*) FROM x GROUP BY 1, 2, 3, 4)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM sanction_pair_years))
                   + (SELECT count(*) FROM (SELECT * FROM sanction_pair_years EXCEPT SELECT * FROM r))
            """)!
        let sanctionPairs = try Int.fetchOne(db, sql: pairRows + """
            , r AS (SELECT i, k, c, count(*) FROM x GROUP BY 1, 2, 3)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM sanction_pairs))
                   + (SELECT count(*) FROM (SELECT * FROM sanction_pairs EXCEPT SELECT * FROM r))
            """)!
        let supportYears = try Int.fetchOne(db, sql: """
            WITH r AS (SELECT e.target_actor_id, e.source_actor_id, e.cameo_code,
                              substr(coalesce(e.occurred_on, ar.published_on, ''), 1, 4), count(*),
                              sum(CAST(round(c.goldstein * 10) AS INTEGER)),
                              min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
                       FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
                       WHERE e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
                         AND (e.cameo_code IN ('050', '051', '052', '053', '054') OR c.root IN ('06', '07')
                              OR e.cameo_code LIKE '033%' OR e.cameo_code = '05')
                       GROUP BY 1, 2, 3, 4)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM support_years))
                   + (SELECT count(*) FROM (SELECT * FROM support_years EXCEPT SELECT * FROM r))
            """)!
        // 0016: support_years per pair over all dates, with the descriptions of its codes in code order.
        let supportPairs = try Int.fetchOne(db, sql: """
            WITH s AS (SELECT e.target_actor_id AS party, e.source_actor_id AS backer, e.cameo_code AS code,
                              CAST(round(c.goldstein * 10) AS INTEGER) AS tenths, coalesce(e.occurred_on, ar.published_on) AS on_date,
                              c.description
                       FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
                       WHERE e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
                         AND (e.cameo_code IN ('050', '051', '052', '053', '054') OR c.root IN ('06', '07')
                              OR e.cameo_code LIKE '033%' OR e.cameo_code = '05')),
                 r AS (SELECT party, backer, count(*), sum(tenths), min(on_date), max(on_date),
                              (SELECT group_concat(d.description)
                               FROM (SELECT s2.description FROM s s2 WHERE s2.party = s.party AND s2.backer = s.backer
                                     GROUP BY s2.description ORDER BY min(s2.code)) d)
                       FROM s GROUP BY party, backer)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM support_pairs))
                   + (SELECT count(*) FROM (SELECT * FROM support_pairs EXCEPT SELECT * FROM r))
            """)!
        let coMentions = try Int.fetchOne(db, sql: """
            WITH aa AS (SELECT DISTINCT article_id, actor_id FROM mentions),
                 sa AS (SELECT DISTINCT sentence_id, actor_id FROM mentions),
                 r AS (SELECT a, b, sum(x), sum(y)
                       FROM (SELECT p.actor_id AS a, q.actor_id AS b, 1 AS x, 0 AS y
                             FROM aa p JOIN aa q ON q.article_id = p.article_id AND q.actor_id > p.actor_id
                             UNION ALL
                             SELECT p.actor_id, q.actor_id, 0, 1
                             FROM sa p JOIN sa q ON q.sentence_id = p.sentence_id AND q.actor_id > p.actor_id)
                       GROUP BY 1, 2)
            SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT a_id, b_id, articles, sentences FROM co_mentions))
                   + (SELECT count(*) FROM (SELECT a_id, b_id, articles, sentences FROM co_mentions EXCEPT SELECT * FROM r))
            """)!
        return ["actor_months": actorMonths, "event_months": eventMonths, "dyads": dyads, "role_spans": roleSpans,
                "conflict_counts": conflictCounts, "actor_years": actorYears, "conflict_party_counts": partyCounts,
                "sanction_years": sanctionYears, "sanction_pair_years": sanctionPairYears, "sanction_pairs": sanctionPairs,
                "support_years": supportYears, "support_pairs": supportPairs, "co_mentions": coMentions]
    }

    /// Runs each statement in its own write, as a shell would, and checks every summary after it.
    static func apply(_ edits: [String], to store: Store) throws {
        for sql in edits {
            try store.write { db in try db.execute(sql: sql) }
            #expect(try store.read(mismatches) == consistent, "after \(sql)")
        }
    }

    static let consistent = ["actor_months": 0, "event_months": 0, "dyads": 0, "role_spans": 0, "conflict_counts": 0, "actor_years": 0,
                             "conflict_party_counts": 0, "sanction_years": 0, "sanction_pair_years": 0, "sanction_pairs": 0,
                             "support_years": 0, "support_pairs": 0, "co_mentions": 0]

    func rows(_ store: Store) throws -> (Int, Int) {
        try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM actor_months")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM event_months")!)
        }
    }

    /// An article with two mentions of its first actor, and events in two months (one dated by the article).
    static func article(_ id: String, hash: String = "h", published: String? = "2015-05-12", body: String = "Kerry met Putin in Sochi.") -> ArticleAnalysis {
        var a = WriteTests.sample(id: id, hash: hash, body: body)
        a.article.publishedOn = published
        a.mentions.append(MentionRow(actor: 0, sentence: 0, startChar: 17, endChar: 22, text: "he"))
        a.events.append(EventRow(sentence: 0, source: 1, target: 0, cameoCode: "112", occurredOn: nil, dateSource: .published,
                                 place: nil, triggerText: "criticized", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "criticize"))
        a.events.append(EventRow(sentence: 0, source: 0, target: 1, cameoCode: "036", occurredOn: "2014-03", dateSource: .text,
                                 place: nil, mode: .future, triggerText: "offered", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "offer"))
        a.events.append(EventRow(sentence: 0, source: 0, target: 1, cameoCode: "040", occurredOn: nil, dateSource: .published,
                                 place: nil, mode: .negated, triggerText: "did not meet", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "meet"))
        // Support (what backers counts, 0013): aid dated by the article, a pledge and praise dated
        // by themselves; aid to oneself and denied aid, which it does not count.
        a.events.append(EventRow(sentence: 0, source: 0, target: 1, cameoCode: "070", occurredOn: nil, dateSource: .published,
                                 place: nil, triggerText: "sent aid to", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "send aid"))
        a.events.append(EventRow(sentence: 0, source: 1, target: 0, cameoCode: "0331", occurredOn: "2014-03", dateSource: .text,
                                 place: nil, mode: .future, triggerText: "pledged", startChar: 6, endChar: 9, rule: "svo",
                                 lexiconEntry: "pledge"))
        a.events.append(EventRow(sentence: 0, source: 0, target: 1, cameoCode: "051", occurredOn: "2014-11-02", dateSource: .text,
                                 place: nil, triggerText: "praised", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "praise"))
        a.events.append(EventRow(sentence: 0, source: 0, target: 0, cameoCode: "072", occurredOn: nil, dateSource: .published,
                                 place: nil, triggerText: "armed", startChar: 6, endChar: 9, rule: "svo", lexiconEntry: "arm"))
        a.events.append(EventRow(sentence: 0, source: 0, target: 1, cameoCode: "073", occurredOn: nil, dateSource: .published,
                                 place: nil, mode: .denied, triggerText: "sent food", startChar: 6, endChar: 9, rule: "svo",
                                 lexiconEntry: "send food"))
        a.conflicts = [ConflictRow(name: "war in Ukraine", countryCode: "UKR", identityKey: "ukr", parties: [0, 1])]
        a.conflictReports = [ConflictReportRow(conflict: 0, sentence: 0, scope: .overall, killed: 10, killedQualifier: "at least",
                                               startChar: 0, endChar: 5),
                             ConflictReportRow(conflict: 0, sentence: 0, scope: .incident, killed: 3, startChar: 6, endChar: 9)]
        // Sanctions dated by themselves (to the day, the month) and by the article, firm, conditional and
        // threatened, on an actor, a described group and a country.
        a.sanctions = [SanctionRow(sentence: 0, imposer: 0, target: 1, action: .impose, kind: .financial, statedOn: "2014-03-17",
                                   startChar: 0, endChar: 5),
                       SanctionRow(sentence: 0, imposer: 0, target: 1, action: .extend, kind: .financial, startChar: 6, endChar: 9),
                       SanctionRow(sentence: 0, imposer: 0, target: 1, action: .impose, kind: .financial, statedOn: "2014-09",
                                   conditional: true, startChar: 6, endChar: 9),
                       SanctionRow(sentence: 0, imposer: 0, target: nil, targetDescription: "22 Russian officials", targetCountry: "RUS",
                                   action: .impose, kind: .travel, startChar: 0, endChar: 5),
                       SanctionRow(sentence: 0, imposer: nil, target: nil, targetCountry: "RUS", action: .threaten, kind: .trade,
                                   statedOn: "2014-12-01", startChar: 0, endChar: 5),
                       SanctionRow(sentence: 0, imposer: 1, target: 0, action: .lift, kind: .travel, statedOn: "2014", startChar: 0, endChar: 5)]
        return a
    }

    @Test func batchesKeepTheSummariesExact() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.path("kb.sqlite"))
        // New articles, one repeated with other text and another date in the same batch.
        _ = try store.writeBatch([SummaryTests.article("a1"), SummaryTests.article("a2", published: "2015-06-01"),
                                  SummaryTests.article("a3", published: nil),
                                  SummaryTests.article("a1", hash: "h2", published: "2016-01-02", body: "Kerry met Lavrov.")],
                                 analyzerVersion: 1)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        let (actorMonths, eventMonths) = try rows(store)
        #expect(actorMonths == 6, "two actors in three months and undated")
        #expect(eventMonths == 8, """
            the sample meeting and offer share their months; the criticism and the aid are dated by each article, a3 has \
            no date; the pledge and the praise in their own months
            """)
        let kerry = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT month, mentions, articles FROM actor_months JOIN actors a ON a.id = actor_id
                WHERE a.name = 'John Kerry' ORDER BY month
                """).map { "\($0[0] as String) \($0[1] as Int) \($0[2] as Int)" }
        }
        #expect(kerry == [" 2 1", "2015-06 2 1", "2016-01 2 1"], "each article counted once, its mentions twice")
        // Updated in a later batch, with one article the schema refuses (the careful path).
        var bad = SummaryTests.article("bad")
        bad.actors[0].countryCode = "usa"
        _ = try store.writeBatch([SummaryTests.article("a2", hash: "h3", published: "2017-02-03"), bad, SummaryTests.article("a4"),
                                  SummaryTests.article("a5", published: "2016-01-20")],
                                 analyzerVersion: 1)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        // A new analyzer version rewrites everything (reprocess); a2 leaves February 2017, the last
        // date of the pair's events and of Kerry's role: their spans are read again and end with a5.
        _ = try store.writeBatch([SummaryTests.article("a1"), SummaryTests.article("a2"), SummaryTests.article("a3")], analyzerVersion: 2)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        // The batch writer runs without foreign keys: what it leaves must still satisfy them
        // (a1's actors changed, and the pruned ones took their aliases with them).
        #expect(try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        let lastDates = try store.read { db in
            try String.fetchAll(db, sql: "SELECT last_on FROM dyads UNION ALL SELECT last_seen FROM role_spans")
        }
        #expect(lastDates == ["2016-01-20", "2016-01-20"])
        let flag = try store.read { db in try Int.fetchOne(db, sql: "SELECT fts_deferred FROM ingest_state") }
        #expect(flag == 0)
        // The batch turned the writer connection's triggers off; they are on again for the next write.
        try store.write { db in
            try db.execute(sql: "DELETE FROM mentions WHERE id = (SELECT min(id) FROM mentions)")
            try db.execute(sql: "UPDATE events SET mode = 'negated' WHERE id = (SELECT min(id) FROM events WHERE mode = 'asserted')")
        }
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        try WriteTests().fullTextIsConsistent(store)
        // The rebuild after a bulk load without triggers (the benchmarks' scale-db) counts the
        // same, even on a connection whose triggers are on.
        try store.write { db in try Store.rebuildSummaries(in: db) }
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
    }

    /// The batch writer's grouped statements for sanction_years run as written (an error there
    /// would only send the batch down the careful path): taking articles out and putting them
    /// back leaves the summary as it was, spans read again included.
    @Test func sanctionStatementsTakeOutAndPutBack() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.path("kb.sqlite"))
        _ = try store.writeBatch([SummaryTests.article("a1"), SummaryTests.article("a2", published: "2015-06-01"),
                                  SummaryTests.article("a3", published: nil)], analyzerVersion: 1)
        let before = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sanction_years ORDER BY 1, 2, 3, 4, 5, 6") }
        #expect(before.count > 5)
        let pairs = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sanction_pair_years ORDER BY 1, 2, 3, 4") }
        try store.write { db in
            // As the batch writer runs them: without triggers (those of 0015 on sanction_years would count twice).
            try Store.setTriggers(db, enabled: false)
            defer { try? Store.setTriggers(db, enabled: true) }
            for sign in [-1, 1] {
                for sql in Store.sanctionSummaryStatements(articles: "ar.id % 2 = 1", sign: sign) { try db.execute(sql: sql) }
            }
        }
        #expect(try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sanction_years ORDER BY 1, 2, 3, 4, 5, 6") } == before)
        #expect(try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sanction_pair_years ORDER BY 1, 2, 3, 4") } == pairs)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
    }

    /// The same for support_years (0013).
    @Test func supportStatementsTakeOutAndPutBack() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.path("kb.sqlite"))
        _ = try store.writeBatch([SummaryTests.article("a1"), SummaryTests.article("a2", published: "2015-06-01"),
                                  SummaryTests.article("a3", published: nil), SummaryTests.article("a4", published: "2016-02-03")],
                                 analyzerVersion: 1)
        let before = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM support_years ORDER BY 1, 2, 3, 4") }
        #expect(before.count == 5, "aid in 2015, 2016 and undated; the pledge and the praise in 2014")
        try store.write { db in
            for sign in [-1, 1] {
                for sql in Store.supportSummaryStatements(articles: "ar.id % 2 = 1", sign: sign) { try db.execute(sql: sql) }
            }
        }
        #expect(try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM support_years ORDER BY 1, 2, 3, 4") } == before)
        // Taken out for good (without triggers, as the batch writer runs): the rows of a1 and a3
        // alone go, the spans they ended are read again.
        try store.write { db in
            try Store.setTriggers(db, enabled: false)
            defer { try? Store.setTriggers(db, enabled: true) }
            for sql in Store.supportSummaryStatements(articles: "ar.id % 2 = 1", sign: -1) { try db.execute(sql: sql) }
            try db.execute(sql: "DELETE FROM events WHERE article_id % 2 = 1")
            for sql in Store.supportSummaryStatements(articles: "false", sign: 1) { try db.execute(sql: sql) }
        }
        #expect(try store.read(SummaryTests.mismatches)["support_years"] == 0, "the other summaries were not told")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM support_years") } == 4, "no undated aid left")
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT first_on FROM support_years WHERE year = '2015'") }
                == "2015-06-01", "a1's aid began the span")
    }

    /// An article naming four actors over three sentences: Kerry and Putin in the first, Putin,
    /// Lavrov and the UN in the second (Putin twice), Kerry and `last` in the third.
    static func crowded(_ id: String, hash: String = "h", last: String = "United Nations") -> ArticleAnalysis {
        var a = WriteTests.sample(id: id, hash: hash, body: "Kerry met Putin. Putin, Putin and Lavrov wrote to the UN. Kerry left.")
        a.sentences = [SentenceRow(paragraph: 0, startChar: 0, endChar: 16, text: "Kerry met Putin."),
                       SentenceRow(paragraph: 0, startChar: 17, endChar: 56, text: "Putin, Putin and Lavrov wrote to the UN."),
                       SentenceRow(paragraph: 1, startChar: 57, endChar: 68, text: "Kerry left.")]
        a.actors += [ActorRow(name: "Sergei Lavrov", kind: .person, countryCode: "RUS", cameoCode: "RUSGOV"),
                     ActorRow(name: last, kind: .organization, countryCode: nil, cameoCode: "IGOUNO")]
        a.mentions += [MentionRow(actor: 1, sentence: 1, startChar: 17, endChar: 22, text: "Putin"),
                       MentionRow(actor: 1, sentence: 1, startChar: 24, endChar: 29, text: "Putin"),
                       MentionRow(actor: 2, sentence: 1, startChar: 34, endChar: 40, text: "Lavrov"),
                       MentionRow(actor: 3, sentence: 1, startChar: 53, endChar: 55, text: "UN"),
                       MentionRow(actor: 0, sentence: 2, startChar: 57, endChar: 62, text: "Kerry"),
                       MentionRow(actor: 3, sentence: 2, startChar: 63, endChar: 67, text: "left")]
        return a
    }

    static func coMentions(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT a.name, b.name, c.articles, c.sentences FROM co_mentions c
            JOIN actors a ON a.id = c.a_id JOIN actors b ON b.id = c.b_id ORDER BY 1, 2
            """).map { "\($0[0] as String) + \($0[1] as String): \($0[2] as Int) \($0[3] as Int)" }
    }

    /// co_mentions (0014): every pair of an article's actors once per article, and once per
    /// sentence that names both, whoever writes: the batch writer (an article twice in a batch,
    /// an update, a refused article, a reprocess), single writes, shell edits, the rebuild.
    @Test func coMentionsCountArticlesAndSentences() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.path("kb.sqlite"))
        _ = try store.writeBatch([SummaryTests.crowded("c1"), SummaryTests.crowded("c2"),
                                  SummaryTests.crowded("c1", hash: "h2", last: "NATO")], analyzerVersion: 1)
        #expect(try store.read(SummaryTests.coMentions) == [
            "John Kerry + NATO: 1 1", "John Kerry + Sergei Lavrov: 2 0", "John Kerry + United Nations: 1 1",
            "John Kerry + Vladimir Putin: 2 2", "Sergei Lavrov + NATO: 1 1", "Sergei Lavrov + United Nations: 1 1",
            "Vladimir Putin + NATO: 1 1", "Vladimir Putin + Sergei Lavrov: 2 2", "Vladimir Putin + United Nations: 1 1",
        ], "pairs in id order; Kerry and Lavrov never share a sentence; c1's first version is gone")
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        var bad = SummaryTests.crowded("bad")
        bad.actors[0].countryCode = "usa"
        _ = try store.writeBatch([SummaryTests.crowded("c2", hash: "h3", last: "NATO"), bad, SummaryTests.crowded("c3")],
                                 analyzerVersion: 1)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        _ = try store.writeBatch([SummaryTests.crowded("c1"), SummaryTests.crowded("c2")], analyzerVersion: 2)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        try store.write(SummaryTests.crowded("c4", last: "NATO"), analyzerVersion: 2)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        // An actor only one article names, gone when the batch writer rewrites it: its pairs go.
        _ = try store.writeBatch([SummaryTests.crowded("c5", last: "African Union")], analyzerVersion: 2)
        let union = "SELECT count(*) FROM co_mentions c JOIN actors a ON a.id IN (c.a_id, c.b_id) WHERE a.name = 'African Union'"
        #expect(try store.read { db in try Int.fetchOne(db, sql: union) } == 3)
        _ = try store.writeBatch([SummaryTests.crowded("c5", hash: "h9", last: "NATO")], analyzerVersion: 2)
        #expect(try store.read { db in try Int.fetchOne(db, sql: union) } == 0)
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        let edits = [
            "UPDATE mentions SET actor_id = (SELECT id FROM actors WHERE name = 'Vladimir Putin') WHERE text = 'Lavrov' AND id % 2 = 0",
            "UPDATE mentions SET sentence_id = sentence_id + 1 WHERE text = 'UN'",
            "UPDATE mentions SET article_id = (SELECT min(id) FROM articles), sentence_id = (SELECT min(id) FROM sentences) WHERE id % 7 = 0",
            "DELETE FROM mentions WHERE text = 'Putin' AND id % 3 = 0",
            "DELETE FROM sentences WHERE ordinal = 2 AND article_id % 2 = 1",
            "DELETE FROM articles WHERE external_id = 'c3'",
            "DELETE FROM actors WHERE name = 'NATO'",
        ]
        try SummaryTests.apply(edits, to: store)
        try store.write { db in try db.execute(sql: "UPDATE co_mentions SET articles = 99") }
        try store.write { db in try Store.rebuildSummaries(in: db) }
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        // Taken out and put back by the grouped statements alone: the same rows.
        let before = try store.read(SummaryTests.coMentions)
        try store.write { db in
            try Store.setTriggers(db, enabled: false)
            defer { try? Store.setTriggers(db, enabled: true) }
            for sign in [-1, 1] {
                for sql in Store.coMentionSummaryStatements(articles: "ar.id % 2 = 1", sign: sign) { try db.execute(sql: sql) }
            }
            try db.execute(sql: Store.coMentionCleanup)
        }
        #expect(try store.read(SummaryTests.coMentions) == before)
    }

    /// With foreign keys off (the sqlite3 shell's default) a deleted target actor leaves its sanctions
    /// pointing at nothing: the pairs of 0015 count them as without target actor, as the query's join
    /// does, until an actor with that id comes back.
    @Test func sanctionPairsFollowTargetActorsDeletedWithoutForeignKeys() throws {
        let tmp = TempDir()
        let path = tmp.path("kb.sqlite")
        do {
            let store = try Store(path: path)
            try store.write(SummaryTests.article("s1"), analyzerVersion: 1)
        }
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: config)
        let pairs = { (db: Database) in
            try String.fetchAll(db, sql: "SELECT target_key || '|' || country_key || '|' || measures FROM sanction_pairs ORDER BY 1")
        }
        let checked = { (db: Database) in
            let m = try SummaryTests.mismatches(db)
            #expect(m["sanction_pairs"] == 0 && m["sanction_pair_years"] == 0 && m["sanction_years"] == 0)
        }
        try queue.write { db in
            let before = try pairs(db)
            #expect(before.contains("vladimir putin|RUS|3"))
            let putin = try Row.fetchOne(db, sql: "SELECT id, name, kind, country_code, identity_key FROM actors WHERE name = 'Vladimir Putin'")!
            try db.execute(sql: "DELETE FROM actors WHERE id = ?", arguments: [putin["id"]])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sanctions WHERE target_actor_id = ?", arguments: [putin["id"]]) == 3)
            try checked(db)
            #expect(try pairs(db).contains("||3") && !(try pairs(db).contains("vladimir putin|RUS|3")))
            try db.execute(sql: "INSERT INTO actors(id, name, kind, country_code, identity_key) VALUES (?, ?, ?, ?, ?)",
                           arguments: [putin["id"], putin["name"], putin["kind"], putin["country_code"], putin["identity_key"]])
            try checked(db)
            #expect(try pairs(db) == before)
        }
    }

    @Test func singleWritesAndShellEditsKeepTheSummariesExact() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.path("kb.sqlite"))
        for (i, published) in ["2015-05-12", "2015-05-20", "2015", nil, "2016-02-29"].enumerated() {
            try store.write(SummaryTests.article("s\(i)", published: published), analyzerVersion: 1)
        }
        #expect(try store.read(SummaryTests.mismatches) == SummaryTests.consistent)
        let edits = [
            "DELETE FROM articles WHERE external_id = 's0'",
            "UPDATE articles SET published_on = '2019-01-02' WHERE external_id = 's1'",
            "UPDATE articles SET published_on = NULL WHERE external_id = 's2'",
            "UPDATE articles SET published_on = '2014-07' WHERE external_id = 's3'",
            "UPDATE actors SET country_code = 'FRA' WHERE name = 'John Kerry'",
            "UPDATE events SET mode = 'negated' WHERE cameo_code = '112'",
            "UPDATE events SET mode = 'asserted' WHERE cameo_code = '040'",
            "UPDATE events SET cameo_code = '190', occurred_on = '2020-01-01' WHERE cameo_code = '036' AND id % 2 = 0",
            "UPDATE events SET source_actor_id = target_actor_id, target_actor_id = source_actor_id WHERE id % 3 = 0",
            "UPDATE mentions SET actor_id = (SELECT id FROM actors WHERE name = 'Vladimir Putin') WHERE id % 4 = 0",
            "DELETE FROM mentions WHERE id % 5 = 0",
            "DELETE FROM sentences WHERE article_id = (SELECT id FROM articles WHERE external_id = 's4')",
            "UPDATE events SET occurred_on = '2015-05-03' WHERE cameo_code = '112' AND id % 2 = 1",
            "UPDATE events SET target_actor_id = NULL WHERE id % 7 = 0",
            "UPDATE actor_roles SET seen_on = '2013-01-01' WHERE id % 2 = 0",
            "UPDATE actor_roles SET title = 'Foreign Minister', of_actor_id = actor_id WHERE id % 3 = 0",
            "DELETE FROM actor_roles WHERE id = (SELECT min(id) FROM actor_roles)",
            "INSERT INTO conflicts(name, country_code, identity_key) VALUES ('war in Syria', 'SYR', 'syr')",
            "UPDATE conflict_reports SET conflict_id = (SELECT id FROM conflicts WHERE identity_key = 'syr') WHERE id % 2 = 0",
            "DELETE FROM conflict_reports WHERE id % 3 = 0",
            "UPDATE conflict_parties SET conflict_id = (SELECT id FROM conflicts WHERE identity_key = 'syr') WHERE id % 2 = 0",
            "DELETE FROM conflict_parties WHERE id % 3 = 0",
            "DELETE FROM conflicts WHERE identity_key = 'ukr'",
            "UPDATE sanctions SET stated_on = '2015-01-09' WHERE stated_on = '2014-03-17' AND id % 2 = 0",
            "UPDATE sanctions SET action = 'ease', conditional = 1 WHERE action = 'impose' AND id % 3 = 0",
            "UPDATE sanctions SET kind = 'arms', target_description = '23 Russian officials' WHERE target_actor_id IS NULL",
            "UPDATE sanctions SET imposer_actor_id = NULL, target_country = 'UKR' WHERE id % 4 = 1",
            "DELETE FROM sanctions WHERE id % 5 = 0",
            "UPDATE sanctions SET stated_on = NULL WHERE id % 6 = 2",
            "UPDATE articles SET published_on = '2018-08' WHERE external_id = 's3'",
            "UPDATE events SET cameo_code = '072' WHERE cameo_code = '070' AND id % 2 = 0",
            "UPDATE events SET cameo_code = '040' WHERE cameo_code = '051' AND id % 3 = 0",
            "UPDATE events SET mode = 'asserted' WHERE cameo_code = '073'",
            "UPDATE events SET occurred_on = '2013-02' WHERE cameo_code = '0331' AND id % 2 = 1",
            "UPDATE events SET occurred_on = NULL WHERE cameo_code = '051'",
            "UPDATE events SET target_actor_id = source_actor_id WHERE cameo_code = '072' AND id % 4 = 1",
            "UPDATE events SET source_actor_id = target_actor_id, target_actor_id = source_actor_id WHERE cameo_code = '073'",
            "DELETE FROM events WHERE cameo_code = '0331' AND id % 5 = 0",
            "UPDATE articles SET published_on = '2012-12-12' WHERE external_id = 's4'",
            "DELETE FROM articles WHERE external_id = 's1'",
            // A target actor's new name and country move its measures to another pair of 0015; here the
            // pair of a described target, named alike in another case.
            "UPDATE actors SET name = '23 RUSSIAN officials', country_code = NULL WHERE name = 'John Kerry'",
            "UPDATE actors SET country_code = 'RUS' WHERE name = '23 RUSSIAN officials'",
            "UPDATE actors SET name = 'John Kerry', country_code = 'USA' WHERE name = '23 RUSSIAN officials'",
            // The descriptions support_pairs (0016) names its codes by.
            "UPDATE cameo_codes SET description = 'provide aid, edited' WHERE code = '070'",
            "DELETE FROM actors WHERE name = 'Vladimir Putin'",
        ]
        try SummaryTests.apply(edits, to: store)
        let (actorMonths, eventMonths) = try rows(store)
        #expect(actorMonths > 0 && eventMonths > 0, "the edits leave rows to count")
    }
}
