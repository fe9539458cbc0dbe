CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);

CREATE INDEX actor_roles_article ON actor_roles(article_id);

CREATE INDEX actor_roles_of ON actor_roles(of_actor_id);

CREATE INDEX actor_roles_sentence ON actor_roles(sentence_id);

CREATE INDEX actor_roles_title ON actor_roles(title COLLATE NOCASE, country_code);

CREATE INDEX actors_cameo ON actors(cameo_code);

CREATE INDEX actors_cameo_nocase ON actors(cameo_code COLLATE NOCASE);

CREATE INDEX actors_country ON actors(country_code);

CREATE INDEX actors_country_nocase ON actors(country_code COLLATE NOCASE);

CREATE INDEX actors_last_name ON actors(substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1) COLLATE NOCASE)
    WHERE kind = 'person' AND instr(substr(name, instr(name, ' ') + 1), ' ') > 0;

CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE INDEX actors_surname ON actors(substr(name, instr(name, ' ') + 1) COLLATE NOCASE)
    WHERE kind = 'person' AND instr(name, ' ') > 0;

CREATE INDEX articles_published ON articles(published_on);

CREATE INDEX co_mentions_b ON co_mentions(b_id, a_id);

CREATE INDEX conflict_parties_actor ON conflict_parties(actor_id);

CREATE INDEX conflict_parties_article ON conflict_parties(article_id);

CREATE INDEX conflict_party_counts_actor ON conflict_party_counts(actor_id);

CREATE INDEX conflict_reports_article ON conflict_reports(article_id);

CREATE INDEX conflict_reports_conflict ON conflict_reports(conflict_id, as_of);

CREATE INDEX conflict_reports_sentence ON conflict_reports(sentence_id);

CREATE INDEX conflict_reports_toll ON conflict_reports(conflict_id, scope = 'overall', as_of, killed)
WHERE killed IS NOT NULL;

CREATE INDEX conflicts_country ON conflicts(country_code);

CREATE INDEX dyads_b ON dyads(b_id, events);

CREATE INDEX events_article ON events(article_id);

CREATE INDEX events_code ON events(cameo_code);

CREATE INDEX events_date ON events(occurred_on);

CREATE INDEX events_sentence ON events(sentence_id);

CREATE INDEX events_source ON events(source_actor_id, target_actor_id, occurred_on);

CREATE INDEX events_support ON events(target_actor_id, cameo_code)
WHERE (cameo_code >= '05' AND cameo_code <= '054') OR (cameo_code >= '06' AND cameo_code < '08')
   OR (cameo_code >= '033' AND cameo_code < '034');

CREATE INDEX events_target ON events(target_actor_id, source_actor_id, occurred_on);

CREATE INDEX mentions_actor ON mentions(actor_id, article_id, sentence_id);

CREATE INDEX mentions_article ON mentions(article_id, actor_id);

CREATE INDEX mentions_sentence ON mentions(sentence_id, actor_id);

CREATE INDEX places_country ON places(country_code);

CREATE INDEX quotes_article ON quotes(article_id);

CREATE INDEX quotes_country ON quotes(speaker_country, said_on);

CREATE INDEX quotes_sentence ON quotes(sentence_id);

CREATE INDEX quotes_speaker ON quotes(speaker_actor_id, said_on);

CREATE INDEX role_spans_of ON role_spans(of_actor_id);

CREATE INDEX role_spans_title ON role_spans(title COLLATE NOCASE);

CREATE INDEX sanction_pairs_measures ON sanction_pairs(measures);

CREATE INDEX sanction_years_country ON sanction_years(target_country) WHERE target_country <> '';

CREATE INDEX sanction_years_target ON sanction_years(target_actor_id, imposer_actor_id, kind, firm, first_imposed_on, last_firm_on);

CREATE INDEX sanctions_article ON sanctions(article_id);

CREATE INDEX sanctions_date ON sanctions(stated_on);

CREATE INDEX sanctions_imposer ON sanctions(imposer_actor_id, stated_on);

CREATE INDEX sanctions_measures ON sanctions(target_actor_id, imposer_actor_id, kind, stated_on, action, conditional);

CREATE INDEX sanctions_sentence ON sanctions(sentence_id);

CREATE INDEX sanctions_target ON sanctions(target_actor_id, stated_on);

CREATE INDEX sanctions_target_country ON sanctions(target_country, stated_on);

CREATE INDEX support_pairs_events ON support_pairs(party_actor_id, events);

CREATE TABLE actor_aliases (
    id        INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,                   -- a surface form seen in text or added by a user
    source    TEXT NOT NULL DEFAULT 'text' CHECK (source IN ('text', 'lexicon', 'user')),
    UNIQUE (actor_id, alias)
) STRICT;

CREATE TABLE actor_kinds (
    kind        TEXT PRIMARY KEY,              -- closed vocabulary of actor kinds
    description TEXT NOT NULL
) STRICT;

CREATE TABLE actor_months (
    actor_id  INTEGER NOT NULL,          -- actors.id (rows go when their counts reach 0)
    month     TEXT NOT NULL,             -- month key of articles.published_on
    mentions  INTEGER NOT NULL,          -- mention rows of the actor in that month's articles
    articles  INTEGER NOT NULL,          -- articles of that month that mention the actor
    PRIMARY KEY (actor_id, month)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE actor_years (
    actor_id  INTEGER NOT NULL,          -- actors.id (rows go when their counts reach 0)
    year      TEXT NOT NULL,             -- first four characters of the month key, '' for none
    mentions  INTEGER NOT NULL,          -- sum of actor_months.mentions over the year
    articles  INTEGER NOT NULL,          -- sum of actor_months.articles over the year
    PRIMARY KEY (actor_id, year)
) STRICT, WITHOUT ROWID;

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

CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content="articles", content_rowid="id", tokenize="unicode61 remove_diacritics 2");

CREATE TABLE 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE bulk_load (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),  -- one row at most
    started_at          TEXT NOT NULL,                       -- UTC, ISO 8601
    indexes             TEXT NOT NULL,                       -- JSON array of the CREATE INDEX statements dropped for the load
    summarized_through  INTEGER                              -- NULL while loading; while finishing, the last article id whose rows the rebuilt summaries hold
) STRICT;

CREATE TABLE bulk_load_actors (
    actor_id  INTEGER PRIMARY KEY                            -- actors.id
) STRICT;

CREATE TABLE cameo_codes (
    code        TEXT PRIMARY KEY,           -- CAMEO event code: 2 digits (root) to 4 digits
    root        TEXT NOT NULL,              -- the 2-digit root category, e.g. '04' consult
    quad_class  INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
                                            -- 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    goldstein   REAL NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
                                            -- Goldstein conflict-cooperation score, -10 to +10
    plover      TEXT,                       -- PLOVER category (e.g. CONSULT, SANCTION); NULL where the crosswalk has none
    description TEXT NOT NULL               -- the code's name in the CAMEO manual
) STRICT;

CREATE TABLE co_mentions (
    a_id       INTEGER NOT NULL,         -- actors.id, the smaller of the two
    b_id       INTEGER NOT NULL,         -- actors.id, the larger
    articles   INTEGER NOT NULL,         -- articles that mention both
    sentences  INTEGER NOT NULL,         -- sentences that mention both
    PRIMARY KEY (a_id, b_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE conflict_counts (
    conflict_id  INTEGER PRIMARY KEY,       -- conflicts.id (rows go when reports reaches 0)
    reports      INTEGER NOT NULL           -- conflict_reports rows of the conflict
) STRICT;

CREATE TABLE conflict_parties (
    id           INTEGER PRIMARY KEY,
    conflict_id  INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article that names the party
    UNIQUE (conflict_id, actor_id, article_id)
) STRICT;

CREATE TABLE conflict_party_counts (
    conflict_id  INTEGER NOT NULL,          -- conflicts.id
    actor_id     INTEGER NOT NULL,          -- actors.id of the party
    articles     INTEGER NOT NULL,          -- conflict_parties rows of the pair (rows go at 0)
    PRIMARY KEY (conflict_id, actor_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE conflict_reports (
    id                INTEGER PRIMARY KEY,
    conflict_id       INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id       INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    scope             TEXT NOT NULL DEFAULT 'overall' CHECK (scope IN ('overall', 'incident', 'mention')),
                      -- overall toll of the conflict, toll of one incident, or a mention without a figure
    killed            INTEGER CHECK (killed IS NULL OR killed >= 0),
    killed_qualifier  TEXT CHECK (killed_qualifier IN ('more than', 'at least', 'about', 'exactly', 'up to', 'nearly')),
    wounded           INTEGER CHECK (wounded IS NULL OR wounded >= 0),
    since             TEXT,                    -- ISO date the count runs from
    as_of             TEXT,                    -- ISO date the count was reported for (the article date unless stated)
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL
) STRICT;

CREATE TABLE conflicts (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- canonical name, e.g. 'Ukraine conflict', 'Syrian civil war'
    country_code  TEXT,                        -- ISO alpha-3 of the main location
    identity_key  TEXT NOT NULL UNIQUE         -- one row per conflict across articles
) STRICT;

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

CREATE TABLE event_months (
    country           TEXT NOT NULL,     -- the source actor's country_code
    month             TEXT NOT NULL,     -- month key of coalesce(events.occurred_on, articles.published_on)
    root              TEXT NOT NULL,     -- CAMEO root, '01' to '20'
    events            INTEGER NOT NULL,
    goldstein_tenths  INTEGER NOT NULL,  -- sum of round(goldstein * 10) over the events
    PRIMARY KEY (country, month, root)
) STRICT, WITHOUT ROWID;

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id      INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    source_actor_id  INTEGER REFERENCES actors(id) ON DELETE SET NULL,  -- who acts
    target_actor_id  INTEGER REFERENCES actors(id) ON DELETE SET NULL,  -- whom the act is aimed at
    cameo_code       TEXT NOT NULL REFERENCES cameo_codes(code),        -- CAMEO event code, e.g. '040', '1123'
    occurred_on      TEXT,                     -- ISO date at the precision known
    date_precision   TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_source      TEXT CHECK (date_source IN ('text', 'relative', 'published', 'dateline')),
                                               -- explicit in the sentence, relative word resolved, or the article date
    place_id         INTEGER REFERENCES places(id) ON DELETE SET NULL,
    mode             TEXT NOT NULL DEFAULT 'asserted'
        CHECK (mode IN ('asserted', 'negated', 'denied', 'hypothetical', 'conditional', 'future')),
    trigger_text     TEXT NOT NULL DEFAULT '', -- the verb phrase that fired, e.g. 'met'
    start_char       INTEGER NOT NULL,         -- span of the trigger in articles.body (code points)
    end_char         INTEGER NOT NULL,
    rule             TEXT NOT NULL DEFAULT '', -- grammar rule that assigned source and target
    lexicon_entry    TEXT NOT NULL DEFAULT ''  -- verb lexicon entry that matched
) STRICT;

CREATE TABLE ingest_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),   -- one row
    fts_deferred  INTEGER NOT NULL DEFAULT 0 CHECK (fts_deferred IN (0, 1))
                                                      -- 1 only inside an irkb ingest transaction
) STRICT;

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

CREATE TABLE places (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- 'Sochi', 'Idlib', 'UN headquarters'
    country_code  TEXT,                        -- ISO alpha-3 of the state the place lies in, NULL if unknown
    kind          TEXT NOT NULL DEFAULT 'place',  -- city, region, territory, sea, crossing, landmark, base, place
    identity_key  TEXT NOT NULL UNIQUE         -- lower(name)|country
) STRICT;

CREATE TABLE quad_classes (
    quad_class  INTEGER PRIMARY KEY,
    label       TEXT NOT NULL
) STRICT;

CREATE TABLE quotes (
    id                   INTEGER PRIMARY KEY,
    article_id           INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id          INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,  -- where the quote opens
    speaker_actor_id     INTEGER REFERENCES actors(id) ON DELETE SET NULL,  -- NULL for anonymous speakers
    speaker_description  TEXT,                 -- 'senior U.S. State Department official' for anonymous speakers
    speaker_country      TEXT,                 -- ISO alpha-3 of the speaker (or of the anonymous speaker's state)
    speaker_role         TEXT,                 -- the speaker's role as stated, e.g. 'spokesman'
    anonymous            INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    text                 TEXT NOT NULL,        -- exactly what stands between the quotation marks
    start_char           INTEGER NOT NULL,     -- span of text in articles.body (code points)
    end_char             INTEGER NOT NULL,
    said_on              TEXT,                 -- ISO date (the article date unless the text says otherwise)
    rule                 TEXT NOT NULL DEFAULT ''  -- attribution pattern that found the speaker
) STRICT;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_description, content="quotes", content_rowid="id", tokenize="unicode61 remove_diacritics 2");

CREATE TABLE 'quotes_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'quotes_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'quotes_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'quotes_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

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

CREATE TABLE sanction_actions (
    action      TEXT PRIMARY KEY,              -- closed vocabulary of what is done to a measure
    cameo_code  TEXT NOT NULL REFERENCES cameo_codes(code),  -- the event code the action corresponds to
    description TEXT NOT NULL
) STRICT;

CREATE TABLE sanction_kinds (
    kind        TEXT PRIMARY KEY,
    description TEXT NOT NULL
) STRICT;

CREATE TABLE sanction_pair_years (
    imposer_actor_id  INTEGER NOT NULL,  -- as in sanction_pairs
    target_key        TEXT NOT NULL,
    country_key       TEXT NOT NULL,
    year              TEXT NOT NULL,     -- sanction_years.year ('' for none)
    measures          INTEGER NOT NULL,  -- sanctions rows of the year (rows go when this reaches 0)
    PRIMARY KEY (imposer_actor_id, target_key, country_key, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE sanction_pairs (
    imposer_actor_id  INTEGER NOT NULL,  -- sanction_years.imposer_actor_id, 0 for none
    target_key        TEXT NOT NULL,     -- lower(target actor's name, else target_description), '' for none
    country_key       TEXT NOT NULL,     -- target actor's country_code, else target_country, '' for none
    measures          INTEGER NOT NULL,  -- sanctions rows over all dates (rows go when this reaches 0)
    PRIMARY KEY (imposer_actor_id, target_key, country_key)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE sanctions (
    id                  INTEGER PRIMARY KEY,
    article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id         INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    imposer_actor_id    INTEGER REFERENCES actors(id) ON DELETE SET NULL,  -- NULL when unstated
    target_actor_id     INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    target_description  TEXT,                  -- a described target, e.g. '22 individuals and two entities'
    target_country      TEXT,                  -- ISO alpha-3 of the target (or of the described group)
    action              TEXT NOT NULL REFERENCES sanction_actions(action),
    kind                TEXT NOT NULL DEFAULT 'other' REFERENCES sanction_kinds(kind),
    stated_on           TEXT,                  -- ISO date at the precision known
    conditional         INTEGER NOT NULL DEFAULT 0 CHECK (conditional IN (0, 1)),
                                               -- 1 when hypothetical or proposed ('could be eased if ...')
    trigger_text        TEXT NOT NULL DEFAULT '',
    start_char          INTEGER NOT NULL,
    end_char            INTEGER NOT NULL,
    rule                TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE schema_migrations (
    name       TEXT PRIMARY KEY,   -- migration file name, e.g. 0001_core.sql
    checksum   TEXT NOT NULL,      -- SHA-256 of the file as applied
    applied_at TEXT NOT NULL       -- UTC timestamp
) STRICT;

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

CREATE TABLE support_pairs (
    party_actor_id    INTEGER NOT NULL,  -- support_years.party_actor_id (the target)
    backer_actor_id   INTEGER NOT NULL,  -- support_years.backer_actor_id (the source)
    events            INTEGER NOT NULL,  -- support events over all dates (pairs without any have no row)
    goldstein_tenths  INTEGER NOT NULL,  -- sum of round(goldstein * 10) of their codes
    first_on          TEXT,              -- earliest date of the events (NULL when none is dated)
    last_on           TEXT,              -- latest date of the events
    support           TEXT NOT NULL,     -- the descriptions of their CAMEO codes, in code order, comma-separated
    PRIMARY KEY (party_actor_id, backer_actor_id)
) STRICT, WITHOUT ROWID;

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

CREATE TRIGGER actor_months_year_ad AFTER DELETE ON actor_months BEGIN
    UPDATE actor_years SET mentions = mentions - old.mentions, articles = articles - old.articles
    WHERE actor_id = old.actor_id AND year = substr(old.month, 1, 4);
    DELETE FROM actor_years WHERE actor_id = old.actor_id AND year = substr(old.month, 1, 4) AND mentions <= 0;
END;

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

CREATE TRIGGER actor_roles_span_ad AFTER DELETE ON actor_roles BEGIN
    INSERT INTO role_span_changes VALUES (old.actor_id, old.title, old.country_code, old.of_actor_id, old.seen_on, -1);
END;

CREATE TRIGGER actor_roles_span_ai AFTER INSERT ON actor_roles BEGIN
    INSERT INTO role_span_changes VALUES (new.actor_id, new.title, new.country_code, new.of_actor_id, new.seen_on, 1);
END;

CREATE TRIGGER actor_roles_span_au AFTER UPDATE OF actor_id, title, country_code, of_actor_id, seen_on ON actor_roles BEGIN
    INSERT INTO role_span_changes VALUES (old.actor_id, old.title, old.country_code, old.of_actor_id, old.seen_on, -1);
    INSERT INTO role_span_changes VALUES (new.actor_id, new.title, new.country_code, new.of_actor_id, new.seen_on, 1);
END;

CREATE TRIGGER actors_sanction_pair_ai AFTER INSERT ON actors BEGIN
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, coalesce(lower(nullif(y.target_description, '')), ''), y.target_country, y.year, -y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = new.id;
    INSERT INTO sanction_pair_changes
    SELECT y.imposer_actor_id, lower(new.name), coalesce(new.country_code, nullif(y.target_country, ''), ''), y.year, y.measures
    FROM sanction_years y INDEXED BY sanction_years_target WHERE y.target_actor_id = new.id;
END;

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

CREATE TRIGGER actors_summary_au AFTER UPDATE OF country_code ON actors
WHEN old.country_code IS NOT new.country_code BEGIN
    INSERT INTO event_month_moves VALUES (new.id, old.country_code, new.country_code);
END;

CREATE TRIGGER actors_summary_bd BEFORE DELETE ON actors BEGIN
    INSERT INTO event_month_moves VALUES (old.id, old.country_code, NULL);
END;

CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
END;

CREATE TRIGGER articles_ai AFTER INSERT ON articles
WHEN (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;

CREATE TRIGGER articles_au AFTER UPDATE OF headline, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;

CREATE TRIGGER articles_dyad_au AFTER UPDATE OF published_on ON articles
WHEN old.published_on IS NOT new.published_on BEGIN
    INSERT INTO dyad_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, old.published_on, e.mode, -1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
    INSERT INTO dyad_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, new.published_on, e.mode, 1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
END;

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

CREATE TRIGGER articles_sanction_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM sanctions WHERE article_id = old.id;
END;

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

CREATE TRIGGER articles_summary_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM mentions WHERE article_id = old.id;
    DELETE FROM events WHERE article_id = old.id;
END;

CREATE TRIGGER articles_support_au AFTER UPDATE OF published_on ON articles
WHEN old.published_on IS NOT new.published_on BEGIN
    INSERT INTO support_year_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, e.mode, old.published_on, -1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
    INSERT INTO support_year_changes
    SELECT e.source_actor_id, e.target_actor_id, e.cameo_code, e.mode, new.published_on, 1
    FROM events e WHERE e.article_id = new.id AND e.occurred_on IS NULL;
END;

CREATE TRIGGER cameo_codes_support_pair_au AFTER UPDATE OF description ON cameo_codes
WHEN old.description IS NOT new.description BEGIN
    INSERT INTO support_pair_changes SELECT DISTINCT party_actor_id, backer_actor_id FROM support_years;
END;

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

CREATE TRIGGER conflict_parties_count_ad AFTER DELETE ON conflict_parties BEGIN
    UPDATE conflict_party_counts SET articles = articles - 1
    WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id;
    DELETE FROM conflict_party_counts WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id AND articles <= 0;
END;

CREATE TRIGGER conflict_parties_count_ai AFTER INSERT ON conflict_parties BEGIN
    INSERT INTO conflict_party_counts(conflict_id, actor_id, articles) VALUES (new.conflict_id, new.actor_id, 1)
    ON CONFLICT(conflict_id, actor_id) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER conflict_parties_count_au AFTER UPDATE OF conflict_id, actor_id ON conflict_parties
WHEN old.conflict_id IS NOT new.conflict_id OR old.actor_id IS NOT new.actor_id BEGIN
    UPDATE conflict_party_counts SET articles = articles - 1
    WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id;
    DELETE FROM conflict_party_counts WHERE conflict_id = old.conflict_id AND actor_id = old.actor_id AND articles <= 0;
    INSERT INTO conflict_party_counts(conflict_id, actor_id, articles) VALUES (new.conflict_id, new.actor_id, 1)
    ON CONFLICT(conflict_id, actor_id) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER conflict_reports_count_ad AFTER DELETE ON conflict_reports BEGIN
    UPDATE conflict_counts SET reports = reports - 1 WHERE conflict_id = old.conflict_id;
    DELETE FROM conflict_counts WHERE conflict_id = old.conflict_id AND reports <= 0;
END;

CREATE TRIGGER conflict_reports_count_ai AFTER INSERT ON conflict_reports BEGIN
    INSERT INTO conflict_counts(conflict_id, reports) VALUES (new.conflict_id, 1)
    ON CONFLICT(conflict_id) DO UPDATE SET reports = reports + 1;
END;

CREATE TRIGGER conflict_reports_count_au AFTER UPDATE OF conflict_id ON conflict_reports
WHEN old.conflict_id IS NOT new.conflict_id BEGIN
    UPDATE conflict_counts SET reports = reports - 1 WHERE conflict_id = old.conflict_id;
    DELETE FROM conflict_counts WHERE conflict_id = old.conflict_id AND reports <= 0;
    INSERT INTO conflict_counts(conflict_id, reports) VALUES (new.conflict_id, 1)
    ON CONFLICT(conflict_id) DO UPDATE SET reports = reports + 1;
END;

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

CREATE TRIGGER events_dyad_ad AFTER DELETE ON events
WHEN old.mode IN ('asserted', 'future') AND old.source_actor_id <> old.target_actor_id BEGIN
    INSERT INTO dyad_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, coalesce(old.occurred_on, ar.published_on), old.mode, -1
    FROM articles ar WHERE ar.id = old.article_id;
END;

CREATE TRIGGER events_dyad_ai AFTER INSERT ON events
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id <> new.target_actor_id BEGIN
    INSERT INTO dyad_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, coalesce(new.occurred_on, ar.published_on), new.mode, 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER events_dyad_au
AFTER UPDATE OF source_actor_id, target_actor_id, mode, cameo_code, occurred_on, article_id ON events BEGIN
    INSERT INTO dyad_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, coalesce(old.occurred_on, ar.published_on), old.mode, -1
    FROM articles ar WHERE ar.id = old.article_id;
    INSERT INTO dyad_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, coalesce(new.occurred_on, ar.published_on), new.mode, 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER events_summary_ad AFTER DELETE ON events WHEN old.mode IN ('asserted', 'future') BEGIN
    INSERT INTO event_month_changes VALUES (old.source_actor_id, old.article_id, old.cameo_code, old.occurred_on, old.mode, -1);
END;

CREATE TRIGGER events_summary_ai AFTER INSERT ON events
WHEN new.mode IN ('asserted', 'future') AND (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO event_month_changes VALUES (new.source_actor_id, new.article_id, new.cameo_code, new.occurred_on, new.mode, 1);
END;

CREATE TRIGGER events_summary_au AFTER UPDATE OF mode, source_actor_id, cameo_code, occurred_on, article_id ON events BEGIN
    INSERT INTO event_month_changes VALUES (old.source_actor_id, old.article_id, old.cameo_code, old.occurred_on, old.mode, -1);
    INSERT INTO event_month_changes VALUES (new.source_actor_id, new.article_id, new.cameo_code, new.occurred_on, new.mode, 1);
END;

CREATE TRIGGER events_support_ad AFTER DELETE ON events
WHEN old.mode IN ('asserted', 'future') AND old.source_actor_id <> old.target_actor_id
 AND ((old.cameo_code >= '05' AND old.cameo_code <= '054') OR (old.cameo_code >= '06' AND old.cameo_code < '08')
      OR (old.cameo_code >= '033' AND old.cameo_code < '034')) BEGIN
    INSERT INTO support_year_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, old.mode, coalesce(old.occurred_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
END;

CREATE TRIGGER events_support_ai AFTER INSERT ON events
WHEN new.mode IN ('asserted', 'future') AND new.source_actor_id <> new.target_actor_id
 AND ((new.cameo_code >= '05' AND new.cameo_code <= '054') OR (new.cameo_code >= '06' AND new.cameo_code < '08')
      OR (new.cameo_code >= '033' AND new.cameo_code < '034')) BEGIN
    INSERT INTO support_year_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, new.mode, coalesce(new.occurred_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER events_support_au
AFTER UPDATE OF source_actor_id, target_actor_id, cameo_code, mode, occurred_on, article_id ON events BEGIN
    INSERT INTO support_year_changes
    SELECT old.source_actor_id, old.target_actor_id, old.cameo_code, old.mode, coalesce(old.occurred_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
    INSERT INTO support_year_changes
    SELECT new.source_actor_id, new.target_actor_id, new.cameo_code, new.mode, coalesce(new.occurred_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

CREATE TRIGGER mentions_co_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO co_mention_changes VALUES (old.actor_id, old.article_id, old.sentence_id, old.id, -1);
END;

CREATE TRIGGER mentions_co_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO co_mention_changes VALUES (new.actor_id, new.article_id, new.sentence_id, new.id, 1);
END;

CREATE TRIGGER mentions_co_au AFTER UPDATE OF actor_id, article_id, sentence_id ON mentions
WHEN old.actor_id IS NOT new.actor_id OR old.article_id IS NOT new.article_id OR old.sentence_id IS NOT new.sentence_id BEGIN
    INSERT INTO co_mention_changes VALUES (old.actor_id, old.article_id, old.sentence_id, old.id, -1);
    INSERT INTO co_mention_changes VALUES (new.actor_id, new.article_id, new.sentence_id, new.id, 1);
END;

CREATE TRIGGER mentions_summary_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO actor_month_changes VALUES (old.actor_id, old.article_id, old.id, -1);
END;

CREATE TRIGGER mentions_summary_ai AFTER INSERT ON mentions
WHEN (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO actor_month_changes VALUES (new.actor_id, new.article_id, new.id, 1);
END;

CREATE TRIGGER mentions_summary_au AFTER UPDATE OF actor_id, article_id ON mentions
WHEN old.actor_id IS NOT new.actor_id OR old.article_id IS NOT new.article_id BEGIN
    INSERT INTO actor_month_changes VALUES (old.actor_id, old.article_id, old.id, -1);
    INSERT INTO actor_month_changes VALUES (new.actor_id, new.article_id, new.id, 1);
END;

CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_description) VALUES ('delete', old.id, old.text, old.speaker_description);
END;

CREATE TRIGGER quotes_ai AFTER INSERT ON quotes
WHEN (SELECT fts_deferred FROM ingest_state WHERE id = 1) IS NOT 1 BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_description) VALUES (new.id, new.text, new.speaker_description);
END;

CREATE TRIGGER quotes_au AFTER UPDATE OF text, speaker_description ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_description) VALUES ('delete', old.id, old.text, old.speaker_description);
    INSERT INTO quotes_fts(rowid, text, speaker_description) VALUES (new.id, new.text, new.speaker_description);
END;

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

CREATE TRIGGER sanction_years_pair_ad AFTER DELETE ON sanction_years BEGIN
    INSERT INTO sanction_pair_changes
    SELECT old.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(old.target_description, ''))), ''),
           coalesce(t.country_code, nullif(old.target_country, ''), ''), old.year, -old.measures
    FROM (SELECT 1) LEFT JOIN actors t ON t.id = old.target_actor_id;
END;

CREATE TRIGGER sanction_years_pair_ai AFTER INSERT ON sanction_years BEGIN
    INSERT INTO sanction_pair_changes
    SELECT new.imposer_actor_id, coalesce(lower(coalesce(t.name, nullif(new.target_description, ''))), ''),
           coalesce(t.country_code, nullif(new.target_country, ''), ''), new.year, new.measures
    FROM (SELECT 1) LEFT JOIN actors t ON t.id = new.target_actor_id;
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

CREATE TRIGGER sanctions_year_ad AFTER DELETE ON sanctions BEGIN
    INSERT INTO sanction_year_changes
    SELECT old.imposer_actor_id, old.target_actor_id, old.target_description, old.target_country, old.kind, old.action,
           old.conditional, coalesce(old.stated_on, ar.published_on), -1
    FROM articles ar WHERE ar.id = old.article_id;
END;

CREATE TRIGGER sanctions_year_ai AFTER INSERT ON sanctions BEGIN
    INSERT INTO sanction_year_changes
    SELECT new.imposer_actor_id, new.target_actor_id, new.target_description, new.target_country, new.kind, new.action,
           new.conditional, coalesce(new.stated_on, ar.published_on), 1
    FROM articles ar WHERE ar.id = new.article_id;
END;

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

CREATE TRIGGER support_pair_changes_ii INSTEAD OF INSERT ON support_pair_changes BEGIN
    DELETE FROM support_pairs WHERE party_actor_id = new.party_actor_id AND backer_actor_id = new.backer_actor_id;
    INSERT INTO support_pairs(party_actor_id, backer_actor_id, events, goldstein_tenths, first_on, last_on, support)
    SELECT y.party_actor_id, y.backer_actor_id, sum(y.events), sum(y.goldstein_tenths), min(y.first_on), max(y.last_on),
           coalesce((SELECT group_concat(d.description) FROM (SELECT c.description FROM support_years s JOIN cameo_codes c ON c.code = s.cameo_code
                                                    WHERE s.party_actor_id = new.party_actor_id
                                                      AND s.backer_actor_id = new.backer_actor_id AND s.events > 0
                                                    GROUP BY c.description ORDER BY min(c.code)) d), '')
    FROM support_years y
    WHERE y.party_actor_id = new.party_actor_id AND y.backer_actor_id = new.backer_actor_id
    GROUP BY 1, 2
    HAVING sum(y.events) > 0;
END;

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

CREATE TRIGGER support_years_pair_ad AFTER DELETE ON support_years BEGIN
    INSERT INTO support_pair_changes VALUES (old.party_actor_id, old.backer_actor_id);
END;

CREATE TRIGGER support_years_pair_ai AFTER INSERT ON support_years BEGIN
    INSERT INTO support_pair_changes VALUES (new.party_actor_id, new.backer_actor_id);
END;

CREATE TRIGGER support_years_pair_au AFTER UPDATE ON support_years BEGIN
    INSERT INTO support_pair_changes SELECT old.party_actor_id, old.backer_actor_id
    WHERE old.party_actor_id <> new.party_actor_id OR old.backer_actor_id <> new.backer_actor_id;
    INSERT INTO support_pair_changes VALUES (new.party_actor_id, new.backer_actor_id);
END;

CREATE VIEW actor_month_changes(actor_id, article_id, mention_id, sign) AS
SELECT NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW co_mention_changes(actor_id, article_id, sentence_id, mention_id, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW dyad_bounds(a_id, b_id) AS SELECT NULL, NULL WHERE 0;

CREATE VIEW dyad_changes(source_actor_id, target_actor_id, cameo_code, on_date, mode, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW event_month_changes(source_actor_id, article_id, cameo_code, occurred_on, mode, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW event_month_moves(actor_id, from_country, to_country) AS
SELECT NULL, NULL, NULL WHERE 0;

CREATE VIEW role_span_bounds(actor_id, title, country_code, of_actor_id) AS SELECT NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW role_span_changes(actor_id, title, country_code, of_actor_id, seen_on, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW sanction_pair_changes(imposer_actor_id, target_key, country_key, year, measures) AS
SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW sanction_year_bounds(imposer_actor_id, target_actor_id, target_description, target_country, kind, year) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW sanction_year_changes(imposer_actor_id, target_actor_id, target_description, target_country, kind, action,
                                  conditional, on_date, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW support_pair_changes(party_actor_id, backer_actor_id) AS
SELECT NULL, NULL WHERE 0;

CREATE VIEW support_year_bounds(party_actor_id, backer_actor_id, cameo_code, year) AS
SELECT NULL, NULL, NULL, NULL WHERE 0;

CREATE VIEW support_year_changes(source_actor_id, target_actor_id, cameo_code, mode, on_date, sign) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

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

CREATE VIEW v_actor_mentions AS
SELECT m.article_id, m.actor_id, a.name AS actor_name, a.kind AS actor_kind,
       a.country_code, a.cameo_code, m.text AS mention_text, m.sentence_id
FROM mentions m JOIN actors a ON a.id = m.actor_id;

CREATE VIEW v_actor_roles AS
SELECT r.actor_id, a.name AS person, r.title, r.country_code, o.name AS of_name,
       min(r.seen_on) AS first_seen, max(r.seen_on) AS last_seen, count(DISTINCT r.article_id) AS articles
FROM actor_roles r
JOIN actors a ON a.id = r.actor_id
LEFT JOIN actors o ON o.id = r.of_actor_id
GROUP BY r.actor_id, r.title, r.country_code;

CREATE VIEW v_actors AS
SELECT a.id AS actor_id, a.name, a.kind, a.country_code, a.cameo_code,
       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = a.id) AS articles,
       (SELECT group_concat(al.alias, '; ') FROM actor_aliases al WHERE al.actor_id = a.id) AS aliases
FROM actors a;

CREATE VIEW v_articles AS
SELECT ar.id AS article_id, ar.external_id, ar.published_on, ar.outlet, ar.headline, ar.dateline_place,
       (SELECT count(*) FROM sentences s WHERE s.article_id = ar.id) AS sentences,
       (SELECT count(*) FROM events e WHERE e.article_id = ar.id) AS events,
       (SELECT count(*) FROM quotes q WHERE q.article_id = ar.id) AS quotes,
       (SELECT count(*) FROM sanctions x WHERE x.article_id = ar.id) AS sanctions
FROM articles ar;

CREATE VIEW v_conflicts AS
SELECT r.id AS report_id, r.article_id, r.conflict_id, c.name AS conflict_name, c.country_code,
       r.killed, r.killed_qualifier, r.since, r.as_of, se.text AS sentence_text,
       r.scope, r.wounded
FROM conflict_reports r
JOIN conflicts c ON c.id = r.conflict_id
JOIN sentences se ON se.id = r.sentence_id;

CREATE VIEW v_events AS
SELECT e.id AS event_id, e.article_id, e.occurred_on,
       e.source_actor_id, s.name AS source_name, s.country_code AS source_country, s.cameo_code AS source_cameo,
       e.cameo_code, c.description AS event_label,
       e.target_actor_id, t.name AS target_name, t.country_code AS target_country, t.cameo_code AS target_cameo,
       p.name AS place_name, e.mode, se.text AS sentence_text,
       c.root, c.quad_class, c.goldstein, c.plover, e.date_precision, p.country_code AS place_country,
       e.trigger_text, e.rule
FROM events e
JOIN cameo_codes c ON c.code = e.cameo_code
JOIN sentences se ON se.id = e.sentence_id
LEFT JOIN actors s ON s.id = e.source_actor_id
LEFT JOIN actors t ON t.id = e.target_actor_id
LEFT JOIN places p ON p.id = e.place_id;

CREATE VIEW v_meetings AS
SELECT e.event_id, e.occurred_on, e.source_name, e.target_name, e.cameo_code, e.event_label,
       e.place_name, e.mode, e.article_id, e.sentence_text
FROM v_events e
WHERE e.root = '04' AND e.mode IN ('asserted', 'future');

CREATE VIEW v_quotes AS
SELECT q.id AS quote_id, q.article_id, q.speaker_actor_id,
       COALESCE(a.name, q.speaker_description) AS speaker_name,
       COALESCE(q.speaker_country, a.country_code) AS speaker_country,
       q.speaker_role, q.anonymous AS speaker_anonymous, q.text AS quote_text, q.said_on, q.sentence_id
FROM quotes q
LEFT JOIN actors a ON a.id = q.speaker_actor_id;

CREATE VIEW v_sanctions AS
SELECT x.id AS sanction_id, x.article_id,
       i.name AS imposer_name, i.country_code AS imposer_country,
       COALESCE(t.name, x.target_description) AS target_name,
       COALESCE(t.country_code, x.target_country) AS target_country,
       x.action, x.kind, x.stated_on, x.conditional, se.text AS sentence_text,
       x.imposer_actor_id, x.target_actor_id, x.target_description, x.trigger_text
FROM sanctions x
JOIN sentences se ON se.id = x.sentence_id
LEFT JOIN actors i ON i.id = x.imposer_actor_id
LEFT JOIN actors t ON t.id = x.target_actor_id;
