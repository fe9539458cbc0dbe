-- title: Backers
-- description: Who supports which party of a conflict: aid (CAMEO 07), material cooperation (06), pledges of aid (033) and diplomatic support such as endorsement or recognition (050-054) aimed at a conflict's parties, per backer and party.
-- param: conflict  (optional) conflict name, part of it, id, or country, e.g. Sudan or YEM
-- param: since  (optional) first date, ISO, e.g. 2022
-- In sqlite3:  .param set :conflict Ukraine   then   .read Queries/backers.sql
WITH p AS (
    SELECT nullif(trim(CAST(:conflict AS TEXT)), '') AS conflict,
           nullif(trim(CAST(:since AS TEXT)), '') AS since
),
codes AS (
    SELECT upper(p.conflict) AS code FROM p WHERE upper(p.conflict) GLOB '[A-Z][A-Z][A-Z]'
    UNION
    SELECT a.country_code FROM actors a
    WHERE a.kind = 'state' AND a.country_code IS NOT NULL
      AND a.id IN (SELECT actor_id FROM v_actor_keys WHERE key = trim(CAST(:conflict AS TEXT)) AND how IN ('name', 'alias'))
),
chosen AS (
    SELECT c.id, c.name FROM conflicts c, p
    WHERE p.conflict IS NULL
       OR CAST(c.id AS TEXT) = p.conflict
       OR instr(lower(c.name), lower(p.conflict)) > 0
       OR c.country_code IN (SELECT code FROM codes)
),
-- A conflict's distinct parties from conflict_party_counts (0009).
parties AS (
    SELECT ch.id AS conflict_id, ch.name AS conflict_name, cp.actor_id
    FROM chosen ch JOIN conflict_party_counts cp ON cp.conflict_id = ch.id
),
-- Support, not settlement: praise, verbal defence, rallying support and recognition (050-054),
-- material cooperation (06), aid (07) and pledges of aid (033x); signed agreements, apologies
-- and forgiveness (055-057) are left out. The support events aimed at each party are read from
-- the partial index events_support (0012), whose WHERE this condition repeats word for word.
aimed AS (
    SELECT pa.conflict_id, pa.conflict_name, e.id AS event_id
    FROM (SELECT DISTINCT actor_id FROM parties) t
    JOIN events e ON e.target_actor_id = t.actor_id
     AND ((e.cameo_code >= '05' AND e.cameo_code <= '054') OR (e.cameo_code >= '06' AND e.cameo_code < '08')
          OR (e.cameo_code >= '033' AND e.cameo_code < '034'))
    JOIN parties pa ON pa.actor_id = e.target_actor_id
)
SELECT aimed.conflict_name, b.name AS backer, b.country_code AS backer_country,
       t.name AS party, count(*) AS events,
       group_concat(DISTINCT c.description) AS support,
       round(sum(round(c.goldstein * 10)) / (10.0 * count(*)), 2) AS mean_goldstein,
       min(coalesce(e.occurred_on, ar.published_on)) AS first_on,
       max(coalesce(e.occurred_on, ar.published_on)) AS last_on
FROM aimed
JOIN events e ON e.id = aimed.event_id
CROSS JOIN p
JOIN cameo_codes c ON c.code = e.cameo_code
JOIN articles ar ON ar.id = e.article_id
JOIN actors b ON b.id = e.source_actor_id
JOIN actors t ON t.id = e.target_actor_id
WHERE e.mode IN ('asserted', 'future')
  AND e.source_actor_id <> e.target_actor_id
  AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
GROUP BY aimed.conflict_id, b.id, t.id
ORDER BY aimed.conflict_name, events DESC, backer, party;
