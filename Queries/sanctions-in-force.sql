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
-- The measures on :target, as counts that add up: a measure is an imposer, a kind and a
-- sanctioned party (the actor, else the description, else the country). Whole years come from
-- the summary sanction_years (0011): the rows of :target's actors, and those of its country
-- codes aimed at no such actor; within the year of an as-of date given to the month or the day
-- the sanctions of that year are counted themselves (a measure's date is its own, else its
-- article's). Threats and conditional measures are left out.
edge AS (
    SELECT x.imposer_actor_id, x.kind, CAST(x.target_actor_id AS TEXT) AS party, x.action, 1 AS by_actor,
           x.stated_on AS on_date
    FROM p CROSS JOIN who CROSS JOIN sanctions x INDEXED BY sanctions_target
    WHERE length(p.as_of) > 4 AND x.target_actor_id = who.id
      AND x.stated_on >= substr(p.as_of, 1, 4) AND x.stated_on < substr(p.as_of, 1, 4) || '~'
      AND x.conditional = 0 AND x.action <> 'threaten'
    UNION ALL
    SELECT x.imposer_actor_id, x.kind, CAST(x.target_actor_id AS TEXT), x.action, 1, ar.published_on
    FROM p CROSS JOIN who CROSS JOIN sanctions x INDEXED BY sanctions_target JOIN articles ar ON ar.id = x.article_id
    WHERE length(p.as_of) > 4 AND x.target_actor_id = who.id AND x.stated_on IS NULL
      AND substr(ar.published_on, 1, 4) = substr(p.as_of, 1, 4)
      AND x.conditional = 0 AND x.action <> 'threaten'
    UNION ALL
    SELECT x.imposer_actor_id, x.kind,
           coalesce(CAST(x.target_actor_id AS TEXT), lower(x.target_description), x.target_country, ''), x.action, 0,
           coalesce(x.stated_on, ar.published_on)
    FROM p CROSS JOIN codes CROSS JOIN sanctions x ON x.target_country = codes.code JOIN articles ar ON ar.id = x.article_id
    WHERE length(p.as_of) > 4 AND substr(coalesce(x.stated_on, ar.published_on), 1, 4) = substr(p.as_of, 1, 4)
      AND x.conditional = 0 AND x.action <> 'threaten'
      AND (x.target_actor_id IS NULL OR x.target_actor_id NOT IN (SELECT id FROM who))
),
parts AS (
    SELECT nullif(y.imposer_actor_id, 0) AS imposer_actor_id, y.kind, CAST(y.target_actor_id AS TEXT) AS party,
           sum(y.firm) AS actions, sum(y.firm) AS by_actor,
           min(y.first_imposed_on) AS first_imposed_on, max(y.last_firm_on) AS last_on
    FROM p CROSS JOIN who CROSS JOIN sanction_years y INDEXED BY sanction_years_target
    WHERE y.target_actor_id = who.id AND y.firm > 0
      AND (p.as_of IS NULL OR y.year = ''
           OR (length(p.as_of) <= 4 AND substr(y.year, 1, length(p.as_of)) <= p.as_of)
           OR (length(p.as_of) > 4 AND y.year < substr(p.as_of, 1, 4)))
    GROUP BY y.target_actor_id, y.imposer_actor_id, y.kind
    UNION ALL
    SELECT nullif(y.imposer_actor_id, 0), y.kind,
           CASE WHEN y.target_actor_id <> 0 THEN CAST(y.target_actor_id AS TEXT)
                ELSE coalesce(lower(nullif(y.target_description, '')), y.target_country) END,
           sum(y.firm), 0, min(y.first_imposed_on), max(y.last_firm_on)
    FROM p CROSS JOIN codes CROSS JOIN sanction_years y
    WHERE y.target_country = codes.code AND y.target_country <> '' AND y.firm > 0
      AND y.target_actor_id NOT IN (SELECT id FROM who)
      AND (p.as_of IS NULL OR y.year = ''
           OR (length(p.as_of) <= 4 AND substr(y.year, 1, length(p.as_of)) <= p.as_of)
           OR (length(p.as_of) > 4 AND y.year < substr(p.as_of, 1, 4)))
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT e.imposer_actor_id, e.kind, e.party, count(*), sum(e.by_actor),
           min(CASE WHEN e.action = 'impose' THEN e.on_date END), max(e.on_date)
    FROM edge e CROSS JOIN p
    WHERE substr(e.on_date, 1, length(p.as_of)) <= p.as_of
    GROUP BY coalesce(e.imposer_actor_id, -1), e.kind, e.party
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
