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
)
SELECT a.name AS actor_name, a.kind, a.country_code,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
       min(ar.published_on) AS first_seen, max(ar.published_on) AS last_seen
FROM mentions m
CROSS JOIN p
JOIN actors a ON a.id = m.actor_id
JOIN articles ar ON ar.id = m.article_id
WHERE (p.kind IS NULL OR a.kind = p.kind)
  AND (p.since IS NULL OR ar.published_on >= p.since)
  AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
GROUP BY a.id
ORDER BY mentions DESC, articles DESC, actor_name
LIMIT (SELECT lim FROM p);
