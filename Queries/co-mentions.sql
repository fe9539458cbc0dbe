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
-- The articles of the period; with :actor, only those that mention it (read from the index).
arts AS (
    SELECT DISTINCT m.article_id AS id FROM mentions m
    WHERE m.actor_id IN (SELECT id FROM who)
    UNION ALL
    SELECT ar.id FROM articles ar WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
),
period AS (
    SELECT arts.id FROM arts
    CROSS JOIN p
    JOIN articles ar ON ar.id = arts.id
    WHERE (p.since IS NULL OR ar.published_on >= p.since)
      AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
),
-- Article pairs are counted from the distinct actors of each article; pairing every mention
-- of an article with every other would grow with the square of the mentions.
am AS (
    SELECT DISTINCT m.article_id, m.actor_id
    FROM period JOIN mentions m ON m.article_id = period.id
),
pairs AS (
    -- With :actor: each article's :actor mentioned with each other actor of it.
    SELECT min(x.actor_id, y.actor_id) AS a_id, max(x.actor_id, y.actor_id) AS b_id, count(*) AS articles
    FROM am x JOIN am y ON y.article_id = x.article_id AND y.actor_id <> x.actor_id
    WHERE x.actor_id IN (SELECT id FROM who)
      AND (x.actor_id < y.actor_id OR y.actor_id NOT IN (SELECT id FROM who))
    GROUP BY 1, 2
    UNION ALL
    SELECT x.actor_id, y.actor_id, count(*)
    FROM am x JOIN am y ON y.article_id = x.article_id AND y.actor_id > x.actor_id
    WHERE nullif(trim(CAST(:actor AS TEXT)), '') IS NULL
    GROUP BY x.actor_id, y.actor_id
),
-- Sentences are counted for the leading pairs only (every pair tied with the last one kept).
cut AS (
    SELECT articles FROM pairs ORDER BY articles DESC LIMIT 1 OFFSET (SELECT max(lim, 1) - 1 FROM p)
),
top AS (
    SELECT pairs.*,
           (SELECT count(DISTINCT x.sentence_id)
            FROM mentions x JOIN mentions y ON y.sentence_id = x.sentence_id AND y.actor_id = pairs.a_id
            WHERE x.actor_id = pairs.b_id AND x.article_id IN (SELECT id FROM period)) AS sentences
    FROM pairs
    WHERE pairs.articles >= coalesce((SELECT articles FROM cut), 0)
)
SELECT a.name AS actor_a, b.name AS actor_b, top.articles, top.sentences
FROM top
JOIN actors a ON a.id = top.a_id
JOIN actors b ON b.id = top.b_id
ORDER BY top.articles DESC, top.sentences DESC, actor_a, actor_b
LIMIT (SELECT lim FROM p);
