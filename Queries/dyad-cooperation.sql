-- title: Cooperation and conflict per dyad
-- description: For each pair of actors (either direction), how many events of each QuadClass (verbal and material cooperation, verbal and material conflict) and the mean Goldstein score, from -10 (most conflictual) to +10. Only events reported as held or scheduled.
-- param: actor  (optional) only pairs with this actor: name, alias or ISO code
-- param: other  (optional) only pairs with this other side, as for actor
-- param: since  (optional) first date, ISO, e.g. 2020
-- param: until  (optional) last date, ISO, inclusive at its precision
-- In sqlite3:  .param set :actor USA   then   .read Queries/dyad-cooperation.sql
WITH p AS (
    SELECT nullif(trim(CAST(:actor AS TEXT)), '') AS actor,
           nullif(trim(CAST(:other AS TEXT)), '') AS other,
           nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until
),
who AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:actor AS TEXT))
),
whom AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:other AS TEXT))
),
-- Candidate events through the (source, target) and (target, source) indexes: those between
-- :actor and :other, else those of :actor, else those of :other, else every event.
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
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM whom)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM whom)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL AND nullif(trim(CAST(:other AS TEXT)), '') IS NULL
),
ev AS (
    SELECT min(e.source_actor_id, e.target_actor_id) AS a_id, max(e.source_actor_id, e.target_actor_id) AS b_id,
           c.quad_class, c.goldstein, coalesce(e.occurred_on, ar.published_on) AS on_date
    FROM candidates
    JOIN events e ON e.id = candidates.id
    CROSS JOIN p
    JOIN cameo_codes c ON c.code = e.cameo_code
    JOIN articles ar ON ar.id = e.article_id
    WHERE e.mode IN ('asserted', 'future')
      AND e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL
      AND e.source_actor_id <> e.target_actor_id
      AND (p.actor IS NULL OR e.source_actor_id IN (SELECT id FROM who) OR e.target_actor_id IN (SELECT id FROM who))
      AND (p.other IS NULL
           OR (e.source_actor_id IN (SELECT id FROM whom) AND (p.actor IS NULL OR e.target_actor_id IN (SELECT id FROM who)))
           OR (e.target_actor_id IN (SELECT id FROM whom) AND (p.actor IS NULL OR e.source_actor_id IN (SELECT id FROM who))))
      AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
      AND (p.until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(p.until)) <= p.until)
)
SELECT a.name AS actor_a, b.name AS actor_b, count(*) AS events,
       sum(ev.quad_class = 1) AS verbal_cooperation, sum(ev.quad_class = 2) AS material_cooperation,
       sum(ev.quad_class = 3) AS verbal_conflict, sum(ev.quad_class = 4) AS material_conflict,
       round(sum(round(ev.goldstein * 10)) / (10.0 * count(*)), 2) AS mean_goldstein,
       min(ev.on_date) AS first_on, max(ev.on_date) AS last_on
FROM ev
JOIN actors a ON a.id = ev.a_id
JOIN actors b ON b.id = ev.b_id
GROUP BY ev.a_id, ev.b_id
ORDER BY events DESC, actor_a, actor_b;
