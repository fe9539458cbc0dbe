-- title: Sanctions on a target
-- description: Every sanctions measure on :target, newest first, threats and conditional measures included. A state's name or code also takes in its people, companies and bodies. At most the newest 100 unless :limit says otherwise.
-- param: target  actor name or ISO code, e.g. Russia or RUS
-- param: since  (optional) first date, ISO, e.g. 2014
-- param: limit  (optional) how many measures, default 100; 0 for all
-- In sqlite3:  .param set :target RUS   then   .read Queries/sanctions-on.sql
WITH p AS (
    SELECT nullif(trim(CAST(:target AS TEXT)), '') AS target,
           nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim
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
-- Read from the indexes by stated date, newest first: for each target actor and country code,
-- the measures down to its :limit-th newest stated date (ties included), and the few measures
-- with no stated date (dated by their article).
floors AS (
    SELECT who.id AS actor_id, NULL AS code,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT x.stated_on FROM sanctions x
                WHERE x.target_actor_id = who.id AND x.stated_on >= coalesce(p.since, '')
                ORDER BY x.stated_on DESC LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END AS floor
    FROM who CROSS JOIN p
    UNION ALL
    SELECT NULL, codes.code,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT x.stated_on FROM sanctions x
                WHERE x.target_country = codes.code AND x.stated_on >= coalesce(p.since, '')
                ORDER BY x.stated_on DESC LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END
    FROM codes CROSS JOIN p
),
-- Each floor has :limit measures at or above it, so the newest :limit are at or above the highest.
floor AS (
    SELECT coalesce(max(f.floor), p.since, '') AS floor FROM floors f CROSS JOIN p
),
candidates AS (
    SELECT x.id FROM floors f JOIN sanctions x ON x.target_actor_id = f.actor_id
    WHERE x.stated_on >= (SELECT floor FROM floor)
    UNION
    SELECT x.id FROM floors f JOIN sanctions x ON x.target_country = f.code
    WHERE x.stated_on >= (SELECT floor FROM floor)
    UNION
    SELECT x.id FROM floors f JOIN sanctions x ON x.target_actor_id = f.actor_id WHERE x.stated_on IS NULL
    UNION
    SELECT x.id FROM floors f JOIN sanctions x ON x.target_country = f.code WHERE x.stated_on IS NULL
),
-- The measures to show (dates and ids only), then their names and sentences.
hits AS (
    SELECT x.id, coalesce(x.stated_on, ar.published_on) AS date
    FROM candidates c
    CROSS JOIN sanctions x ON x.id = c.id
    CROSS JOIN p
    JOIN articles ar ON ar.id = x.article_id
    WHERE (p.since IS NULL OR coalesce(x.stated_on, ar.published_on) >= p.since)
    ORDER BY date DESC, x.id DESC
    LIMIT coalesce((SELECT lim FROM p), -1)
)
SELECT h.date,
       i.name AS imposer_name, x.action, x.kind,
       coalesce(t.name, x.target_description) AS target_name,
       coalesce(t.country_code, x.target_country) AS target_country,
       x.conditional, se.text AS sentence_text, x.article_id, x.id AS sanction_id
FROM hits h
JOIN sanctions x ON x.id = h.id
JOIN sentences se ON se.id = x.sentence_id
LEFT JOIN actors i ON i.id = x.imposer_actor_id
LEFT JOIN actors t ON t.id = x.target_actor_id
ORDER BY h.date DESC, x.id DESC;
