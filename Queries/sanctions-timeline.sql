-- title: Sanctions timeline
-- description: Every sanctions measure that :actor imposed, extended, eased, lifted or threatened, or that was aimed at it, oldest first; role says which side :actor was on. A state's name or code also takes in its people, companies and bodies. At most the oldest 100 unless :limit says otherwise.
-- param: actor  imposer or target: actor name, alias or ISO code, e.g. European Union, EU or IRN
-- param: since  (optional) first date, ISO, e.g. 2014
-- param: until  (optional) last date, ISO, inclusive at its precision
-- param: limit  (optional) how many measures, default 100; 0 for all
-- In sqlite3:  .param set :actor EU   then   .read Queries/sanctions-timeline.sql
WITH p AS (
    SELECT nullif(trim(CAST(:actor AS TEXT)), '') AS actor,
           nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until,
           nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim
),
who AS (
    SELECT a.id, a.kind, a.country_code FROM actors a
    WHERE a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:actor AS TEXT)))
),
codes AS (
    SELECT upper(p.actor) AS code FROM p WHERE upper(p.actor) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT country_code FROM who WHERE kind = 'state' AND country_code IS NOT NULL
),
-- The measures to show (dates and ids only), then their names and sentences.
hits AS (
    SELECT x.id, coalesce(x.stated_on, ar.published_on) AS date
    FROM sanctions x
    CROSS JOIN p
    JOIN articles ar ON ar.id = x.article_id
    WHERE (x.imposer_actor_id IN (SELECT id FROM who)
           OR x.target_actor_id IN (SELECT id FROM who)
           OR x.target_country IN (SELECT code FROM codes))
      AND (p.since IS NULL OR coalesce(x.stated_on, ar.published_on) >= p.since)
      AND (p.until IS NULL OR substr(coalesce(x.stated_on, ar.published_on), 1, length(p.until)) <= p.until)
    ORDER BY date, x.article_id, x.start_char, x.id
    LIMIT coalesce((SELECT lim FROM p), -1)
)
SELECT h.date,
       CASE WHEN x.imposer_actor_id IN (SELECT id FROM who) THEN 'imposer' ELSE 'target' END AS role,
       i.name AS imposer_name, x.action, x.kind,
       coalesce(t.name, x.target_description) AS target_name,
       x.conditional, se.text AS sentence_text, x.article_id, x.id AS sanction_id
FROM hits h
JOIN sanctions x ON x.id = h.id
JOIN sentences se ON se.id = x.sentence_id
LEFT JOIN actors i ON i.id = x.imposer_actor_id
LEFT JOIN actors t ON t.id = x.target_actor_id
ORDER BY h.date, x.article_id, x.start_char, x.id;
