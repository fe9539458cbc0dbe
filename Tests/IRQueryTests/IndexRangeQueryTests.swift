import IRQuery
import IRStore
import Testing

/// sanctions-on, sanctions-timeline, sanctions-in-force, quotes-by-speaker and anonymous-quotes read index ranges
/// by date (0010) and stop at the :limit-th date; they must answer as a plain scan does,
/// with measures and quotes that have no date of their own (dated by the article, or not at
/// all), targets named only by country, several rows on one date, and small limits.
@Suite struct IndexRangeQueryTests {
    /// Many articles of our own: sanctions by the EU, the United States and unstated imposers on
    /// Russia, a Russian company, "Russian banks" (a described target of country RUS) and Iran;
    /// quotes by Lavrov, Zarif and anonymous Russian officials.
    static let database: String = {
        let path = Fixtures.temporaryPath("ranges")
        let dates: [String?] = ["2014-03-17", "2014-03", "2015", nil, "2014-07-31", "2016-01-17", "2014-03-17", "2018-11-05",
                                "2022-02-26", "2022-02", nil, "2023-06-15"]
        let actions: [SanctionAction] = [.impose, .extend, .ease, .impose, .lift, .threaten, .impose, .extend]
        let kinds: [SanctionKind] = [.economic, .financial, .economic, .travel, .arms]
        do {
            let store = try Store(path: path)
            for i in 0..<48 {
                let date = dates[i % dates.count]
                var w = WorldBuilder(id: "ranges-\(i)", date: i % 11 == 5 ? nil : date, headline: "Sanctions, round \(i)")
                let russia = w.actor("Russia", .state, "RUS", "RUS", aliases: ["Moscow"])
                let volga = w.actor("Volga Freight", .organization, "RUS", "RUSBUS")
                let iran = w.actor("Iran", .state, "IRN", "IRN")
                let eu = w.actor("European Union", .organization, nil, "IGOEEC", aliases: ["EU"])
                let usa = w.actor("United States", .state, "USA", "USA")
                let lavrov = w.actor("Sergei Lavrov", .person, "RUS", "RUSGOV", aliases: ["Lavrov"])
                let zarif = w.actor("Javad Zarif", .person, "IRN", "IRNGOV", aliases: ["Zarif"])
                for j in 0..<3 {
                    let n = i * 3 + j
                    let s = w.sentence("The measures of round \(i), part \(j), were announced against Moscow and others.")
                    let imposer: Int? = [eu, usa, nil][n % 3]
                    let stated: String? = n % 7 == 3 ? nil : (n % 5 == 0 ? dates[(n / 5) % dates.count] : date)
                    let action = actions[n % actions.count]
                    let kind = kinds[(n / 2) % kinds.count]
                    switch n % 4 {
                    case 0: w.sanction(s, imposer, russia, action, kind, "measures", on: stated, conditional: n % 9 == 4)
                    case 1: w.sanction(s, imposer, volga, action, kind, "measures", on: stated)
                    case 2: w.sanction(s, imposer, nil, action, kind, "measures", on: stated,
                                       description: n % 8 == 2 ? "Russian banks" : "russian Banks", country: "RUS")
                    default: w.sanction(s, imposer, iran, action, kind, "measures", on: stated)
                    }
                    let saidOn: String? = n % 6 == 1 ? nil : stated
                    let q = w.sentence("\"We answer part \(j) of round \(i) calmly,\" the speaker said about Moscow.")
                    w.mention(russia, q, "Moscow")
                    switch n % 3 {
                    case 0: w.quote(q, "We answer part \(j) of round \(i) calmly,", speaker: lavrov, country: "RUS", on: saidOn)
                    case 1: w.quote(q, "We answer part \(j) of round \(i) calmly,", speaker: zarif, country: "IRN", on: saidOn)
                    default: w.quote(q, "We answer part \(j) of round \(i) calmly,", speaker: nil, description: "Russian official",
                                     country: "RUS", on: saidOn)
                    }
                }
                try store.write(w.analysis, analyzerVersion: 1)
            }
        } catch {
            fatalError("cannot build the ranges database: \(error)")
        }
        return path
    }()

    let kb: KnowledgeBase
    init() throws { kb = try KnowledgeBase(path: Self.database) }

    func rows(_ t: ResultTable) -> [String] { t.rows.map { $0.map(\.description).joined(separator: "|") } }

    /// Rows of the actors and codes a user's word names, as the queries take them in.
    static let sanctionsOf = """
        who AS (SELECT actor_id AS id FROM v_actor_keys WHERE key = :x),
        codes AS (SELECT upper(:x) AS code WHERE upper(:x) GLOB '[A-Z][A-Z][A-Z]'
                  UNION SELECT country_code FROM actors WHERE id IN who AND kind = 'state' AND country_code IS NOT NULL),
        m AS (SELECT x.*, coalesce(x.stated_on, ar.published_on) AS d FROM sanctions x JOIN articles ar ON ar.id = x.article_id)
        """

    static let sanctionParameters: [[String: String]] = [
        [:], ["limit": "5"], ["limit": "1"], ["limit": "0"], ["since": "2015"], ["since": "2014-03-17", "limit": "4"],
        ["until": "2014-03"], ["since": "2014", "until": "2016", "limit": "3"], ["until": "2014-03-17", "limit": "2"],
    ]

    @Test(arguments: ["RUS", "Russia", "Volga Freight", "Iran", "EU"])
    func sanctionsOnAnswersAsAScan(target: String) throws {
        for p in Self.sanctionParameters where p["until"] == nil {
            let lim = p["limit"].map { Int($0)! } ?? 100
            let reference = try kb.execute(sql: """
                WITH \(Self.sanctionsOf)
                SELECT m.d, i.name, m.action, m.kind, coalesce(t.name, m.target_description), coalesce(t.country_code, m.target_country),
                       m.conditional, se.text, m.article_id, m.id
                FROM m JOIN sentences se ON se.id = m.sentence_id
                LEFT JOIN actors i ON i.id = m.imposer_actor_id LEFT JOIN actors t ON t.id = m.target_actor_id
                WHERE (m.target_actor_id IN who OR m.target_country IN codes) AND (:since IS NULL OR m.d >= :since)
                ORDER BY m.d DESC, m.id DESC LIMIT \(lim == 0 ? -1 : lim)
                """, parameters: p.merging(["x": target]) { a, _ in a })
            var params = p
            params["target"] = target
            let answer = try kb.run(try CannedQueries.require("sanctions-on"), parameters: params)
            #expect(rows(answer) == rows(reference), "\(params)")
            if target == "RUS" && p.isEmpty { #expect(answer.count > 50) }
        }
    }

    @Test(arguments: ["RUS", "EU", "United States", "Iran", "Volga Freight"])
    func sanctionsTimelineAnswersAsAScan(actor: String) throws {
        for p in Self.sanctionParameters {
            let lim = p["limit"].map { Int($0)! } ?? 100
            let reference = try kb.execute(sql: """
                WITH \(Self.sanctionsOf)
                SELECT m.d, CASE WHEN m.imposer_actor_id IN who THEN 'imposer' ELSE 'target' END, i.name, m.action, m.kind,
                       coalesce(t.name, m.target_description), m.conditional, se.text, m.article_id, m.id
                FROM m JOIN sentences se ON se.id = m.sentence_id
                LEFT JOIN actors i ON i.id = m.imposer_actor_id LEFT JOIN actors t ON t.id = m.target_actor_id
                WHERE (m.imposer_actor_id IN who OR m.target_actor_id IN who OR m.target_country IN codes)
                  AND (:since IS NULL OR m.d >= :since) AND (:until IS NULL OR substr(m.d, 1, length(:until)) <= :until)
                ORDER BY m.d, m.article_id, m.start_char, m.id LIMIT \(lim == 0 ? -1 : lim)
                """, parameters: p.merging(["x": actor]) { a, _ in a })
            var params = p
            params["actor"] = actor
            let answer = try kb.run(try CannedQueries.require("sanctions-timeline"), parameters: params)
            #expect(rows(answer) == rows(reference), "\(params)")
            if actor == "RUS" && p.isEmpty { #expect(answer.count == 100) }
        }
    }

    @Test(arguments: ["RUS", "Russia", "Volga Freight", "Iran", "EU"])
    func sanctionsInForceAnswersAsAScan(target: String) throws {
        for date in [nil, "2014-03", "2015", "2022-02-26", "2013"] as [String?] {
            let reference = try kb.execute(sql: """
                WITH \(Self.sanctionsOf),
                k AS (SELECT m.*, coalesce(m.imposer_actor_id, -1) AS ki,
                             coalesce(CAST(m.target_actor_id AS TEXT), lower(m.target_description), m.target_country, '') AS kp
                      FROM m WHERE (m.target_actor_id IN who OR m.target_country IN codes) AND m.conditional = 0
                        AND m.action <> 'threaten' AND (:date IS NULL OR m.d IS NULL OR substr(m.d, 1, length(:date)) <= :date)),
                last AS (SELECT k.* FROM k WHERE NOT EXISTS (
                             SELECT 1 FROM k l WHERE l.ki = k.ki AND l.kind = k.kind AND l.kp = k.kp
                               AND (l.d > k.d OR (k.d IS NULL AND l.d IS NOT NULL) OR (l.d IS k.d AND l.id > k.id))))
                SELECT i.name AS imp, i.country_code, coalesce(t.name, r.target_description) AS tn,
                       coalesce(t.country_code, r.target_country), r.kind,
                       CASE r.action WHEN 'ease' THEN 'eased' ELSE 'in force' END AS status, r.action, r.d,
                       (SELECT min(d) FROM k WHERE k.ki = r.ki AND k.kind = r.kind AND k.kp = r.kp AND k.action = 'impose'),
                       (SELECT count(*) FROM k WHERE k.ki = r.ki AND k.kind = r.kind AND k.kp = r.kp), se.text, r.article_id
                FROM last r JOIN sentences se ON se.id = r.sentence_id
                LEFT JOIN actors i ON i.id = r.imposer_actor_id LEFT JOIN actors t ON t.id = r.target_actor_id
                WHERE r.action <> 'lift'
                ORDER BY status DESC, imp, tn, r.kind
                """, parameters: ["x": target, "date": date].compactMapValues { $0 })
            let answer = try kb.run(try CannedQueries.require("sanctions-in-force"),
                                    parameters: ["target": target, "date": date].compactMapValues { $0 })
            // Ties on imposer, target name and kind (two spellings of "Russian banks") come in either order.
            #expect(rows(answer).sorted() == rows(reference).sorted(), "\(target) as of \(date ?? "-")")
            #expect(answer.rows.map { "\($0[5])|\($0[0])|\($0[2])|\($0[4])" } == reference.rows.map { "\($0[5])|\($0[0])|\($0[2])|\($0[4])" })
            if target == "RUS" && date == nil { #expect(answer.count > 10) }
        }
    }

    @Test(arguments: ["Lavrov", "RUS", "Javad Zarif", "IRN"])
    func quotesBySpeakerAnswersAsAScan(speaker: String) throws {
        let parameters: [[String: String]] = [[:], ["limit": "4"], ["limit": "1"], ["limit": "0"], ["containing": "ROUND 1"],
                                              ["containing": "part 2", "limit": "3"], ["about": "Moscow", "limit": "6"]]
        for p in parameters {
            let lim = p["limit"].map { Int($0)! } ?? 100
            let reference = try kb.execute(sql: """
                WITH who AS (SELECT actor_id AS id FROM v_actor_keys WHERE key = :x),
                     topic AS (SELECT actor_id AS id FROM v_actor_keys WHERE key = :about)
                SELECT coalesce(q.said_on, ar.published_on) AS d, coalesce(a.name, q.speaker_description), q.speaker_role,
                       q.text, ar.headline, q.article_id, q.id
                FROM quotes q JOIN articles ar ON ar.id = q.article_id JOIN sentences se ON se.id = q.sentence_id
                LEFT JOIN actors a ON a.id = q.speaker_actor_id
                WHERE (q.speaker_actor_id IN who OR (upper(:x) GLOB '[A-Z][A-Z][A-Z]' AND q.speaker_country = upper(:x)))
                  AND (:about IS NULL OR instr(lower(q.text), lower(:about)) > 0
                       OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.actor_id IN topic
                                  AND m.start_char >= min(se.start_char, q.start_char) AND m.end_char <= max(se.end_char, q.end_char)))
                  AND (:containing IS NULL OR instr(lower(q.text), lower(:containing)) > 0)
                ORDER BY d DESC, q.article_id, q.start_char, q.id LIMIT \(lim == 0 ? -1 : lim)
                """, parameters: p.merging(["x": speaker]) { a, _ in a })
            var params = p
            params["speaker"] = speaker
            let answer = try kb.run(try CannedQueries.require("quotes-by-speaker"), parameters: params)
            #expect(rows(answer) == rows(reference), "\(params)")
            if speaker == "RUS" && p.isEmpty { #expect(answer.count == 96) }
        }
    }

    @Test(arguments: ["RUS", "Russia", "USA", nil] as [String?])
    func anonymousQuotesAnswerAsAScan(country: String?) throws {
        for p in [[:], ["limit": "4"], ["limit": "1"], ["limit": "0"], ["containing": "part 1", "limit": "3"]] as [[String: String]] {
            let lim = p["limit"].map { Int($0)! } ?? 100
            var params = p
            params["country"] = country
            let reference = try kb.execute(sql: """
                WITH codes AS (SELECT upper(:country) AS code WHERE upper(:country) GLOB '[A-Z][A-Z][A-Z]'
                               UNION SELECT country_code FROM actors WHERE kind = 'state' AND country_code IS NOT NULL
                                     AND id IN (SELECT actor_id FROM v_actor_keys WHERE key = :country AND how IN ('name', 'alias')))
                SELECT coalesce(q.said_on, ar.published_on) AS d, q.speaker_country, q.speaker_description, q.speaker_role,
                       q.text, ar.headline, q.article_id, q.id
                FROM quotes q JOIN articles ar ON ar.id = q.article_id
                WHERE q.anonymous = 1 AND (:country IS NULL OR q.speaker_country IN codes)
                  AND (:containing IS NULL OR instr(lower(q.text), lower(:containing)) > 0)
                ORDER BY d DESC, q.article_id, q.start_char, q.id LIMIT \(lim == 0 ? -1 : lim)
                """, parameters: params)
            let answer = try kb.run(try CannedQueries.require("anonymous-quotes"), parameters: params)
            #expect(rows(answer) == rows(reference), "\(params)")
            if country == "RUS" && p.isEmpty { #expect(answer.count == 48) }
        }
    }
}
