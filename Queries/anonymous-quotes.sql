-- title: Anonymous officials
-- description: What unnamed officials said ("a senior U.S. official"), newest first, optionally only those of one country or containing some words. At most the newest 100 unless :limit says otherwise.
-- param: country  (optional) the officials' country: ISO code or state name, e.g. USA or United States
-- param: containing  (optional) words the quote contains, case-insensitive
-- param: limit  (optional) how many quotes, default 100; 0 for all
-- In sqlite3:  .param set :country USA   then   .read Queries/anonymous-quotes.sql
WITH p AS (
    SELECT nullif(trim(CAST(:country AS TEXT)), '') AS country,
           nullif(trim(CAST(:containing AS TEXT)), '') AS containing,
           nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim
),
codes AS (
    SELECT upper(p.country) AS code FROM p WHERE upper(p.country) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT a.country_code FROM actors a
    WHERE a.kind = 'state' AND a.country_code IS NOT NULL
      AND a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:country AS TEXT)) AND how IN ('name', 'alias'))
),
-- With a country: read from the index quotes_country by date, newest first, the quotes down to
-- the :limit-th newest date of an anonymous one that passes :containing (ties included), and the
-- few with no date (dated by their article). Without a country: every quote.
floor AS (
    SELECT max((SELECT q.said_on FROM quotes q
                WHERE q.speaker_country = codes.code AND q.said_on IS NOT NULL AND q.anonymous = 1
                  AND (p.containing IS NULL OR instr(lower(q.text), lower(p.containing)) > 0)
                ORDER BY q.said_on DESC LIMIT 1 OFFSET (SELECT lim - 1 FROM p))) AS floor
    FROM codes CROSS JOIN p WHERE p.lim IS NOT NULL
),
candidates AS (
    SELECT q.id FROM codes JOIN quotes q ON q.speaker_country = codes.code
    WHERE q.said_on >= coalesce((SELECT floor FROM floor), '')
    UNION ALL
    SELECT q.id FROM codes JOIN quotes q ON q.speaker_country = codes.code WHERE q.said_on IS NULL
    UNION ALL
    SELECT q.id FROM quotes q WHERE nullif(trim(CAST(:country AS TEXT)), '') IS NULL
)
SELECT coalesce(q.said_on, ar.published_on) AS date, q.speaker_country,
       q.speaker_description, q.speaker_role, q.text AS quote_text,
       ar.headline, q.article_id, q.id AS quote_id
FROM candidates
CROSS JOIN quotes q ON q.id = candidates.id
CROSS JOIN p
JOIN articles ar ON ar.id = q.article_id
WHERE q.anonymous = 1
  AND (p.country IS NULL OR q.speaker_country IN (SELECT code FROM codes))
  AND (p.containing IS NULL OR instr(lower(q.text), lower(p.containing)) > 0)
ORDER BY date DESC, q.article_id, q.start_char, q.id
LIMIT coalesce((SELECT lim FROM p), -1);
