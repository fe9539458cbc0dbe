-- 0014: a summary of co-mentions, for the co-mentions query: for each pair of actors named in
-- the same article, in how many articles and in how many sentences both are mentioned.
--
-- Without it, "who is named with Russia" reads the distinct actors of every article that names
-- Russia (most of them, in a wire archive) and of every sentence: 45 s at a million articles.
-- With it, the answer is an actor's rows of this table.
--
-- Kept exact for every writer by triggers on mentions (irkb's batch writer runs without
-- triggers: it counts each article's pairs as it writes them and adds them once per batch, see
-- Store+CoMentionSummary.swift). The counts cover all dates: co-mentions over a period counts
-- from the mentions themselves.
--
-- One row per unordered pair: a_id < b_id. Rows go when their article count reaches 0
-- (a sentence that names both is in an article that names both, so sentences <= articles).

CREATE TABLE co_mentions (
    a_id       INTEGER NOT NULL,         -- actors.id, the smaller of the two
    b_id       INTEGER NOT NULL,         -- actors.id, the larger
    articles   INTEGER NOT NULL,         -- articles that mention both
    sentences  INTEGER NOT NULL,         -- sentences that mention both
    PRIMARY KEY (a_id, b_id)
) STRICT, WITHOUT ROWID;

-- An actor's pairs are its rows as a_id (the key) and as b_id (this index).
CREATE INDEX co_mentions_b ON co_mentions(b_id, a_id);

-- The row rule, once: one mention (mention_id: the row, left out of the tests) added (sign 1) or
-- taken away (sign -1). The actor's first mention in an article pairs it with each other actor
-- of the article; its first mention in a sentence, with each other actor of the sentence.
CREATE VIEW co_mention_changes(actor_id, article_id, sentence_id, mention_id, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER co_mention_changes_ii INSTEAD OF INSERT ON co_mention_changes BEGIN
    INSERT INTO co_mentions(a_id, b_id, articles, sentences)
    SELECT min(new.actor_id, o.actor_id), max(new.actor_id, o.actor_id), new.sign, 0
    FROM (SELECT DISTINCT m.actor_id FROM mentions m
          WHERE m.article_id = new.article_id AND m.actor_id <> new.actor_id AND m.id <> new.mention_id) o
    WHERE NOT EXISTS (SELECT 1 FROM mentions m
                      WHERE m.article_id = new.article_id AND m.actor_id = new.actor_id AND m.id <> new.mention_id)
    ON CONFLICT(a_id, b_id) DO UPDATE SET articles = articles + excluded.articles;
    INSERT INTO co_mentions(a_id, b_id, articles, sentences)
    SELECT min(new.actor_id, o.actor_id), max(new.actor_id, o.actor_id), 0, new.sign
    FROM (SELECT DISTINCT m.actor_id FROM mentions m
          WHERE m.sentence_id = new.sentence_id AND m.actor_id <> new.actor_id AND m.id <> new.mention_id) o
    WHERE NOT EXISTS (SELECT 1 FROM mentions m
                      WHERE m.sentence_id = new.sentence_id AND m.actor_id = new.actor_id AND m.id <> new.mention_id)
    ON CONFLICT(a_id, b_id) DO UPDATE SET sentences = sentences + excluded.sentences;
    DELETE FROM co_mentions WHERE new.sign < 0 AND a_id = new.actor_id AND articles <= 0;
    DELETE FROM co_mentions WHERE new.sign < 0 AND b_id = new.actor_id AND articles <= 0;
END;

CREATE TRIGGER mentions_co_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO co_mention_changes VALUES (new.actor_id, new.article_id, new.sentence_id, new.id, 1);
END;

CREATE TRIGGER mentions_co_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO co_mention_changes VALUES (old.actor_id, old.article_id, old.sentence_id, old.id, -1);
END;

-- (The row already holds its new values when the old ones are taken away: the rule leaves the
-- row itself out of both tests.)
CREATE TRIGGER mentions_co_au AFTER UPDATE OF actor_id, article_id, sentence_id ON mentions
WHEN old.actor_id IS NOT new.actor_id OR old.article_id IS NOT new.article_id OR old.sentence_id IS NOT new.sentence_id BEGIN
    INSERT INTO co_mention_changes VALUES (old.actor_id, old.article_id, old.sentence_id, old.id, -1);
    INSERT INTO co_mention_changes VALUES (new.actor_id, new.article_id, new.sentence_id, new.id, 1);
END;

-- The pairs of the mentions already stored: the distinct actors of each article, paired, then
-- of each sentence.
CREATE TEMP TABLE co_mention_rebuild(a_id, b_id, articles, sentences);
INSERT INTO temp.co_mention_rebuild
SELECT x.actor_id, y.actor_id, 1, 0
FROM (SELECT DISTINCT article_id, actor_id FROM mentions) x
JOIN (SELECT DISTINCT article_id, actor_id FROM mentions) y ON y.article_id = x.article_id AND y.actor_id > x.actor_id;
INSERT INTO temp.co_mention_rebuild
SELECT x.actor_id, y.actor_id, 0, 1
FROM (SELECT DISTINCT sentence_id, actor_id FROM mentions) x
JOIN (SELECT DISTINCT sentence_id, actor_id FROM mentions) y ON y.sentence_id = x.sentence_id AND y.actor_id > x.actor_id;
INSERT INTO co_mentions(a_id, b_id, articles, sentences)
SELECT a_id, b_id, sum(articles), sum(sentences) FROM temp.co_mention_rebuild GROUP BY 1, 2;
DROP TABLE temp.co_mention_rebuild;
