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
-- Counted per actor from the articles of the period (outer loop: CROSS JOIN keeps the order)
-- through the (article, actor) index, then joined to the actors: the mentions table itself
-- is never read.
counts AS (
    SELECT m.actor_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
           min(ar.published_on) AS first_seen, max(ar.published_on) AS last_seen
    FROM p
    CROSS JOIN articles ar
    CROSS JOIN mentions m ON m.article_id = ar.id
    WHERE (p.since IS NULL OR ar.published_on >= p.since)
      AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
    GROUP BY m.actor_id
)
SELECT a.name AS actor_name, a.kind, a.country_code,
       c.mentions, c.articles, c.first_seen, c.last_seen
FROM counts c
CROSS JOIN p
JOIN actors a ON a.id = c.actor_id
WHERE (p.kind IS NULL OR a.kind = p.kind)
ORDER BY c.mentions DESC, c.articles DESC, actor_name
LIMIT (SELECT lim FROM p);
