-- 0007: irkb ingest fills the full-text indexes itself, once per batch.
--
-- An FTS5 table flushes its pending terms to disk at every statement savepoint, and an INSERT
-- whose trigger writes to FTS5 opens one: with the 0004 triggers every article and quote became
-- its own index segment, merged again and again (a quarter of the writer's time). The insert
-- triggers now stand aside while ingest_state.fts_deferred is 1. irkb sets it to 1 only inside
-- its own ingest transaction and, before that transaction commits, indexes the batch's new rows
-- in one statement and sets it back to 0: a committed database always has it at 0, so every
-- other writer (sqlite3, Datasette, sqlite-utils) keeps the triggers as before. Updates and
-- deletes keep their triggers unconditionally.

CREATE TABLE ingest_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),   -- one row
    fts_deferred  INTEGER NOT NULL DEFAULT 0 CHECK (fts_deferred IN (0, 1))
                                                      -- 1 only inside an irkb ingest transaction
) STRICT;
INSERT INTO ingest_state(id, fts_deferred) VALUES (1, 0);

DROP TRIGGER articles_ai;
CREATE TRIGGER articles_ai AFTER INSERT ON articles
WHEN (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;

DROP TRIGGER quotes_ai;
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes
WHEN (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_description) VALUES (new.id, new.text, new.speaker_description);
END;
