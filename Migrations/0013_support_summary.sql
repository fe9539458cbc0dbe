-- 0013: a summary of the support events per year, for backers: who supports which party of a
-- conflict, listed over all of a conflict's parties (or all conflicts) from it instead of from
-- the events.
--
-- The events it counts are those backers counts: a support code (praise, verbal defence,
-- rallying support and recognition 050-054, material cooperation 06, aid 07, pledges of aid
-- 033x; the ranges of events_support, 0012), reported as held or scheduled (mode asserted or
-- future), with a source (the backer) and a target (the party) that differ.
--
-- Like sanction_years (0011) it is kept exact for every writer by triggers (irkb's batch writer
-- runs without triggers and does the same work with grouped statements, see
-- Store+SupportSummary.swift), and it keeps the first and last date of its rows: an insert
-- widens the span; a delete of an event at either end of it reads that row's span again from
-- the events.
--
-- An event's date is its own (occurred_on), else its article's (published_on); its year key is
-- the first four characters of that date, '' for none. A :since given to the year or coarser is
-- summed from whole years; within the year of a :since given to the month or the day backers
-- counts the events themselves.
--
-- Keyed by party first: backers reads a party's backers, per backer in CAMEO code order.

CREATE TABLE support_years (
    party_actor_id    INTEGER NOT NULL,  -- events.target_actor_id
    backer_actor_id   INTEGER NOT NULL,  -- events.source_actor_id
    cameo_code        TEXT NOT NULL,     -- events.cameo_code (a support code)
    year              TEXT NOT NULL,     -- year key of coalesce(occurred_on, articles.published_on), '' for none
    events            INTEGER NOT NULL,  -- events (rows go when this reaches 0)
    goldstein_tenths  INTEGER NOT NULL,  -- sum of round(goldstein * 10) of their codes
    first_on          TEXT,              -- earliest date of the events (NULL when none is dated)
    last_on           TEXT,              -- latest date of the events
    PRIMARY KEY (party_actor_id, backer_actor_id, cameo_code, year)
) STRICT, WITHOUT ROWID;

-- Reads the span of one support_years row again from the events (run after a removal): the
-- dated events of its year and the undated ones with their article, both through events_target
-- (target, source, occurred_on).
CREATE VIEW support_year_bounds(party_actor_id, backer_actor_id, cameo_code, year) AS
SELECT NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER support_year_bounds_ii INSTEAD OF INSERT ON support_year_bounds BEGIN
    UPDATE support_years SET (first_on, last_on) = (
        SELECT min(d.on_date), max(d.on_date)
        FROM (SELECT e.occurred_on AS on_date
              FROM events e INDEXED BY events_target
              WHERE e.target_actor_id = new.party_actor_id AND e.source_actor_id = new.backer_actor_id
                AND new.year <> '' AND e.occurred_on >= new.year AND e.occurred_on < new.year || '~'
                AND substr(e.occurred_on, 1, 4) = new.year
                AND e.cameo_code = new.cameo_code AND e.mode IN ('asserted', 'future')
              UNION ALL
              SELECT ar.published_on
              FROM events e INDEXED BY events_target JOIN articles ar ON ar.id = e.article_id
              WHERE e.target_actor_id = new.party_actor_id AND e.source_actor_id = new.backer_actor_id
                AND e.occurred_on IS NULL AND substr(coalesce(ar.published_on, ''), 1, 4) = new.year
                AND e.cameo_code = new.cameo_code AND e.mode IN ('asserted', 'future')) d)
    WHERE party_actor_id = new.party_actor_id AND backer_actor_id = new.backer_actor_id
      AND cameo_code = new.cameo_code AND year = new.year;
END;

-- The row rule, once: one event's contribution added (sign 1) or taken away (sign -1), if it is
-- one that backers counts. on_date is the event's date, else its article's.
CREATE VIEW support_year_changes(source_actor_id, target_actor_id, cameo_code, mode, on_date, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER support_year_changes_ii INSTEAD OF INSERT ON support_year_changes
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id <> new.target_actor_id
 AND ((new.cameo_code >= '05' AND new.cameo_code <= '054') OR (new.cameo_code >= '06' AND new.cameo_code < '08')
      OR (new.cameo_code >= '033' AND new.cameo_code < '034')) BEGIN
    INSERT INTO support_years(party_actor_id, backer_actor_id, cameo_code, year, events, goldstein_tenths, first_on, last_on)
    SELECT new.target_actor_id, new.source_actor_id, new.cameo_code, substr(coalesce(new.on_date, ''), 1, 4),
           new.sign, new.sign * CAST(round(c.goldstein * 10) AS INTEGER), new.on_date, new.on_date
    FROM cameo_codes c WHERE c.code = new.cameo_code
    ON CONFLICT(party_actor_id, backer_actor_id, cameo_code, year) DO UPDATE SET
        events = events + excluded.events,
        goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths,
        first_on = CASE WHEN excluded.events < 0 OR excluded.first_on IS NULL THEN first_on
                        WHEN first_on IS NULL THEN excluded.first_on ELSE min(first_on, excluded.first_on) END,
        last_on = CASE WHEN excluded.events < 0 OR excluded.last_on IS NULL THEN last_on
                       WHEN last_on IS NULL THEN excluded.last_on ELSE max(last_on, excluded.last_on) END;
    DELETE FROM support_years
    WHERE new.sign < 0 AND events <= 0
      AND party_actor_id = new.target_actor_id AND backer_actor_id = new.source_actor_id
      AND cameo_code = new.cameo_code AND year = substr(coalesce(new.on_date, ''), 1, 4);
    -- A removed event at either end of its row's span: the span is read again from the events left.
    INSERT INTO support_year_bounds
    SELECT party_actor_id, backer_actor_id, cameo_code, year FROM support_years
    WHERE new.sign < 0
      AND party_actor_id = new.target_actor_id AND backer_actor_id = new.source_actor_id
      AND cameo_code = new.cameo_code AND year = substr(coalesce(new.on_date, ''), 1, 4)
      AND new.on_date IN (first_on, last_on);
END;

-- events ------------------------------------------------------------------------------------
-- (The support condition is repeated in the insert and delete triggers' WHEN, so that the
-- other events do not call a trigger program at all.)

CREATE TRIGGER events_support_ai AFTER INSERT ON events
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id <> new.target_actor_id
 AND ((new.cameo_code >= '05' AND new.cameo_code <= '054') OR (new.cameo_code >= '06' AND new.cameo_code < '08')
      OR (new.cameo_code >= '033' AND new.cameo_code < '034')) BEGIN
    INSERT INTO support_year_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, new.mode, coalesce(new.occurred_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER events_support_ad AFTER DELETE ON events
WHEN old.mode IN ('asserted', 'future') AND old.source_actor_id <> old.target_actor_id
 AND ((old.cameo_code >= '05' AND old.cameo_code <= '054') OR (old.cameo_code >= '06' AND old.cameo_code < '08')
      OR (old.cameo_code >= '033' AND old.cameo_code < '034')) BEGIN
    INSERT INTO support_year_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, old.mode, coalesce(old.occurred_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
END;

-- (Deleting an actor sets its events' source or target to NULL: this trigger takes them out.)
CREATE TRIGGER events_support_au
AFTER UPDATE OF source_actor_id, target_actor_id, cameo_code, mode, occurred_on, article_id ON events BEGIN
    INSERT INTO support_year_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, old.mode, coalesce(old.occurred_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
    INSERT INTO support_year_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, new.mode, coalesce(new.occurred_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

-- (Deleting an article deletes its events first, 0008's articles_summary_bd: their triggers
-- read its date.)

-- A new publication date moves the article's support events dated by it (when a span is read
-- again after the removal, those events already have the new date).
CREATE TRIGGER articles_support_au AFTER UPDATE OF published_on ON articles
WHEN old.published_on IS NOT new.published_on BEGIN
    INSERT INTO support_year_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, e.mode, old.published_on, -1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
    INSERT INTO support_year_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, e.mode, new.published_on, 1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
END;

-- The summary of the events already stored, read through events_support (0012), whose WHERE
-- this condition repeats.
INSERT INTO support_years(party_actor_id, backer_actor_id, cameo_code, year, events, goldstein_tenths, first_on, last_on)
SELECT e.target_actor_id, e.source_actor_id, e.cameo_code, substr(coalesce(e.occurred_on, ar.published_on, ''), 1, 4),
       count(*), sum(CAST(round(c.goldstein * 10) AS INTEGER)),
       min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
WHERE ((e.cameo_code >= '05' AND e.cameo_code <= '054') OR (e.cameo_code >= '06' AND e.cameo_code < '08')
       OR (e.cameo_code >= '033' AND e.cameo_code < '034'))
  AND e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
GROUP BY 1, 2, 3, 4;
