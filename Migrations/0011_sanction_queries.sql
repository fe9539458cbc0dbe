-- 0011: a summary of the sanctions per year, for the two queries that count over all of a
-- target's or all imposers' measures: who-sanctions-whom sums the years of its period from it,
-- sanctions-in-force counts each measure (imposer, kind, party) from it.
--
-- Like the summaries of 0008 and 0009 it is kept exact for every writer by triggers (irkb's
-- batch writer runs without triggers and does the same work with grouped statements, see
-- Store+SanctionSummary.swift). Besides counts it keeps the first and last date of its rows:
-- an insert widens the span; a delete of a row at either end of it reads that row's span again
-- from the sanctions.
--
-- A measure's date is its own (stated_on), else its article's (published_on); its year key is
-- the first four characters of that date, '' for none. A period given to the year or coarser
-- is summed from whole years; within the year at either end of a period given to the month or
-- the day the queries count the sanctions themselves.
--
-- Per year, not per month: per month the rows would be nearly as many as the sanctions.
--
-- At the end, dyads' (b_id) index is widened with the count, for dyad-cooperation.

CREATE TABLE sanction_years (
    imposer_actor_id    INTEGER NOT NULL,  -- sanctions.imposer_actor_id, 0 for none
    target_actor_id     INTEGER NOT NULL,  -- sanctions.target_actor_id, 0 for none
    target_description  TEXT NOT NULL,     -- sanctions.target_description when there is no target actor, else ''
                                           -- ('' also for none: an empty description counts as none)
    target_country      TEXT NOT NULL,     -- sanctions.target_country, '' for none
    kind                TEXT NOT NULL,     -- sanctions.kind
    year                TEXT NOT NULL,     -- year key of coalesce(stated_on, articles.published_on), '' for none
    measures            INTEGER NOT NULL,  -- sanctions rows (rows go when this reaches 0)
    impose              INTEGER NOT NULL,  -- of them, per action
    extend              INTEGER NOT NULL,
    ease                INTEGER NOT NULL,
    lift                INTEGER NOT NULL,
    threaten            INTEGER NOT NULL,
    firm                INTEGER NOT NULL,  -- of them, neither conditional nor a threat (what sanctions-in-force weighs)
    first_on            TEXT,              -- earliest date of the rows (NULL when none is dated)
    last_on             TEXT,              -- latest date of the rows
    first_imposed_on    TEXT,              -- earliest date of the firm 'impose' rows
    last_firm_on        TEXT,              -- latest date of the firm rows
    PRIMARY KEY (imposer_actor_id, target_actor_id, target_description, target_country, kind, year)
) STRICT, WITHOUT ROWID;
-- A target's measures (per imposer and kind) from the index alone (sanctions-in-force), and the
-- rows aimed at a country (the few that carry one).
CREATE INDEX sanction_years_target ON sanction_years(target_actor_id, imposer_actor_id, kind, firm, first_imposed_on, last_firm_on);
CREATE INDEX sanction_years_country ON sanction_years(target_country) WHERE target_country <> '';

-- Reads the span of one sanction_years row again from the sanctions (run after a removal):
-- the dated rows of its year through sanctions_measures, the undated ones with their article.
CREATE VIEW sanction_year_bounds(imposer_actor_id, target_actor_id, target_description, target_country, kind, year) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER sanction_year_bounds_ii INSTEAD OF INSERT ON sanction_year_bounds BEGIN
    UPDATE sanction_years SET (first_on, last_on, first_imposed_on, last_firm_on) = (
        SELECT min(d.on_date), max(d.on_date),
               min(CASE WHEN d.firm AND d.action = 'impose' THEN d.on_date END), max(CASE WHEN d.firm THEN d.on_date END)
        FROM (SELECT x.stated_on AS on_date, x.action, x.conditional = 0 AND x.action <> 'threaten' AS firm
              FROM sanctions x INDEXED BY sanctions_measures
              WHERE x.target_actor_id IS nullif(new.target_actor_id, 0) AND x.imposer_actor_id IS nullif(new.imposer_actor_id, 0)
                AND x.kind = new.kind AND new.year <> ''
                AND x.stated_on >= new.year AND x.stated_on < new.year || '~' AND substr(x.stated_on, 1, 4) = new.year
                AND coalesce(x.target_country, '') = new.target_country
                AND (x.target_actor_id IS NOT NULL OR coalesce(x.target_description, '') = new.target_description)
              UNION ALL
              SELECT ar.published_on, x.action, x.conditional = 0 AND x.action <> 'threaten'
              FROM sanctions x INDEXED BY sanctions_measures JOIN articles ar ON ar.id = x.article_id
              WHERE x.target_actor_id IS nullif(new.target_actor_id, 0) AND x.imposer_actor_id IS nullif(new.imposer_actor_id, 0)
                AND x.kind = new.kind AND x.stated_on IS NULL AND substr(coalesce(ar.published_on, ''), 1, 4) = new.year
                AND coalesce(x.target_country, '') = new.target_country
                AND (x.target_actor_id IS NOT NULL OR coalesce(x.target_description, '') = new.target_description)) d)
    WHERE imposer_actor_id = new.imposer_actor_id AND target_actor_id = new.target_actor_id
      AND target_description = new.target_description AND target_country = new.target_country
      AND kind = new.kind AND year = new.year;
END;

-- The row rule, once: one sanction's contribution added (sign 1) or taken away (sign -1).
-- on_date is the sanction's date, else its article's.
CREATE VIEW sanction_year_changes(imposer_actor_id, target_actor_id, target_description, target_country, kind, action,
                                  conditional, on_date, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER sanction_year_changes_ii INSTEAD OF INSERT ON sanction_year_changes BEGIN
    INSERT INTO sanction_years(imposer_actor_id, target_actor_id, target_description, target_country, kind, year,
                               measures, impose, extend, ease, lift, threaten, firm,
                               first_on, last_on, first_imposed_on, last_firm_on)
    VALUES (coalesce(new.imposer_actor_id, 0), coalesce(new.target_actor_id, 0),
            CASE WHEN new.target_actor_id IS NULL THEN coalesce(new.target_description, '') ELSE '' END,
            coalesce(new.target_country, ''), new.kind, substr(coalesce(new.on_date, ''), 1, 4),
            new.sign, new.sign * (new.action = 'impose'), new.sign * (new.action = 'extend'),
            new.sign * (new.action = 'ease'), new.sign * (new.action = 'lift'), new.sign * (new.action = 'threaten'),
            new.sign * (new.conditional = 0 AND new.action <> 'threaten'),
            new.on_date, new.on_date,
            CASE WHEN new.conditional = 0 AND new.action = 'impose' THEN new.on_date END,
            CASE WHEN new.conditional = 0 AND new.action <> 'threaten' THEN new.on_date END)
    ON CONFLICT(imposer_actor_id, target_actor_id, target_description, target_country, kind, year) DO UPDATE SET
        measures = measures + excluded.measures,
        impose = impose + excluded.impose, extend = extend + excluded.extend, ease = ease + excluded.ease,
        lift = lift + excluded.lift, threaten = threaten + excluded.threaten, firm = firm + excluded.firm,
        first_on = CASE WHEN excluded.measures < 0 OR excluded.first_on IS NULL THEN first_on
                        WHEN first_on IS NULL THEN excluded.first_on ELSE min(first_on, excluded.first_on) END,
        last_on = CASE WHEN excluded.measures < 0 OR excluded.last_on IS NULL THEN last_on
                       WHEN last_on IS NULL THEN excluded.last_on ELSE max(last_on, excluded.last_on) END,
        first_imposed_on = CASE WHEN excluded.measures < 0 OR excluded.first_imposed_on IS NULL THEN first_imposed_on
                                WHEN first_imposed_on IS NULL THEN excluded.first_imposed_on
                                ELSE min(first_imposed_on, excluded.first_imposed_on) END,
        last_firm_on = CASE WHEN excluded.measures < 0 OR excluded.last_firm_on IS NULL THEN last_firm_on
                            WHEN last_firm_on IS NULL THEN excluded.last_firm_on ELSE max(last_firm_on, excluded.last_firm_on) END;
    DELETE FROM sanction_years
    WHERE new.sign < 0 AND measures <= 0
      AND imposer_actor_id = coalesce(new.imposer_actor_id, 0) AND target_actor_id = coalesce(new.target_actor_id, 0)
      AND target_description = CASE WHEN new.target_actor_id IS NULL THEN coalesce(new.target_description, '') ELSE '' END
      AND target_country = coalesce(new.target_country, '') AND kind = new.kind
      AND year = substr(coalesce(new.on_date, ''), 1, 4);
    -- A removed sanction at either end of its row's spans: the spans are read again from the sanctions left.
    INSERT INTO sanction_year_bounds
    SELECT imposer_actor_id, target_actor_id, target_description, target_country, kind, year FROM sanction_years
    WHERE new.sign < 0
      AND imposer_actor_id = coalesce(new.imposer_actor_id, 0) AND target_actor_id = coalesce(new.target_actor_id, 0)
      AND target_description = CASE WHEN new.target_actor_id IS NULL THEN coalesce(new.target_description, '') ELSE '' END
      AND target_country = coalesce(new.target_country, '') AND kind = new.kind
      AND year = substr(coalesce(new.on_date, ''), 1, 4)
      AND new.on_date IN (first_on, last_on, first_imposed_on, last_firm_on);
END;

-- sanctions ---------------------------------------------------------------------------------

CREATE TRIGGER sanctions_year_ai AFTER INSERT ON sanctions BEGIN
    INSERT INTO sanction_year_changes
    SELECT new.imposer_actor_id, new.target_actor_id, new.target_description, new.target_country, new.kind, new.action,
           new.conditional, coalesce(new.stated_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER sanctions_year_ad AFTER DELETE ON sanctions BEGIN
    INSERT INTO sanction_year_changes
    SELECT old.imposer_actor_id, old.target_actor_id, old.target_description, old.target_country, old.kind, old.action,
           old.conditional, coalesce(old.stated_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
END;

-- (Deleting an actor sets its sanctions' imposer or target to NULL: this trigger moves them.)
CREATE TRIGGER sanctions_year_au
AFTER UPDATE OF imposer_actor_id, target_actor_id, target_description, target_country, kind, action, conditional,
                stated_on, article_id ON sanctions BEGIN
    INSERT INTO sanction_year_changes
    SELECT old.imposer_actor_id, old.target_actor_id, old.target_description, old.target_country, old.kind, old.action,
           old.conditional, coalesce(old.stated_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
    INSERT INTO sanction_year_changes
    SELECT new.imposer_actor_id, new.target_actor_id, new.target_description, new.target_country, new.kind, new.action,
           new.conditional, coalesce(new.stated_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

-- Deleting an article deletes its sanctions first: their trigger reads its date, which a
-- cascade (run after the article is gone) could not.
CREATE TRIGGER articles_sanction_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM sanctions WHERE article_id = old.id;
END;

-- A new publication date moves the article's sanctions dated by it (when a span is read again
-- after the removal, those sanctions already have the new date).
CREATE TRIGGER articles_sanction_au AFTER UPDATE OF published_on ON articles
WHEN old.published_on IS NOT new.published_on BEGIN
    INSERT INTO sanction_year_changes
    SELECT x.imposer_actor_id, x.target_actor_id, x.target_description, x.target_country, x.kind, x.action,
           x.conditional, old.published_on, -1
    FROM sanctions x WHERE x.article_id = new.id AND x.stated_on IS NULL;
    INSERT INTO sanction_year_changes
    SELECT x.imposer_actor_id, x.target_actor_id, x.target_description, x.target_country, x.kind, x.action,
           x.conditional, new.published_on, 1
    FROM sanctions x WHERE x.article_id = new.id AND x.stated_on IS NULL;
END;

-- The summary of the sanctions already stored.
INSERT INTO sanction_years(imposer_actor_id, target_actor_id, target_description, target_country, kind, year,
                           measures, impose, extend, ease, lift, threaten, firm,
                           first_on, last_on, first_imposed_on, last_firm_on)
SELECT coalesce(x.imposer_actor_id, 0), coalesce(x.target_actor_id, 0),
       CASE WHEN x.target_actor_id IS NULL THEN coalesce(x.target_description, '') ELSE '' END,
       coalesce(x.target_country, ''), x.kind, substr(coalesce(x.on_date, ''), 1, 4),
       count(*), sum(x.action = 'impose'), sum(x.action = 'extend'), sum(x.action = 'ease'), sum(x.action = 'lift'),
       sum(x.action = 'threaten'), sum(x.conditional = 0 AND x.action <> 'threaten'),
       min(x.on_date), max(x.on_date),
       min(CASE WHEN x.conditional = 0 AND x.action = 'impose' THEN x.on_date END),
       max(CASE WHEN x.conditional = 0 AND x.action <> 'threaten' THEN x.on_date END)
FROM (SELECT s.*, coalesce(s.stated_on, (SELECT ar.published_on FROM articles ar WHERE ar.id = s.article_id)) AS on_date
      FROM sanctions s) x  -- (the article is read only for the sanctions without a date)
GROUP BY 1, 2, 3, 4, 5, 6;

-- dyad-cooperation over all dates ranks an actor's pairs by their events before it reads the
-- leading ones whole: the (b_id) index of dyads carries the count, so that the pairs where the
-- actor is the higher id are ranked from the index alone.
DROP INDEX dyads_b;
CREATE INDEX dyads_b ON dyads(b_id, events);
