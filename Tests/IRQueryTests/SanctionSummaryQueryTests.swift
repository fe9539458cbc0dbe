import IRQuery
import IRStore
import Testing

/// who-sanctions-whom and sanctions-in-force read the summary sanction_years (0011) for whole
/// years and the sanctions themselves for the year at an end of a period given to the month or
/// the day: they must answer as the sanctions do.
@Suite struct SanctionSummaryQueryTests {
    let kb: KnowledgeBase
    init() throws { kb = try Fixtures.samplesKB() }

    func rows(_ t: ResultTable) -> [String] { t.rows.map { $0.map(\.description).joined(separator: "|") } }

    /// The kinds column as a set (the reference lists them in no particular order).
    func sortedKinds(_ row: String) -> String {
        var f = row.components(separatedBy: "|")
        f[10] = f[10].components(separatedBy: ",").sorted().joined(separator: ",")
        return f.joined(separator: "|")
    }

    @Test(arguments: SummaryQueryTests.periods + [("2015", "2015"), ("2017-03", "2017-03"), ("2014-12-31", "2015-01")])
    func whoSanctionsWhomCountsAsTheSanctionsDo(since: String?, until: String?) throws {
        for imposer in [nil, "USA", "European Union"] as [String?] {
            var parameters = ["since": since, "until": until, "imposer": imposer].compactMapValues { $0 }
            let reference = try kb.execute(sql: """
                WITH m AS (SELECT x.imposer_actor_id, x.action, x.kind, coalesce(x.stated_on, ar.published_on) AS on_date,
                                  coalesce(t.name, x.target_description) AS target_name,
                                  coalesce(t.country_code, x.target_country) AS target_country
                           FROM sanctions x JOIN articles ar ON ar.id = x.article_id LEFT JOIN actors t ON t.id = x.target_actor_id
                           WHERE (:since IS NULL OR coalesce(x.stated_on, ar.published_on) >= :since)
                             AND (:until IS NULL OR substr(coalesce(x.stated_on, ar.published_on), 1, length(:until)) <= :until)
                             AND (:imposer IS NULL OR x.imposer_actor_id IN (SELECT actor_id FROM v_actor_keys WHERE key = :imposer)))
                SELECT coalesce(i.name, '(unstated)') AS imposer_name, i.country_code AS imposer_country, m.target_name,
                       m.target_country, sum(m.action = 'impose'), sum(m.action = 'extend'), sum(m.action = 'ease'),
                       sum(m.action = 'lift'), sum(m.action = 'threaten'), count(*) AS total, group_concat(DISTINCT m.kind),
                       min(m.on_date), max(m.on_date)
                FROM m LEFT JOIN actors i ON i.id = m.imposer_actor_id
                GROUP BY m.imposer_actor_id, lower(m.target_name), m.target_country
                ORDER BY total DESC, imposer_name, m.target_name, m.target_country, imposer_country, m.imposer_actor_id
                """, parameters: ["since": since, "until": until, "imposer": imposer].compactMapValues { $0 })
            parameters["limit"] = "0"
            let q = try CannedQueries.require("who-sanctions-whom")
            let answer = rows(try kb.run(q, parameters: parameters))
            let context = "since \(since ?? "-") until \(until ?? "-") imposer \(imposer ?? "-")"
            #expect(answer.map(sortedKinds) == rows(reference).map(sortedKinds), "\(context)")
            #expect(answer.map(sortedKinds) == answer, "kinds in alphabetical order, \(context)")
            if since == nil && until == nil && imposer == nil { #expect(answer.count > 10) }
            // A limit keeps the leading pairs of the whole answer.
            for limit in ["1", "3"] {
                parameters["limit"] = limit
                #expect(rows(try kb.run(q, parameters: parameters)) == Array(answer.prefix(Int(limit)!)), "\(context) limit \(limit)")
            }
        }
    }

    @Test func whoSanctionsWhomListsTheHundredBusiestPairsByDefault() throws {
        let q = try CannedQueries.require("who-sanctions-whom")
        #expect(q.parameter("limit") != nil)
        let all = rows(try kb.run(q, parameters: ["limit": "0"]))
        #expect(rows(try kb.run(q, parameters: [:])) == Array(all.prefix(100)))
        #expect(rows(try kb.run(q, parameters: ["limit": "2"])) == Array(all.prefix(2)))
        #expect(rows(try kb.whoSanctionsWhom(limit: 2)) == Array(all.prefix(2)))
        #expect(rows(try kb.whoSanctionsWhom(limit: 0)) == all)
    }

    @Test(arguments: [nil, "2014", "2015", "2015-05", "2015-05-11", "2015-05-12", "2016-01-17", "2017-06", "2019", "2022-12", "201", "2030"])
    func sanctionsInForceWeighsTheMeasuresAsTheSanctionsDo(asOf: String?) throws {
        for target in ["RUS", "Russia", "Iran", "Venezuela", "IRN", "North Korea"] {
            let reference = try kb.execute(sql: """
                WITH who AS (SELECT id, kind, country_code FROM actors
                             WHERE id IN (SELECT actor_id FROM v_actor_keys WHERE key = :target)),
                     codes AS (SELECT upper(:target) AS code WHERE upper(:target) GLOB '[A-Z][A-Z][A-Z]'
                               UNION SELECT country_code FROM who WHERE kind = 'state' AND country_code IS NOT NULL),
                     x AS (SELECT s.id, s.imposer_actor_id, s.kind, s.action, coalesce(s.stated_on, ar.published_on) AS on_date,
                                  CASE WHEN s.target_actor_id IN (SELECT id FROM who) THEN CAST(s.target_actor_id AS TEXT)
                                       ELSE coalesce(CAST(s.target_actor_id AS TEXT), lower(s.target_description), s.target_country, '') END AS party
                           FROM sanctions s JOIN articles ar ON ar.id = s.article_id
                           WHERE s.conditional = 0 AND s.action <> 'threaten'
                             AND (s.target_actor_id IN (SELECT id FROM who) OR s.target_country IN (SELECT code FROM codes))
                             AND (:date IS NULL OR coalesce(s.stated_on, ar.published_on) IS NULL
                                  OR substr(coalesce(s.stated_on, ar.published_on), 1, length(:date)) <= :date)),
                     m AS (SELECT imposer_actor_id, kind, party, count(*) AS actions,
                                  min(CASE WHEN action = 'impose' THEN on_date END) AS first_imposed_on, max(on_date) AS last_on
                           FROM x GROUP BY coalesce(imposer_actor_id, -1), kind, party),
                     latest AS (SELECT m.*, (SELECT max(x.id) FROM x WHERE coalesce(x.imposer_actor_id, -1) = coalesce(m.imposer_actor_id, -1)
                                                AND x.kind = m.kind AND x.party = m.party AND x.on_date IS m.last_on) AS id FROM m)
                SELECT i.name AS imposer_name, i.country_code, coalesce(t.name, r.target_description) AS target_name,
                       coalesce(t.country_code, r.target_country), r.kind,
                       CASE r.action WHEN 'ease' THEN 'eased' ELSE 'in force' END AS status, r.action, l.last_on,
                       l.first_imposed_on, l.actions, se.text, r.article_id
                FROM latest l JOIN sanctions r ON r.id = l.id JOIN sentences se ON se.id = r.sentence_id
                LEFT JOIN actors i ON i.id = r.imposer_actor_id LEFT JOIN actors t ON t.id = r.target_actor_id
                WHERE r.action <> 'lift'
                ORDER BY status DESC, imposer_name, target_name, r.kind
                """, parameters: ["target": target, "date": asOf].compactMapValues { $0 })
            let answer = try kb.sanctionsInForce(target: target, asOf: asOf)
            #expect(rows(answer) == rows(reference), "target \(target) as of \(asOf ?? "-")")
            if asOf == nil && target == "RUS" { #expect(answer.count >= 2) }
        }
    }
}
