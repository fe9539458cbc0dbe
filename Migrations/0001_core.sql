-- 0001_core: articles, sentences, actors, places, mentions and the vocabularies they use.
-- Dates are ISO 8601 text at the precision known: '2015-05-12', '2015-05' or '2015'.
-- Character offsets count Unicode scalar values (code points) from the start of
-- articles.body, so body[start_char:end_char] in Python slices the exact span.

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    external_id      TEXT NOT NULL UNIQUE,      -- the input's id; else 'sha256:' + content_hash
    url              TEXT,                      -- where the article was published, as given
    outlet           TEXT,                      -- news outlet (from the input or the dateline)
    headline         TEXT NOT NULL DEFAULT '',  -- title line
    dateline_place   TEXT,                      -- place of the dateline, e.g. 'SOCHI, Russia'
    published_on     TEXT,                      -- ISO date at the precision known
    published_source TEXT NOT NULL DEFAULT 'none'
        CHECK (published_source IN ('input', 'dateline', 'caption', 'text', 'none')),
                                                -- where published_on came from
    body             TEXT NOT NULL,             -- the article text as given (captions included)
    content_hash     TEXT NOT NULL,             -- SHA-256 (hex) of headline, body and metadata: detects changes
    source           TEXT,                      -- file (and line) the article was read from
    ingested_at      TEXT NOT NULL,             -- UTC timestamp of the last (re)ingest
    analyzer_version INTEGER NOT NULL DEFAULT 0 -- version of the extraction that produced the derived rows
) STRICT;
CREATE INDEX articles_published ON articles(published_on);
CREATE INDEX articles_hash ON articles(content_hash);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,              -- 0-based position in the article
    paragraph   INTEGER NOT NULL,              -- 0-based paragraph number
    start_char  INTEGER NOT NULL,              -- offset in articles.body (code points)
    end_char    INTEGER NOT NULL,              -- exclusive end offset
    text        TEXT NOT NULL,                 -- exactly body[start_char:end_char]
    is_caption  INTEGER NOT NULL DEFAULT 0 CHECK (is_caption IN (0, 1)),
                                               -- 1 for photo captions and credits, kept out of extraction
    UNIQUE (article_id, ordinal)
) STRICT;

CREATE TABLE actor_kinds (
    kind        TEXT PRIMARY KEY,              -- closed vocabulary of actor kinds
    description TEXT NOT NULL
) STRICT;
INSERT INTO actor_kinds(kind, description) VALUES
    ('person', 'a named individual: leader, official, diplomat, commander, spokesperson'),
    ('state', 'a sovereign or de facto state, however named (name, capital, adjective)'),
    ('organization', 'an intergovernmental body, ministry, armed force, agency, court or company'),
    ('group', 'a non-state armed or political group: rebels, militias, insurgents, parties');

CREATE TABLE actors (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- canonical full name ('Vladimir Putin', 'Russia')
    kind          TEXT NOT NULL REFERENCES actor_kinds(kind),
    country_code  TEXT CHECK (country_code GLOB '[A-Z][A-Z][A-Z]'),
                                               -- ISO 3166-1 alpha-3; NULL for bodies of no one state
    cameo_code    TEXT,                        -- CAMEO actor code: country + sector, e.g. USAGOV, UKRREB, IGOUNO
    identity_key  TEXT NOT NULL UNIQUE,        -- lower(name)|kind|country: one row per identity across articles
    user_defined  INTEGER NOT NULL DEFAULT 0 CHECK (user_defined IN (0, 1)),
                                               -- 1 when added by 'irkb actors add' (kept even without mentions)
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX actors_country ON actors(country_code);
CREATE INDEX actors_cameo ON actors(cameo_code);

CREATE TABLE actor_aliases (
    id        INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,                   -- a surface form seen in text or added by a user
    source    TEXT NOT NULL DEFAULT 'text' CHECK (source IN ('text', 'lexicon', 'user')),
    UNIQUE (actor_id, alias)
) STRICT;
CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);

CREATE TABLE actor_roles (
    id            INTEGER PRIMARY KEY,
    actor_id      INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,  -- the person
    title         TEXT NOT NULL,               -- role as normalized, e.g. 'Foreign Minister'
    country_code  TEXT,                        -- ISO alpha-3 of the state served; NULL for IGO roles
    of_actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,  -- the state or body served
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id   INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    seen_on       TEXT,                        -- article date: the role held then
    UNIQUE (actor_id, title, article_id)
) STRICT;
CREATE INDEX actor_roles_actor ON actor_roles(actor_id);
CREATE INDEX actor_roles_title ON actor_roles(title COLLATE NOCASE, country_code);
CREATE INDEX actor_roles_of ON actor_roles(of_actor_id);
CREATE INDEX actor_roles_article ON actor_roles(article_id);
CREATE INDEX actor_roles_sentence ON actor_roles(sentence_id);

CREATE TABLE places (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- 'Sochi', 'Idlib', 'UN headquarters'
    country_code  TEXT,                        -- ISO alpha-3 of the state the place lies in, NULL if unknown
    kind          TEXT NOT NULL DEFAULT 'place',  -- city, region, territory, sea, crossing, landmark, base, place
    identity_key  TEXT NOT NULL UNIQUE         -- lower(name)|country
) STRICT;
CREATE INDEX places_country ON places(country_code);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    start_char   INTEGER NOT NULL,             -- offset in articles.body (code points)
    end_char     INTEGER NOT NULL,
    text         TEXT NOT NULL,                -- surface form, e.g. 'the Kremlin'
    rule         TEXT NOT NULL DEFAULT ''      -- recognizer rule that found it (lexicon, title+name, ...)
) STRICT;
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_sentence ON mentions(sentence_id);
