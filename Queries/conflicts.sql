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
reports AS (
    SELECT r.*, coalesce(r.as_of, ar.published_on) AS reported_on
    FROM conflict_reports r JOIN articles ar ON ar.id = r.article_id
),
latest AS (
    SELECT r.*,
           row_number() OVER (PARTITION BY r.conflict_id
                              ORDER BY r.scope = 'overall' DESC, r.reported_on DESC, r.killed DESC, r.id DESC) AS rn
    FROM reports r
    WHERE r.killed IS NOT NULL
)
SELECT c.id AS conflict_id, c.name AS conflict_name, c.country_code,
       (SELECT group_concat(name, '; ') FROM (
            SELECT DISTINCT a.name FROM conflict_parties cp JOIN actors a ON a.id = cp.actor_id
            WHERE cp.conflict_id = c.id ORDER BY a.name)) AS parties,
       l.killed, l.killed_qualifier, l.scope AS toll_scope, l.since AS toll_since, l.reported_on AS toll_as_of,
       (SELECT count(*) FROM reports r WHERE r.conflict_id = c.id) AS reports,
       (SELECT max(r.reported_on) FROM reports r WHERE r.conflict_id = c.id) AS last_reported_on,
       se.text AS toll_sentence
FROM conflicts c
CROSS JOIN p
LEFT JOIN latest l ON l.conflict_id = c.id AND l.rn = 1
LEFT JOIN sentences se ON se.id = l.sentence_id
WHERE (p.country IS NULL OR c.country_code IN (SELECT code FROM codes))
  AND (p.since IS NULL OR (SELECT max(r.reported_on) FROM reports r WHERE r.conflict_id = c.id) >= p.since)
ORDER BY last_reported_on DESC, c.name;
