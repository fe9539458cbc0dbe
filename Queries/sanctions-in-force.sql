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
-- The measures on :target, as counts that add up: those on one of its actors with a stated date,
-- counted in the order of the index sanctions_measures alone; those with none (dated by their
-- article); those on one of its country codes aimed at no such actor. A measure is an imposer,
-- a kind and a sanctioned party (the actor, else the description, else the country).
parts AS (
    SELECT x.imposer_actor_id, x.kind, CAST(x.target_actor_id AS TEXT) AS party,
           count(*) AS actions, count(*) AS by_actor,
           min(CASE WHEN x.action = 'impose' THEN x.stated_on END) AS first_imposed_on, max(x.stated_on) AS last_on
    FROM sanctions x INDEXED BY sanctions_measures
    WHERE x.target_actor_id IN (SELECT id FROM who) AND x.stated_on IS NOT NULL
      AND x.conditional = 0 AND x.action <> 'threaten'
      AND ((SELECT as_of FROM p) IS NULL OR substr(x.stated_on, 1, length((SELECT as_of FROM p))) <= (SELECT as_of FROM p))
    GROUP BY x.target_actor_id, x.imposer_actor_id, x.kind
    UNION ALL
    SELECT a.imposer_actor_id, a.kind, a.party, count(*), sum(a.by_actor),
           min(CASE WHEN a.action = 'impose' THEN a.on_date END), max(a.on_date)
    FROM (SELECT x.imposer_actor_id, x.kind, CAST(x.target_actor_id AS TEXT) AS party, x.action, 1 AS by_actor,
                 ar.published_on AS on_date
          FROM sanctions x INDEXED BY sanctions_measures JOIN articles ar ON ar.id = x.article_id
          WHERE x.target_actor_id IN (SELECT id FROM who) AND x.stated_on IS NULL
            AND x.conditional = 0 AND x.action <> 'threaten'
          UNION ALL
          SELECT x.imposer_actor_id, x.kind,
                 coalesce(CAST(x.target_actor_id AS TEXT), lower(x.target_description), x.target_country, ''), x.action, 0,
                 coalesce(x.stated_on, ar.published_on)
          FROM codes CROSS JOIN sanctions x ON x.target_country = codes.code JOIN articles ar ON ar.id = x.article_id
          WHERE x.conditional = 0 AND x.action <> 'threaten'
            AND (x.target_actor_id IS NULL OR x.target_actor_id NOT IN (SELECT id FROM who))) a
    CROSS JOIN p
    WHERE p.as_of IS NULL OR a.on_date IS NULL OR substr(a.on_date, 1, length(p.as_of)) <= p.as_of
    GROUP BY coalesce(a.imposer_actor_id, -1), a.kind, a.party
),
measures AS (
    SELECT imposer_actor_id, kind, party, sum(actions) AS actions, sum(by_actor) AS by_actor,
           sum(actions) - sum(by_actor) AS by_country, min(first_imposed_on) AS first_imposed_on, max(last_on) AS last_on
    FROM parts
    GROUP BY coalesce(imposer_actor_id, -1), kind, party
),
-- Each measure's latest action: the last of those on its latest date (none dated: the last of
-- all), sought in the indexes by that date.
latest AS (
    SELECT m.*, (SELECT max(l.id) FROM (
        SELECT x.id FROM sanctions x INDEXED BY sanctions_measures
        WHERE m.by_actor > 0 AND x.target_actor_id = CAST(m.party AS INTEGER) AND x.imposer_actor_id IS m.imposer_actor_id
          AND x.kind = m.kind AND x.stated_on = m.last_on AND x.conditional = 0 AND x.action <> 'threaten'
        UNION ALL
        SELECT x.id FROM sanctions x INDEXED BY sanctions_measures
        WHERE m.by_actor > 0 AND x.target_actor_id = CAST(m.party AS INTEGER) AND x.imposer_actor_id IS m.imposer_actor_id
          AND x.kind = m.kind AND x.stated_on IS NULL AND x.conditional = 0 AND x.action <> 'threaten'
          AND (SELECT ar.published_on FROM articles ar WHERE ar.id = x.article_id) IS m.last_on
        UNION ALL
        SELECT x.id FROM codes CROSS JOIN sanctions x ON x.target_country = codes.code
        WHERE m.by_country > 0 AND (x.stated_on = m.last_on OR x.stated_on IS NULL)
          AND x.conditional = 0 AND x.action <> 'threaten'
          AND (x.target_actor_id IS NULL OR x.target_actor_id NOT IN (SELECT id FROM who))
          AND coalesce(CAST(x.target_actor_id AS TEXT), lower(x.target_description), x.target_country, '') = m.party
          AND coalesce(x.imposer_actor_id, -1) = coalesce(m.imposer_actor_id, -1) AND x.kind = m.kind
          AND coalesce(x.stated_on, (SELECT ar.published_on FROM articles ar WHERE ar.id = x.article_id)) IS m.last_on
    ) l) AS id
    FROM measures m
)
SELECT i.name AS imposer_name, i.country_code AS imposer_country,
       coalesce(t.name, r.target_description) AS target_name,
       coalesce(t.country_code, r.target_country) AS target_country,
       r.kind,
       CASE r.action WHEN 'ease' THEN 'eased' ELSE 'in force' END AS status,
       r.action AS last_action, l.last_on AS last_action_on, l.first_imposed_on, l.actions,
       se.text AS sentence_text, r.article_id
FROM latest l
JOIN sanctions r ON r.id = l.id
JOIN sentences se ON se.id = r.sentence_id
LEFT JOIN actors i ON i.id = r.imposer_actor_id
LEFT JOIN actors t ON t.id = r.target_actor_id
WHERE r.action <> 'lift'
ORDER BY status DESC, imposer_name, target_name, r.kind;
