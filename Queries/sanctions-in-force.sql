-- title: Sanctions in force on a target
-- description: The measures on :target that are still in force: for each imposer, kind and sanctioned party, the latest action taken (threats and conditional measures left out), unless that action lifted the measures. A state's name or code also takes in its people, companies and bodies.
-- param: target  actor name, alias or ISO code, e.g. Russia, Iran or RUS
-- param: date  (optional) as of this ISO date (default: everything in the database)
-- In sqlite3:  .param set :target RUS   then   .read Queries/sanctions-in-force.sql
WITH p AS (
    SELECT nullif(trim(CAST(:target AS TEXT)), '') AS target,
           nullif(trim(CAST(:date AS TEXT)), '') AS as_of
),
who AS (
    SELECT a.id, a.kind, a.country_code FROM actors a
    WHERE a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:target AS TEXT)))
),
codes AS (
    SELECT upper(p.target) AS code FROM p WHERE upper(p.target) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT country_code FROM who WHERE kind = 'state' AND country_code IS NOT NULL
),
measures AS (
    SELECT x.*, coalesce(x.stated_on, ar.published_on) AS on_date,
           coalesce(x.imposer_actor_id, -1) || '|' || x.kind || '|'
               || coalesce(CAST(x.target_actor_id AS TEXT), lower(x.target_description), x.target_country, '') AS measure_key
    FROM sanctions x
    CROSS JOIN p
    JOIN articles ar ON ar.id = x.article_id
    WHERE x.conditional = 0 AND x.action <> 'threaten'
      AND (x.target_actor_id IN (SELECT id FROM who) OR x.target_country IN (SELECT code FROM codes))
      AND (p.as_of IS NULL OR coalesce(x.stated_on, ar.published_on) IS NULL
           OR substr(coalesce(x.stated_on, ar.published_on), 1, length(p.as_of)) <= p.as_of)
),
ranked AS (
    SELECT m.*,
           row_number() OVER (PARTITION BY measure_key ORDER BY on_date DESC, id DESC) AS rn,
           min(CASE WHEN action = 'impose' THEN on_date END) OVER (PARTITION BY measure_key) AS first_imposed_on,
           count(*) OVER (PARTITION BY measure_key) AS actions
    FROM measures m
)
SELECT i.name AS imposer_name, i.country_code AS imposer_country,
       coalesce(t.name, r.target_description) AS target_name,
       coalesce(t.country_code, r.target_country) AS target_country,
       r.kind,
       CASE r.action WHEN 'ease' THEN 'eased' ELSE 'in force' END AS status,
       r.action AS last_action, r.on_date AS last_action_on, r.first_imposed_on, r.actions,
       se.text AS sentence_text, r.article_id
FROM ranked r
JOIN sentences se ON se.id = r.sentence_id
LEFT JOIN actors i ON i.id = r.imposer_actor_id
LEFT JOIN actors t ON t.id = r.target_actor_id
WHERE r.rn = 1 AND r.action <> 'lift'
ORDER BY status DESC, imposer_name, target_name, r.kind;
