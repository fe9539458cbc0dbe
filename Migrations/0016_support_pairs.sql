-- 0016: the support of each backer and party over all dates, for backers without a :since.
--
-- backers lists, per conflict, the backer-party rows with the most support events. Over all
-- dates it summed support_years (0013) per pair of every party, ranked every conflict's pairs
-- and then read each shown pair's codes again: 185-280 ms at a million articles for every
-- conflict (20,000 pairs, 4,825 rows shown). With this table a conflict's busiest pairs are read
-- from the (party, events) index, and each shown row is one row of it.
--
-- Each row is its pair's support_years rows summed, with the descriptions of its codes in code
-- order (what backers shows as `support`). It is read again from support_years whenever one of
-- the pair's rows changes (a pair has a few rows: one per code and year), by triggers on
-- support_years; a new description of a CAMEO code reads every row again. irkb's batch writer
-- runs without triggers and reads the pairs its batch touched again (Store+SupportSummary.swift).

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
-- A party's backers by count.
CREATE INDEX support_pairs_events ON support_pairs(party_actor_id, events);

-- The row rule, once: a pair read again from support_years.
CREATE VIEW support_pair_changes(party_actor_id, backer_actor_id) AS
SELECT NULL, NULL WHERE 0;

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

CREATE TRIGGER support_years_pair_ai AFTER INSERT ON support_years BEGIN
    INSERT INTO support_pair_changes VALUES (new.party_actor_id, new.backer_actor_id);
END;

CREATE TRIGGER support_years_pair_ad AFTER DELETE ON support_years BEGIN
    INSERT INTO support_pair_changes VALUES (old.party_actor_id, old.backer_actor_id);
END;

CREATE TRIGGER support_years_pair_au AFTER UPDATE ON support_years BEGIN
    INSERT INTO support_pair_changes SELECT old.party_actor_id, old.backer_actor_id
    WHERE old.party_actor_id <> new.party_actor_id OR old.backer_actor_id <> new.backer_actor_id;
    INSERT INTO support_pair_changes VALUES (new.party_actor_id, new.backer_actor_id);
END;

CREATE TRIGGER cameo_codes_support_pair_au AFTER UPDATE OF description ON cameo_codes
WHEN old.description IS NOT new.description BEGIN
    INSERT INTO support_pair_changes SELECT DISTINCT party_actor_id, backer_actor_id FROM support_years;
END;

-- The pairs of the events already stored.
INSERT INTO support_pair_changes SELECT DISTINCT party_actor_id, backer_actor_id FROM support_years;
