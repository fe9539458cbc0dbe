-- 0010: indexes for the sanctions and quotes queries, so that they read an index range as big
-- as their answer rather than every row of a large actor.
--
-- The lookups by target, imposer, target country, speaker and speaker country are widened with
-- the date, so that "the newest (oldest) :limit measures or quotes of an actor" reads them in
-- date order from the index and stops (sanctions-on, sanctions-timeline, quotes-by-speaker).
-- Same number of indexes, same names.
DROP INDEX sanctions_target;
CREATE INDEX sanctions_target ON sanctions(target_actor_id, stated_on);
DROP INDEX sanctions_imposer;
CREATE INDEX sanctions_imposer ON sanctions(imposer_actor_id, stated_on);
DROP INDEX sanctions_target_country;
CREATE INDEX sanctions_target_country ON sanctions(target_country, stated_on);
DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id, said_on);
DROP INDEX quotes_country;
CREATE INDEX quotes_country ON quotes(speaker_country, said_on);

-- The measures on a target in the order sanctions-in-force counts them (per imposer and kind,
-- by date), read from the index alone.
CREATE INDEX sanctions_measures ON sanctions(target_actor_id, imposer_actor_id, kind, stated_on, action, conditional);
