-- 0009: more summary tables, for the canned queries that aggregate over an actor's events or
-- roles or over a conflict's reports: dyad-cooperation (over all dates) and actor-profile's
-- counterparts read dyads, role-holders and actor-profile's roles read role_spans, conflicts
-- reads conflict_counts and conflict_party_counts and finds each conflict's toll through
-- conflict_reports_toll, backers reads conflict_party_counts,
-- most-mentioned sums whole years from actor_years.
--
-- Like those of 0008 they are kept exact for every writer by triggers (irkb's batch writer runs
-- without triggers and does the same work with grouped statements). Besides counts they keep
-- the first and last date of their rows: an insert widens the span; a delete of a row that
-- was at either end of it recomputes that end from the detail table.
--
-- They have no month: per month, the pairs of actors would be nearly as many rows as the events.

-- Events between two different actors, reported as held or scheduled, per unordered pair.
-- An event's date is its own, else its article's.
CREATE TABLE dyads (
    a_id                  INTEGER NOT NULL,  -- the lower actors.id of the pair
    b_id                  INTEGER NOT NULL,  -- the higher actors.id of the pair
    events                INTEGER NOT NULL,  -- events in either direction (rows go when this reaches 0)
    verbal_cooperation    INTEGER NOT NULL,  -- of them, QuadClass 1
    material_cooperation  INTEGER NOT NULL,  -- QuadClass 2
    verbal_conflict       INTEGER NOT NULL,  -- QuadClass 3
    material_conflict     INTEGER NOT NULL,  -- QuadClass 4
    goldstein_tenths      INTEGER NOT NULL,  -- sum of round(goldstein * 10) over the events
    first_on              TEXT,              -- earliest date of the events (NULL when none is dated)
    last_on               TEXT,              -- latest date of the events
    PRIMARY KEY (a_id, b_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX dyads_b ON dyads(b_id);

-- What actor_roles says of each person's role, per (person, title, state served, body served).
CREATE TABLE role_spans (
    actor_id      INTEGER NOT NULL,          -- the person (actor_roles.actor_id)
    title         TEXT NOT NULL,             -- actor_roles.title
    country_code  TEXT NOT NULL,             -- actor_roles.country_code, '' for none
    of_actor_id   INTEGER NOT NULL,          -- actor_roles.of_actor_id, 0 for none
    articles      INTEGER NOT NULL,          -- actor_roles rows: one per article (rows go at 0)
    first_seen    TEXT,                      -- min(seen_on), NULL when no row is dated
    last_seen     TEXT,                      -- max(seen_on)
    PRIMARY KEY (actor_id, title, country_code, of_actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX role_spans_of ON role_spans(of_actor_id);
CREATE INDEX role_spans_title ON role_spans(title COLLATE NOCASE);

-- Mentions per actor and year of publication: actor_months added up by year, so that a long
-- period is summed from a few rows per actor (kept by triggers on actor_months itself).
CREATE TABLE actor_years (
    actor_id  INTEGER NOT NULL,          -- actors.id (rows go when their counts reach 0)
    year      TEXT NOT NULL,             -- first four characters of the month key, '' for none
    mentions  INTEGER NOT NULL,          -- sum of actor_months.mentions over the year
    articles  INTEGER NOT NULL,          -- sum of actor_months.articles over the year
    PRIMARY KEY (actor_id, year)
) STRICT, WITHOUT ROWID;

-- Casualty reports per conflict.
CREATE TABLE conflict_counts (
    conflict_id  INTEGER PRIMARY KEY,       -- conflicts.id (rows go when reports reaches 0)
    reports      INTEGER NOT NULL           -- conflict_reports rows of the conflict
) STRICT;

-- The distinct parties of each conflict (conflict_parties has a row per article naming one).
CREATE TABLE conflict_party_counts (
    conflict_id  INTEGER NOT NULL,          -- conflicts.id
    actor_id     INTEGER NOT NULL,          -- actors.id of the party
    articles     INTEGER NOT NULL,          -- conflict_parties rows of the pair (rows go at 0)
    PRIMARY KEY (conflict_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conflict_party_counts_actor ON conflict_party_counts(actor_id);

-- A conflict's toll to show (an overall toll first, then the latest, the highest) read from the
-- end of an index range instead of sorting every report of the conflict.
CREATE INDEX conflict_reports_toll ON conflict_reports(conflict_id, scope = 'overall', as_of, killed)
WHERE killed IS NOT NULL;

-- The events between two actors carry their dates in the (source, target) and (target, source)
-- indexes: dyad-timeline finds an actor's oldest events from the indexes alone.
DROP INDEX events_source;
CREATE INDEX events_source ON events(source_actor_id, target_actor_id, occurred_on);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target_actor_id, source_actor_id, occurred_on);

-- Recomputes the span of one dyads row from the events (run after a removal).
CREATE VIEW dyad_bounds(a_id, b_id) AS SELECT NULL, NULL WHERE 0;

CREATE TRIGGER dyad_bounds_ii INSTEAD OF INSERT ON dyad_bounds BEGIN
    UPDATE dyads SET
        first_on = (SELECT min(coalesce(e.occurred_on, ar.published_on))
                    FROM events e JOIN articles ar ON ar.id = e.article_id
                    WHERE ((e.source_actor_id = new.a_id AND e.target_actor_id = new.b_id)
                           OR (e.source_actor_id = new.b_id AND e.target_actor_id = new.a_id))
                      AND e.mode IN ('asserted', 'future')),
        last_on = (SELECT max(coalesce(e.occurred_on, ar.published_on))
                   FROM events e JOIN articles ar ON ar.id = e.article_id
                   WHERE ((e.source_actor_id = new.a_id AND e.target_actor_id = new.b_id)
                          OR (e.source_actor_id = new.b_id AND e.target_actor_id = new.a_id))
                     AND e.mode IN ('asserted', 'future'))
    WHERE a_id = new.a_id AND b_id = new.b_id;
END;

-- Recomputes the span of one role_spans row from actor_roles (run after a removal).
CREATE VIEW role_span_bounds(actor_id, title, country_code, of_actor_id) AS SELECT NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER role_span_bounds_ii INSTEAD OF INSERT ON role_span_bounds BEGIN
    UPDATE role_spans SET
        first_seen = (SELECT min(r.seen_on) FROM actor_roles r
                      WHERE r.actor_id = new.actor_id AND r.title = new.title
                        AND coalesce(r.country_code, '') = new.country_code AND coalesce(r.of_actor_id, 0) = new.of_actor_id),
        last_seen = (SELECT max(r.seen_on) FROM actor_roles r
                     WHERE r.actor_id = new.actor_id AND r.title = new.title
                       AND coalesce(r.country_code, '') = new.country_code AND coalesce(r.of_actor_id, 0) = new.of_actor_id)
    WHERE actor_id = new.actor_id AND title = new.title AND country_code = new.country_code
      AND of_actor_id = new.of_actor_id;
END;

-- Row rules, once each: one event's or one role row's contribution added (sign 1) or taken
-- away (sign -1). on_date is the event's date, else its article's.
CREATE VIEW dyad_changes(source_actor_id, target_actor_id, cameo_code, on_date, mode, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER dyad_changes_ii INSTEAD OF INSERT ON dyad_changes
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id IS NOT NULL AND new.target_actor_id IS NOT NULL
     AND new.source_actor_id <> new.target_actor_id BEGIN
    INSERT INTO dyads(a_id, b_id, events, verbal_cooperation, material_cooperation, verbal_conflict,
                      material_conflict, goldstein_tenths, first_on, last_on)
    SELECT min(new.source_actor_id, new.target_actor_id), max(new.source_actor_id, new.target_actor_id),
           new.sign,
           new.sign * (c.quad_class = 1), new.sign * (c.quad_class = 2), new.sign * (c.quad_class = 3),
           new.sign * (c.quad_class = 4), new.sign * CAST(round(c.goldstein * 10) AS INTEGER), new.on_date, new.on_date
    FROM cameo_codes c WHERE c.code = new.cameo_code
    ON CONFLICT(a_id, b_id) DO UPDATE SET
        events = events + excluded.events,
        verbal_cooperation = verbal_cooperation + excluded.verbal_cooperation,
        material_cooperation = material_cooperation + excluded.material_cooperation,
        verbal_conflict = verbal_conflict + excluded.verbal_conflict,
        material_conflict = material_conflict + excluded.material_conflict,
        goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths,
        first_on = CASE WHEN excluded.events < 0 OR excluded.first_on IS NULL THEN first_on
                        WHEN first_on IS NULL THEN excluded.first_on ELSE min(first_on, excluded.first_on) END,
        last_on = CASE WHEN excluded.events < 0 OR excluded.last_on IS NULL THEN last_on
                       WHEN last_on IS NULL THEN excluded.last_on ELSE max(last_on, excluded.last_on) END;
    DELETE FROM dyads
    WHERE new.sign < 0 AND events <= 0 AND a_id = min(new.source_actor_id, new.target_actor_id)
      AND b_id = max(new.source_actor_id, new.target_actor_id);
    -- A removed event at either end of its row's span: that end is read again from the events left.
    INSERT INTO dyad_bounds
    SELECT a_id, b_id FROM dyads
    WHERE new.sign < 0 AND a_id = min(new.source_actor_id, new.target_actor_id)
      AND b_id = max(new.source_actor_id, new.target_actor_id) AND new.on_date IN (first_on, last_on);
END;

CREATE VIEW role_span_changes(actor_id, title, country_code, of_actor_id, seen_on, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER role_span_changes_ii INSTEAD OF INSERT ON role_span_changes BEGIN
    INSERT INTO role_spans(actor_id, title, country_code, of_actor_id, articles, first_seen, last_seen)
    VALUES (new.actor_id, new.title, coalesce(new.country_code, ''), coalesce(new.of_actor_id, 0), new.sign,
            new.seen_on, new.seen_on)
    ON CONFLICT(actor_id, title, country_code, of_actor_id) DO UPDATE SET
        articles = articles + excluded.articles,
        first_seen = CASE WHEN excluded.articles < 0 OR excluded.first_seen IS NULL THEN first_seen
                          WHEN first_seen IS NULL THEN excluded.first_seen ELSE min(first_seen, excluded.first_seen) END,
        last_seen = CASE WHEN excluded.articles < 0 OR excluded.last_seen IS NULL THEN last_seen
                         WHEN last_seen IS NULL THEN excluded.last_seen ELSE max(last_seen, excluded.last_seen) END;
    DELETE FROM role_spans
    WHERE new.sign < 0 AND articles <= 0 AND actor_id = new.actor_id AND title = new.title
      AND country_code = coalesce(new.country_code, '') AND of_actor_id = coalesce(new.of_actor_id, 0);
    INSERT INTO role_span_bounds
    SELECT actor_id, title, country_code, of_actor_id FROM role_spans
    WHERE new.sign < 0 AND actor_id = new.actor_id AND title = new.title AND country_code = coalesce(new.country_code, '')
      AND of_actor_id = coalesce(new.of_actor_id, 0) AND new.seen_on IN (first_seen, last_seen);
END;

-- events ------------------------------------------------------------------------------------

CREATE TRIGGER events_dyad_ai AFTER INSERT ON events
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id <> new.target_actor_id BEGIN
    INSERT INTO dyad_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, coalesce(new.occurred_on, ar.published_on), new.mode, 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER events_dyad_ad AFTER DELETE ON events
WHEN old.mode IN ('asserted', 'future') AND old.source_actor_id <> old.target_actor_id BEGIN
    INSERT INTO dyad_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, coalesce(old.occurred_on, ar.published_on), old.mode, -1
    FROM articles ar WHERE ar.id = old.article_id;
END;

-- (Deleting an actor sets its events' source or target to NULL: this trigger takes them out.)
CREATE TRIGGER events_dyad_au
AFTER UPDATE OF source_actor_id, target_actor_id, mode, cameo_code, occurred_on, article_id ON events BEGIN
    INSERT INTO dyad_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, coalesce(old.occurred_on, ar.published_on), old.mode, -1
    FROM articles ar WHERE ar.id = old.article_id;
    INSERT INTO dyad_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, coalesce(new.occurred_on, ar.published_on), new.mode, 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

-- A new publication date moves the article's events dated by it (when a span is read again
-- after the removal, those events already have the new date).
CREATE TRIGGER articles_dyad_au AFTER UPDATE OF published_on ON articles
WHEN old.published_on IS NOT new.published_on BEGIN
    INSERT INTO dyad_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, old.published_on, e.mode, -1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
    INSERT INTO dyad_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, new.published_on, e.mode, 1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
END;

-- actor_roles -------------------------------------------------------------------------------

CREATE TRIGGER actor_roles_span_ai AFTER INSERT ON actor_roles BEGIN
    INSERT INTO role_span_changes VALUES (new.actor_id, new.title, new.country_code, new.of_actor_id, new.seen_on, 1);
END;

CREATE TRIGGER actor_roles_span_ad AFTER DELETE ON actor_roles BEGIN
    INSERT INTO role_span_changes VALUES (old.actor_id, old.title, old.country_code, old.of_actor_id, old.seen_on, -1);
END;

CREATE TRIGGER actor_roles_span_au AFTER UPDATE OF actor_id, title, country_code, of_actor_id, seen_on ON actor_roles BEGIN
    INSERT INTO role_span_changes VALUES (old.actor_id, old.title, old.country_code, old.of_actor_id, old.seen_on, -1);
    INSERT INTO role_span_changes VALUES (new.actor_id, new.title, new.country_code, new.of_actor_id, new.seen_on, 1);
END;

-- actor_months ----------------------------------------------------------------------------

CREATE TRIGGER actor_months_year_ai AFTER INSERT ON actor_months BEGIN
    INSERT INTO actor_years(actor_id, year, mentions, articles)
    VALUES (new.actor_id, substr(new.month, 1, 4), new.mentions, new.articles)
    ON CONFLICT(actor_id, year) DO UPDATE SET mentions = mentions + excluded.mentions,
                                              articles = articles + excluded.articles;
END;

CREATE TRIGGER actor_months_year_au AFTER UPDATE ON actor_months BEGIN
    UPDATE actor_years SET mentions = mentions - old.mentions, articles = articles - old.articles
    WHERE actor_id = old.actor_id AND year = substr(old.month, 1, 4);
    INSERT INTO actor_years(actor_id, year, mentions, articles)
    VALUES (new.actor_id, substr(new.month, 1, 4), new.mentions, new.articles)
    ON CONFLICT(actor_id, year) DO UPDATE SET mentions = mentions + excluded.mentions,
                                              articles = articles + excluded.articles;
    DELETE FROM actor_years WHERE actor_id = old.actor_id AND year = substr(old.month, 1, 4) AND mentions <= 0;
END;

CREATE TRIGGER actor_months_year_ad AFTER DELETE ON actor_months BEGIN
    UPDATE actor_years SET mentions = mentions - old.mentions, articles = articles - old.articles
    WHERE actor_id = old.actor_id AND year = substr(old.month, 1, 4);
    DELETE FROM actor_years WHERE actor_id = old.actor_id AND year = substr(old.month, 1, 4) AND mentions <= 0;
END;

-- conflict_reports ---------------------------------------------------------------------------

CREATE TRIGGER conflict_reports_count_ai AFTER INSERT ON conflict_reports BEGIN
    INSERT INTO conflict_counts(conflict_id, reports) VALUES (new.conflict_id, 1)
    ON CONFLICT(conflict_id) DO UPDATE SET reports = reports + 1;
END;

CREATE TRIGGER conflict_reports_count_ad AFTER DELETE ON conflict_reports BEGIN
    UPDATE conflict_counts SET reports = reports - 1 WHERE conflict_id = old.conflict_id;
    DELETE FROM conflict_counts WHERE conflict_id = old.conflict_id AND reports <= 0;
END;

CREATE TRIGGER conflict_reports_count_au AFTER UPDATE OF conflict_id ON conflict_reports
WHEN old.conflict_id IS NOT new.conflict_id BEGIN
    UPDATE conflict_counts SET reports = reports - 1 WHERE conflict_id = old.conflict_id;
    DELETE FROM conflict_counts WHERE conflict_id = old.conflict_id AND reports <= 0;
    INSERT INTO conflict_counts(conflict_id, reports) VALUES (new.conflict_id, 1)
    ON CONFLICT(conflict_id) DO UPDATE SET reports = reports + 1;
END;

-- conflict_parties --------------------------------------------------------------------------

CREATE TRIGGER conflict_parties_count_ai AFTER INSERT ON conflict_parties BEGIN
    INSERT INTO conflict_party_counts(conflict_id, actor_id, articles) VALUES (new.conflict_id, new.actor_id, 1)
    ON CONFLICT(conflict_id, actor_id) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER conflict_parties_count_ad AFTER DELETE ON conflict_parties BEGIN
    UPDATE conflict_party_counts SET articles = articles - 1
    WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id;
    DELETE FROM conflict_party_counts WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id AND articles <= 0;
END;

CREATE TRIGGER conflict_parties_count_au AFTER UPDATE OF conflict_id, actor_id ON conflict_parties
WHEN old.conflict_id IS NOT new.conflict_id OR old.actor_id IS NOT new.actor_id BEGIN
    UPDATE conflict_party_counts SET articles = articles - 1
    WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id;
    DELETE FROM conflict_party_counts WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id AND articles <= 0;
    INSERT INTO conflict_party_counts(conflict_id, actor_id, articles) VALUES (new.conflict_id, new.actor_id, 1)
    ON CONFLICT(conflict_id, actor_id) DO UPDATE SET articles = articles + 1;
END;

-- The summaries of the rows already stored.
INSERT INTO dyads(a_id, b_id, events, verbal_cooperation, material_cooperation, verbal_conflict,
                  material_conflict, goldstein_tenths, first_on, last_on)
SELECT min(e.source_actor_id, e.target_actor_id), max(e.source_actor_id, e.target_actor_id), count(*),
       sum(c.quad_class = 1), sum(c.quad_class = 2), sum(c.quad_class = 3), sum(c.quad_class = 4),
       sum(CAST(round(c.goldstein * 10) AS INTEGER)),
       min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
FROM events e JOIN articles ar ON ar.id = e.article_id JOIN cameo_codes c ON c.code = e.cameo_code
WHERE e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
GROUP BY 1, 2;

INSERT INTO role_spans(actor_id, title, country_code, of_actor_id, articles, first_seen, last_seen)
SELECT actor_id, title, coalesce(country_code, ''), coalesce(of_actor_id, 0), count(*), min(seen_on), max(seen_on)
FROM actor_roles
GROUP BY 1, 2, 3, 4;

INSERT INTO conflict_counts(conflict_id, reports)
SELECT conflict_id, count(*) FROM conflict_reports GROUP BY 1;

INSERT INTO actor_years(actor_id, year, mentions, articles)
SELECT actor_id, substr(month, 1, 4), sum(mentions), sum(articles) FROM actor_months GROUP BY 1, 2;

INSERT INTO conflict_party_counts(conflict_id, actor_id, articles)
SELECT conflict_id, actor_id, count(*) FROM conflict_parties GROUP BY 1, 2;
