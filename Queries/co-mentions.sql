-- title: Co-mentioned actors
-- description: Pairs of actors named together: in how many articles, and in how many sentences, both are mentioned, optionally for pairs with one actor and within a period.
-- param: actor  (optional) only pairs with this actor: name, alias or ISO code
-- param: since  (optional) first article date, ISO, e.g. 2021
-- param: until  (optional) last article date, ISO, inclusive at its precision
-- param: limit  (optional) how many pairs, default 25
-- In sqlite3:  .read Queries/co-mentions.sql   (optionally .param set :actor Russia first)
WITH p AS (
    SELECT nullif(trim(CAST(:actor AS TEXT)), '') AS actor,
           nullif(trim(CAST(:since AS TEXT)), '') AS since,
           nullif(trim(CAST(:until AS TEXT)), '') AS until,
           coalesce(CAST(nullif(trim(CAST(:limit AS TEXT)), '') AS INTEGER), 25) AS lim
),
who AS (
    SELECT DISTINCT actor_id AS id FROM v_actor_keys WHERE key = trim(CAST(:actor AS TEXT))
),
dated AS (
    SELECT 1 FROM p WHERE p.since IS NOT NULL OR p.until IS NOT NULL
),
-- Over all dates, the pairs are read from co_mentions (0014): with :actor, its rows (each of
-- :actor's actors with each other actor, a pair of two of them once); without, the leading
-- pairs (every pair tied with the last one kept). A pair is in no more articles than either of
-- its actors (actor_years): `floor_all`, the :limit-th count among the pairs of the :limit + 10
-- most named actors, is a count that the :limit-th pair of all reaches, so only the pairs of
-- actors named in that many articles are read (each from its own key range).
all_named AS MATERIALIZED (
    SELECT y.actor_id, sum(y.articles) AS n FROM p CROSS JOIN actor_years y
    WHERE NOT EXISTS (SELECT 1 FROM dated) AND p.actor IS NULL
    GROUP BY y.actor_id
),
most_named_all AS MATERIALIZED (
    SELECT actor_id FROM all_named WHERE (SELECT lim FROM p) <= 200
    ORDER BY n DESC LIMIT (SELECT max(lim, 1) + 10 FROM p)
),
floor_all AS MATERIALIZED (
    SELECT coalesce((SELECT c.articles FROM most_named_all x CROSS JOIN co_mentions c ON c.a_id = x.actor_id
                     WHERE c.b_id IN (SELECT actor_id FROM most_named_all)
                     ORDER BY 1 DESC LIMIT 1 OFFSET (SELECT max(lim, 1) - 1 FROM p)), 0) AS articles
),
eligible_all AS MATERIALIZED (
    SELECT actor_id FROM all_named WHERE n >= (SELECT articles FROM floor_all)
),
pairs_all AS MATERIALIZED (
    SELECT c.a_id, c.b_id, c.articles, c.sentences FROM p CROSS JOIN eligible_all x CROSS JOIN co_mentions c ON c.a_id = x.actor_id
    WHERE p.lim <= 200
      AND c.b_id IN (SELECT actor_id FROM eligible_all) AND c.articles >= (SELECT articles FROM floor_all)
),
-- (A list longer than 200 reads every pair: fewer of them fall below the floor.)
cut_all AS (
    SELECT articles FROM (SELECT articles FROM pairs_all
                          UNION ALL
                          SELECT c.articles FROM p CROSS JOIN co_mentions c
                          WHERE NOT EXISTS (SELECT 1 FROM dated) AND p.actor IS NULL AND p.lim > 200)
    ORDER BY articles DESC LIMIT 1 OFFSET (SELECT max(lim, 1) - 1 FROM p)
),
undated AS (
    SELECT c.a_id, c.b_id, c.articles, c.sentences FROM co_mentions c
    WHERE NOT EXISTS (SELECT 1 FROM dated) AND c.a_id IN (SELECT id FROM who)
    UNION ALL
    SELECT c.a_id, c.b_id, c.articles, c.sentences FROM co_mentions c INDEXED BY co_mentions_b
    WHERE NOT EXISTS (SELECT 1 FROM dated) AND c.b_id IN (SELECT id FROM who) AND c.a_id NOT IN (SELECT id FROM who)
    UNION ALL
    SELECT a_id, b_id, articles, sentences FROM pairs_all
    WHERE articles >= coalesce((SELECT articles FROM cut_all), 0)
    UNION ALL
    SELECT c.a_id, c.b_id, c.articles, c.sentences FROM p CROSS JOIN co_mentions c
    WHERE NOT EXISTS (SELECT 1 FROM dated) AND p.actor IS NULL AND p.lim > 200
      AND c.articles >= coalesce((SELECT articles FROM cut_all), 0)
),
-- Within a period, from the mentions of the period's articles. With :actor, the articles that
-- name it are found from whichever side costs less: :actor's mentions (the (actor, article)
-- index), their articles kept when they are of the period; or the period's articles (the date
-- index), kept when one of their mentions is of :actor. `plan` weighs the two in rows read:
-- :actor's mentions and five per article (a lookup), from actor_years, against 25 per article of
-- the period (its mentions; measured: 4.5-8 µs an article against 0.26 µs a row), counting the
-- period's articles only up to where that side loses. A period's last day is `until` followed
-- by '~', which sorts after every character of an ISO date, so that the date index bounds it.
-- (`plan` has a row only when :actor and a period are given: read first, it keeps SQLite from
-- reading :actor's mentions otherwise.)
bounds AS (
    SELECT coalesce(p.since, '') AS first_on, coalesce(p.until || '~', '~') AS last_on FROM p
),
actor_side AS MATERIALIZED (
    SELECT (coalesce(sum(y.mentions), 0) + 5 * coalesce(sum(y.articles), 0) + 24) / 25 AS articles
    FROM who w JOIN actor_years y ON y.actor_id = w.id
),
plan AS MATERIALIZED (
    -- (The period reaches the actor side's count when it has an article at that offset.)
    SELECT NOT EXISTS (SELECT 1 FROM bounds b CROSS JOIN articles ar INDEXED BY articles_published
                       WHERE ar.published_on >= b.first_on AND ar.published_on <= b.last_on
                       LIMIT 1 OFFSET (SELECT articles FROM actor_side) - 1) AS by_period
    FROM p WHERE p.actor IS NOT NULL AND (p.since IS NOT NULL OR p.until IS NOT NULL)
),
period AS (
    -- (plan first: its terms are tested once, before any article is read.)
    SELECT ar.id FROM plan CROSS JOIN bounds b CROSS JOIN articles ar
    WHERE NOT plan.by_period
      AND ar.id IN (SELECT m.article_id FROM mentions m WHERE m.actor_id IN (SELECT id FROM who))
      AND ar.published_on >= b.first_on AND ar.published_on <= b.last_on
    UNION ALL
    SELECT ar.id FROM plan CROSS JOIN bounds b CROSS JOIN articles ar INDEXED BY articles_published
    WHERE plan.by_period
      AND ar.published_on >= b.first_on AND ar.published_on <= b.last_on
      -- (+: the article's mentions are read and tested, not looked up once per actor of :actor.)
      AND EXISTS (SELECT 1 FROM mentions m INDEXED BY mentions_article
                  WHERE m.article_id = ar.id AND +m.actor_id IN (SELECT id FROM who))
    UNION ALL
    SELECT ar.id FROM p CROSS JOIN bounds b CROSS JOIN articles ar INDEXED BY articles_published
    WHERE p.actor IS NULL AND (p.since IS NOT NULL OR p.until IS NOT NULL)
      AND ar.published_on >= b.first_on AND ar.published_on <= b.last_on
),
-- Article pairs are counted from the distinct actors of each article; pairing every mention
-- of an article with every other would grow with the square of the mentions.
am AS (
    SELECT DISTINCT m.article_id, m.actor_id FROM mentions m
    WHERE m.article_id IN (SELECT id FROM period)
),
-- :actor's actors in each article of the period (several when :actor is a country's code).
xa AS (
    SELECT DISTINCT am.actor_id AS x, am.article_id FROM am WHERE am.actor_id IN (SELECT id FROM who)
),
single AS (
    SELECT id FROM who WHERE (SELECT count(*) FROM who) = 1
),
pairs AS (
    -- :actor is one actor (the usual case): the other actors of its articles, counted.
    SELECT min(w.id, am.actor_id) AS a_id, max(w.id, am.actor_id) AS b_id, count(*) AS articles
    FROM single w CROSS JOIN am
    WHERE am.actor_id <> w.id
    GROUP BY am.actor_id
    UNION ALL
    -- :actor is several actors (a country's code): each of them in an article, with each other
    -- actor of that article.
    SELECT min(xa.x, am.actor_id), max(xa.x, am.actor_id), count(*)
    FROM xa JOIN am ON am.article_id = xa.article_id
    WHERE NOT EXISTS (SELECT 1 FROM single)
      AND am.actor_id <> xa.x AND (xa.x < am.actor_id OR am.actor_id NOT IN (SELECT id FROM who))
    GROUP BY 1, 2
    UNION ALL
    SELECT x.actor_id, y.actor_id, count(*)
    FROM am x JOIN am y ON y.article_id = x.article_id AND y.actor_id > x.actor_id
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
    GROUP BY x.actor_id, y.actor_id
),
-- Sentence pairs with :actor, the same way over the sentences that mention it, in one pass.
-- (From xa: each of :actor's actors is looked up in the articles that name it, not in every
-- article of the period; a country's code has a hundred actors and more.)
xs AS (
    SELECT DISTINCT xa.x, m.sentence_id
    FROM xa CROSS JOIN mentions m INDEXED BY mentions_actor ON m.actor_id = xa.x AND m.article_id = xa.article_id
),
sm AS (
    SELECT m.sentence_id, m.actor_id FROM mentions m
    WHERE m.sentence_id IN (SELECT sentence_id FROM xs)
    GROUP BY 1, 2
),
sentence_pairs AS (
    SELECT min(w.id, sm.actor_id) AS a_id, max(w.id, sm.actor_id) AS b_id, count(*) AS sentences
    FROM single w CROSS JOIN sm
    WHERE sm.actor_id <> w.id
    GROUP BY sm.actor_id
    UNION ALL
    SELECT min(xs.x, sm.actor_id), max(xs.x, sm.actor_id), count(*)
    FROM xs JOIN sm ON sm.sentence_id = xs.sentence_id
    WHERE NOT EXISTS (SELECT 1 FROM single)
      AND sm.actor_id <> xs.x AND (xs.x < sm.actor_id OR sm.actor_id NOT IN (SELECT id FROM who))
    GROUP BY 1, 2
),
-- Without :actor, sentences are counted for the leading pairs only (every pair tied with the
-- last one kept).
cut AS (
    SELECT articles FROM pairs ORDER BY articles DESC LIMIT 1 OFFSET (SELECT max(lim, 1) - 1 FROM p)
),
top AS (
    SELECT pairs.*, coalesce(sp.sentences, 0) AS sentences
    FROM pairs LEFT JOIN sentence_pairs sp ON sp.a_id = pairs.a_id AND sp.b_id = pairs.b_id
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NOT NULL
    UNION ALL
    SELECT pairs.*,
           (SELECT count(DISTINCT x.sentence_id)
            FROM mentions x JOIN mentions y ON y.sentence_id = x.sentence_id AND y.actor_id = pairs.a_id
            WHERE x.actor_id = pairs.b_id AND x.article_id IN (SELECT id FROM period)) AS sentences
    FROM pairs
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
      AND pairs.articles >= coalesce((SELECT articles FROM cut), 0)
),
found AS (
    SELECT a_id, b_id, articles, sentences FROM undated
    UNION ALL
    SELECT a_id, b_id, articles, sentences FROM top
),
-- Names are read for the leading rows only (ties with the last one kept).
lead AS (
    SELECT articles FROM found ORDER BY articles DESC LIMIT 1 OFFSET (SELECT max(lim, 1) - 1 FROM p)
)
SELECT a.name AS actor_a, b.name AS actor_b, r.articles, r.sentences
FROM found r
JOIN actors a ON a.id = r.a_id
JOIN actors b ON b.id = r.b_id
WHERE r.articles >= coalesce((SELECT articles FROM lead), 0)
ORDER BY r.articles DESC, r.sentences DESC, actor_a, actor_b
LIMIT (SELECT lim FROM p);
