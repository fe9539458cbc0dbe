-- 0005: readable views. v_actor_mentions, v_events, v_sanctions, v_conflicts and
-- v_quotes are a public contract (the scorers read them): keep their names and columns.

CREATE VIEW v_actor_mentions AS
SELECT m.article_id, m.actor_id, a.name AS actor_name, a.kind AS actor_kind,
       a.country_code, a.cameo_code, m.text AS mention_text, m.sentence_id
FROM mentions m JOIN actors a ON a.id = m.actor_id;

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

CREATE VIEW v_conflicts AS
SELECT r.id AS report_id, r.article_id, r.conflict_id, c.name AS conflict_name, c.country_code,
       r.killed, r.killed_qualifier, r.since, r.as_of, se.text AS sentence_text,
       r.scope, r.wounded
FROM conflict_reports r
JOIN conflicts c ON c.id = r.conflict_id
JOIN sentences se ON se.id = r.sentence_id;

CREATE VIEW v_quotes AS
SELECT q.id AS quote_id, q.article_id, q.speaker_actor_id,
       COALESCE(a.name, q.speaker_description) AS speaker_name,
       COALESCE(q.speaker_country, a.country_code) AS speaker_country,
       q.speaker_role, q.anonymous AS speaker_anonymous, q.text AS quote_text, q.said_on, q.sentence_id
FROM quotes q
LEFT JOIN actors a ON a.id = q.speaker_actor_id;

-- Convenience views for the shell.

CREATE VIEW v_articles AS
SELECT ar.id AS article_id, ar.external_id, ar.published_on, ar.outlet, ar.headline, ar.dateline_place,
       (SELECT count(*) FROM sentences s WHERE s.article_id = ar.id) AS sentences,
       (SELECT count(*) FROM events e WHERE e.article_id = ar.id) AS events,
       (SELECT count(*) FROM quotes q WHERE q.article_id = ar.id) AS quotes,
       (SELECT count(*) FROM sanctions x WHERE x.article_id = ar.id) AS sanctions
FROM articles ar;

CREATE VIEW v_actors AS
SELECT a.id AS actor_id, a.name, a.kind, a.country_code, a.cameo_code,
       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = a.id) AS articles,
       (SELECT group_concat(al.alias, '; ') FROM actor_aliases al WHERE al.actor_id = a.id) AS aliases
FROM actors a;

CREATE VIEW v_actor_roles AS
SELECT r.actor_id, a.name AS person, r.title, r.country_code, o.name AS of_name,
       min(r.seen_on) AS first_seen, max(r.seen_on) AS last_seen, count(DISTINCT r.article_id) AS articles
FROM actor_roles r
JOIN actors a ON a.id = r.actor_id
LEFT JOIN actors o ON o.id = r.of_actor_id
GROUP BY r.actor_id, r.title, r.country_code;

CREATE VIEW v_meetings AS
SELECT e.event_id, e.occurred_on, e.source_name, e.target_name, e.cameo_code, e.event_label,
       e.place_name, e.mode, e.article_id, e.sentence_text
FROM v_events e
WHERE e.root = '04' AND e.mode IN ('asserted', 'future');
