-- title: Conflicts
-- description: Each armed conflict with its parties, the latest casualty toll reported for it (an overall toll before an incident's) and when that toll was reported.
-- param: country  (optional) main location: ISO code or state name, e.g. SDN or Sudan
-- param: since  (optional) only conflicts reported on or after this ISO date
-- In sqlite3:  .read Queries/conflicts.sql   (optionally .param set :country SDN first)
WITH p AS (
    SELECT nullif(trim(CAST(:country AS TEXT)), '') AS country,
           nullif(trim(CAST(:since AS TEXT)), '') AS since
),
codes AS (
    SELECT upper(p.country) AS code FROM p WHERE upper(p.country) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT a.country_code FROM actors a
    WHERE a.kind = 'state' AND a.country_code IS NOT NULL
      AND a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:country AS TEXT)) AND how IN ('name', 'alias'))
),
chosen AS (
    SELECT c.id FROM conflicts c, p
    WHERE p.country IS NULL OR c.country_code IN (SELECT code FROM codes)
),
-- Per conflict: how many reports (conflict_counts), the latest report date (a report's as_of,
-- else its article's date: the end of the (conflict, as_of) index and the undated reports) and
-- the report with the toll to show: an overall toll first, then the latest, the highest. The
-- toll is the best of three candidates read from the end of conflict_reports_toll's ranges
-- (overall or not, with an as_of) and of the undated reports.
stats AS (
    SELECT ch.id,
           coalesce((SELECT k.reports FROM conflict_counts k WHERE k.conflict_id = ch.id), 0) AS reports,
           (SELECT max(d) FROM (
                SELECT max(r.as_of) AS d FROM conflict_reports r WHERE r.conflict_id = ch.id
                UNION ALL
                SELECT max(ar.published_on) FROM conflict_reports r JOIN articles ar ON ar.id = r.article_id
                WHERE r.conflict_id = ch.id AND r.as_of IS NULL)) AS last_reported_on,
           (SELECT t.id FROM (
                SELECT * FROM (SELECT r.id, 1 AS overall, r.as_of AS on_date, r.killed FROM conflict_reports r
                               WHERE r.conflict_id = ch.id AND r.scope = 'overall' = 1 AND r.as_of IS NOT NULL
                                 AND r.killed IS NOT NULL
                               ORDER BY r.as_of DESC, r.killed DESC, r.id DESC LIMIT 1)
                UNION ALL
                SELECT * FROM (SELECT r.id, 0, r.as_of, r.killed FROM conflict_reports r
                               WHERE r.conflict_id = ch.id AND r.scope = 'overall' = 0 AND r.as_of IS NOT NULL
                                 AND r.killed IS NOT NULL
                               ORDER BY r.as_of DESC, r.killed DESC, r.id DESC LIMIT 1)
                UNION ALL
                SELECT r.id, r.scope = 'overall', ar.published_on, r.killed
                FROM conflict_reports r JOIN articles ar ON ar.id = r.article_id
                WHERE r.conflict_id = ch.id AND r.as_of IS NULL AND r.killed IS NOT NULL) t
            ORDER BY t.overall DESC, t.on_date DESC, t.killed DESC, t.id DESC
            LIMIT 1) AS toll_id
    FROM chosen ch
)
SELECT c.id AS conflict_id, c.name AS conflict_name, c.country_code,
       (SELECT group_concat(name, '; ') FROM (
            SELECT DISTINCT a.name FROM conflict_party_counts cp JOIN actors a ON a.id = cp.actor_id
            WHERE cp.conflict_id = c.id ORDER BY a.name)) AS parties,
       l.killed, l.killed_qualifier, l.scope AS toll_scope, l.since AS toll_since,
       coalesce(l.as_of, lar.published_on) AS toll_as_of,
       st.reports, st.last_reported_on,
       se.text AS toll_sentence
FROM stats st
JOIN conflicts c ON c.id = st.id
CROSS JOIN p
LEFT JOIN conflict_reports l ON l.id = st.toll_id
LEFT JOIN articles lar ON lar.id = l.article_id
LEFT JOIN sentences se ON se.id = l.sentence_id
WHERE p.since IS NULL OR st.last_reported_on >= p.since
ORDER BY st.last_reported_on DESC, c.name;
