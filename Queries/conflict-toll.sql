-- title: Conflict toll over time
-- description: Every casualty report of the conflicts matching :conflict (its name or part of it, its id, or the ISO code or name of the country it is fought in), oldest first. At most the oldest 100 unless :limit says otherwise.
-- param: conflict  conflict name, part of it, id, or country, e.g. Sudan, 'Ukraine conflict' or SDN
-- param: limit  (optional) how many reports, default 100; 0 for all
-- In sqlite3:  .param set :conflict Sudan   then   .read Queries/conflict-toll.sql
WITH p AS (
    SELECT nullif(trim(CAST(:conflict AS TEXT)), '') AS conflict,
           nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim
),
codes AS (
    SELECT upper(p.conflict) AS code FROM p WHERE upper(p.conflict) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT a.country_code FROM actors a
    WHERE a.kind = 'state' AND a.country_code IS NOT NULL
      AND a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:conflict AS TEXT)) AND how IN ('name', 'alias'))
),
chosen AS (
    SELECT c.id FROM conflicts c, p
    WHERE p.conflict IS NOT NULL
      AND (CAST(c.id AS TEXT) = p.conflict
           OR instr(lower(c.name), lower(p.conflict)) > 0
           OR c.country_code IN (SELECT code FROM codes))
),
-- The oldest :limit reports: those with an as_of in the order of the (conflict, as_of) index
-- (at most :limit of them), and the undated ones (their article's date), sorted together.
-- (One conflict, the usual case, is read in index order, stopping at :limit; several are merged.)
oldest AS (
    SELECT * FROM (
        SELECT r.id, r.as_of AS on_date FROM conflict_reports r
        WHERE r.conflict_id = (SELECT min(id) FROM chosen) AND (SELECT count(*) FROM chosen) = 1
          AND r.as_of IS NOT NULL
        ORDER BY r.as_of, r.article_id, r.start_char, r.id
        LIMIT coalesce((SELECT lim FROM p), -1))
    UNION ALL
    SELECT * FROM (
        SELECT r.id, r.as_of AS on_date FROM conflict_reports r
        WHERE r.conflict_id IN (SELECT id FROM chosen) AND r.as_of IS NOT NULL
        ORDER BY r.as_of, r.article_id, r.start_char, r.id
        LIMIT CASE WHEN (SELECT count(*) FROM chosen) > 1 THEN coalesce((SELECT lim FROM p), -1) ELSE 0 END)
    UNION ALL
    SELECT r.id, ar.published_on FROM conflict_reports r JOIN articles ar ON ar.id = r.article_id
    WHERE r.conflict_id IN (SELECT id FROM chosen) AND r.as_of IS NULL
)
SELECT o.on_date AS as_of, c.name AS conflict_name, r.scope,
       r.killed, r.killed_qualifier, r.wounded, r.since,
       se.text AS sentence_text, r.article_id, r.id AS report_id
FROM oldest o
JOIN conflict_reports r ON r.id = o.id
JOIN conflicts c ON c.id = r.conflict_id
JOIN sentences se ON se.id = r.sentence_id
ORDER BY as_of, r.article_id, r.start_char, r.id
LIMIT coalesce((SELECT lim FROM p), -1);
