-- title: Quotes by a speaker
-- description: What :speaker said, newest first: direct quotations attributed to the speaker, optionally only those about an actor (named in the quote or its sentence) or containing some words. At most the newest 100 unless :limit says otherwise.
-- param: speaker  actor name, alias, surname or ISO code, e.g. Lavrov or RUS (a code takes in every speaker of that country, anonymous ones too)
-- param: about  (optional) an actor the quote is about: name, alias or ISO code, e.g. Syria
-- param: containing  (optional) words the quote contains, case-insensitive, e.g. ceasefire
-- param: limit  (optional) how many quotes, default 100; 0 for all
-- In sqlite3:  .param set :speaker Lavrov   .param set :about Syria   then   .read Queries/quotes-by-speaker.sql
WITH p AS (
    SELECT nullif(trim(CAST(:speaker AS TEXT)), '') AS speaker,
           nullif(trim(CAST(:about AS TEXT)), '') AS about,
           nullif(trim(CAST(:containing AS TEXT)), '') AS containing,
           nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim
),
who AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:speaker AS TEXT))
),
topic AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:about AS TEXT))
),
code AS (
    SELECT upper(speaker) AS code FROM p WHERE upper(speaker) GLOB '[A-Z][A-Z][A-Z]'
),
-- Read from the indexes by date, newest first: for each speaker (and the country code), the
-- quotes down to the :limit-th newest date among those that pass the filters (ties included),
-- and the few with no date (dated by their article).
floors AS (
    SELECT who.id AS actor_id, NULL AS code,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT q.said_on FROM quotes q
                WHERE q.speaker_actor_id = who.id AND q.said_on IS NOT NULL
                  AND (p.about IS NULL
                       OR instr(lower(q.text), lower(p.about)) > 0
                       OR EXISTS (SELECT 1 FROM sentences se JOIN mentions m ON m.article_id = q.article_id
                                  WHERE se.id = q.sentence_id AND m.actor_id IN (SELECT id FROM topic)
                                    AND m.start_char >= min(se.start_char, q.start_char)
                                    AND m.end_char <= max(se.end_char, q.end_char)))
                  AND (p.containing IS NULL OR instr(lower(q.text), lower(p.containing)) > 0)
                ORDER BY q.said_on DESC LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END AS floor
    FROM who CROSS JOIN p
    UNION ALL
    SELECT NULL, code.code,
           CASE WHEN p.lim IS NOT NULL THEN
               (SELECT q.said_on FROM quotes q
                WHERE q.speaker_country = code.code AND q.said_on IS NOT NULL
                  AND (p.about IS NULL
                       OR instr(lower(q.text), lower(p.about)) > 0
                       OR EXISTS (SELECT 1 FROM sentences se JOIN mentions m ON m.article_id = q.article_id
                                  WHERE se.id = q.sentence_id AND m.actor_id IN (SELECT id FROM topic)
                                    AND m.start_char >= min(se.start_char, q.start_char)
                                    AND m.end_char <= max(se.end_char, q.end_char)))
                  AND (p.containing IS NULL OR instr(lower(q.text), lower(p.containing)) > 0)
                ORDER BY q.said_on DESC LIMIT 1 OFFSET (SELECT lim - 1 FROM p)) END
    FROM code CROSS JOIN p
),
-- Each floor has :limit quotes at or above it, so the newest :limit are at or above the highest.
floor AS (
    SELECT coalesce(max(floor), '') AS floor FROM floors
),
candidates AS (
    SELECT q.id FROM floors f JOIN quotes q ON q.speaker_actor_id = f.actor_id
    WHERE q.said_on >= (SELECT floor FROM floor)
    UNION
    SELECT q.id FROM floors f JOIN quotes q ON q.speaker_country = f.code
    WHERE q.said_on >= (SELECT floor FROM floor)
    UNION
    SELECT q.id FROM floors f JOIN quotes q ON q.speaker_actor_id = f.actor_id WHERE q.said_on IS NULL
    UNION
    SELECT q.id FROM floors f JOIN quotes q ON q.speaker_country = f.code WHERE q.said_on IS NULL
)
SELECT coalesce(q.said_on, ar.published_on) AS date,
       coalesce(a.name, q.speaker_description) AS speaker_name, q.speaker_role,
       q.text AS quote_text, ar.headline, q.article_id, q.id AS quote_id
FROM candidates
CROSS JOIN quotes q ON q.id = candidates.id
CROSS JOIN p
JOIN articles ar ON ar.id = q.article_id
JOIN sentences se ON se.id = q.sentence_id
LEFT JOIN actors a ON a.id = q.speaker_actor_id
WHERE (p.about IS NULL
       OR instr(lower(q.text), lower(p.about)) > 0
       OR EXISTS (SELECT 1 FROM mentions m
                  WHERE m.article_id = q.article_id AND m.actor_id IN (SELECT id FROM topic)
                    AND m.start_char >= min(se.start_char, q.start_char)
                    AND m.end_char <= max(se.end_char, q.end_char)))
  AND (p.containing IS NULL OR instr(lower(q.text), lower(p.containing)) > 0)
ORDER BY date DESC, q.article_id, q.start_char, q.id
LIMIT coalesce((SELECT lim FROM p), -1);
