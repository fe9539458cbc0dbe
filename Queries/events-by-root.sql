-- title: Events by CAMEO root per country per month
-- description: How many events each country's actors initiated per month and CAMEO root category (01 statement ... 20 mass violence), with the mean Goldstein score. Events dated to a year only count under the year.
-- param: country  (optional) the source actors' country: ISO code or state name, e.g. RUS
-- param: root  (optional) a CAMEO root, e.g. 04 (consult) or 19 (fight)
-- param: since  (optional) first date, ISO, e.g. 2020
-- param: until  (optional) last date, ISO, inclusive at its precision
-- In sqlite3:  .param set :country RUS   then   .read Queries/events-by-root.sql
-- In the shell .param set :root 04 stores the number 4; the query reads it as root 04.
WITH p AS (
    SELECT nullif(trim(CAST(:country AS TEXT)), '') AS country,
           CASE WHEN length(nullif(trim(CAST(:root AS TEXT)), '')) = 1 THEN '0' || trim(CAST(:root AS TEXT))
                ELSE nullif(trim(CAST(:root AS TEXT)), '') END AS root,
           nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until
),
codes AS (
    SELECT upper(p.country) AS code FROM p WHERE upper(p.country) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT a.country_code FROM actors a
    WHERE a.kind = 'state' AND a.country_code IS NOT NULL
      AND a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:country AS TEXT)) AND how IN ('name', 'alias'))
),
-- The events of that country's actors through the source index, else every event.
candidates AS (
    SELECT e.id FROM events e
    WHERE e.source_actor_id IN (SELECT a.id FROM actors a WHERE a.country_code IN (SELECT code FROM codes))
    UNION ALL
    SELECT e.id FROM events e WHERE nullif(trim(CAST(:country AS TEXT)), '') IS NULL
)
SELECT substr(coalesce(e.occurred_on, ar.published_on), 1, 7) AS month,
       s.country_code AS country, c.root, r.description AS root_label,
       count(*) AS events, round(sum(round(c.goldstein * 10)) / (10.0 * count(*)), 2) AS mean_goldstein
FROM candidates
JOIN events e ON e.id = candidates.id
CROSS JOIN p
JOIN cameo_codes c ON c.code = e.cameo_code
JOIN cameo_codes r ON r.code = c.root
JOIN articles ar ON ar.id = e.article_id
JOIN actors s ON s.id = e.source_actor_id
WHERE s.country_code IS NOT NULL
  AND e.mode IN ('asserted', 'future')
  AND coalesce(e.occurred_on, ar.published_on) IS NOT NULL
  AND (p.country IS NULL OR s.country_code IN (SELECT code FROM codes))
  AND (p.root IS NULL OR c.root = p.root)
  AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
  AND (p.until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(p.until)) <= p.until)
GROUP BY month, s.country_code, c.root
ORDER BY month, country, c.root;
