-- title: Meetings
-- description: Who met whom, when and where: consultations, visits, talks and negotiations (CAMEO root 04) reported as held or scheduled, optionally for one actor or one pair, newest first (the newest 100 unless :limit says otherwise). A meeting coded in both directions from one sentence is listed once.
-- param: actor  (optional) actor name, alias or ISO code, e.g. Putin, Russia or RUS (a code takes in every actor of that country)
-- param: other  (optional) the other side, as for actor
-- param: since  (optional) first date, ISO, e.g. 2015 or 2015-05
-- param: until  (optional) last date, ISO, inclusive at its precision
-- param: limit  (optional) how many meetings, default 100; 0 for all
-- In sqlite3:  .param set :actor Putin   then   .read Queries/meetings.sql
-- Dates in the shell need inner quotes: .param set :since "'2015-05'"
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
-- Two ways to the newest meetings. An actor with few events: its events through the (source,
-- target) and (target, source) indexes, then sorted. Every meeting, or an actor with many
-- events (one in 200 or more; counted up to that bound): walk the events from the newest date
-- until :limit meetings are found, then take every meeting of the last date found (ties sort
-- by id).
bound AS (
    SELECT max(2000, coalesce(max(id), 0) / 200) AS n FROM events
),
plan AS (
    SELECT CASE
        WHEN p.lim IS NULL OR p.other IS NOT NULL THEN 0
        WHEN p.actor IS NULL THEN 1
        ELSE (SELECT count(*) FROM (SELECT 1 FROM events e WHERE e.source_actor_id IN (SELECT id FROM who)
                                    UNION ALL
                                    SELECT 1 FROM events e WHERE e.target_actor_id IN (SELECT id FROM who)
                                    LIMIT (SELECT n FROM bound))) >= (SELECT n FROM bound)
    END AS walk
    FROM p
),
-- Walking: meetings with a date, newest first, of :actor if given.
dated AS (
    SELECT e.id, e.occurred_on
    FROM events e INDEXED BY events_date  -- alone in its FROM, so that the index gives the order
    WHERE e.occurred_on IS NOT NULL
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
      AND ((SELECT actor FROM p) IS NULL OR e.source_actor_id IN (SELECT id FROM who) OR e.target_actor_id IN (SELECT id FROM who))
      -- (The range is empty unless walking: a subquery in a condition is tested row by row.)
      AND e.occurred_on >= CASE WHEN (SELECT walk FROM plan) THEN coalesce((SELECT since FROM p), '') ELSE '~' END
      AND e.occurred_on < coalesce((SELECT until FROM p) || '~', '~')
),
walk_floor AS (
    SELECT min(occurred_on) AS d FROM (SELECT occurred_on FROM dated ORDER BY occurred_on DESC LIMIT coalesce((SELECT lim FROM p), 0))
),
-- Candidate events: walked, or through the indexes: those between :actor and :other, else
-- those of :actor, else those of :other, else every event.
candidates AS (
    SELECT e.id FROM walk_floor CROSS JOIN events e INDEXED BY events_date
    WHERE e.occurred_on >= walk_floor.d AND e.occurred_on < coalesce((SELECT until FROM p) || '~', '~')
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
      AND ((SELECT actor FROM p) IS NULL OR e.source_actor_id IN (SELECT id FROM who) OR e.target_actor_id IN (SELECT id FROM who))
    UNION
    SELECT e.id FROM p CROSS JOIN events e INDEXED BY events_date
    WHERE e.occurred_on IS NULL
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04' AND (SELECT walk FROM plan))
      AND (p.actor IS NULL OR e.source_actor_id IN (SELECT id FROM who) OR e.target_actor_id IN (SELECT id FROM who))
    UNION
    SELECT e.id FROM events e
    WHERE e.source_actor_id IN (SELECT id FROM who WHERE NOT (SELECT walk FROM plan)) AND e.target_actor_id IN (SELECT id FROM whom)
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
    UNION
    SELECT e.id FROM events e
    WHERE e.target_actor_id IN (SELECT id FROM who WHERE NOT (SELECT walk FROM plan)) AND e.source_actor_id IN (SELECT id FROM whom)
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM who WHERE NOT (SELECT walk FROM plan))
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM who WHERE NOT (SELECT walk FROM plan))
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM whom)
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM whom)
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04')
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL AND nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.cameo_code IN (SELECT code FROM cameo_codes WHERE root = '04' AND NOT (SELECT walk FROM plan))
),
hits AS (
    SELECT e.id, coalesce(e.occurred_on, ar.published_on) AS date
    FROM candidates
    JOIN events e ON e.id = candidates.id
    CROSS JOIN p
    JOIN cameo_codes c ON c.code = e.cameo_code
    JOIN articles ar ON ar.id = e.article_id
    WHERE c.root = '04' AND e.mode IN ('asserted', 'future')
      -- A meeting coded both ways from one sentence (A met B, B met A) is listed once.
      AND NOT EXISTS (SELECT 1 FROM events e2
                      WHERE e2.sentence_id = e.sentence_id AND +e2.cameo_code = e.cameo_code AND e2.id < e.id
                        AND +e2.source_actor_id = e.target_actor_id AND +e2.target_actor_id = e.source_actor_id)
      AND (p.other IS NULL
           OR (e.source_actor_id IN (SELECT id FROM whom) AND (p.actor IS NULL OR e.target_actor_id IN (SELECT id FROM who)))
           OR (e.target_actor_id IN (SELECT id FROM whom) AND (p.actor IS NULL OR e.source_actor_id IN (SELECT id FROM who))))
      AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
      AND (p.until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(p.until)) <= p.until)
    ORDER BY date DESC, e.id
    LIMIT coalesce((SELECT lim FROM p), -1)
)
SELECT h.date,
       s.name AS source_name, t.name AS target_name,
       e.cameo_code, c.description AS event_label,
       pl.name AS place_name, e.mode, e.article_id, se.text AS sentence_text
FROM hits h
JOIN events e ON e.id = h.id
JOIN cameo_codes c ON c.code = e.cameo_code
JOIN sentences se ON se.id = e.sentence_id
LEFT JOIN actors s ON s.id = e.source_actor_id
LEFT JOIN actors t ON t.id = e.target_actor_id
LEFT JOIN places pl ON pl.id = e.place_id
ORDER BY h.date DESC, e.id;
