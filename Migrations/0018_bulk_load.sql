-- 0018: the state of a bulk load (`irkb ingest --bulk`), kept in the file so that an interrupted
-- load is finished by the next irkb that writes to it.
--
-- A bulk load drops the indexes of the per-article tables whose keys do not follow the article
-- (actors, pairs of actors, dates: each new row lands at a random place in them, about a page
-- written per row once the database outgrows the page cache), writes the articles with no
-- summary work, then builds those indexes again by sorting and recounts every summary. While this
-- table holds a row, the indexes and summaries are incomplete: irkb's readers refuse the file and
-- say why.

CREATE TABLE bulk_load (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),  -- one row at most
    started_at          TEXT NOT NULL,                       -- UTC, ISO 8601
    indexes             TEXT NOT NULL,                       -- JSON array of the CREATE INDEX statements dropped for the load
    summarized_through  INTEGER                              -- NULL while loading; while finishing, the last article id whose rows the rebuilt summaries hold
) STRICT;

-- Actors whose rows an updated article took away during the load: each is removed at the end if
-- nothing refers to it any more (the check reads the indexes the load dropped).
CREATE TABLE bulk_load_actors (
    actor_id  INTEGER PRIMARY KEY                            -- actors.id
) STRICT;
