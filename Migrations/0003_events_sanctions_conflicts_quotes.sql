-- 0003: what actors do and say: events, sanctions, conflicts with their casualty
-- reports, and quotes. Every row keeps its article, sentence and character offsets.

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
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_source ON events(source_actor_id);
CREATE INDEX events_target ON events(target_actor_id);
CREATE INDEX events_code ON events(cameo_code);
CREATE INDEX events_date ON events(occurred_on);
CREATE INDEX events_sentence ON events(sentence_id);  -- cascades from sentences, same-sentence lookups

CREATE TABLE sanction_actions (
    action      TEXT PRIMARY KEY,              -- closed vocabulary of what is done to a measure
    cameo_code  TEXT NOT NULL REFERENCES cameo_codes(code),  -- the event code the action corresponds to
    description TEXT NOT NULL
) STRICT;
INSERT INTO sanction_actions VALUES
    ('impose', '163', 'impose, tighten, intensify or add measures (also blacklist, asset freeze, embargo)'),
    ('extend', '163', 'extend, renew or prolong measures in force'),
    ('ease', '081', 'ease, relax, suspend or grant relief from measures'),
    ('lift', '081', 'lift or remove measures'),
    ('threaten', '1312', 'threaten measures not yet taken');

CREATE TABLE sanction_kinds (
    kind        TEXT PRIMARY KEY,
    description TEXT NOT NULL
) STRICT;
INSERT INTO sanction_kinds VALUES
    ('economic', 'general economic sanctions'),
    ('financial', 'asset freezes, banking and payment restrictions'),
    ('trade', 'import and export bans, export controls, tariffs used as sanctions'),
    ('arms', 'arms embargoes'),
    ('travel', 'travel bans and visa restrictions'),
    ('diplomatic', 'expulsions, downgraded relations, suspended memberships'),
    ('sectoral', 'sanctions on sectors such as energy, banking or defence'),
    ('other', 'measures of another or unstated kind');

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
CREATE INDEX sanctions_article ON sanctions(article_id);
CREATE INDEX sanctions_imposer ON sanctions(imposer_actor_id);
CREATE INDEX sanctions_target ON sanctions(target_actor_id);
CREATE INDEX sanctions_target_country ON sanctions(target_country);
CREATE INDEX sanctions_date ON sanctions(stated_on);
CREATE INDEX sanctions_sentence ON sanctions(sentence_id);

CREATE TABLE conflicts (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- canonical name, e.g. 'Ukraine conflict', 'Syrian civil war'
    country_code  TEXT,                        -- ISO alpha-3 of the main location
    identity_key  TEXT NOT NULL UNIQUE         -- one row per conflict across articles
) STRICT;
CREATE INDEX conflicts_country ON conflicts(country_code);

CREATE TABLE conflict_parties (
    id           INTEGER PRIMARY KEY,
    conflict_id  INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article that names the party
    UNIQUE (conflict_id, actor_id, article_id)
) STRICT;
CREATE INDEX conflict_parties_actor ON conflict_parties(actor_id);
CREATE INDEX conflict_parties_article ON conflict_parties(article_id);

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
CREATE INDEX conflict_reports_conflict ON conflict_reports(conflict_id, as_of);
CREATE INDEX conflict_reports_article ON conflict_reports(article_id);
CREATE INDEX conflict_reports_sentence ON conflict_reports(sentence_id);

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
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
CREATE INDEX quotes_country ON quotes(speaker_country);
CREATE INDEX quotes_sentence ON quotes(sentence_id);
