import Foundation

extension Store {
    /// The condition on an event's code that backers counts (the ranges of events_support, 0012).
    static let supportCodes = """
        ((e.cameo_code >= '05' AND e.cameo_code <= '054') OR (e.cameo_code >= '06' AND e.cameo_code < '08')
                   OR (e.cameo_code >= '033' AND e.cameo_code < '034'))
        """

    /// The grouped statements that keep `support_years` (0013) for the batch writer, which runs
    /// without triggers: what the triggers of 0013 do row by row, once per batch.
    ///
    /// For the articles that `condition` (on `ar`, the articles table) selects:
    /// - `sign` -1 (an article stored before, taken out before its rows are replaced): its
    ///   support events' counts are taken away and their rows are listed in
    ///   `temp.touched_support_years`; the spans (first and last dates) are left as they were.
    /// - `sign` 1 (the batch's articles, after every one is written; or every article, when the
    ///   summaries are rebuilt): their counts are added and the spans widened; then the rows listed
    ///   by a subtraction go if their count reached 0, else read their spans again from the events left;
    ///   last the pairs of 0016 (support_pairs) that either touched are read again from support_years.
    static func supportSummaryStatements(articles condition: String, sign: Int, spans: Bool = true) -> [String] {
        let minus = sign < 0 ? "-" : ""
        let key = "party_actor_id, backer_actor_id, cameo_code, year"
        let events = """
            FROM articles ar JOIN events e ON e.article_id = ar.id
            WHERE \(condition)
              AND \(supportCodes)
              AND e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
            """
        let touched = """
            CREATE TEMP TABLE IF NOT EXISTS touched_support_years(\(key), PRIMARY KEY (\(key))) WITHOUT ROWID
            """
        let add = """
            INSERT INTO support_years(\(key), events, goldstein_tenths, first_on, last_on)
            SELECT e.target_actor_id, e.source_actor_id, e.cameo_code, substr(coalesce(e.occurred_on, ar.published_on, ''), 1, 4),
                   \(minus)count(*), \(minus)sum(CAST(round(c.goldstein * 10) AS INTEGER)),
                   min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
            FROM articles ar JOIN events e ON e.article_id = ar.id JOIN cameo_codes c ON c.code = e.cameo_code
            WHERE \(condition)
              AND \(supportCodes)
              AND e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
            GROUP BY 1, 2, 3, 4
            ON CONFLICT(\(key)) DO UPDATE SET
                events = events + excluded.events,
                goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths,
                \(Store.widenSpan("first_on", "min", unless: "events")),
                \(Store.widenSpan("last_on", "max", unless: "events"))
            """
        if sign < 0 {
            return [touched, """
                INSERT OR IGNORE INTO temp.touched_support_years(\(key))
                SELECT e.target_actor_id, e.source_actor_id, e.cameo_code, substr(coalesce(e.occurred_on, ar.published_on, ''), 1, 4)
                \(events)
                """, add]
        }
        // The spans of the touched rows are read as the bound view of 0013 reads them: the dated
        // events of the row's year and the undated ones with their article, through events_target.
        // (Left out by a bulk load's counting, which takes nothing away: the index is not there.)
        let spanUpdate = """
            UPDATE support_years AS y SET (first_on, last_on) = (
                SELECT min(d.on_date), max(d.on_date)
                FROM (SELECT e.occurred_on AS on_date
                      FROM events e INDEXED BY events_target
                      WHERE e.target_actor_id = y.party_actor_id AND e.source_actor_id = y.backer_actor_id
                        AND y.year <> '' AND e.occurred_on >= y.year AND e.occurred_on < y.year || '~'
                        AND substr(e.occurred_on, 1, 4) = y.year
                        AND e.cameo_code = y.cameo_code AND e.mode IN ('asserted', 'future')
                      UNION ALL
                      SELECT ar.published_on
                      FROM events e INDEXED BY events_target JOIN articles ar ON ar.id = e.article_id
                      WHERE e.target_actor_id = y.party_actor_id AND e.source_actor_id = y.backer_actor_id
                        AND e.occurred_on IS NULL AND substr(coalesce(ar.published_on, ''), 1, 4) = y.year
                        AND e.cameo_code = y.cameo_code AND e.mode IN ('asserted', 'future')) d)
            WHERE (\(key)) IN (SELECT \(key) FROM temp.touched_support_years)
            """
        return [add, touched, """
            DELETE FROM support_years
            WHERE events <= 0 AND (\(key)) IN (SELECT \(key) FROM temp.touched_support_years)
            """] + (spans ? [spanUpdate] : []) + ["""
            CREATE TEMP TABLE IF NOT EXISTS touched_support_pairs(party_actor_id, backer_actor_id,
                                                                  PRIMARY KEY (party_actor_id, backer_actor_id)) WITHOUT ROWID
            """, """
            INSERT OR IGNORE INTO temp.touched_support_pairs
            SELECT party_actor_id, backer_actor_id FROM temp.touched_support_years
            UNION
            SELECT e.target_actor_id, e.source_actor_id
            \(events)
            """, """
            DELETE FROM support_pairs
            WHERE (party_actor_id, backer_actor_id) IN (SELECT party_actor_id, backer_actor_id FROM temp.touched_support_pairs)
            """, """
            INSERT INTO support_pairs(party_actor_id, backer_actor_id, events, goldstein_tenths, first_on, last_on, support)
            SELECT y.party_actor_id, y.backer_actor_id, sum(y.events), sum(y.goldstein_tenths), min(y.first_on), max(y.last_on),
                   coalesce((SELECT group_concat(d.description)
                             FROM (SELECT c.description FROM support_years s JOIN cameo_codes c ON c.code = s.cameo_code
                                   WHERE s.party_actor_id = y.party_actor_id AND s.backer_actor_id = y.backer_actor_id
                                     AND s.events > 0
                                   GROUP BY c.description ORDER BY min(c.code)) d), '')
            FROM temp.touched_support_pairs t CROSS JOIN support_years y
             ON y.party_actor_id = t.party_actor_id AND y.backer_actor_id = t.backer_actor_id
            GROUP BY 1, 2
            HAVING sum(y.events) > 0
            """, """
            DELETE FROM temp.touched_support_pairs
            """, """
            DELETE FROM temp.touched_support_years
            """]
    }
}
