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
-- Article pairs and sentence pairs are counted apart: pairing every mention of an article
-- with every other would grow with the square of the mentions.
am AS (
    SELECT DISTINCT m.article_id, m.actor_id
    FROM mentions m
    CROSS JOIN p
    JOIN articles ar ON ar.id = m.article_id
    WHERE (p.since IS NULL OR ar.published_on >= p.since)
      AND (p.until IS NULL OR substr(ar.published_on, 1, length(p.until)) <= p.until)
),
sm AS (
    SELECT DISTINCT m.sentence_id, m.actor_id
    FROM mentions m
    WHERE m.article_id IN (SELECT article_id FROM am)
),
pairs AS (
    SELECT x.actor_id AS a_id, y.actor_id AS b_id, count(*) AS articles
    FROM am x JOIN am y ON y.article_id = x.article_id AND y.actor_id > x.actor_id
    CROSS JOIN p
    WHERE p.actor IS NULL OR x.actor_id IN (SELECT id FROM who) OR y.actor_id IN (SELECT id FROM who)
    GROUP BY x.actor_id, y.actor_id
),
sentence_pairs AS (
    SELECT x.actor_id AS a_id, y.actor_id AS b_id, count(*) AS sentences
    FROM sm x JOIN sm y ON y.sentence_id = x.sentence_id AND y.actor_id > x.actor_id
    GROUP BY x.actor_id, y.actor_id
)
SELECT a.name AS actor_a, b.name AS actor_b, pairs.articles, coalesce(sp.sentences, 0) AS sentences
FROM pairs
LEFT JOIN sentence_pairs sp ON sp.a_id = pairs.a_id AND sp.b_id = pairs.b_id
JOIN actors a ON a.id = pairs.a_id
JOIN actors b ON b.id = pairs.b_id
ORDER BY pairs.articles DESC, sentences DESC, actor_a, actor_b
LIMIT (SELECT lim FROM p);
