import Foundation
import IRQuery
import IRStore
import Testing

/// backers reads the summary support_years (0013) for whole years and the events themselves for
/// the year of a :since given to the month or the day, and lists per conflict the :limit
/// backer-party rows with the most events: it must answer as the events do.
@Suite struct BackersQueryTests {
    /// Two conflicts sharing a party; backers sending aid, pledges and praise over three years,
    /// dated to the day, the month, the year or by the article; events backers leaves out (denied,
    /// to oneself, a signed agreement 057).
    static let path: String = {
        let path = Fixtures.temporaryPath("backers")
        do {
            let store = try Store(path: path)
            let backers = ["Kenya", "Chad", "Egypt", "Qatar", "Turkey", "Norway"]
            for i in 0..<24 {
                let published: String? = i % 11 == 10 ? nil : "20\(20 + i % 3)-0\(1 + i % 9)-1\(i % 10)"
                var w = WorldBuilder(id: "backers-\(i)", date: published, headline: "Support for the sides")
                let s = w.sentence("Aid was sent, pledged and praised while an accord was signed.")
                let sudan = w.actor("Sudan", .state, "SDN", "SDN")
                let rsf = w.actor("Rapid Support Forces", .organization, "SDN", "SDNREB")
                let chadState = w.actor("Chad", .state, "TCD", "TCD")
                let backer = w.actor(backers[i % backers.count], .state, nil, nil)
                let other = w.actor(backers[(i * 5 + 1) % backers.count], .state, nil, nil)
                let dates = ["20\(20 + i % 3)-0\(1 + i % 7)-2\(i % 8)", "20\(21 + i % 2)-1\(i % 3)", "202\(i % 3)",
                             published == nil ? "2021-06-30" : "2022-01-01"]
                w.event(s, backer, sudan, ["070", "0331", "051", "072"][i % 4], "sent", on: dates[i % 4])
                w.event(s, other, rsf, ["073", "062", "054", "0334"][i % 4], "pledged", on: dates[(i + 1) % 4])
                w.event(s, backer, rsf, "071", "praised", on: dates[(i + 2) % 4], mode: i % 2 == 0 ? .future : .asserted)
                w.event(s, other, chadState, "064", "sent", on: dates[(i + 3) % 4])
                w.event(s, backer, sudan, "070", "sent", on: dates[i % 4], mode: .denied)
                w.event(s, sudan, sudan, "073", "sent", on: dates[i % 4])
                w.event(s, other, sudan, "057", "signed", on: dates[i % 4])
                // Undated events take the article's date.
                w.analysis.events[w.analysis.events.count - 3].occurredOn = i % 3 == 0 ? nil : dates[0]
                w.analysis.events[0].occurredOn = i % 5 == 0 ? nil : w.analysis.events[0].occurredOn
                w.analysis.conflicts = [ConflictRow(name: "war in Sudan", countryCode: "SDN", identityKey: "sdn",
                                                    parties: [sudan, rsf]),
                                        ConflictRow(name: "Chad border conflict", countryCode: "TCD", identityKey: "tcd",
                                                    parties: [chadState, rsf])]
                try store.write(w.analysis, analyzerVersion: 1)
            }
        } catch {
            fatalError("cannot build the backers database: \(error)")
        }
        return path
    }()

    func rows(_ t: ResultTable) -> [String] { t.rows.map { $0.map(\.description).joined(separator: "|") } }

    /// The support column as a set (the reference names it in no particular order).
    func sortedSupport(_ row: String) -> String {
        var f = row.components(separatedBy: "|")
        f[5] = f[5].components(separatedBy: ",").sorted().joined(separator: ",")
        return f.joined(separator: "|")
    }

    /// Whether each row names its support in CAMEO code order.
    func inCodeOrder(_ rows: [String], _ kb: KnowledgeBase) throws -> Bool {
        let t = try kb.execute(sql: "SELECT description, code FROM cameo_codes")
        var code: [String: String] = [:]
        for r in t.rows { code[r[0].description] = r[1].description }
        return rows.allSatisfy { row in
            let codes = row.components(separatedBy: "|")[5].components(separatedBy: ",").map { code[$0] ?? "?" }
            return codes == codes.sorted() && !codes.contains("?")
        }
    }

    /// The query as it was before 0013, from the events alone.
    static let reference = """
        WITH p AS (SELECT nullif(:conflict, '') AS conflict, nullif(:since, '') AS since),
        chosen AS (SELECT c.id, c.name FROM conflicts c, p
                   WHERE p.conflict IS NULL OR CAST(c.id AS TEXT) = p.conflict OR instr(lower(c.name), lower(p.conflict)) > 0
                      OR c.country_code = upper(p.conflict)),
        parties AS (SELECT DISTINCT ch.id AS conflict_id, ch.name AS conflict_name, cp.actor_id
                    FROM chosen ch JOIN conflict_parties cp ON cp.conflict_id = ch.id)
        SELECT pa.conflict_name, b.name AS backer, b.country_code AS backer_country, t.name AS party, count(*) AS events,
               group_concat(DISTINCT c.description) AS support,
               round(sum(round(c.goldstein * 10)) / (10.0 * count(*)), 2) AS mean_goldstein,
               min(coalesce(e.occurred_on, ar.published_on)) AS first_on, max(coalesce(e.occurred_on, ar.published_on)) AS last_on
        FROM parties pa CROSS JOIN p
        JOIN (SELECT * FROM events ORDER BY target_actor_id, cameo_code, id) e ON e.target_actor_id = pa.actor_id
        JOIN cameo_codes c ON c.code = e.cameo_code
        JOIN articles ar ON ar.id = e.article_id
        JOIN actors b ON b.id = e.source_actor_id
        JOIN actors t ON t.id = e.target_actor_id
        WHERE (e.cameo_code IN ('050', '051', '052', '053', '054', '05') OR c.root IN ('06', '07') OR e.cameo_code LIKE '033%')
          AND e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
          AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
        GROUP BY pa.conflict_id, b.id, t.id
        ORDER BY pa.conflict_name, events DESC, backer, party
        """

    @Test(arguments: [nil, "2021", "2022", "2021-06", "2021-06-30", "2022-01-01", "2020-12-25", "202", "2030", "2019-12"])
    func countsAsTheEventsDo(since: String?) throws {
        let kb = try KnowledgeBase(path: BackersQueryTests.path)
        let q = try CannedQueries.require("backers")
        for conflict in [nil, "Sudan", "TCD", "2", "Rapid"] as [String?] {
            let parameters = ["conflict": conflict, "since": since].compactMapValues { $0 }
            let expected = rows(try kb.execute(sql: BackersQueryTests.reference,
                                               parameters: ["conflict": conflict ?? "", "since": since ?? ""]))
            let context = "conflict \(conflict ?? "-") since \(since ?? "-")"
            var all = parameters
            all["limit"] = "0"
            let answer = rows(try kb.run(q, parameters: all))
            #expect(answer.map(sortedSupport) == expected.map(sortedSupport), "\(context)")
            #expect(try inCodeOrder(answer, kb), "\(context)")
            if since == nil && conflict == nil { #expect(answer.count > 12, "both conflicts have many backer-party rows") }
            // A limit keeps each conflict's leading rows; 25 by default.
            for limit in ["1", "3", nil] {
                var limited = parameters
                limited["limit"] = limit
                var kept: [String: Int] = [:]
                let prefix = answer.filter { row in
                    let name = String(row.prefix { $0 != "|" })
                    kept[name, default: 0] += 1
                    return kept[name]! <= Int(limit ?? "25")!
                }
                #expect(rows(try kb.run(q, parameters: limited)) == prefix, "\(context) limit \(limit ?? "-")")
            }
        }
    }

    /// A :since on the very date of an event, for every date the events carry: in the edge year a
    /// summary row whose first or last event falls on the :since is counted whole or read event
    /// by event, and either way that event counts.
    @Test func sinceOnEachEventDate() throws {
        let kb = try KnowledgeBase(path: BackersQueryTests.path)
        let q = try CannedQueries.require("backers")
        let dates = try kb.execute(sql: """
            SELECT DISTINCT coalesce(e.occurred_on, a.published_on) FROM events e JOIN articles a ON a.id = e.article_id
            WHERE length(coalesce(e.occurred_on, a.published_on)) > 4 ORDER BY 1
            """).rows.map { $0[0].description }
        #expect(dates.count > 20, "the fixture dates its events to many days and months")
        for since in dates {
            let expected = rows(try kb.execute(sql: BackersQueryTests.reference, parameters: ["conflict": "", "since": since]))
            let answer = rows(try kb.run(q, parameters: ["since": since, "limit": "0"]))
            #expect(answer.map(sortedSupport) == expected.map(sortedSupport), "since \(since)")
        }
    }

    @Test func limitIsAParameter() throws {
        let q = try CannedQueries.require("backers")
        #expect(q.parameter("limit") != nil)
        let kb = try KnowledgeBase(path: BackersQueryTests.path)
        let one = try kb.backers(limit: 1)
        #expect(one.count == 2, "one row per conflict")
        #expect(try kb.backers(limit: 0).count == (try kb.backers().count), "under 25 rows per conflict here")
    }

    /// The summary is what the writers leave it: shell edits of the events and articles go
    /// through its triggers, and the answer follows.
    @Test func followsShellEdits() throws {
        let copy = Fixtures.temporaryPath("backers-edits")
        try FileManager.default.copyItem(atPath: BackersQueryTests.path, toPath: copy)
        let store = try Store(path: copy)
        let kb = KnowledgeBase(store: store)
        let q = try CannedQueries.require("backers")
        for sql in ["UPDATE events SET cameo_code = '040' WHERE cameo_code = '070' AND id % 2 = 0",
                    "UPDATE events SET mode = 'asserted' WHERE mode = 'denied' AND id % 3 = 0",
                    "UPDATE events SET occurred_on = NULL WHERE cameo_code = '0331'",
                    "UPDATE articles SET published_on = '2019-05-05' WHERE id % 4 = 1",
                    "DELETE FROM events WHERE cameo_code = '062'",
                    "DELETE FROM articles WHERE id % 7 = 3",
                    // Over all dates the answer reads support_pairs (0016): a code's new description and a
                    // deleted backer reach it too.
                    "UPDATE cameo_codes SET description = 'provide military aid (edited)' WHERE code = '072'",
                    "DELETE FROM actors WHERE name = 'Kenya'"] {
            try store.write { db in try db.execute(sql: sql) }
            for since in [nil, "2021-06-30", "2020"] as [String?] {
                let expected = rows(try kb.execute(sql: BackersQueryTests.reference, parameters: ["conflict": "", "since": since ?? ""]))
                let answer = rows(try kb.run(q, parameters: ["since": since, "limit": "0"].compactMapValues { $0 }))
                #expect(answer.map(sortedSupport) == expected.map(sortedSupport), "after \(sql), since \(since ?? "-")")
                #expect(try inCodeOrder(answer, kb), "after \(sql), since \(since ?? "-")")
                let two = rows(try kb.run(q, parameters: ["since": since, "limit": "2"].compactMapValues { $0 }))
                var kept: [String: Int] = [:]
                #expect(two == answer.filter { row in
                    let name = String(row.prefix { $0 != "|" })
                    kept[name, default: 0] += 1
                    return kept[name]! <= 2
                }, "after \(sql), since \(since ?? "-"), limit 2")
            }
        }
    }
}
