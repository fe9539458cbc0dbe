-- title: Role holders
-- description: Who held a role such as Foreign Minister (of a country) and when the articles saw them in it; with :date, the holders seen on that date come first, then the nearest sightings before and after.
-- param: title  the role or part of it, case-insensitive, e.g. Foreign Minister or President
-- param: country  (optional) the state served: ISO code or name, e.g. RUS or Russia
-- param: date  (optional) the ISO date of interest, e.g. 2015-05-12 or 2015
-- In sqlite3:  .param set :title 'Foreign Minister'   .param set :country RUS   then   .read Queries/role-holders.sql
WITH p AS (
    SELECT nullif(trim(CAST(:title AS TEXT)), '') AS title,
           nullif(trim(CAST(:country AS TEXT)), '') AS country,
           nullif(trim(CAST(:date AS TEXT)), '') AS on_date
),
codes AS (
    SELECT upper(p.country) AS code FROM p WHERE upper(p.country) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT a.country_code FROM actors a
    WHERE a.kind = 'state' AND a.country_code IS NOT NULL
      AND a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:country AS TEXT)) AND how IN ('name', 'alias'))
),
-- Each person's spans per title, state and body served, from the role_spans summary (a few
-- rows per person, however many articles).
held AS (
    SELECT r.actor_id, r.title, nullif(r.country_code, '') AS country_code, nullif(max(r.of_actor_id), 0) AS of_actor_id,
           min(r.first_seen) AS first_seen, max(r.last_seen) AS last_seen, sum(r.articles) AS articles
    FROM role_spans r
    CROSS JOIN p
    LEFT JOIN actors o ON o.id = r.of_actor_id
    WHERE p.title IS NOT NULL AND instr(lower(r.title), lower(p.title)) > 0
      AND (p.country IS NULL OR r.country_code IN (SELECT code FROM codes)
           OR (o.country_code IN (SELECT code FROM codes) AND o.kind = 'state'))
    GROUP BY r.actor_id, r.title, r.country_code
)
SELECT a.name AS person, h.title, h.country_code, o.name AS of_name,
       h.first_seen, h.last_seen, h.articles,
       CASE
           WHEN p.on_date IS NULL THEN NULL
           WHEN h.first_seen IS NULL THEN 'undated'
           WHEN substr(h.first_seen, 1, length(p.on_date)) <= p.on_date
                AND substr(h.last_seen, 1, length(p.on_date)) >= p.on_date THEN 'seen then'
           WHEN substr(h.last_seen, 1, length(p.on_date)) < p.on_date THEN 'seen before'
           ELSE 'seen after'
       END AS held_on_date
FROM held h
CROSS JOIN p
JOIN actors a ON a.id = h.actor_id
LEFT JOIN actors o ON o.id = h.of_actor_id
ORDER BY CASE
             WHEN p.on_date IS NULL THEN 0
             WHEN substr(h.first_seen, 1, length(p.on_date)) <= p.on_date
                  AND substr(h.last_seen, 1, length(p.on_date)) >= p.on_date THEN 0
             WHEN substr(h.last_seen, 1, length(p.on_date)) < p.on_date THEN 1
             ELSE 2
         END,
         CASE WHEN substr(h.last_seen, 1, length(p.on_date)) < p.on_date THEN h.last_seen END DESC,
         h.first_seen, h.last_seen DESC, person;
