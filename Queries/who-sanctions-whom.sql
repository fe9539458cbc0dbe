-- title: Who sanctions whom
-- description: The imposer x target matrix: for each imposer and sanctioned party, how many measures of each action the database holds over the period, and when the first and last were stated.
-- param: since  (optional) first date, ISO, e.g. 2014
-- param: until  (optional) last date, ISO, inclusive at its precision
-- param: imposer  (optional) only this imposer: actor name, alias or ISO code
-- In sqlite3:  .read Queries/who-sanctions-whom.sql   (optionally .param set :since 2014 first)
WITH p AS (
    SELECT nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until,
           nullif(trim(CAST(:imposer AS TEXT)), '') AS imposer
),
who AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:imposer AS TEXT))
),
m AS (
    SELECT x.imposer_actor_id, x.action, x.kind, coalesce(x.stated_on, ar.published_on) AS on_date,
           coalesce(t.name, x.target_description) AS target_name,
           coalesce(t.country_code, x.target_country) AS target_country
    FROM sanctions x
    CROSS JOIN p
    JOIN articles ar ON ar.id = x.article_id
    LEFT JOIN actors t ON t.id = x.target_actor_id
    WHERE (p.since IS NULL OR coalesce(x.stated_on, ar.published_on) >= p.since)
      AND (p.until IS NULL OR substr(coalesce(x.stated_on, ar.published_on), 1, length(p.until)) <= p.until)
      AND (p.imposer IS NULL OR x.imposer_actor_id IN (SELECT id FROM who))
)
SELECT coalesce(i.name, '(unstated)') AS imposer_name, i.country_code AS imposer_country,
       m.target_name, m.target_country,
       sum(m.action = 'impose') AS impose, sum(m.action = 'extend') AS extend,
       sum(m.action = 'ease') AS ease, sum(m.action = 'lift') AS lift,
       sum(m.action = 'threaten') AS threaten, count(*) AS total,
       group_concat(DISTINCT m.kind) AS kinds,
       min(m.on_date) AS first_on, max(m.on_date) AS last_on
FROM m
LEFT JOIN actors i ON i.id = m.imposer_actor_id
GROUP BY m.imposer_actor_id, lower(m.target_name), m.target_country
ORDER BY total DESC, imposer_name, m.target_name;
