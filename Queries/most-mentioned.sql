-- title: Most mentioned actors
-- description: The actors mentioned most often in the articles of a period: mentions, articles and the first and last article dates.
-- param: since  (optional) first article date, ISO, e.g. 2021
-- param: until  (optional) last article date, ISO, inclusive at its precision
-- param: kind  (optional) only actors of this kind: person, state, organization or group
-- param: limit  (optional) how many actors, default 25
-- In sqlite3:  .read Queries/most-mentioned.sql   (optionally .param set :kind person first)
WITH p AS (
    SELECT nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until,
           lower(nullif(trim(CAST(:kind AS TEXT)), '')) AS kind,
           coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 25) AS lim
),
-- The months at the ends of a period given to the day: counted from the mentions themselves.
edges AS (
    SELECT substr(since, 1, 7) AS month FROM p WHERE length(since) > 7
    UNION
    SELECT substr(until, 1, 7) FROM p WHERE length(until) > 7
),
-- Whole years of the period from actor_years (0009); the months of a year the period takes
-- only part of (given to the month or day), and of undated articles, from actor_months (0008);
-- the months at the ends of a period given to the day from the mentions of their articles.
-- The period's conditions are the same on a year or month key as on a date, for every other
-- year or month. Each is read actor by actor in its (actor, key) order: summed as read, no sort.
years AS (
    SELECT CASE WHEN length(since) > 4 THEN substr(since, 1, 4) END AS since_year,
           CASE WHEN length(until) > 4 THEN substr(until, 1, 4) END AS until_year
    FROM p
),
counts AS (
    SELECT actor_id, sum(mentions) AS mentions, sum(articles) AS articles
    FROM (
        SELECT ay.actor_id, sum(ay.mentions) AS mentions, sum(ay.articles) AS articles
        FROM p CROSS JOIN years CROSS JOIN actors a CROSS JOIN actor_years ay ON ay.actor_id = a.id
        WHERE ay.year >= coalesce(substr(p.since, 1, 4), '') AND ay.year <> ''
          AND (p.since IS NULL OR ay.year > substr(p.since, 1, 4) OR years.since_year IS NULL)
          AND (p.until IS NULL OR ay.year < substr(p.until, 1, 4)
               OR (years.until_year IS NULL AND substr(ay.year, 1, length(p.until)) <= p.until))
        GROUP BY ay.actor_id
        UNION ALL
        SELECT am.actor_id, sum(am.mentions), sum(am.articles)
        FROM p CROSS JOIN years CROSS JOIN actors a CROSS JOIN actor_months am ON am.actor_id = a.id
        WHERE am.month >= coalesce(p.since, '')
          AND am.month < CASE WHEN p.since IS NULL THEN '0'                   -- undated only
                              WHEN years.since_year IS NULL THEN ''            -- none
                              ELSE years.since_year || '~' END                 -- the since year
          AND (p.until IS NULL OR substr(am.month, 1, length(p.until)) <= p.until)
          AND am.month NOT IN (SELECT month FROM edges)
        GROUP BY am.actor_id
        UNION ALL
        SELECT am.actor_id, sum(am.mentions), sum(am.articles)
        FROM p CROSS JOIN years CROSS JOIN actors a CROSS JOIN actor_months am ON am.actor_id = a.id
        WHERE am.month >= years.until_year AND am.month < years.until_year || '~'
          AND years.until_year IS NOT years.since_year
          AND am.month >= coalesce(p.since, '')
          AND substr(am.month, 1, length(p.until)) <= p.until
          AND am.month NOT IN (SELECT month FROM edges)
        GROUP BY am.actor_id
        UNION ALL
        SELECT m.actor_id, count(*), count(DISTINCT m.article_id)
        FROM edges
        CROSS JOIN p
        CROSS JOIN articles ar ON ar.published_on >= edges.month AND ar.published_on < edges.month || '.'
        CROSS JOIN mentions m ON m.article_id = ar.id
        WHERE (p.since IS NULL OR ar.published_on >= p.since)
          AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
        GROUP BY m.actor_id
    )
    GROUP BY actor_id
),
top AS (
    SELECT a.id, a.name AS actor_name, a.kind, a.country_code, c.mentions, c.articles
    FROM counts c
    CROSS JOIN p
    JOIN actors a ON a.id = c.actor_id
    WHERE (p.kind IS NULL OR a.kind = p.kind)
    ORDER BY c.mentions DESC, c.articles DESC, actor_name
    LIMIT (SELECT lim FROM p)
),
-- First and last article dates of each actor kept: from the first (last) month of the period
-- in which the summary has it, the earliest (latest) article of the period that mentions it.
bounds AS (
    SELECT top.id,
           (SELECT min(am.month) FROM actor_months am
            WHERE am.actor_id = top.id AND am.month <> '' AND am.month >= coalesce(substr(p.since, 1, 7), '')) AS first_month,
           (SELECT max(am.month) FROM actor_months am
            WHERE am.actor_id = top.id AND am.month <> ''
              AND (p.until IS NULL OR substr(am.month, 1, length(p.until)) <= p.until)) AS last_month
    FROM top CROSS JOIN p
)
SELECT top.actor_name, top.kind, top.country_code, top.mentions, top.articles,
       (SELECT ar.published_on FROM articles ar
        WHERE ar.published_on >= max(coalesce(p.since, ''), b.first_month)
          AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
          AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = ar.id AND m.actor_id = top.id)
        ORDER BY ar.published_on LIMIT 1) AS first_seen,
       (SELECT ar.published_on FROM articles ar
        WHERE ar.published_on < b.last_month || '.'
          AND (p.since IS NULL OR ar.published_on >= p.since)
          AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
          AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = ar.id AND m.actor_id = top.id)
        ORDER BY ar.published_on DESC LIMIT 1) AS last_seen
FROM top
CROSS JOIN p
JOIN bounds b ON b.id = top.id
ORDER BY top.mentions DESC, top.articles DESC, top.actor_name;
