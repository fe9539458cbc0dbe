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
-- Between :actor and :other, an upper bound on the dates to read: each direction of a pair has
-- its :limit-th oldest date one seek away in the (source, target, date) index, and the oldest
-- :limit events of the dyad cannot be dated later than the earliest of those. The busiest
-- pairs of the dyads summary are tried (none with :limit events: no bound, all are read).
busiest AS (
    SELECT * FROM (
        SELECT d.a_id, d.b_id, d.events FROM dyads d
        WHERE d.a_id IN (SELECT id FROM who) AND d.b_id IN (SELECT id FROM whom)
        UNION
        SELECT d.a_id, d.b_id, d.events FROM dyads d
        WHERE d.a_id IN (SELECT id FROM whom) AND d.b_id IN (SELECT id FROM who))
    WHERE events >= (SELECT lim FROM p)
    ORDER BY events DESC
    LIMIT 8
),
pair_directions AS (
    SELECT a_id AS s, b_id AS t FROM busiest
    UNION ALL
    SELECT b_id, a_id FROM busiest
),
bound AS (
    SELECT coalesce(min((SELECT e.occurred_on FROM events e
                         WHERE e.source_actor_id = pd.s AND e.target_actor_id = pd.t
                           AND e.occurred_on >= coalesce((SELECT since FROM p), '')
                         ORDER BY e.occurred_on LIMIT 1 OFFSET (SELECT coalesce(max(lim, 1), 1) - 1 FROM p))), '~') AS d
    FROM pair_directions pd, p
    WHERE p.lim IS NOT NULL
),
-- Candidate events with their own dates, from the (source, target, date) and (target, source,
-- date) indexes alone: those between :actor and :other (dated up to the bound, or undated),
-- else those of :actor (each once: the branches do not overlap).
candidates AS (
    SELECT e.id, e.occurred_on FROM events e
    WHERE e.source_actor_id IN (SELECT id FROM who) AND e.target_actor_id IN (SELECT id FROM whom)
      AND e.occurred_on <= coalesce((SELECT d FROM bound), '~')
    UNION ALL
    SELECT e.id, e.occurred_on FROM events e
    WHERE e.source_actor_id IN (SELECT id FROM who) AND e.target_actor_id IN (SELECT id FROM whom)
      AND e.occurred_on IS NULL
    UNION ALL
    SELECT e.id, e.occurred_on FROM events e
    WHERE e.target_actor_id IN (SELECT id FROM who) AND e.source_actor_id IN (SELECT id FROM whom)
      AND e.occurred_on <= coalesce((SELECT d FROM bound), '~')
      AND NOT (e.source_actor_id IN (SELECT id FROM who) AND e.target_actor_id IN (SELECT id FROM whom))
    UNION ALL
    SELECT e.id, e.occurred_on FROM events e
    WHERE e.target_actor_id IN (SELECT id FROM who) AND e.source_actor_id IN (SELECT id FROM whom)
      AND e.occurred_on IS NULL
      AND NOT (e.source_actor_id IN (SELECT id FROM who) AND e.target_actor_id IN (SELECT id FROM whom))
    UNION ALL
    SELECT e.id, e.occurred_on FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM who)
    UNION ALL
    SELECT e.id, e.occurred_on FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM who) AND e.source_actor_id NOT IN (SELECT id FROM who)
),
-- The :limit-th oldest own date in the period: no event dated later can be among the oldest
-- :limit, so only those up to it (and the undated ones, dated by their article) are read.
horizon AS (
    SELECT c.occurred_on AS d FROM candidates c, p
    WHERE c.occurred_on IS NOT NULL AND p.lim IS NOT NULL
      AND (p.since IS NULL OR c.occurred_on >= p.since)
      AND (p.until IS NULL OR substr(c.occurred_on, 1, length(p.until)) <= p.until)
    ORDER BY c.occurred_on
    LIMIT 1 OFFSET (SELECT coalesce(max(lim, 1), 1) - 1 FROM p)
),
-- The events to show (dates and ids only), then their names and sentences.
hits AS (
    SELECT e.id, coalesce(e.occurred_on, ar.published_on) AS date
    FROM candidates
    JOIN events e ON e.id = candidates.id
    CROSS JOIN p
    JOIN articles ar ON ar.id = e.article_id
    WHERE (candidates.occurred_on IS NULL OR NOT EXISTS (SELECT 1 FROM horizon)
           OR candidates.occurred_on <= (SELECT d FROM horizon))
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
