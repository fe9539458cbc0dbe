-- 0006: support for the canned queries (Queries/*.sql): one view that resolves what a user
-- types for an actor, and indexes that let the queries seek instead of scan.

-- Every string that names an actor, one row per (actor, key): its name, each alias, its ISO
-- country code (every actor of that country), its CAMEO actor code, and for persons the
-- surname: the name after the first word and its last word ('Jan de Vries': 'de Vries' and
-- 'Vries'). Keys compare without case. Query it with a constant, e.g.
--     SELECT actor_id FROM v_actor_keys WHERE key = 'lavrov'
-- and SQLite pushes the comparison into every branch, each of which seeks an index.
-- how: name, alias, country, cameo or surname.
CREATE VIEW v_actor_keys(actor_id, key, how) AS
SELECT id, name COLLATE NOCASE, 'name' FROM actors
UNION ALL
SELECT actor_id, alias COLLATE NOCASE, 'alias' FROM actor_aliases
UNION ALL
SELECT id, country_code COLLATE NOCASE, 'country' FROM actors WHERE country_code IS NOT NULL
UNION ALL
SELECT id, cameo_code COLLATE NOCASE, 'cameo' FROM actors WHERE cameo_code IS NOT NULL
UNION ALL
SELECT id, substr(name, instr(name, ' ') + 1) COLLATE NOCASE, 'surname' FROM actors
WHERE kind = 'person' AND instr(name, ' ') > 0
UNION ALL
SELECT id, substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1) COLLATE NOCASE, 'surname' FROM actors
WHERE kind = 'person' AND instr(substr(name, instr(name, ' ') + 1), ' ') > 0;

-- The indexes behind v_actor_keys' case-blind branches (name and alias have theirs since 0001).
CREATE INDEX actors_country_nocase ON actors(country_code COLLATE NOCASE);
CREATE INDEX actors_cameo_nocase ON actors(cameo_code COLLATE NOCASE);
CREATE INDEX actors_surname ON actors(substr(name, instr(name, ' ') + 1) COLLATE NOCASE)
    WHERE kind = 'person' AND instr(name, ' ') > 0;
CREATE INDEX actors_last_name ON actors(substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1) COLLATE NOCASE)
    WHERE kind = 'person' AND instr(substr(name, instr(name, ' ') + 1), ' ') > 0;

-- 0001's single-column indexes on the biggest tables, widened so that the queries read the
-- index alone: which articles and sentences mention an actor, which actors an article or a
-- sentence mentions, and the events between two actors. Same number of indexes
-- (what ingest pays per row), same names.
DROP INDEX mentions_actor;
CREATE INDEX mentions_actor ON mentions(actor_id, article_id, sentence_id);
DROP INDEX mentions_article;
CREATE INDEX mentions_article ON mentions(article_id, actor_id);
DROP INDEX mentions_sentence;
CREATE INDEX mentions_sentence ON mentions(sentence_id, actor_id);
DROP INDEX events_source;
CREATE INDEX events_source ON events(source_actor_id, target_actor_id);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target_actor_id, source_actor_id);
