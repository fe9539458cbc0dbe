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
-- The months at the ends of a period given to the day: counted from the events themselves.
edges AS (
    SELECT substr(since, 1, 7) AS month FROM p WHERE length(since) > 7
    UNION
    SELECT substr(until, 1, 7) FROM p WHERE length(until) > 7
),
-- Whole months from the summary (0008): the period's conditions are the same on a month key as
-- on a date, for every month but the edges.
-- With :country, that country's rows through the primary key; else every row.
summary AS (
    SELECT em.* FROM codes CROSS JOIN event_months em ON em.country = codes.code
    UNION ALL
    SELECT em.* FROM event_months em WHERE nullif(trim(CAST(:country AS TEXT)), '') IS NULL
),
whole AS (
    SELECT em.month, em.country, em.root, em.events, em.goldstein_tenths
    FROM p CROSS JOIN summary em
    WHERE (p.root IS NULL OR em.root = p.root)
      AND (p.since IS NULL OR em.month >= p.since)
      AND (p.until IS NULL OR substr(em.month, 1, length(p.until)) <= p.until)
      AND em.month NOT IN (SELECT month FROM edges)
),
-- The edge months' events: dated in the month, or undated in an article of the month.
edge_events AS (
    SELECT e.id FROM edges CROSS JOIN events e ON e.occurred_on >= edges.month AND e.occurred_on < edges.month || '.'
    UNION ALL
    SELECT e.id FROM edges
    CROSS JOIN articles ar ON ar.published_on >= edges.month AND ar.published_on < edges.month || '.'
    CROSS JOIN events e ON e.article_id = ar.id AND e.occurred_on IS NULL
),
edge AS (
    SELECT substr(coalesce(e.occurred_on, ar.published_on), 1, 7) AS month, s.country_code AS country, c.root,
           count(*) AS events, sum(CAST(round(c.goldstein * 10) AS INTEGER)) AS goldstein_tenths
    FROM edge_events
    CROSS JOIN events e ON e.id = edge_events.id
    CROSS JOIN p
    JOIN cameo_codes c ON c.code = e.cameo_code
    JOIN articles ar ON ar.id = e.article_id
    JOIN actors s ON s.id = e.source_actor_id
    WHERE s.country_code IS NOT NULL
      AND e.mode IN ('asserted', 'future')
      AND (p.country IS NULL OR s.country_code IN (SELECT code FROM codes))
      AND (p.root IS NULL OR c.root = p.root)
      AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
      AND (p.until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(p.until)) <= p.until)
    GROUP BY 1, 2, 3
)
SELECT x.month, x.country, x.root, r.description AS root_label,
       sum(x.events) AS events, round(sum(x.goldstein_tenths) / (10.0 * sum(x.events)), 2) AS mean_goldstein
FROM (SELECT * FROM whole UNION ALL SELECT * FROM edge) x
JOIN cameo_codes r ON r.code = x.root
GROUP BY x.month, x.country, x.root
ORDER BY x.month, x.country, x.root;
