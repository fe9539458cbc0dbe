-- title: Cooperation and conflict per dyad
-- description: For each pair of actors (either direction), how many events of each QuadClass (verbal and material cooperation, verbal and material conflict) and the mean Goldstein score, from -10 (most conflictual) to +10. Only events reported as held or scheduled. At most the 100 pairs with the most events unless :limit says otherwise.
-- param: actor  (optional) only pairs with this actor: name, alias or ISO code
-- param: other  (optional) only pairs with this other side, as for actor
-- param: since  (optional) first date, ISO, e.g. 2020
-- param: until  (optional) last date, ISO, inclusive at its precision
-- param: limit  (optional) how many pairs, default 100; 0 for all
-- In sqlite3:  .param set :actor USA   then   .read Queries/dyad-cooperation.sql
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
period AS (
    SELECT 1 FROM p WHERE p.since IS NOT NULL OR p.until IS NOT NULL
),
-- Over all dates the counts come from the dyads summary (one row per pair, either order),
-- through its (a_id) and (b_id) indexes; only the pairs and their counts until the leading
-- pairs are known.
totals AS (
    SELECT d.a_id, d.b_id, d.events FROM dyads d
    WHERE NOT EXISTS (SELECT 1 FROM period) AND d.a_id IN (SELECT id FROM who)
      AND ((SELECT other FROM p) IS NULL OR d.b_id IN (SELECT id FROM whom))
    UNION ALL
    SELECT d.a_id, d.b_id, d.events FROM dyads d
    WHERE NOT EXISTS (SELECT 1 FROM period) AND d.b_id IN (SELECT id FROM who) AND d.a_id NOT IN (SELECT id FROM who)
      AND ((SELECT other FROM p) IS NULL OR d.a_id IN (SELECT id FROM whom))
    UNION ALL
    SELECT d.a_id, d.b_id, d.events FROM dyads d
    WHERE NOT EXISTS (SELECT 1 FROM period) AND nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND (d.a_id IN (SELECT id FROM whom) OR d.b_id IN (SELECT id FROM whom))
    UNION ALL
    SELECT d.a_id, d.b_id, d.events FROM dyads d
    WHERE NOT EXISTS (SELECT 1 FROM period) AND nullif(trim(CAST(:actor AS TEXT)), '') IS NULL AND nullif(trim(CAST(:other AS TEXT)), '') IS NULL
),
-- Within a period, the events themselves: candidates through the (source, target) and
-- (target, source) indexes (those between :actor and :other, else those of :actor, else those
-- of :other, else every event). Joined with period, the actor lists are empty without one.
candidates AS (
    SELECT e.id FROM events e
    WHERE e.source_actor_id IN (SELECT id FROM who, period) AND e.target_actor_id IN (SELECT id FROM whom, period)
    UNION
    SELECT e.id FROM events e
    WHERE e.target_actor_id IN (SELECT id FROM who, period) AND e.source_actor_id IN (SELECT id FROM whom, period)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM who, period)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:other AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM who, period)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND e.source_actor_id IN (SELECT id FROM whom, period)
    UNION
    SELECT e.id FROM events e
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND e.target_actor_id IN (SELECT id FROM whom, period)
    UNION
    SELECT e.id FROM events e
    WHERE EXISTS (SELECT 1 FROM period)
      AND nullif(trim(CAST(:actor AS TEXT)), '') IS NULL AND nullif(trim(CAST(:other AS TEXT)), '') IS NULL
),
ev AS (
    SELECT min(e.source_actor_id, e.target_actor_id) AS a_id, max(e.source_actor_id, e.target_actor_id) AS b_id,
           c.quad_class, c.goldstein, coalesce(e.occurred_on, ar.published_on) AS on_date
    FROM candidates
    CROSS JOIN events e ON e.id = candidates.id
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
),
periods AS (
    SELECT ev.a_id, ev.b_id, count(*) AS events,
           sum(ev.quad_class = 1) AS verbal_cooperation, sum(ev.quad_class = 2) AS material_cooperation,
           sum(ev.quad_class = 3) AS verbal_conflict, sum(ev.quad_class = 4) AS material_conflict,
           sum(round(ev.goldstein * 10)) AS goldstein_tenths, min(ev.on_date) AS first_on, max(ev.on_date) AS last_on
    FROM ev
    GROUP BY ev.a_id, ev.b_id
),
pairs AS (
    SELECT a_id, b_id, events FROM totals
    UNION ALL
    SELECT a_id, b_id, events FROM periods
),
-- The names and the other counts are read for the leading pairs only (every pair tied with
-- the last one kept).
cut AS (
    SELECT events FROM pairs ORDER BY events DESC LIMIT 1 OFFSET (SELECT coalesce(max(lim, 1), 1) - 1 FROM p)
),
top AS (
    SELECT d.a_id, d.b_id, d.events, d.verbal_cooperation, d.material_cooperation, d.verbal_conflict,
           d.material_conflict, d.goldstein_tenths, d.first_on, d.last_on
    FROM totals t JOIN dyads d ON d.a_id = t.a_id AND d.b_id = t.b_id
    WHERE (SELECT lim FROM p) IS NULL OR t.events >= coalesce((SELECT events FROM cut), 0)
    UNION ALL
    SELECT * FROM periods
    WHERE (SELECT lim FROM p) IS NULL OR periods.events >= coalesce((SELECT events FROM cut), 0)
)
SELECT a.name AS actor_a, b.name AS actor_b, pairs.events,
       pairs.verbal_cooperation, pairs.material_cooperation, pairs.verbal_conflict, pairs.material_conflict,
       round(pairs.goldstein_tenths / (10.0 * pairs.events), 2) AS mean_goldstein,
       pairs.first_on, pairs.last_on
FROM top AS pairs
JOIN actors a ON a.id = pairs.a_id
JOIN actors b ON b.id = pairs.b_id
ORDER BY pairs.events DESC, actor_a, actor_b, pairs.a_id, pairs.b_id
LIMIT coalesce((SELECT lim FROM p), -1);
