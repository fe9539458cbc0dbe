-- 0004: full-text search over article text and quotes. External-content FTS5 tables,
-- spelled content="<table>" so Datasette and sqlite-utils detect them, kept in sync by
-- the <table>_ai/_ad/_au triggers.

CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content="articles", content_rowid="id", tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF headline, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_description, content="quotes", content_rowid="id", tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_description) VALUES (new.id, new.text, new.speaker_description);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_description) VALUES ('delete', old.id, old.text, old.speaker_description);
END;
CREATE TRIGGER quotes_au AFTER UPDATE OF text, speaker_description ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_description) VALUES ('delete', old.id, old.text, old.speaker_description);
    INSERT INTO quotes_fts(rowid, text, speaker_description) VALUES (new.id, new.text, new.speaker_description);
END;

-- Index the rows a database already holds when it is upgraded to this migration.
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
