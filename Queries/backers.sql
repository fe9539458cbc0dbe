-- title: Backers
-- description: Who supports which party of a conflict: aid (CAMEO 07), material cooperation (06), pledges of aid (033) and diplomatic support such as endorsement or recognition (050-054) aimed at a conflict's parties, per backer and party. At most the 25 backer-party rows with the most events per conflict unless :limit says otherwise.
-- param: conflict  (optional) conflict name, part of it, id, or country, e.g. Sudan or YEM
-- param: since  (optional) first date, ISO, e.g. 2022
-- param: limit  (optional) how many backer-party rows per conflict, default 25; 0 for all
-- In sqlite3:  .param set :conflict Ukraine   then   .read Queries/backers.sql
WITH p AS (
    SELECT conflict, since, lim, CASE WHEN length(since) > 4 THEN substr(since, 1, 4) END AS since_year
    FROM (SELECT nullif(trim(CAST(:conflict AS TEXT)), '') AS conflict,
                 nullif(trim(CAST(:since AS TEXT)), '') AS since,
                 nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 25), 0) AS lim)
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
    FROM p CROSS JOIN chosen ch CROSS JOIN conflict_party_counts cp ON cp.conflict_id = ch.id
    WHERE p.since IS NOT NULL
),
party_ids AS (
    SELECT DISTINCT actor_id FROM parties
),
-- Support, not settlement: praise, verbal defence, rallying support and recognition (050-054),
-- material cooperation (06), aid (07) and pledges of aid (033x); signed agreements, apologies
-- and forgiveness (055-057) are left out. Only events reported as held or scheduled, from
-- another actor. An event's date is its own, else its article's.
-- Over all dates (no :since) each backer and party is a row of support_pairs (0016: count,
-- Goldstein sum, first and last date, the codes' descriptions). Per conflict: the count its
-- :limit-th busiest row reaches, from the (party, events) index; the rows above it; and of the
-- rows at it, as many as are left, by backer and party.
cut AS MATERIALIZED (
    SELECT ch.id AS conflict_id,
           (SELECT y.events
            FROM conflict_party_counts cp CROSS JOIN support_pairs y INDEXED BY support_pairs_events ON y.party_actor_id = cp.actor_id
            WHERE cp.conflict_id = ch.id
            ORDER BY y.events DESC LIMIT 1 OFFSET coalesce((SELECT lim FROM p), 1) - 1) AS floor
    FROM p CROSS JOIN chosen ch
    WHERE p.since IS NULL
),
-- And how many of its rows are above that count.
cut_above AS MATERIALIZED (
    SELECT c.conflict_id, c.floor,
           (SELECT count(*)
            FROM conflict_party_counts cp CROSS JOIN support_pairs y INDEXED BY support_pairs_events
             ON y.party_actor_id = cp.actor_id AND y.events > c.floor
            WHERE cp.conflict_id = c.conflict_id) AS above
    FROM cut c
),
pairs_leading AS MATERIALIZED (
    SELECT c.conflict_id, y.party_actor_id AS party_id, y.backer_actor_id AS backer_id, y.events,
           CASE WHEN (SELECT lim FROM p) IS NOT NULL THEN c.floor END AS floor, c.above
    FROM cut_above c CROSS JOIN conflict_party_counts cp ON cp.conflict_id = c.conflict_id
    CROSS JOIN support_pairs y INDEXED BY support_pairs_events ON y.party_actor_id = cp.actor_id
    WHERE y.events >= CASE WHEN (SELECT lim FROM p) IS NULL THEN 0 ELSE coalesce(c.floor, 0) END
),
pairs_shown AS (
    SELECT conflict_id, party_id, backer_id, events FROM pairs_leading WHERE floor IS NULL OR events > floor
    UNION ALL
    SELECT conflict_id, party_id, backer_id, events
    FROM (SELECT l.*, row_number() OVER (PARTITION BY l.conflict_id ORDER BY b.name, t.name, l.backer_id, l.party_id) AS n
          FROM pairs_leading l
          JOIN actors b ON b.id = l.backer_id
          JOIN actors t ON t.id = l.party_id
          WHERE l.events = l.floor)
    WHERE n <= (SELECT lim FROM p) - above
),
-- From a :since, the years of the summary support_years (0013: events per party, backer, code
-- and year) after it; the year of a :since given to the month or the day is counted from the
-- events of that year. First the events per party and backer, to rank each conflict's rows by
-- them: the summary's rows of the parties. In the edge year, a row's first and last dates tell
-- whether its events are all on or after :since (the row counts whole), all before it (nothing),
-- or on both sides: only then are its events read, through events_target (target, source, date:
-- 0009), dated ones by their range. (Reading every edge-year pair's events took 0.8-1.2 s at a
-- million articles, one index seek per pair and arm.)
counts AS (
    SELECT party_id, backer_id, sum(events) AS events
    FROM (SELECT y.party_actor_id AS party_id, y.backer_actor_id AS backer_id, sum(y.events) AS events
          FROM p CROSS JOIN party_ids t CROSS JOIN support_years y ON y.party_actor_id = t.actor_id
          WHERE p.since IS NOT NULL
            AND ((p.since_year IS NULL AND substr(y.year, 1, length(p.since)) >= p.since) OR y.year > p.since_year)
          GROUP BY 1, 2
          UNION ALL
          -- The edge year's rows wholly on or after :since count whole; the rows that straddle it
          -- count their events from it on; the rows wholly before it count nothing.
          SELECT y.party_actor_id, y.backer_actor_id, sum(y.events)
          FROM p CROSS JOIN party_ids t CROSS JOIN support_years y ON y.party_actor_id = t.actor_id
          WHERE p.since_year IS NOT NULL AND y.year = p.since_year AND y.first_on >= p.since
          GROUP BY 1, 2
          UNION ALL
          SELECT y.party_actor_id, y.backer_actor_id, count(*)
          FROM p CROSS JOIN party_ids t CROSS JOIN support_years y ON y.party_actor_id = t.actor_id
          CROSS JOIN events e INDEXED BY events_target
           ON e.target_actor_id = y.party_actor_id AND e.source_actor_id = y.backer_actor_id
          WHERE p.since_year IS NOT NULL AND y.year = p.since_year AND y.first_on < p.since AND y.last_on >= p.since
            AND e.cameo_code = y.cameo_code AND e.mode IN ('asserted', 'future')
            AND e.occurred_on >= p.since AND e.occurred_on < p.since_year || '~' AND substr(e.occurred_on, 1, 4) = p.since_year
          GROUP BY 1, 2
          UNION ALL
          SELECT y.party_actor_id, y.backer_actor_id, count(*)
          FROM p CROSS JOIN party_ids t CROSS JOIN support_years y ON y.party_actor_id = t.actor_id
          CROSS JOIN events e INDEXED BY events_target
           ON e.target_actor_id = y.party_actor_id AND e.source_actor_id = y.backer_actor_id AND e.occurred_on IS NULL
          CROSS JOIN articles ar ON ar.id = e.article_id
          WHERE p.since_year IS NOT NULL AND y.year = p.since_year AND y.first_on < p.since AND y.last_on >= p.since
            AND e.cameo_code = y.cameo_code AND e.mode IN ('asserted', 'future')
            AND ar.published_on >= p.since AND substr(ar.published_on, 1, 4) = p.since_year
          GROUP BY 1, 2)
    GROUP BY 1, 2
),
-- The rows that may be among a conflict's :limit busiest (ties on the count included), then
-- those busiest by count, backer and party.
leading AS (
    SELECT conflict_id, conflict_name, party_id, backer_id, events
    FROM (SELECT pa.conflict_id, pa.conflict_name, x.party_id, x.backer_id, x.events,
                 rank() OVER (PARTITION BY pa.conflict_id ORDER BY x.events DESC) AS r
          FROM counts x JOIN parties pa ON pa.actor_id = x.party_id)
    WHERE r <= coalesce((SELECT lim FROM p), r)
),
shown AS (
    SELECT *
    FROM (SELECT l.*, b.name AS backer, b.country_code AS backer_country, t.name AS party,
                 row_number() OVER (PARTITION BY l.conflict_id
                                    ORDER BY l.events DESC, b.name, t.name, l.backer_id, l.party_id) AS n
          FROM leading l
          JOIN actors b ON b.id = l.backer_id
          JOIN actors t ON t.id = l.party_id)
    WHERE n <= coalesce((SELECT lim FROM p), n)
),
-- The rows shown, per code: the same years of the summary, the same events of the edge year.
per_code AS (
    SELECT conflict_id, conflict_name, party_id, backer_id, backer, backer_country, party, events, cameo_code,
           sum(tenths) AS tenths, min(first_on) AS first_on, max(last_on) AS last_on
    FROM (SELECT s.conflict_id, s.conflict_name, s.party_id, s.backer_id, s.backer, s.backer_country, s.party, s.events,
                 y.cameo_code, y.goldstein_tenths AS tenths, y.first_on, y.last_on
          FROM shown s
          CROSS JOIN support_years y ON y.party_actor_id = s.party_id AND y.backer_actor_id = s.backer_id
          WHERE ((SELECT since_year FROM p) IS NULL AND substr(y.year, 1, length((SELECT since FROM p))) >= (SELECT since FROM p))
             OR y.year > (SELECT since_year FROM p)
          UNION ALL
          SELECT s.conflict_id, s.conflict_name, s.party_id, s.backer_id, s.backer, s.backer_country, s.party, s.events,
                 y.cameo_code, y.goldstein_tenths, y.first_on, y.last_on
          FROM p CROSS JOIN shown s
          CROSS JOIN support_years y ON y.party_actor_id = s.party_id AND y.backer_actor_id = s.backer_id
          WHERE p.since_year IS NOT NULL AND y.year = p.since_year AND y.first_on >= p.since
          UNION ALL
          SELECT s.conflict_id, s.conflict_name, s.party_id, s.backer_id, s.backer, s.backer_country, s.party, s.events,
                 e.cameo_code, CAST(round(c.goldstein * 10) AS INTEGER), e.occurred_on, e.occurred_on
          FROM p CROSS JOIN shown s
          CROSS JOIN support_years y ON y.party_actor_id = s.party_id AND y.backer_actor_id = s.backer_id
          CROSS JOIN events e INDEXED BY events_target ON e.target_actor_id = s.party_id AND e.source_actor_id = s.backer_id
          CROSS JOIN cameo_codes c ON c.code = e.cameo_code
          WHERE p.since_year IS NOT NULL AND y.year = p.since_year AND y.first_on < p.since AND y.last_on >= p.since
            AND e.cameo_code = y.cameo_code AND e.mode IN ('asserted', 'future')
            AND e.occurred_on >= p.since AND e.occurred_on < p.since_year || '~' AND substr(e.occurred_on, 1, 4) = p.since_year
          UNION ALL
          SELECT s.conflict_id, s.conflict_name, s.party_id, s.backer_id, s.backer, s.backer_country, s.party, s.events,
                 e.cameo_code, CAST(round(c.goldstein * 10) AS INTEGER), ar.published_on, ar.published_on
          FROM p CROSS JOIN shown s
          CROSS JOIN support_years y ON y.party_actor_id = s.party_id AND y.backer_actor_id = s.backer_id
          CROSS JOIN events e INDEXED BY events_target
           ON e.target_actor_id = s.party_id AND e.source_actor_id = s.backer_id AND e.occurred_on IS NULL
          CROSS JOIN articles ar ON ar.id = e.article_id
          CROSS JOIN cameo_codes c ON c.code = e.cameo_code
          WHERE p.since_year IS NOT NULL AND y.year = p.since_year AND y.first_on < p.since AND y.last_on >= p.since
            AND e.cameo_code = y.cameo_code AND e.mode IN ('asserted', 'future')
            AND ar.published_on >= p.since AND substr(ar.published_on, 1, 4) = p.since_year)
    GROUP BY conflict_id, party_id, backer_id, cameo_code
),
-- Both paths' rows (the support named in code order), named and in one order.
answer AS (
    SELECT s.conflict_id, s.party_id, s.backer_id, s.events, y.support, y.goldstein_tenths AS tenths, y.first_on, y.last_on
    FROM pairs_shown s
    CROSS JOIN support_pairs y ON y.party_actor_id = s.party_id AND y.backer_actor_id = s.backer_id
    UNION ALL
    SELECT x.conflict_id, x.party_id, x.backer_id, x.events, group_concat(DISTINCT c.description), sum(x.tenths),
           min(x.first_on), max(x.last_on)
    FROM per_code x JOIN cameo_codes c ON c.code = x.cameo_code
    GROUP BY x.conflict_id, x.party_id, x.backer_id
)
SELECT c.name AS conflict_name, b.name AS backer, b.country_code AS backer_country, t.name AS party, a.events, a.support,
       round(a.tenths / (10.0 * a.events), 2) AS mean_goldstein, a.first_on, a.last_on
FROM answer a
JOIN conflicts c ON c.id = a.conflict_id
JOIN actors b ON b.id = a.backer_id
JOIN actors t ON t.id = a.party_id
ORDER BY c.name, a.events DESC, b.name, t.name, a.conflict_id, a.backer_id, a.party_id;
