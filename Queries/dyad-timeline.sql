-- title: Dyad timeline
-- description: Every event between :actor and :other in date order, in either direction, with the sentence that reports it; without :other, every event :actor takes part in. At most the oldest 100 unless :limit says otherwise.
-- param: actor  actor name, alias or ISO code, e.g. Russia, Lavrov or RUS (a code takes in every actor of that country)
-- param: other  (optional) the other side, as for actor
-- param: since  (optional) first date, ISO, e.g. 2014
-- param: until  (optional) last date, ISO, inclusive at its precision
-- param: limit  (optional) how many events, default 100; 0 for all
-- In sqlite3:  .param set :actor RUS   .param set :other UKR   then   .read Queries/dyad-timeline.sql
WITH p AS (
    SELECT nullif(trim(CAST(:actor AS TEXT)), '') AS actor,
           nullif(trim(CAST(:other AS TEXT)), '') AS other,
           nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until,
           nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim
),
who AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:actor AS TEXT))
),
whom AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:other AS TEXT))
),
-- Candidate events through the (source, target) and (target, source) indexes: those between
-- :actor and :other, else those of :actor.
candidates AS (
    SELECT e.id FROM events e
    WHERE e.source_actor_id IN (SELECT id FROM who) AND e.target_actor_id IN (SELECT id FROM whom)
    UNION
    SELECT e.id FROM events e
    WHERE e.target_actor_id IN (SELECT id FROM who) AND e.source_actor_id IN (SELECT id FROM whom)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM who)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM who)
),
-- The events to show (dates and ids only), then their names and sentences.
hits AS (
    SELECT e.id, coalesce(e.occurred_on, ar.published_on) AS date
    FROM candidates
    JOIN events e ON e.id = candidates.id
    CROSS JOIN p
    JOIN articles ar ON ar.id = e.article_id
    WHERE (e.source_actor_id IN (SELECT id FROM who) OR e.target_actor_id IN (SELECT id FROM who))
      AND (p.other IS NULL
           OR (e.source_actor_id IN (SELECT id FROM who) AND e.target_actor_id IN (SELECT id FROM whom))
           OR (e.target_actor_id IN (SELECT id FROM who) AND e.source_actor_id IN (SELECT id FROM whom)))
      AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
      AND (p.until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(p.until)) <= p.until)
    ORDER BY date, e.article_id, e.start_char, e.id
    LIMIT coalesce((SELECT lim FROM p), -1)
)
SELECT h.date,
       s.name AS source_name, e.cameo_code, c.description AS event_label, t.name AS target_name,
       q.label AS quad_class, c.goldstein, e.mode, pl.name AS place_name,
       se.text AS sentence_text, e.article_id, e.id AS event_id
FROM hits h
JOIN events e ON e.id = h.id
JOIN cameo_codes c ON c.code = e.cameo_code
JOIN quad_classes q ON q.quad_class = c.quad_class
JOIN sentences se ON se.id = e.sentence_id
LEFT JOIN actors s ON s.id = e.source_actor_id
LEFT JOIN actors t ON t.id = e.target_actor_id
LEFT JOIN places pl ON pl.id = e.place_id
ORDER BY h.date, e.article_id, e.start_char, e.id;
