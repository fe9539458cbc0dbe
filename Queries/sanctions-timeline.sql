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
-- The stated dates to read: from :since (every text is >= '') to the last date that :until
-- takes in (a date longer than :until starts with it, and no date holds U+10FFFF).
r AS (
    SELECT coalesce(since, '') AS lo, coalesce(until || char(1114111), char(1114111)) AS hi FROM p
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
-- Read from the indexes by stated date, oldest first: for each actor as imposer and as target,
-- and each country code, the measures up to its :limit-th oldest stated date (ties included),
-- and the few measures with no stated date (dated by their article).
ceilings AS (
    SELECT 'imposer' AS side, who.id AS actor_id, NULL AS code,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT x.stated_on FROM sanctions x
                WHERE x.imposer_actor_id = who.id AND x.stated_on >= r.lo AND x.stated_on < r.hi
                  AND (p.until IS NULL OR substr(x.stated_on, 1, length(p.until)) <= p.until)
                ORDER BY x.stated_on LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END AS ceiling
    FROM who CROSS JOIN p CROSS JOIN r
    UNION ALL
    SELECT 'target', who.id, NULL,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT x.stated_on FROM sanctions x
                WHERE x.target_actor_id = who.id AND x.stated_on >= r.lo AND x.stated_on < r.hi
                  AND (p.until IS NULL OR substr(x.stated_on, 1, length(p.until)) <= p.until)
                ORDER BY x.stated_on LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END
    FROM who CROSS JOIN p CROSS JOIN r
    UNION ALL
    SELECT 'country', NULL, codes.code,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT x.stated_on FROM sanctions x
                WHERE x.target_country = codes.code AND x.stated_on >= r.lo AND x.stated_on < r.hi
                  AND (p.until IS NULL OR substr(x.stated_on, 1, length(p.until)) <= p.until)
                ORDER BY x.stated_on LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END
    FROM codes CROSS JOIN p CROSS JOIN r
),
-- Each ceiling has :limit measures at or below it, so the oldest :limit are at or below the lowest.
ceiling AS (
    SELECT coalesce(min(c.ceiling), r.hi) AS ceiling FROM ceilings c CROSS JOIN r
),
candidates AS (
    SELECT x.id FROM ceilings c CROSS JOIN r JOIN sanctions x ON x.imposer_actor_id = c.actor_id
    WHERE c.side = 'imposer' AND x.stated_on >= r.lo AND x.stated_on <= (SELECT ceiling FROM ceiling)
    UNION
    SELECT x.id FROM ceilings c CROSS JOIN r JOIN sanctions x ON x.target_actor_id = c.actor_id
    WHERE c.side = 'target' AND x.stated_on >= r.lo AND x.stated_on <= (SELECT ceiling FROM ceiling)
    UNION
    SELECT x.id FROM ceilings c CROSS JOIN r JOIN sanctions x ON x.target_country = c.code
    WHERE x.stated_on >= r.lo AND x.stated_on <= (SELECT ceiling FROM ceiling)
    UNION
    SELECT x.id FROM who JOIN sanctions x ON x.imposer_actor_id = who.id WHERE x.stated_on IS NULL
    UNION
    SELECT x.id FROM who JOIN sanctions x ON x.target_actor_id = who.id WHERE x.stated_on IS NULL
    UNION
    SELECT x.id FROM codes JOIN sanctions x ON x.target_country = codes.code WHERE x.stated_on IS NULL
),
-- The measures to show (dates and ids only), then their names and sentences.
hits AS (
    SELECT x.id, coalesce(x.stated_on, ar.published_on) AS date
    FROM candidates c
    CROSS JOIN sanctions x ON x.id = c.id
    CROSS JOIN p
    JOIN articles ar ON ar.id = x.article_id
    WHERE (p.since IS NULL OR coalesce(x.stated_on, ar.published_on) >= p.since)
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
