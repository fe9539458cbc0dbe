-- 0015: the measures of each pair who-sanctions-whom ranks, so that it can find its busiest
-- pairs without summing every pair of the period.
--
-- who-sanctions-whom answers per pair: imposer, target name in any case (the target actor's
-- name, else the sanction's description), target country (the target actor's, else the
-- sanction's). Summing a period's rows of sanction_years (0011) for every pair before keeping the
-- 100 busiest took 130-190 ms at a million articles (some 20,000 pairs). With these two tables
-- it reads the pairs busiest over all dates first (a pair's measures over a period are at most
-- its measures over all dates), and the period's years of those pairs and of the pairs that may
-- still pass them.
--
-- Both are sums of sanction_years rows by pair, kept exact by triggers on sanction_years (and on
-- actors, whose name and country make a pair's key). irkb's batch writer runs without triggers
-- and keeps them with the same grouped statements as sanction_years (Store+SanctionSummary.swift).
-- A sanction_years row whose target actor no longer exists (deleted with foreign keys off) counts
-- as a row without target actor, as the query's join sees it.

CREATE TABLE sanction_pairs (
    imposer_actor_id  INTEGER NOT NULL,  -- sanction_years.imposer_actor_id, 0 for none
    target_key        TEXT NOT NULL,     -- lower(target actor's name, else target_description), '' for none
    country_key       TEXT NOT NULL,     -- target actor's country_code, else target_country, '' for none
    measures          INTEGER NOT NULL,  -- sanctions rows over all dates (rows go when this reaches 0)
    PRIMARY KEY (imposer_actor_id, target_key, country_key)
) STRICT, WITHOUT ROWID;
-- The busiest pairs first.
CREATE INDEX sanction_pairs_measures ON sanction_pairs(measures);

CREATE TABLE sanction_pair_years (
    imposer_actor_id  INTEGER NOT NULL,  -- as in sanction_pairs
    target_key        TEXT NOT NULL,
    country_key       TEXT NOT NULL,
    year              TEXT NOT NULL,     -- sanction_years.year ('' for none)
    measures          INTEGER NOT NULL,  -- sanctions rows of the year (rows go when this reaches 0)
    PRIMARY KEY (imposer_actor_id, target_key, country_key, year)
) STRICT, WITHOUT ROWID;

-- The row rule, once: measures added to (or, negative, taken from) a pair's year and total;
-- rows at 0 go.
CREATE VIEW sanction_pair_changes(imposer_actor_id, target_key, country_key, year, measures) AS
SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER sanction_pair_changes_ii INSTEAD OF INSERT ON sanction_pair_changes
WHEN new.measures <> 0 BEGIN
    INSERT INTO sanction_pair_years(imposer_actor_id, target_key, country_key, year, measures)
    VALUES (new.imposer_actor_id, new.target_key, new.country_key, new.year, new.measures)
    ON CONFLICT(imposer_actor_id, target_key, country_key, year) DO UPDATE SET measures = measures + excluded.measures;
    DELETE FROM sanction_pair_years
    WHERE imposer_actor_id = new.imposer_actor_id AND target_key = new.target_key AND country_key = new.country_key
      AND year = new.year AND measures <= 0;
    INSERT INTO sanction_pairs(imposer_actor_id, target_key, country_key, measures)
    VALUES (new.imposer_actor_id, new.target_key, new.country_key, new.measures)
    ON CONFLICT(imposer_actor_id, target_key, country_key) DO UPDATE SET measures = measures + excluded.measures;
    DELETE FROM sanction_pairs
    WHERE imposer_actor_id = new.imposer_actor_id AND target_key = new.target_key AND country_key = new.country_key
      AND measures <= 0;
END;

-- sanction_years: a row's pair is read with its target actor as it is now.

CREATE TRIGGER sanction_years_pair_ai AFTER INSERT ON sanction_years BEGIN
    INSERT INTO sanction_pair_changes
    SELECT new.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(new.target_description, ''))), ''),
           coalesce(t.country_code, nullif(new.target_country, ''), ''), new.year, new.measures
    FROM (SELECT 1) LEFT JOIN actors t ON t.id = new.target_actor_id;
END;

CREATE TRIGGER sanction_years_pair_ad AFTER DELETE ON sanction_years BEGIN
    INSERT INTO sanction_pair_changes
    SELECT old.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(old.target_description, ''))), ''),
           coalesce(t.country_code, nullif(old.target_country, ''), ''), old.year, -old.measures
    FROM (SELECT 1) LEFT JOIN actors t ON t.id = old.target_actor_id;
END;

CREATE TRIGGER sanction_years_pair_au
AFTER UPDATE OF imposer_actor_id, target_actor_id, target_description, target_country, year, measures ON sanction_years BEGIN
    INSERT INTO sanction_pair_changes
    SELECT old.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(old.target_description, ''))), ''),
           coalesce(t.country_code, nullif(old.target_country, ''), ''), old.year, -old.measures
    FROM (SELECT 1) LEFT JOIN actors t ON t.id = old.target_actor_id;
    INSERT INTO sanction_pair_changes
    SELECT new.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(new.target_description, ''))), ''),
           coalesce(t.country_code, nullif(new.target_country, ''), ''), new.year, new.measures
    FROM (SELECT 1) LEFT JOIN actors t ON t.id = new.target_actor_id;
END;

-- actors: a new name or country moves the actor's rows to their new pair; a deleted actor's
-- rows count as rows without target actor (before the delete: its sanctions, set to no target
-- by their foreign key after it, are then moved by sanction_years' triggers, which no longer
-- find the actor); an actor inserted with the id of rows left without one takes them back.

CREATE TRIGGER actors_sanction_pair_au AFTER UPDATE OF name, country_code ON actors
WHEN old.name IS NOT new.name OR old.country_code IS NOT new.country_code BEGIN
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, lower(old.name), coalesce(old.country_code, nullif(y.target_country, ''), ''), y.year, -y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = new.id;
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, lower(new.name), coalesce(new.country_code, nullif(y.target_country, ''), ''), y.year, y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = new.id;
END;

CREATE TRIGGER actors_sanction_pair_bd BEFORE DELETE ON actors BEGIN
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, lower(old.name), coalesce(old.country_code, nullif(y.target_country, ''), ''), y.year, -y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = old.id;
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, coalesce(lower(nullif(y.target_description, '')), ''), y.target_country, y.year, y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = old.id;
END;

CREATE TRIGGER actors_sanction_pair_ai AFTER INSERT ON actors BEGIN
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, coalesce(lower(nullif(y.target_description, '')), ''), y.target_country, y.year, -y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = new.id;
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, lower(new.name), coalesce(new.country_code, nullif(y.target_country, ''), ''), y.year, y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = new.id;
END;

-- The pairs of the sanctions already stored.
INSERT INTO sanction_pair_years(imposer_actor_id, target_key, country_key, year, measures)
SELECT y.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(y.target_description, ''))), ''),
       coalesce(t.country_code, nullif(y.target_country, ''), ''), y.year, sum(y.measures)
FROM sanction_years y LEFT JOIN actors t ON t.id = y.target_actor_id
GROUP BY 1, 2, 3, 4;

INSERT INTO sanction_pairs(imposer_actor_id, target_key, country_key, measures)
SELECT imposer_actor_id, target_key, country_key, sum(measures)
FROM sanction_pair_years
GROUP BY 1, 2, 3;
