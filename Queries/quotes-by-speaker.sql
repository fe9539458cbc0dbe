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
-- Candidate quotes through the speaker index, and through the country index for a code.
candidates AS (
    SELECT q.id FROM quotes q WHERE q.speaker_actor_id IN (SELECT id FROM who)
    UNION
    SELECT q.id FROM quotes q
    WHERE upper(trim(CAST(:speaker AS TEXT))) GLOB '[A-Z][A-Z][A-Z]'
      AND q.speaker_country = upper(trim(CAST(:speaker AS TEXT)))
)
SELECT coalesce(q.said_on, ar.published_on) AS date,
       coalesce(a.name, q.speaker_description) AS speaker_name, q.speaker_role,
       q.text AS quote_text, ar.headline, q.article_id, q.id AS quote_id
FROM candidates
JOIN quotes q ON q.id = candidates.id
CROSS JOIN p
JOIN articles ar ON ar.id = q.article_id
JOIN sentences se ON se.id = q.sentence_id
LEFT JOIN actors a ON a.id = q.speaker_actor_id
WHERE (q.speaker_actor_id IN (SELECT id FROM who)
       OR (upper(p.speaker) GLOB '[A-Z][A-Z][A-Z]' AND q.speaker_country = upper(p.speaker)))
  AND (p.about IS NULL
       OR instr(lower(q.text), lower(p.about)) > 0
       OR EXISTS (SELECT 1 FROM mentions m
                  WHERE m.article_id = q.article_id AND m.actor_id IN (SELECT id FROM topic)
                    AND m.start_char >= min(se.start_char, q.start_char)
                    AND m.end_char <= max(se.end_char, q.end_char)))
  AND (p.containing IS NULL OR instr(lower(q.text), lower(p.containing)) > 0)
ORDER BY date DESC, q.article_id, q.start_char, q.id
LIMIT coalesce((SELECT lim FROM p), -1);
