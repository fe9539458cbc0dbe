import IRQuery
import Testing

/// The queries that read the summary tables (0008) answer as the detail tables do, for
/// periods given to the year, the month and the day (whose end months come from the details).
@Suite struct SummaryQueryTests {
    let kb: KnowledgeBase
    init() throws { kb = try Fixtures.samplesKB() }

    static let periods: [(String?, String?)] = [
        (nil, nil), ("2016-01-17", nil), (nil, "2017-06-22"), ("2015-05-12", "2019-09"), ("2016", "2021-04-19"),
        ("2021-09-14", "2021-09-17"), ("2021-09-14", "2021-09-14"), ("2024", nil), (nil, "2016"), ("2030", nil),
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
