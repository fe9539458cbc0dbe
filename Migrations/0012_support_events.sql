-- 0012: the support events by target, for backers: an index of only the events whose CAMEO
-- code is support (praise, verbal defence, rallying support and recognition 050-054, material
-- cooperation 06, aid 07, pledges of aid 033x), so that a conflict's backers are read from
-- them instead of from every event aimed at its parties. Partial: about one event in fifteen
-- of the generated corpus is in it, so ingest pays for little. backers' condition on the code
-- is written exactly as this WHERE, which is how SQLite knows the index may serve it.
-- The WHERE is written with ranges: SQLite 3.40 evaluates `x IN ('a', 'b')` by building a
-- temporary index on each insert, which made every event insert about twice as dear.
CREATE INDEX events_support ON events(target_actor_id, cameo_code)
WHERE (cameo_code >= '05' AND cameo_code <= '054') OR (cameo_code >= '06' AND cameo_code < '08')
   OR (cameo_code >= '033' AND cameo_code < '034');
