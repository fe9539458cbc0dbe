import Foundation
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

    /// What who-sanctions-whom answers with no limit, counted from the sanctions themselves.
    func reference(_ kb: KnowledgeBase, since: String?, until: String?, imposer: String?) throws -> ResultTable {
        try kb.execute(sql: """
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
    }

    @Test(arguments: SummaryQueryTests.periods + [("2015", "2015"), ("2017-03", "2017-03"), ("2014-12-31", "2015-01")])
    func whoSanctionsWhomCountsAsTheSanctionsDo(since: String?, until: String?) throws {
        for imposer in [nil, "USA", "European Union"] as [String?] {
            var parameters = ["since": since, "until": until, "imposer": imposer].compactMapValues { $0 }
            let reference = try self.reference(kb, since: since, until: until, imposer: imposer)
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

    /// Many pairs whose order over a period is not their order over all dates, with pairs that join
    /// several parts (two actors of one name, a description in two cases and the actor it names, a
    /// country alone): who-sanctions-whom finds its :limit busiest pairs from the pairs of 0015 and
    /// must list what summing every pair lists.
    static let crowded: String = {
        let path = Fixtures.temporaryPath("sanction-pairs")
        do {
            let store = try Store(path: path)
            let imposers: [(String, ActorKind, String?)] = [("United States", .state, "USA"), ("European Union", .organization, nil),
                                                            ("Canada", .state, "CAN"), ("Japan", .state, "JPN")]
            let targets: [(String, ActorKind, String?)] = [("Russia", .state, "RUS"), ("Iran", .state, "IRN"), ("Syria", .state, "SYR"),
                                                           ("Venezuela", .state, "VEN"), ("North Korea", .state, "PRK"),
                                                           ("Hamas", .organization, "PSE"), ("Hamas", .group, "PSE"),
                                                           ("Belarus", .state, "BLR"), ("Myanmar", .state, "MMR")]
            let descriptions = ["Russian banks", "russian banks", "hamas", "Belarusian officials"]
            let kinds = SanctionKind.allCases
            var n = 0
            for i in 0..<72 {
                let year = 10 + i / 6
                let published: String? = i % 13 == 12 ? nil : "20\(year)-0\(1 + i % 9)-1\(i % 10)"
                var w = WorldBuilder(id: "pairs-\(i)", date: published, headline: "Sanctions")
                let s = w.sentence("They imposed and lifted sanctions.")
                let imposerIndex = imposers.map { w.actor($0.0, $0.1, $0.2, nil) }
                let targetIndex = targets.map { w.actor($0.0, $0.1, $0.2, nil) }
                // The articles of 2010-2015 have more measures, mostly on the first targets; later ones
                // on the last: the order within a period differs from the order over all dates.
                for j in 0..<(i < 36 ? 8 + i % 5 : 3 + i % 3) {
                    n += 1
                    let imposer: Int? = n % 17 == 0 ? nil : imposerIndex[(n / 3) % imposers.count]
                    let pick = (i < 36 ? j : 2 * targets.count - 1 - j + i % 3) % targets.count
                    let date: String? = [nil, "20\(year)", "20\(year)-1\(j % 3)", "20\(year)-0\(1 + j % 9)-2\(j % 8)"][n % 4]
                    switch n % 7 {
                    case 5:
                        w.sanction(s, imposer, nil, n % 2 == 0 ? .impose : .extend, kinds[n % kinds.count], "imposed", on: date,
                                   description: descriptions[n % descriptions.count], country: n % 3 == 0 ? nil : "RUS")
                    case 6:
                        w.sanction(s, imposer, nil, .threaten, kinds[n % kinds.count], "imposed", on: date, country: "IRN")
                    default:
                        w.sanction(s, imposer, targetIndex[pick], n % 5 == 0 ? .lift : .impose, kinds[n % kinds.count], "lifted",
                                   on: date, conditional: n % 9 == 0)
                    }
                }
                try store.write(w.analysis, analyzerVersion: 1)
            }
        } catch {
            fatalError("cannot build the sanction pairs fixture: \(error)")
        }
        return path
    }()

    @Test(arguments: [(nil, nil), ("2015", nil), ("2017", nil), ("2019", nil), ("2013-06", nil), (nil, "2012"), ("2011", "2014-08-15"),
                      ("2016-03", "2020"), ("2020-01-01", nil), ("2030", nil)] as [(String?, String?)])
    func whoSanctionsWhomFindsTheBusiestPairsOfAPeriod(since: String?, until: String?) throws {
        let kb = try KnowledgeBase(path: SanctionSummaryQueryTests.crowded)
        let q = try CannedQueries.require("who-sanctions-whom")
        let periodParameters = ["since": since, "until": until].compactMapValues { $0 }
        let all = rows(try kb.run(q, parameters: periodParameters.merging(["limit": "0"]) { $1 }))
        #expect(all == rows(try reference(kb, since: since, until: until, imposer: nil)).map(sortedKinds))
        if since != "2030" { #expect(all.count > 15) }
        for limit in [1, 2, 3, 5, 8, 13, 100] {
            #expect(rows(try kb.run(q, parameters: periodParameters.merging(["limit": String(limit)]) { $1 })) == Array(all.prefix(limit)),
                    "limit \(limit)")
        }
        // The same after the names that make the pairs change: a target renamed to a description's
        // words, and one of the two actors called Hamas moved to another country.
        let copy = Fixtures.temporaryPath("sanction-pairs-renamed")
        try FileManager.default.copyItem(atPath: SanctionSummaryQueryTests.crowded, toPath: copy)
        let store = try Store(path: copy)
        try store.write { db in
            try db.execute(sql: "UPDATE actors SET name = 'Russian Banks', country_code = NULL WHERE name = 'Venezuela'")
            try db.execute(sql: "UPDATE actors SET country_code = 'LBN' WHERE name = 'Hamas' AND kind = 'group'")
        }
        let renamed = KnowledgeBase(store: store)
        let renamedAll = rows(try renamed.run(q, parameters: periodParameters.merging(["limit": "0"]) { $1 }))
        #expect(renamedAll == rows(try reference(renamed, since: since, until: until, imposer: nil)).map(sortedKinds))
        for limit in [1, 4, 10] {
            #expect(rows(try renamed.run(q, parameters: periodParameters.merging(["limit": String(limit)]) { $1 }))
                    == Array(renamedAll.prefix(limit)), "renamed, limit \(limit)")
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
