import Foundation
import CSQLiteConfig
import GRDB
import GRDBSQLite

/// What writing one article did.
public enum WriteOutcome: String, Sendable {
    /// A new article.
    case inserted
    /// An article already stored under the same key, whose text or analysis changed: its derived rows were replaced.
    case updated
    /// Stored already with the same content hash and analyzer version: nothing written.
    case unchanged
}

extension Store {
    /// Writes one analysed article and its derived rows in one transaction.
    ///
    /// Re-ingest is idempotent: an article is keyed by `external_id`; when the stored
    /// content hash and analyzer version are the same nothing is written, otherwise its
    /// derived rows are replaced (`INSERT ... ON CONFLICT DO UPDATE`, never `INSERT OR REPLACE`).
    @discardableResult
    public func write(_ analysis: ArticleAnalysis, analyzerVersion: Int) throws -> WriteOutcome {
        // In a bulk load, the triggers' statements would read indexes the load dropped.
        if isBulkLoading { return try writeBatch([analysis], analyzerVersion: analyzerVersion)[0].get() }
        return try database.write { db in try Store.write(analysis, analyzerVersion: analyzerVersion, in: db) }
    }

    /// Writes many articles in one transaction; an article that fails is rolled back alone and
    /// reported, the others are kept.
    ///
    /// The batch is first written whole, without savepoints: a savepoint per article makes SQLite
    /// journal every page the article touches (about 180 pages of 4 KB per article, through a
    /// temporary file), which cost more than the inserts themselves. Failures are rare; when one
    /// happens the transaction is rolled back and the batch is written again with one savepoint per
    /// article, so the failure costs only its own article.
    public func writeBatch(_ analyses: [ArticleAnalysis], analyzerVersion: Int, force: Bool = false) throws -> [Result<WriteOutcome, Error>] {
        // The log is copied into the database file while the caller goes on (see Checkpointer).
        defer { checkpointer?.request() }
        var attempts = 0
        do {
            return try writeRetryingBusyWithoutForeignKeys { db in
                attempts += 1
                // SQLite 3.40 evaluates a CHECK of the form `x IN ('a', 'b', 'c')` by building a
                // temporary index on every insert (some fifty per article). The writer's values are
                // Swift enums or are checked by `Store.validate` before any insert, so the fast path
                // skips SQLite's CHECKs; the careful path and every other writer keep them.
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
                // No trigger runs for the batch's own rows: calling a trigger costs SQLite a
                // sub-program per row (about 20,000 instructions, a third of the writer's time
                // with the summaries' triggers of 0008). The batch does the triggers' work itself,
                // once: its rows are added to the full-text indexes and to the summaries with one
                // grouped statement each, and an article stored before is taken out of them first.
                // Triggers are back on before the transaction ends, for every other write.
                try Store.setTriggers(db, enabled: false)
                defer { try? Store.setTriggers(db, enabled: true) }
                let cache = WriteCache()
                cache.deferred = true
                cache.holdRows = true
                cache.bulk = isBulkLoading
                // A bulk load counts its articles in memory (Store+BulkLoad.swift) unless it
                // stopped; a batch written again (the database was busy) may have been counted.
                if cache.bulk && attempts > 1 { stopBulkCounting() }
                let counts = cache.bulk ? bulkCounts() : nil
                cache.tallying = !cache.bulk || counts != nil
                try cache.loadCameoCodes(db)
                var results: [Result<WriteOutcome, Error>] = []
                results.reserveCapacity(analyses.count)
                for a in analyses {
                    results.append(.success(try Store.write(a, analyzerVersion: analyzerVersion, force: force, cache: cache, in: db)))
                }
                try cache.insertHeldRows(db)
                if !cache.orphans.isEmpty {
                    try Store.pruneActors(cache.orphans, in: db)
                    cache.clear()
                }
                try Store.indexDeferred(cache, in: db)
                if !cache.bulk {
                    try Store.addTallies(cache, in: db)
                    try Store.summarize(articlesJSON: Store.jsonArray(cache.writtenArticles), sign: 1, counted: true, in: db)
                    if cache.subtracted { try Store.finishSubtraction(in: db) }
                } else if let counts {
                    try countBulkBatch(cache, into: counts, in: db)
                }
                return results
            }
        } catch let e as DatabaseError where Store.isBusy(e) || !Store.isArticleError(e) {
            throw e
        } catch {
            // The careful path counts nothing: a bulk load's finish recounts what it writes.
            if isBulkLoading { stopBulkCounting() }
            return try writeBatchArticleByArticle(analyses, analyzerVersion: analyzerVersion, force: force)
        }
    }

    /// Turns the connection's triggers off or on (SQLITE_DBCONFIG_ENABLE_TRIGGER).
    static func setTriggers(_ db: Database, enabled: Bool) throws {
        let rc = irkb_sqlite_enable_triggers(UnsafeMutableRawPointer(db.sqliteConnection), enabled ? 1 : 0)
        if rc != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot switch triggers") }
    }

    /// Adds the batch's articles (new, or stored before and taken out of the index) and every quote
    /// of the batch's articles to the full-text indexes, one statement per index: FTS5 then writes
    /// one segment for the whole batch.
    static func indexDeferred(_ cache: WriteCache, in db: Database) throws {
        let json = jsonArray
        if !cache.insertedArticles.isEmpty {
            try db.execute(sql: """
                INSERT INTO articles_fts(rowid, headline, body)
                SELECT id, headline, body FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: [json(cache.insertedArticles)])
        }
        if !cache.writtenArticles.isEmpty {
            try db.execute(sql: """
                INSERT INTO quotes_fts(rowid, text, speaker_description)
                SELECT id, text, speaker_description FROM quotes WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: [json(cache.writtenArticles)])
        }
    }

    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    /// Adds the batch's events, counted per pair of actors as its articles were written, to dyads:
    /// one upsert row per pair, in key order.
    static func addDyadTallies(_ cache: WriteCache, in db: Database) throws {
        var pairs: [WriteCache.Pair: WriteCache.DyadTally] = [:]
        for article in cache.dyadTallies.values {
            for (pair, t) in article { pairs[pair, default: WriteCache.DyadTally()].add(t) }
        }
        let insert = MultiRowInsert("""
            INSERT INTO dyads(a_id, b_id, events, verbal_cooperation, material_cooperation, verbal_conflict,
                              material_conflict, goldstein_tenths, first_on, last_on)
            """, columns: 10, maxRows: 64, suffix: dyadUpsert)
        try insert.insert(db, pairs.keys.sorted()) { k, v in
            let t = pairs[k]!
            v += [.i(k.a), .i(k.b), .i(t.events), .i(t.quad.0), .i(t.quad.1), .i(t.quad.2), .i(t.quad.3), .i(t.goldsteinTenths),
                  .t(t.first), .t(t.last)]
        }
        cache.dyadTallies.removeAll()
    }

    /// Adds the batch's mentions, counted as its articles were written, to actor_months and
    /// actor_years: one upsert row per (actor, month) and per (actor, year), in key order.
    /// Grouping them again from the mentions table in SQL cost the writer 7% of its instructions.
    static func addTallies(_ cache: WriteCache, in db: Database) throws {
        try addMentionTallies(cache, in: db)
        try addDyadTallies(cache, in: db)
        try addCoMentionTallies(cache, in: db)
    }

    static func addMentionTallies(_ cache: WriteCache, in db: Database) throws {
        struct Key: Hashable, Comparable {
            var actor: Int64; var period: String
            static func < (a: Key, b: Key) -> Bool { a.actor != b.actor ? a.actor < b.actor : a.period < b.period }
        }
        var months: [Key: (mentions: Int, articles: Int)] = [:]
        for tally in cache.mentionTallies.values {
            for (actor, n) in tally.counts {
                let k = Key(actor: actor, period: tally.month)
                let old = months[k] ?? (0, 0)
                months[k] = (old.mentions + n, old.articles + 1)
            }
        }
        var years: [Key: (mentions: Int, articles: Int)] = [:]
        for (k, v) in months {
            let y = Key(actor: k.actor, period: String(String.UnicodeScalarView(k.period.unicodeScalars.prefix(4))))
            let old = years[y] ?? (0, 0)
            years[y] = (old.mentions + v.mentions, old.articles + v.articles)
        }
        let update = "DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles"
        let monthInsert = MultiRowInsert("INSERT INTO actor_months(actor_id, month, mentions, articles)",
                                         columns: 4, maxRows: 64, suffix: "ON CONFLICT(actor_id, month) " + update)
        try monthInsert.insert(db, months.keys.sorted()) { k, v in
            let t = months[k]!
            v += [.i(k.actor), .t(k.period), .i(t.mentions), .i(t.articles)]
        }
        let yearInsert = MultiRowInsert("INSERT INTO actor_years(actor_id, year, mentions, articles)",
                                        columns: 4, maxRows: 64, suffix: "ON CONFLICT(actor_id, year) " + update)
        try yearInsert.insert(db, years.keys.sorted()) { k, v in
            let t = years[k]!
            v += [.i(k.actor), .t(k.period), .i(t.mentions), .i(t.articles)]
        }
        cache.mentionTallies.removeAll()
    }

    /// Adds the mentions and events of the articles listed (a JSON array of ids) to the summary
    /// tables of 0008, one grouped statement per summary: what the summaries' insert triggers
    /// would have added row by row.
    /// With `sign` -1 it takes them away (rows left at zero go with `finishSubtraction`).
    /// With `sign` -1 the spans (first and last dates) of the rows it touches in the summaries
    /// of 0009 are left as they were and the rows are listed: `finishSubtraction` reads those
    /// spans again from the detail tables once the articles' old rows are gone.
    /// `counted`: the articles' mentions are in actor_months and actor_years already, and their
    /// events in dyads (`addTallies`); only the other summaries are left to do.
    /// `spans` false: without the statements that read the spans of touched rows again (a bulk
    /// load's counting, which takes nothing away and has dropped the indexes they read).
    static func summarize(articlesJSON ids: String, sign: Int, counted: Bool = false, spans: Bool = true, in db: Database) throws {
        if ids == "[]" { return }
        if sign < 0 {
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS touched_dyads(a_id, b_id, PRIMARY KEY (a_id, b_id)) WITHOUT ROWID;
                CREATE TEMP TABLE IF NOT EXISTS touched_role_spans(actor_id, title, country_code, of_actor_id,
                    PRIMARY KEY (actor_id, title, country_code, of_actor_id)) WITHOUT ROWID
                """)
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO temp.touched_dyads
                SELECT min(e.source_actor_id, e.target_actor_id), max(e.source_actor_id, e.target_actor_id)
                FROM events e WHERE e.article_id IN (SELECT value FROM json_each(?))
                  AND e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
                """).execute(arguments: [ids])
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO temp.touched_role_spans
                SELECT actor_id, title, coalesce(country_code, ''), coalesce(of_actor_id, 0)
                FROM actor_roles WHERE article_id IN (SELECT value FROM json_each(?))
                """).execute(arguments: [ids])
        }
        let condition = "ar.id IN (SELECT value FROM json_each(?))"
        for sql in summaryInserts(articles: condition, sign: sign, mentions: !counted, spans: spans) {
            let statement = try db.cachedStatement(sql: sql)
            try statement.execute(arguments: sqlite3_bind_parameter_count(statement.sqliteStatement) > 0 ? [ids] : [])
        }
    }

    /// After a subtraction and the batch's own additions: removes the summary rows whose counts
    /// reached zero and reads the spans of the rows touched again from the detail tables, through
    /// the bound views of 0009 (their INSTEAD OF triggers hold the rule; triggers are on for that
    /// statement alone).
    static func finishSubtraction(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM actor_months WHERE mentions <= 0;
            DELETE FROM actor_years WHERE mentions <= 0;
            DELETE FROM event_months WHERE events <= 0;
            DELETE FROM dyads WHERE events <= 0;
            DELETE FROM role_spans WHERE articles <= 0;
            DELETE FROM conflict_counts WHERE reports <= 0;
            DELETE FROM conflict_party_counts WHERE articles <= 0
            """)
        try db.execute(sql: coMentionCleanup)
        try setTriggers(db, enabled: true)
        defer { try? setTriggers(db, enabled: false) }
        try db.execute(sql: """
            INSERT INTO dyad_bounds SELECT a_id, b_id FROM temp.touched_dyads;
            INSERT INTO role_span_bounds SELECT actor_id, title, country_code, of_actor_id FROM temp.touched_role_spans;
            DELETE FROM temp.touched_dyads;
            DELETE FROM temp.touched_role_spans
            """)
    }

    /// Recomputes the summary tables of 0008 and 0009 from every stored row (after a bulk load
    /// that ran without their triggers).
    /// Runs without triggers (those of actor_months would add to actor_years a second time).
    /// `coMentions` false leaves co_mentions as it is (scale-db multiplies it instead: pairing every
    /// article's actors again is the costliest of the rebuilds).
    public static func rebuildSummaries(in db: Database, coMentions: Bool = true) throws {
        try setTriggers(db, enabled: false)
        defer { try? setTriggers(db, enabled: true) }
        let tables = summaryTables.filter { coMentions || $0 != "co_mentions" }
        try db.execute(sql: tables.map { "DELETE FROM \($0)" }.joined(separator: "; "))
        for sql in summaryInserts(articles: "true", sign: 1, coMentions: coMentions) { try db.execute(sql: sql) }
    }

    /// The grouped inserts of the summaries, for the articles that `articles` (a condition on
    /// `ar`, the articles table) selects.
    /// `mentions` false: without actor_months, actor_years and dyads (what the batch writer counts
    /// itself).
    static func summaryInserts(articles condition: String, sign: Int, mentions: Bool = true, coMentions: Bool = true,
                               spans: Bool = true) -> [String] {
        (mentions ? mentionSummaryInserts(articles: condition, sign: sign) : [])
            + (mentions && coMentions ? coMentionSummaryStatements(articles: condition, sign: sign) : [])
            + eventSummaryInserts(articles: condition, sign: sign, dyads: mentions)
            + otherSummaryInserts(articles: condition, sign: sign, spans: spans)
    }

    /// The grouped inserts of actor_months and actor_years. The batch writer counts its own
    /// articles' mentions as it writes them instead (`addMentionTallies`), the same rule.
    static func mentionSummaryInserts(articles condition: String, sign: Int) -> [String] {
        let sign = sign < 0 ? "-" : ""
        // The mentions are grouped once per (actor, month) into a temporary table, which feeds
        // both actor_months and actor_years.
        return ["""
        CREATE TEMP TABLE IF NOT EXISTS batch_actor_months(actor_id, month, mentions, articles,
                                                           PRIMARY KEY (actor_id, month)) WITHOUT ROWID
        """, """
        INSERT INTO temp.batch_actor_months(actor_id, month, mentions, articles)
        SELECT actor_id, month, sum(n), count(*)
        FROM (SELECT m.actor_id, substr(coalesce(ar.published_on, ''), 1, 7) AS month, count(*) AS n
              FROM articles ar JOIN mentions m ON m.article_id = ar.id
              WHERE \(condition)
              GROUP BY m.article_id, m.actor_id)  -- in the (article, actor) index's order: no sort
        GROUP BY 1, 2
        """, """
        INSERT INTO actor_months(actor_id, month, mentions, articles)
        SELECT actor_id, month, \(sign)mentions, \(sign)articles FROM temp.batch_actor_months WHERE true
        ON CONFLICT(actor_id, month) DO UPDATE SET mentions = mentions + excluded.mentions,
                                                   articles = articles + excluded.articles
        """, """
        INSERT INTO actor_years(actor_id, year, mentions, articles)
        SELECT actor_id, substr(month, 1, 4), \(sign)sum(mentions), \(sign)sum(articles) FROM temp.batch_actor_months
        GROUP BY 1, 2
        ON CONFLICT(actor_id, year) DO UPDATE SET mentions = mentions + excluded.mentions,
                                                  articles = articles + excluded.articles
        """, """
        DELETE FROM temp.batch_actor_months
        """]
    }

    /// The grouped inserts of event_months and dyads; the batch writer counts its own
    /// articles' events for dyads as it writes them (`addEventTallies`), the same rule.
    static func eventSummaryInserts(articles condition: String, sign: Int, dyads: Bool = true) -> [String] {
        let sign = sign < 0 ? "-" : ""
        return ["""
        INSERT INTO event_months(country, month, root, events, goldstein_tenths)
        SELECT s.country_code, substr(coalesce(e.occurred_on, ar.published_on), 1, 7), c.root,
               \(sign)count(*), \(sign)sum(CAST(round(c.goldstein * 10) AS INTEGER))
        FROM articles ar JOIN events e ON e.article_id = ar.id
        JOIN actors s ON s.id = e.source_actor_id JOIN cameo_codes c ON c.code = e.cameo_code
        WHERE \(condition)
          AND e.mode IN ('asserted', 'future') AND s.country_code IS NOT NULL
          AND coalesce(e.occurred_on, ar.published_on) IS NOT NULL
        GROUP BY 1, 2, 3
        ON CONFLICT(country, month, root) DO UPDATE SET events = events + excluded.events,
                                                        goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths
        """] + (dyads ? dyadSummaryInserts(articles: condition, sign: sign) : [])
    }

    static func dyadSummaryInserts(articles condition: String, sign: String) -> [String] {
        ["""
        INSERT INTO dyads(a_id, b_id, events, verbal_cooperation, material_cooperation, verbal_conflict,
                          material_conflict, goldstein_tenths, first_on, last_on)
        SELECT min(e.source_actor_id, e.target_actor_id), max(e.source_actor_id, e.target_actor_id), \(sign)count(*),
               \(sign)sum(c.quad_class = 1), \(sign)sum(c.quad_class = 2), \(sign)sum(c.quad_class = 3),
               \(sign)sum(c.quad_class = 4), \(sign)sum(CAST(round(c.goldstein * 10) AS INTEGER)),
               min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
        FROM articles ar JOIN events e ON e.article_id = ar.id JOIN cameo_codes c ON c.code = e.cameo_code
        WHERE \(condition)
          AND e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
        GROUP BY 1, 2
        \(dyadUpsert)
        """]
    }

    /// The batch upserts' rule for a span column (a first or last date) of a summary row: a
    /// grouped row that adds widens the span to its own first or last date (`fn` min or max; a
    /// NULL date leaves it as it is); one that takes away (its `count` column negative) leaves the
    /// span for `finishSubtraction` to read again.
    static func widenSpan(_ column: String, _ fn: String, unless count: String) -> String {
        "\(column) = CASE WHEN excluded.\(count) < 0 OR excluded.\(column) IS NULL THEN \(column) "
            + "WHEN \(column) IS NULL THEN excluded.\(column) ELSE \(fn)(\(column), excluded.\(column)) END"
    }

    /// How a grouped row of `dyads` is added to the stored one (a negative count takes it away
    /// and leaves the span for `finishSubtraction`).
    static let dyadUpsert = """
        ON CONFLICT(a_id, b_id) DO UPDATE SET
            events = events + excluded.events,
            verbal_cooperation = verbal_cooperation + excluded.verbal_cooperation,
            material_cooperation = material_cooperation + excluded.material_cooperation,
            verbal_conflict = verbal_conflict + excluded.verbal_conflict,
            material_conflict = material_conflict + excluded.material_conflict,
            goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths,
            \(Store.widenSpan("first_on", "min", unless: "events")),
            \(Store.widenSpan("last_on", "max", unless: "events"))
        """

    /// The grouped inserts of the summaries other than actor_months, actor_years and dyads.
    static func otherSummaryInserts(articles condition: String, sign: Int, spans: Bool = true) -> [String] {
        let sign = sign < 0 ? "-" : ""
        return ["""
        INSERT INTO role_spans(actor_id, title, country_code, of_actor_id, articles, first_seen, last_seen)
        SELECT r.actor_id, r.title, coalesce(r.country_code, ''), coalesce(r.of_actor_id, 0), \(sign)count(*),
               min(r.seen_on), max(r.seen_on)
        FROM articles ar JOIN actor_roles r ON r.article_id = ar.id
        WHERE \(condition)
        GROUP BY 1, 2, 3, 4
        ON CONFLICT(actor_id, title, country_code, of_actor_id) DO UPDATE SET
            articles = articles + excluded.articles,
            \(Store.widenSpan("first_seen", "min", unless: "articles")),
            \(Store.widenSpan("last_seen", "max", unless: "articles"))
        """, """
        INSERT INTO conflict_counts(conflict_id, reports)
        SELECT r.conflict_id, \(sign)count(*)
        FROM articles ar JOIN conflict_reports r ON r.article_id = ar.id
        WHERE \(condition)
        GROUP BY 1
        ON CONFLICT(conflict_id) DO UPDATE SET reports = reports + excluded.reports
        """, """
        INSERT INTO conflict_party_counts(conflict_id, actor_id, articles)
        SELECT cp.conflict_id, cp.actor_id, \(sign)count(*)
        FROM articles ar JOIN conflict_parties cp ON cp.article_id = ar.id
        WHERE \(condition)
        GROUP BY 1, 2
        ON CONFLICT(conflict_id, actor_id) DO UPDATE SET articles = articles + excluded.articles
        """] + sanctionSummaryStatements(articles: condition, sign: sign == "-" ? -1 : 1, spans: spans)
            + supportSummaryStatements(articles: condition, sign: sign == "-" ? -1 : 1, spans: spans)
    }

    /// Removes a stored article and its quotes from the full-text indexes (what the delete and
    /// update triggers of 0004 do when triggers run).
    static func unindex(articleID id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO articles_fts(articles_fts, rowid, headline, body) SELECT 'delete', id, headline, body FROM articles WHERE id = ?
            """).execute(arguments: [id])
        try db.cachedStatement(sql: """
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_description)
            SELECT 'delete', id, text, speaker_description FROM quotes WHERE article_id = ?
            """).execute(arguments: [id])
    }

    /// Whether a database error can come from one article's rows (a constraint, a value SQLite
    /// refuses) rather than from the database itself (I/O, full disk, corruption), which would fail
    /// every article alike.
    static func isArticleError(_ e: DatabaseError) -> Bool {
        switch e.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE, .SQLITE_ERROR: return true
        default: return false
        }
    }

    /// The careful path: one savepoint per article.
    /// In a bulk load its triggers are off too, and the articles are indexed for full-text search
    /// once at the end, as on the fast path.
    func writeBatchArticleByArticle(_ analyses: [ArticleAnalysis], analyzerVersion: Int, force: Bool) throws -> [Result<WriteOutcome, Error>] {
        let bulk = isBulkLoading
        return try writeRetryingBusy { db in
            if bulk { try Store.setTriggers(db, enabled: false) }
            defer { if bulk { try? Store.setTriggers(db, enabled: true) } }
            var results: [Result<WriteOutcome, Error>] = []
            results.reserveCapacity(analyses.count)
            let cache = WriteCache()
            cache.deferred = bulk
            cache.bulk = bulk
            for a in analyses {
                let written = (cache.writtenArticles.count, cache.insertedArticles.count, cache.writtenSet)
                do {
                    var outcome = WriteOutcome.unchanged
                    try db.inSavepoint {
                        outcome = try Store.write(a, analyzerVersion: analyzerVersion, force: force, cache: cache, in: db)
                        return .commit
                    }
                    results.append(.success(outcome))
                } catch {
                    // The savepoint rolled back rows the cache may name (and an article id that a
                    // later article may be given again).
                    cache.clear()
                    cache.held.removeAll()
                    cache.writtenArticles.removeLast(cache.writtenArticles.count - written.0)
                    cache.insertedArticles.removeLast(cache.insertedArticles.count - written.1)
                    cache.writtenSet = written.2
                    results.append(.failure(error))
                }
            }
            if bulk { try Store.indexDeferred(cache, in: db) }
            return results
        }
    }

    /// Whether an article with this key and content hash is stored already with this analyzer version.
    public func isUnchanged(externalID: String, contentHash: String, analyzerVersion: Int) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT content_hash = ? AND analyzer_version = ? FROM articles WHERE external_id = ?",
                              arguments: [contentHash, analyzerVersion, externalID]) ?? false
        }
    }

    /// The write itself; the caller provides the transaction.
    /// With `force`, an unchanged article is rewritten too (reprocess).
    public static func write(_ a: ArticleAnalysis, analyzerVersion: Int, force: Bool = false, in db: Database) throws -> WriteOutcome {
        try write(a, analyzerVersion: analyzerVersion, force: force, cache: WriteCache(), in: db)
    }

    /// The write, with what earlier articles of the same transaction learned about actors.
    static func write(_ a: ArticleAnalysis, analyzerVersion: Int, force: Bool, cache: WriteCache, in db: Database) throws -> WriteOutcome {
        try validate(a, cameoCodes: cache.cameoCodes)
        let st = try cache.statements(db)
        let f = a.article
        var outcome = WriteOutcome.inserted
        var oldActorIDs: [Int64] = []
        var existingID: Int64?
        if let existing = try st.articleLookup.fetchFirst(db, .t(f.externalID), read: { h in
            (id: sqlite3_column_int64(h, 0), hash: sqlite3_column_text(h, 1).map { String(cString: $0) },
             version: sqlite3_column_int64(h, 2))
        }) {
            let id = existing.id
            if !force && existing.hash == f.contentHash && existing.version == Int64(analyzerVersion) {
                return .unchanged
            }
            outcome = .updated
            existingID = id
            cache.replacedStored = true
            if cache.deferred && !cache.writtenSet.contains(id) {
                // Stored before this batch, and no trigger runs: take the article and its quotes
                // out of the full-text indexes and its rows out of the summaries; they go back in
                // with the batch. (An article written earlier in this batch is in neither yet.)
                try unindex(articleID: id, in: db)
                if !cache.bulk {
                    try summarize(articlesJSON: "[\(id)]", sign: -1, in: db)
                    cache.subtracted = true
                }
                cache.insertedArticles.append(id)
            }
            // Written earlier in this batch: its held rows go in, to be replaced like stored ones.
            if cache.writtenSet.contains(id) { try cache.insertHeldRows(db) }
            oldActorIDs = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT actor_id FROM mentions WHERE article_id = ?"), arguments: [id])
            try deleteDerivedRows(articleID: id, in: db)
        }
        let now = Store.timestamp()
        // No RETURNING: SQLite 3.40 gathers RETURNING rows in a temporary table per execution.
        // The id is the stored one when the article exists (looked up above), else the new rowid.
        try st.articleUpsert.run(db, .t(f.externalID), .t(f.url), .t(f.outlet), .t(f.headline), .t(f.datelinePlace), .t(f.publishedOn),
                     .t(f.publishedSource.rawValue), .t(f.body), .t(f.contentHash), .t(f.source), .t(now), .i(analyzerVersion))
        let articleID = existingID ?? db.lastInsertedRowID
        if cache.writtenSet.insert(articleID).inserted { cache.writtenArticles.append(articleID) }
        if existingID == nil { cache.insertedArticles.append(articleID) }

        // Sentences
        let sentenceIDs = try st.sentenceInsert.insert(db, a.sentences.indices) { i, v in
            let s = a.sentences[i]
            v += [.i(articleID), .i(i), .i(s.paragraph), .i(s.startChar), .i(s.endChar), .t(s.text), .b(s.isCaption)]
        }

        // Actors: one row per identity across articles; a user alias may redirect.
        var actorIDs: [Int64] = []
        actorIDs.reserveCapacity(a.actors.count)
        let userAlias = st.userAlias
        // Look up, then insert or fill in the CAMEO code: an upsert with RETURNING would build a
        // temporary table per execution.
        let actorLookup = st.actorLookup
        let actorInsert = st.actorInsert
        let actorCameo = st.actorCameo
        let aliasInsert = st.aliasInsert
        for actor in a.actors {
            // Most actors recur from article to article: inside one transaction their ids and
            // user aliases cannot change, so each is looked up and upserted once per batch.
            var id: Int64?
            if let known = cache.userAlias[actor.name] {
                id = known
            } else {
                id = try userAlias.fetchInt(db, .t(actor.name))
                cache.userAlias[actor.name] = .some(id)
            }
            if id == nil {
                let key = actor.identityKey
                let known = cache.actors[key]
                if let known, known.hasCameo || actor.cameoCode == nil {
                    id = known.id
                } else {
                    if let row = try Row.fetchOne(actorLookup, arguments: [key]) {
                        let stored: Int64 = row[0]
                        if !(row[1] as Bool), let cameo = actor.cameoCode { try actorCameo.run(db, .t(cameo), .i(stored)) }
                        id = stored
                    } else {
                        try actorInsert.run(db, .t(actor.name), .t(actor.kind.rawValue), .t(actor.countryCode), .t(actor.cameoCode), .t(key))
                        id = db.lastInsertedRowID
                    }
                    cache.actors[key] = (id!, known?.hasCameo == true || actor.cameoCode != nil)
                }
            }
            let actorID = id!
            actorIDs.append(actorID)
            for alias in actor.aliases where alias != actor.name {
                if cache.aliases.insert(WriteCache.AliasKey(actor: actorID, alias: alias)).inserted {
                    try aliasInsert.run(db, .i(actorID), .t(alias))
                }
            }
        }
        func actorID(_ i: Int?) -> Int64? { i.flatMap { $0 >= 0 && $0 < actorIDs.count ? actorIDs[$0] : nil } }
        func sentenceID(_ i: Int) -> Int64 { sentenceIDs[max(0, min(i, sentenceIDs.count - 1))] }

        // The rows of the per-article tables are held until the batch ends (`WriteCache.held`).
        for m in a.mentions {
            cache.held.mentions += [.i(articleID), .i(sentenceID(m.sentence)), .i(actorIDs[m.actor]), .i(m.startChar), .i(m.endChar),
                                    .t(m.text), .t(m.rule)]
        }
        if cache.deferred && cache.tallying {
            cache.tallyMentions(article: articleID, publishedOn: f.publishedOn, actors: a.mentions.lazy.map { actorIDs[$0.actor] })
            // co_mentions' rule (0014): the article's pairs of actors, and the sentences of each.
            // The pairs by actor index come from the analysis; mapped to ids here (by the mentions
            // again when two of the article's actors are one stored actor).
            let local = a.actorPairs.flatMap { $0.mentionCount == a.mentions.count ? $0 : nil } ?? CoMentionTally(pairing: a)
            let mapped = local.actors.map { actorIDs[Int($0)] }
            if Set(mapped).count == mapped.count {
                cache.coMentionTallies[articleID] = ArticlePairs(ids: mapped, sentences: local.sentences)
            } else {
                let byID = CoMentionTally(mentions: a.mentions.lazy.map {
                    (sentence: Int(sentenceID($0.sentence)), actor: actorIDs[$0.actor])
                })
                cache.coMentionTallies[articleID] = ArticlePairs(ids: byID.actors, sentences: byID.sentences)
            }
        }

        for r in a.roles {
            cache.held.roles += [.i(actorIDs[r.actor]), .t(r.title), .t(r.countryCode), .i(actorID(r.ofActor)), .i(articleID),
                                 .i(r.sentence.map(sentenceID)), .t(f.publishedOn)]
        }

        var placeIDs: [Int64] = []
        let placeLookup = st.placeLookup
        let placeInsert = st.placeInsert
        for p in a.places {
            let key = p.name.lowercased() + "|" + (p.countryCode ?? "")
            if let known = cache.places[key] {
                placeIDs.append(known)
            } else {
                var id = try placeLookup.fetchInt(db, .t(key))
                if id == nil {
                    try placeInsert.run(db, .t(p.name), .t(p.countryCode), .t(p.kind), .t(key))
                    id = db.lastInsertedRowID
                }
                cache.places[key] = id!
                placeIDs.append(id!)
            }
        }

        for e in a.events {
            cache.held.events += [.i(articleID), .i(sentenceID(e.sentence)), .i(actorID(e.source)), .i(actorID(e.target)),
                                  .t(e.cameoCode), .t(e.occurredOn), .t(DatePrecision.of(e.occurredOn)?.rawValue),
                                  .t(e.dateSource?.rawValue), .i(e.place.map { placeIDs[$0] }), .t(e.mode.rawValue),
                                  .t(e.triggerText), .i(e.startChar), .i(e.endChar), .t(e.rule), .t(e.lexiconEntry)]
        }
        if cache.deferred && cache.tallying {
            cache.dyadTallies[articleID] = [:]
            for e in a.events where e.mode == .asserted || e.mode == .future {
                cache.tallyEvent(article: articleID, source: actorID(e.source), target: actorID(e.target), code: e.cameoCode,
                                 on: e.occurredOn ?? f.publishedOn)
            }
        }

        for s in a.sanctions {
            cache.held.sanctions += [.i(articleID), .i(sentenceID(s.sentence)), .i(actorID(s.imposer)), .i(actorID(s.target)),
                                     .t(s.targetDescription), .t(s.targetCountry), .t(s.action.rawValue), .t(s.kind.rawValue),
                                     .t(s.statedOn), .b(s.conditional), .t(s.triggerText), .i(s.startChar), .i(s.endChar), .t(s.rule)]
        }

        var conflictIDs: [Int64] = []
        let conflictLookup = st.conflictLookup
        let conflictInsert = st.conflictInsert
        let conflictCountry = st.conflictCountry
        for c in a.conflicts {
            let id: Int64
            if let known = cache.conflicts[c.identityKey], known.hasCountry || c.countryCode == nil {
                // Looked up (and its country filled in) earlier in this transaction.
                id = known.id
            } else if let stored = try conflictLookup.fetchInt(db, .t(c.identityKey)) {
                id = stored
                if let country = c.countryCode { try conflictCountry.run(db, .t(country), .i(id)) }
                cache.conflicts[c.identityKey] = (id, c.countryCode != nil)
            } else {
                try conflictInsert.run(db, .t(c.name), .t(c.countryCode), .t(c.identityKey))
                id = db.lastInsertedRowID
                cache.conflicts[c.identityKey] = (id, c.countryCode != nil)
            }
            conflictIDs.append(id)
            for p in c.parties where p >= 0 && p < actorIDs.count {
                cache.held.parties += [.i(id), .i(actorIDs[p]), .i(articleID)]
            }
        }
        for r in a.conflictReports {
            cache.held.reports += [.i(conflictIDs[r.conflict]), .i(articleID), .i(sentenceID(r.sentence)), .t(r.scope.rawValue),
                                   .i(r.killed), .t(r.killedQualifier), .i(r.wounded), .t(r.since), .t(r.asOf), .i(r.startChar), .i(r.endChar)]
        }

        for q in a.quotes {
            cache.held.quotes += [.i(articleID), .i(sentenceID(q.sentence)), .i(actorID(q.speaker)), .t(q.speakerDescription),
                                  .t(q.speakerCountry), .t(q.speakerRole), .b(q.anonymous), .t(q.text), .i(q.startChar), .i(q.endChar),
                                  .t(q.saidOn), .t(q.rule)]
        }
        // Outside the batch fast path, each article's rows go in with it (the careful path's
        // savepoint then holds them, and a failure is the article's own).
        if !cache.holdRows { try cache.insertHeldRows(db) }

        if !oldActorIDs.isEmpty {
            if cache.bulk {
                // The check reads indexes the load dropped: the actors are pruned when it ends.
                let pending = try db.cachedStatement(sql: "INSERT OR IGNORE INTO bulk_load_actors(actor_id) VALUES (?)")
                for id in oldActorIDs { try pending.execute(arguments: [id]) }
            } else if cache.holdRows {
                // The batch's held rows may name them: they are pruned once those are in.
                cache.orphans.append(contentsOf: oldActorIDs)
            } else {
                try pruneActors(oldActorIDs, in: db)
                cache.clear()
            }
        }
        return outcome
    }

    /// The schema's CHECK constraints on values that are not Swift enums, checked before an
    /// article is written (the batch fast path skips SQLite's own CHECKs): country codes of
    /// actors, the qualifier and counts of tolls. Throws the constraint error SQLite would.
    static func validate(_ a: ArticleAnalysis, cameoCodes: Set<String>? = nil) throws {
        func fail(_ what: String) -> DatabaseError {
            DatabaseError(resultCode: .SQLITE_CONSTRAINT_CHECK, message: "CHECK constraint failed: \(what)")
        }
        if let cameoCodes {
            for e in a.events where !cameoCodes.contains(e.cameoCode) {
                throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                    message: "FOREIGN KEY constraint failed: events.cameo_code '\(e.cameoCode)' is not in cameo_codes")
            }
        }
        for actor in a.actors {
            if let c = actor.countryCode, !isAlpha3(c) { throw fail("country_code GLOB '[A-Z][A-Z][A-Z]' (\(c))") }
        }
        for r in a.conflictReports {
            if let q = r.killedQualifier, !killedQualifiers.contains(q) { throw fail("killed_qualifier IN (...) (\(q))") }
            if let k = r.killed, k < 0 { throw fail("killed >= 0") }
            if let w = r.wounded, w < 0 { throw fail("wounded >= 0") }
        }
    }

    /// The qualifiers `conflict_reports.killed_qualifier` allows.
    static let killedQualifiers: Set<String> = ["more than", "at least", "about", "exactly", "up to", "nearly"]

    static func isAlpha3(_ s: String) -> Bool {
        let u = s.utf8
        return u.count == 3 && u.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// Deletes an article's derived rows (not the article itself).
    static func deleteDerivedRows(articleID: Int64, in db: Database) throws {
        for table in ["quotes", "conflict_reports", "conflict_parties", "sanctions", "events", "actor_roles", "mentions", "sentences"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE article_id = ?").execute(arguments: [articleID])
        }
    }

    /// Removes actors, places and conflicts that no longer have anything pointing at them.
    static func pruneActors(_ ids: [Int64], in db: Database) throws {
        let prune = try db.cachedStatement(sql: """
            DELETE FROM actors WHERE id = ? AND user_defined = 0
              AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM events WHERE source_actor_id = actors.id OR target_actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM sanctions WHERE imposer_actor_id = actors.id OR target_actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM actor_roles WHERE actor_id = actors.id OR of_actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM conflict_parties WHERE actor_id = actors.id)
            """)
        // (The batch writer runs without foreign keys: no cascade takes the aliases.)
        let aliases = try db.cachedStatement(sql: "DELETE FROM actor_aliases WHERE actor_id = ?1 AND NOT EXISTS (SELECT 1 FROM actors WHERE id = ?1)")
        for id in ids {
            try prune.execute(arguments: [id])
            try aliases.execute(arguments: [id])
        }
    }

    /// Now in UTC as ISO 8601 ("2026-11-27T06:04:16Z", as `ISO8601DateFormatter` writes it).
    /// Formatted by hand: creating a formatter per article cost more than all its inserts.
    static func timestamp() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }
}

/// What one write transaction has learned about actors: ids by identity key (and whether the
/// stored row has a CAMEO code already), user-alias lookups by name, aliases written.
/// Valid only inside that transaction; cleared when a savepoint rolls back or actors are pruned.
final class WriteCache {
    struct AliasKey: Hashable { var actor: Int64; var alias: String }
    var actors: [String: (id: Int64, hasCameo: Bool)] = [:]
    var places: [String: Int64] = [:]
    /// Conflicts by identity key, and whether their stored row has a country.
    var conflicts: [String: (id: Int64, hasCountry: Bool)] = [:]
    /// Articles written in this transaction, and those of them that are new: what the batch
    /// fast path indexes for full-text search before it commits.
    var writtenArticles: [Int64] = []
    var insertedArticles: [Int64] = []
    var writtenSet = Set<Int64>()
    /// Whether triggers are off (the batch fast path): the rows written are then indexed and
    /// summarized before the transaction commits.
    var deferred = false
    /// Whether summary counts were taken away (rows at zero are dropped before commit).
    var subtracted = false
    /// A bulk load (Store+BulkLoad.swift): no summary work, actors to prune listed for its end.
    var bulk = false
    /// The rows of the per-article tables not inserted yet, table by table (`insertHeldRows`).
    var held = HeldRows()
    /// Whether they wait for the end of the batch (the fast path) instead of the end of each article.
    var holdRows = false
    /// Actors that an updated article of the batch named, to prune once the held rows are in.
    var orphans: [Int64] = []
    /// Whether the batch counts its articles' mentions, pairs and events as it writes them (the
    /// fast path; in a bulk load, while it counts in memory).
    var tallying = false
    /// Whether the batch replaced an article stored before.
    var replacedStored = false

    /// The values of rows waiting to be inserted, in each table's column order (`WriteStatements`).
    ///
    /// Written article by article, the tables' new pages come one at a time in turn (an article's
    /// row, sentences, mentions, events, ... then the next article's), so a table's pages end up
    /// spread one by one over the whole file: reading one table back from disk (a bulk load's index
    /// builds, a scan) then reads it 4 KB at a time, and at a million generated articles the 1.7 GB
    /// of mentions took 100 s to read cold. Held until the batch ends and inserted table by table,
    /// each table gets runs of consecutive pages, a batch's worth each: some 440 pages of mentions
    /// for 1,024 articles. (Inserted every 256 articles instead, the runs were a quarter as long
    /// and the index on the mentions of a million took 76 s to build instead of 59 s.)
    struct HeldRows {
        var mentions: [SQLValue] = []
        var roles: [SQLValue] = []
        var events: [SQLValue] = []
        var sanctions: [SQLValue] = []
        var parties: [SQLValue] = []
        var reports: [SQLValue] = []
        var quotes: [SQLValue] = []
        var isEmpty: Bool {
            mentions.isEmpty && roles.isEmpty && events.isEmpty && sanctions.isEmpty && parties.isEmpty && reports.isEmpty && quotes.isEmpty
        }
        mutating func removeAll() {
            for k in [\HeldRows.mentions, \.roles, \.events, \.sanctions, \.parties, \.reports, \.quotes] {
                self[keyPath: k].removeAll(keepingCapacity: true)
            }
        }
    }

    /// Inserts the held rows, one table after the other.
    func insertHeldRows(_ db: Database) throws {
        if held.isEmpty { return }
        let st = try statements(db)
        try st.mentionInsert.insert(db, values: held.mentions)
        try st.roleInsert.insert(db, values: held.roles)
        try st.eventInsert.insert(db, values: held.events)
        try st.sanctionInsert.insert(db, values: held.sanctions)
        try st.partyInsert.insert(db, values: held.parties)
        try st.reportInsert.insert(db, values: held.reports)
        try st.quoteInsert.insert(db, values: held.quotes)
        held.removeAll()
    }
    /// The batch writer's copy of `cameo_codes` (it runs without foreign keys): an event whose
    /// code is not in it is refused as the foreign key would refuse it. Nil: the keys are on.
    var cameoCodes: Set<String>?
    var userAlias: [String: Int64?] = [:]
    var aliases = Set<AliasKey>()
    /// The batch's mentions per article, counted per actor: what it adds to actor_months.
    struct MentionTally { var month: String; var counts: [Int64: Int] }
    var mentionTallies: [Int64: MentionTally] = [:]
    /// The batch's pairs of actors per article: what it adds to co_mentions.
    var coMentionTallies: [Int64: ArticlePairs] = [:]
    /// The batch's events per article and pair of actors: what it adds to dyads.
    var dyadTallies: [Int64: [Pair: DyadTally]] = [:]
    /// The batch writer's copy of `cameo_codes`' QuadClass and Goldstein score.
    var cameoScores: [String: CameoScore] = [:]

    struct CameoScore {
        var quadClass: Int
        /// CAST(round(goldstein * 10) AS INTEGER), as SQLite rounds (half away from zero).
        var goldsteinTenths: Int64
        init(quadClass: Int, goldstein: Double) {
            self.quadClass = quadClass
            let r = goldstein * 10
            goldsteinTenths = Int64(r + (r < 0 ? -0.5 : 0.5))
        }
    }

    struct Pair: Hashable, Comparable {
        var a: Int64, b: Int64
        static func < (x: Pair, y: Pair) -> Bool { x.a != y.a ? x.a < y.a : x.b < y.b }
    }

    struct DyadTally {
        var events = 0
        var quad = (0, 0, 0, 0)
        var goldsteinTenths: Int64 = 0
        var first: String?
        var last: String?

        mutating func add(_ score: CameoScore, on date: String?) {
            events += 1
            switch score.quadClass {
            case 1: quad.0 += 1
            case 2: quad.1 += 1
            case 3: quad.2 += 1
            case 4: quad.3 += 1
            default: break
            }
            goldsteinTenths += score.goldsteinTenths
            widen(first: date, last: date)
        }

        mutating func add(_ t: DyadTally) {
            events += t.events
            quad = (quad.0 + t.quad.0, quad.1 + t.quad.1, quad.2 + t.quad.2, quad.3 + t.quad.3)
            goldsteinTenths += t.goldsteinTenths
            widen(first: t.first, last: t.last)
        }

        /// min() and max() of SQLite's text: byte order, NULLs left out.
        private mutating func widen(first f: String?, last l: String?) {
            if let f, first.map({ f.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true { first = f }
            if let l, last.map({ $0.utf8.lexicographicallyPrecedes(l.utf8) }) ?? true { last = l }
        }
    }
    private var prepared: WriteStatements?

    /// actor_months' rule (0008): per actor, its mentions and 1 article, in the month of the
    /// article's date ('' when it has none). Replaces the count of an article written earlier in
    /// the batch. `actors`: the actor of each of the article's mentions.
    func tallyMentions<S: Sequence>(article: Int64, publishedOn: String?, actors: S) where S.Element == Int64 {
        var counts: [Int64: Int] = [:]
        for actor in actors { counts[actor, default: 0] += 1 }
        let month = String(String.UnicodeScalarView((publishedOn ?? "").unicodeScalars.prefix(7)))
        mentionTallies[article] = MentionTally(month: month, counts: counts)
    }

    /// dyads' rule (0009), for one event held or scheduled (the caller keeps to those modes): an
    /// event between two different actors counts for their unordered pair, with its CAMEO code's
    /// QuadClass and Goldstein score and its date (its own, else the article's).
    func tallyEvent(article: Int64, source: Int64?, target: Int64?, code: String, on date: String?) {
        guard let s = source, let t = target, s != t, let score = cameoScores[code] else { return }
        dyadTallies[article, default: [:]][Pair(a: min(s, t), b: max(s, t)), default: DyadTally()].add(score, on: date)
    }

    /// The writer's copy of `cameo_codes`: its codes and their QuadClass and Goldstein score.
    func loadCameoCodes(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT code, quad_class, goldstein FROM cameo_codes") {
            cameoScores[row[0]] = WriteCache.CameoScore(quadClass: row[1], goldstein: row[2])
        }
        cameoCodes = Set(cameoScores.keys)
    }

    func statements(_ db: Database) throws -> WriteStatements {
        if let prepared { return prepared }
        let made = try WriteStatements(db)
        prepared = made
        return made
    }

    func clear() {
        actors.removeAll(keepingCapacity: true)
        places.removeAll(keepingCapacity: true)
        conflicts.removeAll(keepingCapacity: true)
        userAlias.removeAll(keepingCapacity: true)
        aliases.removeAll(keepingCapacity: true)
    }
}

/// The writer's statements, looked up in GRDB's statement cache once per transaction instead of
/// once per article (each lookup hashes the whole SQL text).
final class WriteStatements {
    let articleLookup: Statement
    let articleUpsert: Statement
    let sentenceInsert: MultiRowInsert
    let userAlias: Statement
    let actorLookup: Statement
    let actorInsert: Statement
    let actorCameo: Statement
    let aliasInsert: Statement
    let mentionInsert: MultiRowInsert
    let roleInsert: MultiRowInsert
    let placeLookup: Statement
    let placeInsert: Statement
    let eventInsert: MultiRowInsert
    let sanctionInsert: MultiRowInsert
    let conflictLookup: Statement
    let conflictInsert: Statement
    let conflictCountry: Statement
    let partyInsert: MultiRowInsert
    let reportInsert: MultiRowInsert
    let quoteInsert: MultiRowInsert

    init(_ db: Database) throws {
        articleLookup = try db.cachedStatement(sql: "SELECT id, content_hash, analyzer_version FROM articles WHERE external_id = ?")
        articleUpsert = try db.cachedStatement(sql: """
            INSERT INTO articles(external_id, url, outlet, headline, dateline_place, published_on, published_source,
                                 body, content_hash, source, ingested_at, analyzer_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(external_id) DO UPDATE SET
                url = excluded.url, outlet = excluded.outlet, headline = excluded.headline,
                dateline_place = excluded.dateline_place, published_on = excluded.published_on,
                published_source = excluded.published_source, body = excluded.body,
                content_hash = excluded.content_hash, source = excluded.source,
                ingested_at = excluded.ingested_at, analyzer_version = excluded.analyzer_version
            """)
        sentenceInsert = MultiRowInsert("INSERT OR FAIL INTO sentences(article_id, ordinal, paragraph, start_char, end_char, text, is_caption)",
                            columns: 7, maxRows: 32)
        userAlias = try db.cachedStatement(sql: """
            SELECT al.actor_id FROM actor_aliases al JOIN actors ac ON ac.id = al.actor_id
            WHERE al.alias = ? COLLATE NOCASE AND al.source = 'user' LIMIT 1
            """)
        actorLookup = try db.cachedStatement(sql: "SELECT id, cameo_code IS NOT NULL FROM actors WHERE identity_key = ?")
        actorInsert = try db.cachedStatement(sql: """
            INSERT INTO actors(name, kind, country_code, cameo_code, identity_key) VALUES (?, ?, ?, ?, ?)
            """)
        actorCameo = try db.cachedStatement(sql: "UPDATE actors SET cameo_code = ? WHERE id = ? AND cameo_code IS NULL")
        aliasInsert = try db.cachedStatement(sql: """
            INSERT INTO actor_aliases(actor_id, alias, source) VALUES (?, ?, 'text') ON CONFLICT(actor_id, alias) DO NOTHING
            """)
        mentionInsert = MultiRowInsert("INSERT OR FAIL INTO mentions(article_id, sentence_id, actor_id, start_char, end_char, text, rule)",
                                       columns: 7, maxRows: 32)
        // An article names a role of a person once (the first sighting wins); the rowids are not used.
        roleInsert = MultiRowInsert("INSERT OR FAIL INTO actor_roles(actor_id, title, country_code, of_actor_id, article_id, sentence_id, seen_on)",
                                    columns: 7, maxRows: 16, suffix: "ON CONFLICT(actor_id, title, article_id) DO NOTHING")
        placeLookup = try db.cachedStatement(sql: "SELECT id FROM places WHERE identity_key = ?")
        placeInsert = try db.cachedStatement(sql: "INSERT INTO places(name, country_code, kind, identity_key) VALUES (?, ?, ?, ?)")
        eventInsert = MultiRowInsert("INSERT OR FAIL INTO events(article_id, sentence_id, source_actor_id, target_actor_id, cameo_code, occurred_on, date_precision, date_source, place_id, mode, trigger_text, start_char, end_char, rule, lexicon_entry)",
                            columns: 15, maxRows: 32)
        sanctionInsert = MultiRowInsert("INSERT OR FAIL INTO sanctions(article_id, sentence_id, imposer_actor_id, target_actor_id, target_description, target_country, action, kind, stated_on, conditional, trigger_text, start_char, end_char, rule)",
                            columns: 14, maxRows: 16)
        conflictLookup = try db.cachedStatement(sql: "SELECT id FROM conflicts WHERE identity_key = ?")
        conflictInsert = try db.cachedStatement(sql: "INSERT INTO conflicts(name, country_code, identity_key) VALUES (?, ?, ?)")
        conflictCountry = try db.cachedStatement(sql: "UPDATE conflicts SET country_code = ? WHERE id = ? AND country_code IS NULL")
        partyInsert = MultiRowInsert("INSERT INTO conflict_parties(conflict_id, actor_id, article_id)", columns: 3, maxRows: 16,
                                     suffix: "ON CONFLICT(conflict_id, actor_id, article_id) DO NOTHING")
        reportInsert = MultiRowInsert("INSERT OR FAIL INTO conflict_reports(conflict_id, article_id, sentence_id, scope, killed, killed_qualifier, wounded, since, as_of, start_char, end_char)",
                            columns: 11, maxRows: 16)
        quoteInsert = MultiRowInsert("INSERT OR FAIL INTO quotes(article_id, sentence_id, speaker_actor_id, speaker_description, speaker_country, speaker_role, anonymous, text, start_char, end_char, said_on, rule)",
                            columns: 12, maxRows: 16)
    }
}

/// An article as stored, for re-analysis.
public struct StoredArticle: Sendable {
    public var id: Int64
    public var externalID: String
    public var headline: String
    public var body: String
    public var publishedOn: String?
    public var publishedSource: String
    public var outlet: String?
    public var url: String?
    public var source: String?
    /// The hash of the input as it was read (what tells a later ingest of it that it is unchanged).
    public var contentHash: String
}

extension Store {
    /// Stored articles in id order, `limit` at a time after `id`.
    public func storedArticles(after id: Int64, limit: Int) throws -> [StoredArticle] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, external_id, headline, body, published_on, published_source, outlet, url, source, content_hash
                FROM articles WHERE id > ? ORDER BY id LIMIT ?
                """, arguments: [id, limit]).map { r in
                StoredArticle(id: r["id"], externalID: r["external_id"], headline: r["headline"], body: r["body"],
                              publishedOn: r["published_on"], publishedSource: r["published_source"], outlet: r["outlet"],
                              url: r["url"], source: r["source"], contentHash: r["content_hash"])
            }
        }
    }

    /// Content hash and analyzer version of stored articles, by external id.
    public func storedHashes(externalIDs: [String]) throws -> [String: (hash: String, version: Int)] {
        try database.read { db in
            var out: [String: (hash: String, version: Int)] = [:]
            let stmt = try db.cachedStatement(sql: "SELECT content_hash, analyzer_version FROM articles WHERE external_id = ?")
            for k in externalIDs {
                if let r = try Row.fetchOne(stmt, arguments: [k]) { out[k] = (r[0], r[1]) }
            }
            return out
        }
    }
}

/// An actor the analyst added or named with `irkb actors add/alias`: what the recognizer
/// should find in new text.
public struct UserActor: Sendable, Equatable {
    public var name: String
    public var kind: ActorKind
    public var countryCode: String?
    public var cameoCode: String?
    /// Aliases the analyst recorded.
    public var aliases: [String]
}

extension Store {
    /// Actors marked user-defined, and every actor with an alias the analyst recorded.
    public func userActors() throws -> [UserActor] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name, a.kind, a.country_code, a.cameo_code,
                       (SELECT group_concat(al.alias, char(31)) FROM actor_aliases al
                        WHERE al.actor_id = a.id AND al.source = 'user') AS aliases
                FROM actors a
                WHERE a.user_defined = 1
                   OR EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = a.id AND al.source = 'user')
                ORDER BY a.id
                """).map { r in
                let aliases = (r["aliases"] as String?)?.split(separator: "\u{1F}").map(String.init) ?? []
                return UserActor(name: r["name"], kind: ActorKind(rawValue: r["kind"]) ?? .organization,
                                 countryCode: r["country_code"], cameoCode: r["cameo_code"], aliases: aliases)
            }
        }
    }
}
