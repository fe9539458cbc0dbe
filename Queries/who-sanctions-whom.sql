-- title: Who sanctions whom
-- description: The imposer x target matrix: for each imposer and sanctioned party, how many measures of each action the database holds over the period, their kinds (in alphabetical order), and when the first and last were stated. At most the 100 pairs with the most measures unless :limit says otherwise.
-- param: since  (optional) first date, ISO, e.g. 2014
-- param: until  (optional) last date, ISO, inclusive at its precision
-- param: imposer  (optional) only this imposer: actor name, alias or ISO code
-- param: limit  (optional) how many pairs, default 100; 0 for all
-- In sqlite3:  .read Queries/who-sanctions-whom.sql   (optionally .param set :since 2014 first)
-- A period's whole years are the year keys from year_from up to (not including) year_to: a bound
-- given to the year or coarser is compared as text ('201' from 2010, '2015' up to '2015~'), one
-- given to the month or the day leaves its year to the edges below; with a bound, '' (no date)
-- is out.
WITH p AS (
    SELECT since, until, imposer, lim, since_year, until_year,
           CASE WHEN since IS NULL THEN CASE WHEN until IS NULL THEN '' ELSE '0' END
                WHEN since_year IS NOT NULL THEN since_year || ' ' ELSE since END AS year_from,
           CASE WHEN until IS NULL THEN '~' WHEN until_year IS NOT NULL THEN until_year ELSE until || '~' END AS year_to
    FROM (SELECT since, until, imposer, lim,
                 CASE WHEN length(since) > 4 THEN substr(since, 1, 4) END AS since_year,
                 CASE WHEN length(until) > 4 THEN substr(until, 1, 4) END AS until_year
          FROM (SELECT nullif(trim(CAST(:since AS TEXT)), '') AS since,
                 nullif(trim(CAST(:until AS TEXT)), '') AS until,
                 nullif(trim(CAST(:imposer AS TEXT)), '') AS imposer,
                 nullif(coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 100), 0) AS lim))
),
who AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:imposer AS TEXT))
),
-- A measure's date is its own, else its article's. Whole years come from the summary
-- sanction_years (0011); the year at an end of a period given to the month or the day is
-- counted from the sanctions of that year (dated ones through sanctions_date).
edge_years AS (
    SELECT since_year AS year FROM p WHERE since_year IS NOT NULL
    UNION
    SELECT until_year FROM p WHERE until_year IS NOT NULL
),
edge AS (
    SELECT x.imposer_actor_id, x.target_actor_id, x.target_description, x.target_country, x.kind, x.action,
           x.stated_on AS on_date
    FROM edge_years e CROSS JOIN sanctions x
    WHERE x.stated_on >= e.year AND x.stated_on < e.year || '~' AND substr(x.stated_on, 1, 4) = e.year
    UNION ALL
    SELECT x.imposer_actor_id, x.target_actor_id, x.target_description, x.target_country, x.kind, x.action,
           ar.published_on
    FROM sanctions x JOIN articles ar ON ar.id = x.article_id
    WHERE x.stated_on IS NULL AND EXISTS (SELECT 1 FROM edge_years)
      AND substr(ar.published_on, 1, 4) IN (SELECT year FROM edge_years)
),
-- The busiest pairs without summing every pair (no :imposer, a :limit): a pair is (imposer,
-- target name in any case, target country), as the answer counts it. Its measures over the
-- period are at most its measures over all dates (sanction_pairs, 0015), so: the :limit pairs
-- busiest over all dates are read first and counted over the period (their whole years from
-- sanction_pair_years, the edges from the sanctions); the least of those counts is a floor that
-- the :limit-th busiest pair of the period reaches; only the pairs with as many measures over all
-- dates as the floor can, and they are counted in turn. When they are many (a short period, or
-- one with few measures) the pairs are all summed instead, as with an :imposer or no :limit.
edge_pairs AS (
    SELECT coalesce(x.imposer_actor_id, 0) AS imposer_actor_id,
           coalesce(lower(coalesce(t.name, CASE WHEN x.target_actor_id IS NULL THEN nullif(x.target_description, '') END)), '') AS target_key,
           coalesce(t.country_code, nullif(x.target_country, ''), '') AS country_key, count(*) AS measures
    FROM p CROSS JOIN edge x LEFT JOIN actors t ON t.id = x.target_actor_id
    WHERE p.imposer IS NULL AND p.lim IS NOT NULL
      AND (p.since IS NULL OR x.on_date >= p.since)
      AND (p.until IS NULL OR substr(x.on_date, 1, length(p.until)) <= p.until)
    GROUP BY 1, 2, 3
),
top AS (
    SELECT s.imposer_actor_id, s.target_key, s.country_key
    FROM sanction_pairs s INDEXED BY sanction_pairs_measures
    WHERE (SELECT imposer FROM p) IS NULL AND (SELECT lim FROM p) IS NOT NULL
    ORDER BY s.measures DESC
    LIMIT coalesce((SELECT lim FROM p), 0)
),
floor AS (
    SELECT min(coalesce((SELECT sum(y.measures) FROM sanction_pair_years y
                     WHERE y.imposer_actor_id = t.imposer_actor_id AND y.target_key = t.target_key
                       AND y.country_key = t.country_key
                       AND y.year >= (SELECT year_from FROM p) AND y.year < (SELECT year_to FROM p)), 0)
           + coalesce((SELECT e.measures FROM edge_pairs e
                       WHERE e.imposer_actor_id = t.imposer_actor_id AND e.target_key = t.target_key
                         AND e.country_key = t.country_key), 0)) AS measures
    FROM top t
),
candidates AS (
    SELECT s.imposer_actor_id, s.target_key, s.country_key
    FROM sanction_pairs s INDEXED BY sanction_pairs_measures
    WHERE s.measures >= (SELECT measures FROM floor)
),
fast AS MATERIALIZED (
    SELECT (SELECT count(*) FROM (SELECT 1 FROM candidates LIMIT 2001)) <= 2000 AND EXISTS (SELECT 1 FROM top) AS used
),
candidate_totals AS (
    SELECT c.imposer_actor_id, c.target_key, c.country_key,
           coalesce((SELECT sum(y.measures) FROM sanction_pair_years y
                     WHERE y.imposer_actor_id = c.imposer_actor_id AND y.target_key = c.target_key
                       AND y.country_key = c.country_key
                       AND y.year >= (SELECT year_from FROM p) AND y.year < (SELECT year_to FROM p)), 0)
           + coalesce((SELECT e.measures FROM edge_pairs e
                       WHERE e.imposer_actor_id = c.imposer_actor_id AND e.target_key = c.target_key
                         AND e.country_key = c.country_key), 0) AS measures
    FROM fast f CROSS JOIN candidates c
    WHERE f.used
),
-- The pairs among the :limit busiest of the period (ties included).
chosen AS (
    SELECT imposer_actor_id, target_key, country_key
    FROM candidate_totals
    WHERE measures > 0
      AND measures >= coalesce((SELECT measures FROM candidate_totals ORDER BY measures DESC
                                LIMIT 1 OFFSET (SELECT lim - 1 FROM p)), 0)
),
-- Per imposer and party (the actor, else the description, else the country): either the chosen
-- pairs' rows of the summary (their target actors by name, or their descriptions) and edges, or
-- the summary read in its key's order (an :imposer's rows through it) and the edges.
parts AS (
    SELECT y.imposer_actor_id, y.target_actor_id, y.target_description, y.target_country,
           sum(y.impose) AS impose, sum(y.extend) AS extend, sum(y.ease) AS ease, sum(y.lift) AS lift,
           sum(y.threaten) AS threaten, sum(y.measures) AS measures, group_concat(DISTINCT y.kind) AS kinds,
           min(y.first_on) AS first_on, max(y.last_on) AS last_on
    FROM chosen c CROSS JOIN actors a INDEXED BY actors_name ON a.name = c.target_key COLLATE NOCASE
    CROSS JOIN sanction_years y INDEXED BY sanction_years_target
     ON y.target_actor_id = a.id AND y.imposer_actor_id = c.imposer_actor_id
    WHERE lower(a.name) = c.target_key AND coalesce(a.country_code, nullif(y.target_country, ''), '') = c.country_key
      AND y.year >= (SELECT year_from FROM p) AND y.year < (SELECT year_to FROM p)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT y.imposer_actor_id, y.target_actor_id, y.target_description, y.target_country,
           sum(y.impose) AS impose, sum(y.extend) AS extend, sum(y.ease) AS ease, sum(y.lift) AS lift,
           sum(y.threaten) AS threaten, sum(y.measures) AS measures, group_concat(DISTINCT y.kind) AS kinds,
           min(y.first_on) AS first_on, max(y.last_on) AS last_on
    FROM chosen c CROSS JOIN sanction_years y ON y.imposer_actor_id = c.imposer_actor_id AND y.target_actor_id = 0
    WHERE coalesce(lower(nullif(y.target_description, '')), '') = c.target_key AND y.target_country = c.country_key
      AND y.year >= (SELECT year_from FROM p) AND y.year < (SELECT year_to FROM p)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT coalesce(x.imposer_actor_id, 0), coalesce(x.target_actor_id, 0),
           CASE WHEN x.target_actor_id IS NULL THEN coalesce(x.target_description, '') ELSE '' END,
           coalesce(x.target_country, ''),
           sum(x.action = 'impose'), sum(x.action = 'extend'), sum(x.action = 'ease'), sum(x.action = 'lift'),
           sum(x.action = 'threaten'), count(*), group_concat(DISTINCT x.kind), min(x.on_date), max(x.on_date)
    FROM fast f CROSS JOIN p CROSS JOIN edge x LEFT JOIN actors t ON t.id = x.target_actor_id
    WHERE f.used
      AND (p.since IS NULL OR x.on_date >= p.since)
      AND (p.until IS NULL OR substr(x.on_date, 1, length(p.until)) <= p.until)
      AND (coalesce(x.imposer_actor_id, 0),
           coalesce(lower(coalesce(t.name, CASE WHEN x.target_actor_id IS NULL THEN nullif(x.target_description, '') END)), ''),
           coalesce(t.country_code, nullif(x.target_country, ''), '')) IN (SELECT imposer_actor_id, target_key, country_key FROM chosen)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT y.imposer_actor_id, y.target_actor_id, y.target_description, y.target_country,
           sum(y.impose) AS impose, sum(y.extend) AS extend, sum(y.ease) AS ease, sum(y.lift) AS lift,
           sum(y.threaten) AS threaten, sum(y.measures) AS measures, group_concat(DISTINCT y.kind) AS kinds,
           min(y.first_on) AS first_on, max(y.last_on) AS last_on
    FROM fast f CROSS JOIN p CROSS JOIN sanction_years y
    WHERE NOT f.used AND p.imposer IS NULL
      AND y.year >= (SELECT year_from FROM p) AND y.year < (SELECT year_to FROM p)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT y.imposer_actor_id, y.target_actor_id, y.target_description, y.target_country,
           sum(y.impose) AS impose, sum(y.extend) AS extend, sum(y.ease) AS ease, sum(y.lift) AS lift,
           sum(y.threaten) AS threaten, sum(y.measures) AS measures, group_concat(DISTINCT y.kind) AS kinds,
           min(y.first_on) AS first_on, max(y.last_on) AS last_on
    FROM who CROSS JOIN sanction_years y
    WHERE y.imposer_actor_id = who.id
      AND y.year >= (SELECT year_from FROM p) AND y.year < (SELECT year_to FROM p)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT coalesce(x.imposer_actor_id, 0), coalesce(x.target_actor_id, 0),
           CASE WHEN x.target_actor_id IS NULL THEN coalesce(x.target_description, '') ELSE '' END,
           coalesce(x.target_country, ''),
           sum(x.action = 'impose'), sum(x.action = 'extend'), sum(x.action = 'ease'), sum(x.action = 'lift'),
           sum(x.action = 'threaten'), count(*), group_concat(DISTINCT x.kind), min(x.on_date), max(x.on_date)
    FROM fast f CROSS JOIN p CROSS JOIN edge x
    WHERE NOT f.used
      AND (p.since IS NULL OR x.on_date >= p.since)
      AND (p.until IS NULL OR substr(x.on_date, 1, length(p.until)) <= p.until)
      AND (p.imposer IS NULL OR x.imposer_actor_id IN (SELECT id FROM who))
    GROUP BY 1, 2, 3, 4
),
-- Per imposer and target name (any case) and country.
pairs AS (
    SELECT parts.imposer_actor_id, coalesce(t.name, nullif(parts.target_description, '')) AS target_name,
           coalesce(t.country_code, nullif(parts.target_country, '')) AS target_country,
           sum(parts.impose) AS impose, sum(parts.extend) AS extend, sum(parts.ease) AS ease, sum(parts.lift) AS lift,
           sum(parts.threaten) AS threaten, sum(parts.measures) AS total,
           group_concat(parts.kinds) AS kinds, min(parts.first_on) AS first_on, max(parts.last_on) AS last_on
    FROM parts
    LEFT JOIN actors t ON t.id = parts.target_actor_id
    GROUP BY parts.imposer_actor_id, lower(coalesce(t.name, nullif(parts.target_description, ''))),
             coalesce(t.country_code, nullif(parts.target_country, ''))
)
SELECT coalesce(i.name, '(unstated)') AS imposer_name, i.country_code AS imposer_country,
       pairs.target_name, pairs.target_country, pairs.impose, pairs.extend, pairs.ease, pairs.lift, pairs.threaten,
       pairs.total,
       (SELECT group_concat(k.kind, ',') FROM (SELECT kind FROM sanction_kinds
                                               WHERE instr(',' || pairs.kinds || ',', ',' || kind || ',') > 0
                                               ORDER BY kind) k) AS kinds,
       pairs.first_on, pairs.last_on
FROM pairs
LEFT JOIN actors i ON i.id = pairs.imposer_actor_id
ORDER BY pairs.total DESC, imposer_name, pairs.target_name, pairs.target_country, imposer_country, pairs.imposer_actor_id
LIMIT coalesce((SELECT lim FROM p), -1);
