-- 0017: two indexes that no statement needs are dropped; every article paid for them.
--
-- articles_hash (0001, on articles.content_hash): an article is found by its external_id (whose
-- unique index stays) and its content_hash read from that row, to tell whether it changed;
-- nothing looks an article up by its hash. Each new article put one key in it at a random place
-- (a SHA-256): past 100,000 articles that was a page of its own per article, about 2% of the
-- pages a batch writes (counted in the log of a 1,000-article batch into 100,000 articles: 993 of
-- 43,237 pages). A shell user looking for identical texts under two ids can still GROUP BY
-- content_hash (a scan), or create the index again.
--
-- actor_roles_actor (0001, on actor_roles.actor_id): the table's UNIQUE (actor_id, title,
-- article_id) index starts with the same column and serves the same lookups (a person's roles,
-- the check before an actor is pruned, the cascade when an actor is deleted). 492 pages of the
-- same batch.

DROP INDEX articles_hash;
DROP INDEX actor_roles_actor;
