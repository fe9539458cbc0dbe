-- title: Actor profile
-- description: One actor at a glance: kind and codes, aliases, roles over time, top counterparts (events, mean Goldstein) and recent quotes. The best match for :actor is profiled: exact name, then alias, then the state with that ISO code, then a surname.
-- param: actor  actor name, alias, surname or ISO code, e.g. Lavrov, Sergei Lavrov or RUS
-- In sqlite3:  .param set :actor Lavrov   then   .read Queries/actor-profile.sql
WITH
-- Candidates ranked by how they match: exact name, then alias, then the state with that ISO
-- code, then CAMEO code, then surname; the most mentioned of the best-ranked ones is profiled.
matched AS (
    SELECT k.actor_id,
           min(CASE k.how WHEN 'name' THEN 0 WHEN 'alias' THEN 1 WHEN 'country' THEN 2 WHEN 'cameo' THEN 3 ELSE 4 END) AS rank
    FROM v_actor_keys k JOIN actors a ON a.id = k.actor_id
    WHERE k.key = trim(CAST(:actor AS TEXT)) AND (k.how <> 'country' OR a.kind = 'state')
    GROUP BY k.actor_id
),
pick AS (
    SELECT a.*,
           (SELECT coalesce(sum(am.mentions), 0) FROM actor_months am WHERE am.actor_id = a.id) AS mention_count,
           (SELECT coalesce(sum(am.articles), 0) FROM actor_months am WHERE am.actor_id = a.id) AS article_count
    FROM matched JOIN actors a ON a.id = matched.actor_id
    WHERE matched.rank = (SELECT min(rank) FROM matched)
    ORDER BY mention_count DESC, a.id
    LIMIT 1
),
-- Counterparts over all dates, from the dyads summary (one row per pair of actors).
counterparts AS (
    SELECT CASE WHEN d.a_id = pick.id THEN d.b_id ELSE d.a_id END AS other_id,
           d.events AS n, d.goldstein_tenths / (10.0 * d.events) AS mean_goldstein, d.last_on
    FROM pick JOIN dyads d ON d.a_id = pick.id
    UNION ALL
    SELECT d.a_id, d.events, d.goldstein_tenths / (10.0 * d.events), d.last_on
    FROM pick JOIN dyads d ON d.b_id = pick.id
    ORDER BY n DESC, last_on DESC
    LIMIT 10
),
recent_quotes AS (
    SELECT q.text, q.speaker_role, coalesce(q.said_on, ar.published_on) AS said_on
    FROM quotes q JOIN pick ON q.speaker_actor_id = pick.id
    JOIN articles ar ON ar.id = q.article_id
    ORDER BY said_on DESC, q.id DESC
    LIMIT 10
),
sections AS (
    SELECT 1 AS section_order, 0 AS item_order, 'actor' AS section, pick.name AS item,
           pick.kind || coalesce(', country ' || pick.country_code, '') || coalesce(', CAMEO ' || pick.cameo_code, '')
               || ', ' || pick.mention_count || ' mentions in ' || pick.article_count || ' articles' AS detail,
           NULL AS date, pick.mention_count AS count
    FROM pick
    UNION ALL
    SELECT 2, 0, 'alias', al.alias, al.source, NULL, NULL
    FROM actor_aliases al JOIN pick ON al.actor_id = pick.id
    UNION ALL
    -- Roles and role holders from the role_spans summary (an article gives a person a title once).
    SELECT 3, 0, 'role', r.title, coalesce(o.name, nullif(r.country_code, ''), ''),
           min(r.first_seen) || CASE WHEN max(r.last_seen) <> min(r.first_seen) THEN ' to ' || max(r.last_seen) ELSE '' END,
           sum(r.articles)
    FROM role_spans r JOIN pick ON r.actor_id = pick.id
    LEFT JOIN actors o ON o.id = r.of_actor_id
    GROUP BY r.title, r.country_code
    UNION ALL
    SELECT 3, 1, 'role holder', pa.name, r.title, max(r.last_seen), sum(r.articles)
    FROM role_spans r JOIN pick ON r.of_actor_id = pick.id
    JOIN actors pa ON pa.id = r.actor_id
    GROUP BY pa.id, r.title
    UNION ALL
    SELECT 4, -cp.n, 'counterpart', o.name,
           cp.n || CASE WHEN cp.n = 1 THEN ' event' ELSE ' events' END || ', mean Goldstein ' || printf('%.1f', cp.mean_goldstein),
           cp.last_on, cp.n
    FROM counterparts cp JOIN actors o ON o.id = cp.other_id
    UNION ALL
    SELECT 5, 0, 'quote', rq.text, coalesce(rq.speaker_role, ''), rq.said_on, NULL
    FROM recent_quotes rq
)
SELECT section, item, detail, date, count
FROM sections
ORDER BY section_order, item_order,
         CASE WHEN section = 'quote' THEN date END DESC,
         CASE WHEN section <> 'quote' THEN date END,
         item;
