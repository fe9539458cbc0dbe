import IRQuery
import IRStore
import Testing

/// The queries that read the summary tables (0008) answer as the detail tables do, for
/// periods given to the year, the month and the day (whose end months come from the details).
@Suite struct SummaryQueryTests {
    let kb: KnowledgeBase
    init() throws { kb = try Fixtures.samplesKB() }

    static let periods: [(String?, String?)] = [
        (nil, nil), ("2016-01-17", nil), (nil, "2017-06-22"), ("2015-05-12", "2019-09"), ("2016", "2021-04-19"),
        ("2021-09-14", "2021-09-17"), ("2021-09-14", "2021-09-14"), ("2024", nil), (nil, "2016"), ("2030", nil),
        // Whole years from actor_years, the rest of a year from actor_months (0009).
        ("2021-03", "2021-10"), ("2021", "2021-09-15"), ("2015-06-30", "2021"), (nil, "2021-09"), ("201", nil),
    ]

    func rows(_ t: ResultTable) -> [String] { t.rows.map { $0.map(\.description).joined(separator: "|") } }

    @Test(arguments: periods)
    func mostMentionedCountsAsTheMentionsDo(since: String?, until: String?) throws {
        let reference = try kb.execute(sql: """
            SELECT a.name, a.kind, a.country_code, count(*) AS n, count(DISTINCT m.article_id) AS arts,
                   min(ar.published_on), max(ar.published_on)
            FROM mentions m JOIN articles ar ON ar.id = m.article_id JOIN actors a ON a.id = m.actor_id
            WHERE (:since IS NULL OR ar.published_on >= :since)
              AND (:until IS NULL OR substr(ar.published_on, 1, length(:until)) <= :until)
            GROUP BY a.id ORDER BY n DESC, arts DESC, a.name LIMIT 1000
            """, parameters: ["since": since, "until": until].compactMapValues { $0 })
        let answer = try kb.mostMentioned(since: since, until: until, limit: 1000)
        #expect(rows(answer) == rows(reference), "since \(since ?? "-") until \(until ?? "-")")
        if since == nil && until == nil { #expect(answer.count > 100) }
    }

    /// Over all dates co-mentions reads the co_mentions summary (0014); within a period it pairs
    /// the mentions themselves, finding :actor's articles of the period from :actor's mentions
    /// (broad periods here) or from the period's articles (narrow ones). All must answer as a
    /// count over the mentions does.
    @Test(arguments: [nil, "Russia", "RUS", "United States", "Sergei Lavrov"] as [String?])
    func coMentionsCountAsTheMentionsDo(actor: String?) throws {
        for (since, until) in [(nil, nil), ("0", nil), ("2015-05", "2021-09-15")] + Self.periods as [(String?, String?)] {
            let reference = try kb.execute(sql: """
                WITH who AS (SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = :actor),
                arts AS (SELECT id FROM articles ar
                         WHERE (:since IS NULL OR ar.published_on >= :since)
                           AND (:until IS NULL OR substr(ar.published_on, 1, length(:until)) <= :until)),
                pairs AS (SELECT x.actor_id AS a_id, y.actor_id AS b_id,
                                 count(DISTINCT x.article_id) AS articles, count(DISTINCT x.sentence_id) FILTER (WHERE x.sentence_id = y.sentence_id) AS sentences
                          FROM mentions x JOIN mentions y ON y.article_id = x.article_id AND y.actor_id > x.actor_id
                          WHERE x.article_id IN (SELECT id FROM arts)
                            AND (:actor IS NULL OR x.actor_id IN (SELECT id FROM who) OR y.actor_id IN (SELECT id FROM who))
                          GROUP BY 1, 2)
                SELECT a.name, b.name, articles, sentences FROM pairs JOIN actors a ON a.id = a_id JOIN actors b ON b.id = b_id
                ORDER BY articles DESC, sentences DESC, a.name, b.name LIMIT 1000
                """, parameters: ["actor": actor, "since": since, "until": until].compactMapValues { $0 })
            let answer = try kb.coMentions(actor: actor, since: since, until: until, limit: 1000)
            #expect(rows(answer) == rows(reference), "\(actor ?? "-") since \(since ?? "-") until \(until ?? "-")")
            if since == nil { #expect(answer.count > (actor == nil ? 100 : 3)) }
        }
    }

    /// Without an actor or a period, the leading pairs are read only among the actors named in
    /// enough articles to be in one (`floor_all`; a limit over 200 reads every pair): with any
    /// limit the answer is the head of the whole one. Within a period every pair is counted.
    @Test(arguments: periods)
    func coMentionsLimitsKeepTheLeadingPairs(since: String?, until: String?) throws {
        let all = rows(try kb.coMentions(actor: nil, since: since, until: until, limit: 1000))
        if since == nil && until == nil { #expect(all.count > 200) }
        for limit in [1, 2, 3, 5, 10, 40, 200] {
            let head = rows(try kb.coMentions(actor: nil, since: since, until: until, limit: limit))
            #expect(head == Array(all.prefix(limit)), "since \(since ?? "-") until \(until ?? "-") limit \(limit)")
        }
    }

    @Test(arguments: periods)
    func eventsByRootCountsAsTheEventsDo(since: String?, until: String?) throws {
        for country in [nil, "RUS", "United States"] as [String?] {
            let reference = try kb.execute(sql: """
                SELECT substr(coalesce(e.occurred_on, ar.published_on), 1, 7) AS month, s.country_code, c.root, r.description,
                       count(*), round(sum(round(c.goldstein * 10)) / (10.0 * count(*)), 2)
                FROM events e JOIN articles ar ON ar.id = e.article_id JOIN actors s ON s.id = e.source_actor_id
                JOIN cameo_codes c ON c.code = e.cameo_code JOIN cameo_codes r ON r.code = c.root
                WHERE e.mode IN ('asserted', 'future') AND s.country_code IS NOT NULL
                  AND coalesce(e.occurred_on, ar.published_on) IS NOT NULL
                  AND (:country IS NULL OR s.country_code = (SELECT country_code FROM actors WHERE kind = 'state'
                                                             AND (name = :country OR country_code = :country)))
                  AND (:since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= :since)
                  AND (:until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(:until)) <= :until)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, parameters: ["since": since, "until": until, "country": country].compactMapValues { $0 })
            let answer = try kb.eventsByRoot(country: country, since: since, until: until)
            #expect(rows(answer) == rows(reference), "country \(country ?? "-") since \(since ?? "-") until \(until ?? "-")")
        }
    }
}

/// The queries that read the summaries of 0009 (dyads, role_spans) answer as the detail tables do.
@Suite struct PairAndRoleSummaryQueryTests {
    let kb: KnowledgeBase
    init() throws { kb = try Fixtures.samplesKB() }

    func rows(_ t: ResultTable) -> [String] { t.rows.map { $0.map(\.description).joined(separator: "|") } }

    @Test(arguments: [[:], ["actor": "RUS"], ["actor": "United States"], ["other": "Ukraine"], ["actor": "USA", "other": "RUS"]])
    func dyadCooperationCountsAsTheEventsDo(parameters: [String: String]) throws {
        let reference = try kb.execute(sql: """
            WITH who AS (SELECT actor_id AS id FROM v_actor_keys WHERE key = :actor),
                 whom AS (SELECT actor_id AS id FROM v_actor_keys WHERE key = :other),
                 ev AS (SELECT min(e.source_actor_id, e.target_actor_id) AS a_id, max(e.source_actor_id, e.target_actor_id) AS b_id,
                               c.quad_class AS q, c.goldstein AS g, coalesce(e.occurred_on, ar.published_on) AS d
                        FROM events e JOIN cameo_codes c ON c.code = e.cameo_code JOIN articles ar ON ar.id = e.article_id
                        WHERE e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
                          AND (:actor IS NULL OR e.source_actor_id IN who OR e.target_actor_id IN who)
                          AND (:other IS NULL OR (e.source_actor_id IN whom AND (:actor IS NULL OR e.target_actor_id IN who))
                               OR (e.target_actor_id IN whom AND (:actor IS NULL OR e.source_actor_id IN who))))
            SELECT a.name AS x, b.name AS y, count(*) AS n, sum(q = 1), sum(q = 2), sum(q = 3), sum(q = 4),
                   round(sum(round(g * 10)) / (10.0 * count(*)), 2), min(d), max(d)
            FROM ev JOIN actors a ON a.id = ev.a_id JOIN actors b ON b.id = ev.b_id
            GROUP BY ev.a_id, ev.b_id ORDER BY n DESC, x, y
            """, parameters: parameters)
        let answer = try kb.run(try CannedQueries.require("dyad-cooperation"), parameters: parameters.merging(["limit": "0"]) { $1 })
        #expect(rows(answer) == rows(reference), "\(parameters)")
        if parameters.isEmpty { #expect(answer.count > 20) }
        // A limit keeps the leading pairs of the whole answer, ties with the last one broken as there.
        for limit in ["1", "3", "20"] {
            let cut = try kb.run(try CannedQueries.require("dyad-cooperation"), parameters: parameters.merging(["limit": limit]) { $1 })
            #expect(rows(cut) == Array(rows(answer).prefix(Int(limit)!)), "\(parameters) limit \(limit)")
        }
    }

    /// dyad-timeline bounds the dates it reads by the busiest pairs' :limit-th oldest event: the
    /// answer must still be the head of the whole timeline.
    @Test(arguments: [("RUS", "UKR"), ("Russia", "United States"), ("USA", "ETH"), ("AZE", "RUS")])
    func dyadTimelineLimitsKeepTheOldest(actor: String, other: String) throws {
        let q = try CannedQueries.require("dyad-timeline")
        for since in [nil, "2021-03"] as [String?] {
            var parameters = ["actor": actor, "other": other, "limit": "0"]
            if let since { parameters["since"] = since }
            let all = rows(try kb.run(q, parameters: parameters))
            if since == nil { #expect(all.count >= 3, "\(actor)-\(other) has events") }
            for limit in [1, 2, 3, 5] {
                parameters["limit"] = String(limit)
                #expect(rows(try kb.run(q, parameters: parameters)) == Array(all.prefix(limit)), "\(actor)-\(other) limit \(limit)")
            }
        }
    }

    @Test(arguments: ["Minister", "President", "foreign minister", "Secretary"])
    func roleHoldersSpanAsTheRolesDo(title: String) throws {
        let reference = try kb.execute(sql: """
            SELECT a.name AS person, r.title, min(r.seen_on), max(r.seen_on), count(DISTINCT r.article_id)
            FROM actor_roles r JOIN actors a ON a.id = r.actor_id
            WHERE instr(lower(r.title), lower(:title)) > 0
            GROUP BY r.actor_id, r.title, r.country_code ORDER BY 3, 4 DESC, 1
            """, parameters: ["title": title])
        let answer = try kb.run(try CannedQueries.require("role-holders"), parameters: ["title": title])
        let picked = answer.rows.map { r in [0, 1, 4, 5, 6].map { r[$0].description }.joined(separator: "|") }
        #expect(picked == rows(reference), "title \(title)")
        if title == "Minister" { #expect(picked.count > 3) }
    }

    @Test(arguments: ["Russia", "Sergei Lavrov", "United States"])
    func profileCounterpartsCountAsTheEventsDo(actor: String) throws {
        let answer = try kb.run(try CannedQueries.require("actor-profile"), parameters: ["actor": actor])
        let counterparts = answer.rows.filter { $0[0].description == "counterpart" }.map { "\($0[1])|\($0[4])" }
        let reference = try kb.execute(sql: """
            WITH me AS (SELECT id FROM actors WHERE name = :actor)
            SELECT o.name, count(*) AS n, max(coalesce(e.occurred_on, ar.published_on)) AS last
            FROM events e JOIN articles ar ON ar.id = e.article_id, me
            JOIN actors o ON o.id = CASE WHEN e.source_actor_id = me.id THEN e.target_actor_id ELSE e.source_actor_id END
            WHERE (e.source_actor_id = me.id OR e.target_actor_id = me.id) AND e.source_actor_id <> e.target_actor_id
              AND e.mode IN ('asserted', 'future')
            GROUP BY o.id ORDER BY n DESC, last DESC, o.name LIMIT 10
            """, parameters: ["actor": actor])
        #expect(Set(counterparts) == Set(reference.rows.map { "\($0[0])|\($0[1])" }), "\(actor)")
        #expect(!counterparts.isEmpty)
    }
}

/// Meetings of an actor with many events are found by walking the events from the newest date;
/// the answer must equal the one through the actor's own events (the path for few events).
@Suite struct MeetingsWalkTests {
    /// One article with 2,400 meetings of Russia's envoy (more than the walk's threshold of 2,000
    /// events), some with the envoy as target, a few on the same dates, one coded both ways, and
    /// other events in between.
    static let path: String = {
        let path = Fixtures.temporaryPath("walk")
        var w = WorldBuilder(id: "walk-1", date: "2023-01-01", headline: "A busy year of talks")
        let envoy = w.actor("Mikhail Ulyanov", .person, "RUS", "RUSGOV", aliases: ["Ulyanov"])
        let others = (0..<12).map { w.actor("Envoy \($0) Okafor", .person, ["NGA", "KEN", "GHA"][$0 % 3], nil) }
        let s = w.sentence("Ulyanov met his counterpart and they held talks.")
        for i in 0..<2400 {
            let day = String(format: "20%02d-%02d-%02d", 10 + i % 14, 1 + i % 12, 1 + (i / 7) % 28)
            let other = others[i % others.count]
            if i % 5 == 0 {
                w.event(s, other, envoy, "042", "met", on: day)
            } else {
                w.event(s, envoy, other, i % 2 == 0 ? "040" : "043", "held talks", on: day)
            }
            if i % 9 == 0 { w.event(s, envoy, other, "112", "met", on: day) }
            if i % 400 == 0 { w.event(s, other, envoy, i % 2 == 0 ? "040" : "043", "held talks", on: day) }
        }
        do {
            try Store(path: path).write(w.analysis, analyzerVersion: 1)
        } catch {
            fatalError("cannot build the walk fixture: \(error)")
        }
        return path
    }()

    @Test(arguments: [(nil, nil, 100), ("2015", nil, 25), (nil, "2019-06", 40), ("2012-03-01", "2016", 7), (nil, nil, 0)] as [(String?, String?, Int)])
    func walkedMeetingsEqualTheActorsOwn(since: String?, until: String?, limit: Int) throws {
        let kb = try KnowledgeBase(path: MeetingsWalkTests.path)
        func ask(_ p: [String: String?]) throws -> [[String]] {
            try kb.run("meetings", parameters: p.compactMapValues { $0 }).rows.map { $0.map(\.description) }
        }
        let rows = try ask(["actor": "Ulyanov", "since": since, "until": until, "limit": String(limit)])
        // The same question asked as pairs with codes that take in every other actor: the path
        // through the actors' indexes.
        var own: [[String]] = []
        for code in ["NGA", "KEN", "GHA"] {
            own += try ask(["actor": "Ulyanov", "other": code, "since": since, "until": until, "limit": "0"])
        }
        own.sort { $0[0] > $1[0] }
        #expect(rows.count == (limit == 0 ? own.count : min(limit, own.count)))
        #expect(rows.map { $0[0] } == own.prefix(rows.count).map { $0[0] }, "dates, newest first")
        #expect(Set(rows.map { $0.joined(separator: "|") }).isSubset(of: Set(own.map { $0.joined(separator: "|") })))
    }
}

/// conflicts picks each conflict's toll from index ends and conflict-toll reads the oldest
/// reports from the (conflict, as_of) index: undated reports (dated by their article) must still
/// take their place in both.
@Suite struct ConflictTollOrderTests {
    static let path: String = {
        let path = Fixtures.temporaryPath("tolls")
        var analyses: [ArticleAnalysis] = []
        // (article date, scope, killed, as_of): the undated overall toll of 2023 is the latest overall one.
        let reports: [(String, ConflictReportScope, Int, String?)] = [
            ("2020-01-02", .overall, 100, "2020-01-01"), ("2021-05-02", .overall, 90, "2021-05-01"),
            ("2022-01-02", .incident, 5, "2022-01-01"), ("2023-01-01", .overall, 80, nil),
            ("2019-03-03", .incident, 7, nil), ("2021-05-03", .overall, 95, "2021-05-01"),
        ]
        for (i, r) in reports.enumerated() {
            var w = WorldBuilder(id: "toll-\(i)", date: r.0, headline: "Fighting goes on")
            let s = w.sentence("The fighting has killed many people, officials said.")
            w.analysis.conflicts.append(ConflictRow(name: "Sahel war", countryCode: "MLI", identityKey: "war|MLI"))
            w.analysis.conflictReports.append(ConflictReportRow(conflict: 0, sentence: s, scope: r.1, killed: r.2, asOf: r.3,
                                                                startChar: 0, endChar: 12))
            analyses.append(w.analysis)
        }
        do {
            _ = try Store(path: path).writeBatch(analyses, analyzerVersion: 1)
        } catch {
            fatalError("fixture: \(error)")
        }
        return path
    }()

    @Test func theLatestOverallTollIsShownEvenWhenUndated() throws {
        let kb = try KnowledgeBase(path: ConflictTollOrderTests.path)
        let t = try kb.run(try CannedQueries.require("conflicts"), parameters: [:])
        #expect(t.rows.count == 1)
        let row = t.rows.first.map { r in Dictionary(uniqueKeysWithValues: zip(t.columns, r.map(\.description))) } ?? [:]
        #expect(row["killed"] == "80" && row["toll_as_of"] == "2023-01-01" && row["reports"] == "6"
                && row["last_reported_on"] == "2023-01-01", "\(row)")
    }

    @Test func theOldestReportsComeInDateOrderWithTheUndatedOnes() throws {
        let kb = try KnowledgeBase(path: ConflictTollOrderTests.path)
        let two = try kb.run(try CannedQueries.require("conflict-toll"), parameters: ["conflict": "Sahel", "limit": "2"])
        #expect(two.rows.map { "\($0[0])|\($0[3])" } == ["2019-03-03|7", "2020-01-01|100"])
        let all = try kb.run(try CannedQueries.require("conflict-toll"), parameters: ["conflict": "MLI", "limit": "0"])
        #expect(all.rows.map { "\($0[0])|\($0[3])" } == ["2019-03-03|7", "2020-01-01|100", "2021-05-01|90", "2021-05-01|95",
                                                        "2022-01-01|5", "2023-01-01|80"])
    }
}
