import Foundation

extension Store {
    /// The grouped statements that keep `sanction_years` (0011) for the batch writer, which runs
    /// without triggers: what the triggers of 0011 do row by row, once per batch.
    ///
    /// For the articles that `condition` (on `ar`, the articles table) selects:
    /// - `sign` -1 (an article stored before, taken out before its rows are replaced): its
    ///   sanctions' counts are taken away and their rows are listed in `temp.touched_sanction_years`;
    ///   the spans (first and last dates) are left as they were.
    /// - `sign` 1 (the batch's articles, after every one is written; or every article, when the
    ///   summaries are rebuilt): their counts are added and the spans widened; then the rows listed
    ///   by a subtraction lose their count if it reached 0, else read their spans again from the
    ///   sanctions left.
    /// The pairs of 0015 (sanction_pairs, sanction_pair_years) take the same counts by pair, whose
    /// key reads the target actor as it is now; their rows at 0 go with the summary's.
    static func sanctionSummaryStatements(articles condition: String, sign: Int, spans: Bool = true) -> [String] {
        let minus = sign < 0 ? "-" : ""
        let key = "imposer_actor_id, target_actor_id, target_description, target_country, kind, year"
        // A sanction's key in the summary; its date is its own, else its article's.
        let keyOf = """
            coalesce(x.imposer_actor_id, 0), coalesce(x.target_actor_id, 0),
                   CASE WHEN x.target_actor_id IS NULL THEN coalesce(x.target_description, '') ELSE '' END,
                   coalesce(x.target_country, ''), x.kind, substr(coalesce(x.stated_on, ar.published_on, ''), 1, 4)
            """
        let touched = """
            CREATE TEMP TABLE IF NOT EXISTS touched_sanction_years(\(key), PRIMARY KEY (\(key))) WITHOUT ROWID
            """
        let add = """
            INSERT INTO sanction_years(\(key), measures, impose, extend, ease, lift, threaten, firm,
                                       first_on, last_on, first_imposed_on, last_firm_on)
            SELECT \(keyOf),
                   \(minus)count(*), \(minus)sum(x.action = 'impose'), \(minus)sum(x.action = 'extend'),
                   \(minus)sum(x.action = 'ease'), \(minus)sum(x.action = 'lift'), \(minus)sum(x.action = 'threaten'),
                   \(minus)sum(x.conditional = 0 AND x.action <> 'threaten'),
                   min(coalesce(x.stated_on, ar.published_on)), max(coalesce(x.stated_on, ar.published_on)),
                   min(CASE WHEN x.conditional = 0 AND x.action = 'impose' THEN coalesce(x.stated_on, ar.published_on) END),
                   max(CASE WHEN x.conditional = 0 AND x.action <> 'threaten' THEN coalesce(x.stated_on, ar.published_on) END)
            FROM articles ar JOIN sanctions x ON x.article_id = ar.id
            WHERE \(condition)
            GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT(\(key)) DO UPDATE SET
                measures = measures + excluded.measures,
                impose = impose + excluded.impose, extend = extend + excluded.extend, ease = ease + excluded.ease,
                lift = lift + excluded.lift, threaten = threaten + excluded.threaten, firm = firm + excluded.firm,
                \(Store.widenSpan("first_on", "min", unless: "measures")),
                \(Store.widenSpan("last_on", "max", unless: "measures")),
                \(Store.widenSpan("first_imposed_on", "min", unless: "measures")),
                \(Store.widenSpan("last_firm_on", "max", unless: "measures"))
            """
        // A sanction's pair (0015): imposer, lower(target actor's name, else the description),
        // target actor's country, else the sanction's.
        let pairOf = """
            coalesce(x.imposer_actor_id, 0),
                   coalesce(lower(coalesce(t.name, CASE WHEN x.target_actor_id IS NULL THEN nullif(x.target_description, '') END)), ''),
                   coalesce(t.country_code, nullif(x.target_country, ''), '')
            """
        let addPairs = ["""
            INSERT INTO sanction_pair_years(imposer_actor_id, target_key, country_key, year, measures)
            SELECT \(pairOf), substr(coalesce(x.stated_on, ar.published_on, ''), 1, 4), \(minus)count(*)
            FROM articles ar JOIN sanctions x ON x.article_id = ar.id LEFT JOIN actors t ON t.id = x.target_actor_id
            WHERE \(condition)
            GROUP BY 1, 2, 3, 4
            ON CONFLICT(imposer_actor_id, target_key, country_key, year) DO UPDATE SET measures = measures + excluded.measures
            """, """
            INSERT INTO sanction_pairs(imposer_actor_id, target_key, country_key, measures)
            SELECT \(pairOf), \(minus)count(*)
            FROM articles ar JOIN sanctions x ON x.article_id = ar.id LEFT JOIN actors t ON t.id = x.target_actor_id
            WHERE \(condition)
            GROUP BY 1, 2, 3
            ON CONFLICT(imposer_actor_id, target_key, country_key) DO UPDATE SET measures = measures + excluded.measures
            """]
        if sign < 0 {
            return [touched, """
                INSERT OR IGNORE INTO temp.touched_sanction_years(\(key))
                SELECT \(keyOf)
                FROM articles ar JOIN sanctions x ON x.article_id = ar.id
                WHERE \(condition)
                """, add] + addPairs
        }
        // The spans of the touched rows are read as the bound view of 0011 reads them: the dated
        // sanctions of the row's year through sanctions_measures, the undated ones with their article.
        // (Left out by a bulk load's counting, which takes nothing away: the index is not there.)
        let spanUpdate = """
            UPDATE sanction_years AS y SET (first_on, last_on, first_imposed_on, last_firm_on) = (
                SELECT min(d.on_date), max(d.on_date), min(CASE WHEN d.firm AND d.action = 'impose' THEN d.on_date END),
                       max(CASE WHEN d.firm THEN d.on_date END)
                FROM (SELECT x.stated_on AS on_date, x.action, x.conditional = 0 AND x.action <> 'threaten' AS firm
                      FROM sanctions x INDEXED BY sanctions_measures
                      WHERE x.target_actor_id IS nullif(y.target_actor_id, 0) AND x.imposer_actor_id IS nullif(y.imposer_actor_id, 0)
                        AND x.kind = y.kind AND y.year <> ''
                        AND x.stated_on >= y.year AND x.stated_on < y.year || '~' AND substr(x.stated_on, 1, 4) = y.year
                        AND coalesce(x.target_country, '') = y.target_country
                        AND (x.target_actor_id IS NOT NULL OR coalesce(x.target_description, '') = y.target_description)
                      UNION ALL
                      SELECT ar.published_on, x.action, x.conditional = 0 AND x.action <> 'threaten'
                      FROM sanctions x INDEXED BY sanctions_measures JOIN articles ar ON ar.id = x.article_id
                      WHERE x.target_actor_id IS nullif(y.target_actor_id, 0) AND x.imposer_actor_id IS nullif(y.imposer_actor_id, 0)
                        AND x.kind = y.kind AND x.stated_on IS NULL AND substr(coalesce(ar.published_on, ''), 1, 4) = y.year
                        AND coalesce(x.target_country, '') = y.target_country
                        AND (x.target_actor_id IS NOT NULL OR coalesce(x.target_description, '') = y.target_description)) d)
            WHERE (\(key)) IN (SELECT \(key) FROM temp.touched_sanction_years)
            """
        return [add] + addPairs + [touched, """
            DELETE FROM sanction_pair_years
            WHERE measures <= 0 AND (imposer_actor_id, target_key, country_key, year) IN (
                SELECT y.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(y.target_description, ''))), ''),
                       coalesce(t.country_code, nullif(y.target_country, ''), ''), y.year
                FROM temp.touched_sanction_years y LEFT JOIN actors t ON t.id = y.target_actor_id)
            """, """
            DELETE FROM sanction_pairs WHERE measures <= 0
            """, """
            DELETE FROM sanction_years
            WHERE measures <= 0 AND (\(key)) IN (SELECT \(key) FROM temp.touched_sanction_years)
            """] + (spans ? [spanUpdate] : []) + ["""
            DELETE FROM temp.touched_sanction_years
            """]
    }
}
