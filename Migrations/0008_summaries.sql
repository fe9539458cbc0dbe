-- 0008: summary tables, so that the canned queries that count over an actor's or a period's
-- whole history read a few hundred rows instead of millions.
--
-- Each summary holds counts that add up: a query sums the months of its period from the
-- summary and counts from the detail tables only the month at each end of a period given to
-- the day. They are kept exact by triggers for every writer (sqlite3, Datasette, irkb):
--   * inserts add, deletes subtract, updates move a row's contribution;
--   * an article's date change moves its rows to the new month; a state's country change
--     moves its events; deleting an article deletes its mentions and events first, so that
--     their triggers still see the article's date (a cascade would not).
-- The insert triggers stand aside while ingest_state.fts_deferred is 1 (the flag of 0007,
-- which irkb sets only inside its own batch transaction): irkb then adds the batch's rows to
-- the summaries with one grouped statement per summary before it commits.
--
-- A month key is the first seven characters of an ISO date: '2015-05', or '2015' for a date
-- known to the year, or '' for none.

-- Mentions per actor and month of the article's publication date.
CREATE TABLE actor_months (
    actor_id  INTEGER NOT NULL,          -- actors.id (rows go when their counts reach 0)
    month     TEXT NOT NULL,             -- month key of articles.published_on
    mentions  INTEGER NOT NULL,          -- mention rows of the actor in that month's articles
    articles  INTEGER NOT NULL,          -- articles of that month that mention the actor
    PRIMARY KEY (actor_id, month)
) STRICT, WITHOUT ROWID;

-- Events reported as held or scheduled (mode asserted or future), per source country, month of
-- the event (its own date, else the article's) and CAMEO root: what events-by-root counts.
CREATE TABLE event_months (
    country           TEXT NOT NULL,     -- the source actor's country_code
    month             TEXT NOT NULL,     -- month key of coalesce(events.occurred_on, articles.published_on)
    root              TEXT NOT NULL,     -- CAMEO root, '01' to '20'
    events            INTEGER NOT NULL,
    goldstein_tenths  INTEGER NOT NULL,  -- sum of round(goldstein * 10) over the events
    PRIMARY KEY (country, month, root)
) STRICT, WITHOUT ROWID;

-- Row by row, every change goes through two views whose INSTEAD OF INSERT triggers add one
-- row's contribution (sign 1) or take it away (sign -1): the rules live there once, and the
-- triggers of mentions and events only say which rows changed.

-- One mention of actor_id in article_id (mention_id: the row, left out of the "first mention
-- of the actor in the article" test).
CREATE VIEW actor_month_changes(actor_id, article_id, mention_id, sign) AS
SELECT NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER actor_month_changes_ii INSTEAD OF INSERT ON actor_month_changes BEGIN
    INSERT INTO actor_months(actor_id, month, mentions, articles)
    SELECT new.actor_id, substr(coalesce(ar.published_on, ''), 1, 7), new.sign,
           new.sign * NOT EXISTS (SELECT 1 FROM mentions m
                                  WHERE m.article_id = new.article_id AND m.actor_id = new.actor_id AND m.id <> new.mention_id)
    FROM articles ar WHERE ar.id = new.article_id
    ON CONFLICT(actor_id, month) DO UPDATE SET mentions = mentions + excluded.mentions,
                                               articles = articles + excluded.articles;
    DELETE FROM actor_months
    WHERE new.sign < 0 AND actor_id = new.actor_id AND mentions <= 0
      AND month = (SELECT substr(coalesce(published_on, ''), 1, 7) FROM articles WHERE id = new.article_id);
END;

-- One event (counted only when held or scheduled, with a source of known country and a date).
CREATE VIEW event_month_changes(source_actor_id, article_id, cameo_code, occurred_on, mode, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER event_month_changes_ii INSTEAD OF INSERT ON event_month_changes
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id IS NOT NULL BEGIN
    INSERT INTO event_months(country, month, root, events, goldstein_tenths)
    SELECT s.country_code, substr(coalesce(new.occurred_on, ar.published_on), 1, 7), c.root,
           new.sign, new.sign * CAST(round(c.goldstein * 10) AS INTEGER)
    FROM actors s, articles ar, cameo_codes c
    WHERE s.id = new.source_actor_id AND ar.id = new.article_id AND c.code = new.cameo_code
      AND s.country_code IS NOT NULL AND coalesce(new.occurred_on, ar.published_on) IS NOT NULL
    ON CONFLICT(country, month, root) DO UPDATE SET events = events + excluded.events,
                                                    goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths;
    DELETE FROM event_months WHERE new.sign < 0 AND events <= 0 AND (country, month, root) = (
        SELECT s.country_code, substr(coalesce(new.occurred_on, ar.published_on), 1, 7), c.root
        FROM actors s, articles ar, cameo_codes c
        WHERE s.id = new.source_actor_id AND ar.id = new.article_id AND c.code = new.cameo_code);
END;

CREATE TRIGGER mentions_summary_ai AFTER INSERT ON mentions
WHEN (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO actor_month_changes VALUES (new.actor_id, new.article_id, new.id, 1);
END;

CREATE TRIGGER mentions_summary_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO actor_month_changes VALUES (old.actor_id, old.article_id, old.id, -1);
END;

CREATE TRIGGER mentions_summary_au AFTER UPDATE OF actor_id, article_id ON mentions
WHEN old.actor_id IS NOT new.actor_id OR old.article_id IS NOT new.article_id BEGIN
    INSERT INTO actor_month_changes VALUES (old.actor_id, old.article_id, old.id, -1);
    INSERT INTO actor_month_changes VALUES (new.actor_id, new.article_id, new.id, 1);
END;

CREATE TRIGGER events_summary_ai AFTER INSERT ON events
WHEN new.mode IN ('asserted', 'future') AND (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO event_month_changes VALUES (new.source_actor_id, new.article_id, new.cameo_code, new.occurred_on, new.mode, 1);
END;

CREATE TRIGGER events_summary_ad AFTER DELETE ON events WHEN old.mode IN ('asserted', 'future') BEGIN
    INSERT INTO event_month_changes VALUES (old.source_actor_id, old.article_id, old.cameo_code, old.occurred_on, old.mode, -1);
END;

CREATE TRIGGER events_summary_au AFTER UPDATE OF mode, source_actor_id, cameo_code, occurred_on, article_id ON events BEGIN
    INSERT INTO event_month_changes VALUES (old.source_actor_id, old.article_id, old.cameo_code, old.occurred_on, old.mode, -1);
    INSERT INTO event_month_changes VALUES (new.source_actor_id, new.article_id, new.cameo_code, new.occurred_on, new.mode, 1);
END;

-- articles and actors ---------------------------------------------------------------------

-- Deleting an article deletes its mentions and events first: their triggers read its date,
-- which a cascade (run after the article is gone) could not.
CREATE TRIGGER articles_summary_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM mentions WHERE article_id = old.id;
    DELETE FROM events WHERE article_id = old.id;
END;

-- A new publication date moves the article's mentions, and its events dated by it, to the new month.
CREATE TRIGGER articles_summary_au AFTER UPDATE OF published_on ON articles
WHEN old.published_on IS NOT new.published_on BEGIN
    UPDATE actor_months
    SET mentions = actor_months.mentions - d.n, articles = actor_months.articles - 1
    FROM (SELECT actor_id, count(*) AS n FROM mentions WHERE article_id = new.id GROUP BY actor_id) AS d
    WHERE actor_months.actor_id = d.actor_id AND actor_months.month = substr(coalesce(old.published_on, ''), 1, 7);
    DELETE FROM actor_months
    WHERE month = substr(coalesce(old.published_on, ''), 1, 7) AND mentions <= 0
      AND actor_id IN (SELECT actor_id FROM mentions WHERE article_id = new.id);
    INSERT INTO actor_months(actor_id, month, mentions, articles)
    SELECT actor_id, substr(coalesce(new.published_on, ''), 1, 7), count(*), 1
    FROM mentions WHERE article_id = new.id GROUP BY actor_id
    ON CONFLICT(actor_id, month) DO UPDATE SET mentions = mentions + excluded.mentions,
                                               articles = articles + excluded.articles;

    UPDATE event_months
    SET events = event_months.events - d.n, goldstein_tenths = event_months.goldstein_tenths - d.g
    FROM (SELECT s.country_code AS country, c.root, count(*) AS n, sum(CAST(round(c.goldstein * 10) AS INTEGER)) AS g
          FROM events e JOIN actors s ON s.id = e.source_actor_id JOIN cameo_codes c ON c.code = e.cameo_code
          WHERE e.article_id = new.id AND e.occurred_on IS NULL AND e.mode IN ('asserted', 'future')
          GROUP BY 1, 2) AS d
    WHERE event_months.country = d.country AND event_months.root = d.root
      AND event_months.month = substr(old.published_on, 1, 7);
    DELETE FROM event_months WHERE events <= 0 AND month = substr(old.published_on, 1, 7);
    INSERT INTO event_months(country, month, root, events, goldstein_tenths)
    SELECT s.country_code, substr(new.published_on, 1, 7), c.root, count(*), sum(CAST(round(c.goldstein * 10) AS INTEGER))
    FROM events e JOIN actors s ON s.id = e.source_actor_id JOIN cameo_codes c ON c.code = e.cameo_code
    WHERE e.article_id = new.id AND e.occurred_on IS NULL AND e.mode IN ('asserted', 'future')
      AND s.country_code IS NOT NULL AND new.published_on IS NOT NULL
    GROUP BY 1, 2, 3
    ON CONFLICT(country, month, root) DO UPDATE SET events = events + excluded.events,
                                                    goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths;
END;

-- The events an actor is the source of, moved from one country's counts to another's (either
-- may be NULL: none), set by set.
CREATE VIEW event_month_moves(actor_id, from_country, to_country) AS
SELECT NULL, NULL, NULL WHERE 0;

CREATE TRIGGER event_month_moves_ii INSTEAD OF INSERT ON event_month_moves BEGIN
    UPDATE event_months
    SET events = event_months.events - d.n, goldstein_tenths = event_months.goldstein_tenths - d.g
    FROM (SELECT substr(coalesce(e.occurred_on, ar.published_on), 1, 7) AS month, c.root,
                 count(*) AS n, sum(CAST(round(c.goldstein * 10) AS INTEGER)) AS g
          FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
          WHERE e.source_actor_id = new.actor_id AND e.mode IN ('asserted', 'future')
          GROUP BY 1, 2) AS d
    WHERE event_months.country = new.from_country AND event_months.month = d.month AND event_months.root = d.root;
    DELETE FROM event_months WHERE events <= 0 AND country = new.from_country;
    INSERT INTO event_months(country, month, root, events, goldstein_tenths)
    SELECT new.to_country, substr(coalesce(e.occurred_on, ar.published_on), 1, 7), c.root,
           count(*), sum(CAST(round(c.goldstein * 10) AS INTEGER))
    FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
    WHERE e.source_actor_id = new.actor_id AND e.mode IN ('asserted', 'future')
      AND new.to_country IS NOT NULL AND coalesce(e.occurred_on, ar.published_on) IS NOT NULL
    GROUP BY 2, 3
    ON CONFLICT(country, month, root) DO UPDATE SET events = events + excluded.events,
                                                    goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths;
END;

-- A new country for an actor moves the events it is the source of.
CREATE TRIGGER actors_summary_au AFTER UPDATE OF country_code ON actors
WHEN old.country_code IS NOT new.country_code BEGIN
    INSERT INTO event_month_moves VALUES (new.id, old.country_code, new.country_code);
END;

-- Deleting an actor takes its events out of the counts first (the events keep their rows, with
-- no source: ON DELETE SET NULL).
CREATE TRIGGER actors_summary_bd BEFORE DELETE ON actors BEGIN
    INSERT INTO event_month_moves VALUES (old.id, old.country_code, NULL);
END;

-- The summaries of the rows already stored.
INSERT INTO actor_months(actor_id, month, mentions, articles)
SELECT m.actor_id, substr(coalesce(ar.published_on, ''), 1, 7), count(*), count(DISTINCT m.article_id)
FROM mentions m JOIN articles ar ON ar.id = m.article_id
GROUP BY 1, 2;

INSERT INTO event_months(country, month, root, events, goldstein_tenths)
SELECT s.country_code, substr(coalesce(e.occurred_on, ar.published_on), 1, 7), c.root,
       count(*), sum(CAST(round(c.goldstein * 10) AS INTEGER))
FROM events e JOIN actors s ON s.id = e.source_actor_id JOIN articles ar ON ar.id = e.article_id
JOIN cameo_codes c ON c.code = e.cameo_code
WHERE e.mode IN ('asserted', 'future') AND s.country_code IS NOT NULL
  AND coalesce(e.occurred_on, ar.published_on) IS NOT NULL
GROUP BY 1, 2, 3;
