import Foundation
import CSQLiteConfig
import GRDB

/// A bulk load recorded in a database (0018): under way in some process, or interrupted.
public struct BulkLoad: Sendable, Equatable {
    /// When it began (UTC, ISO 8601).
    public var startedAt: String
    /// The indexes dropped for the load, by name.
    public var indexes: [String]
    /// Whether a process holds the load now (its lock file is locked); false: it was interrupted.
    public var running: Bool
}

/// Loading an archive in bulk (`irkb ingest --bulk`).
///
/// Written one batch at a time, every index whose keys do not follow the article (an actor, a
/// pair of actors, a date) takes each new row at a random place, and once the database outgrows
/// the page cache that is about a page written per row: at 100,000 generated articles a batch of
/// 1,000 wrote 43,000 pages for 17 MB of new rows, and the cost per article kept growing with the
/// file. A bulk load drops those indexes of the per-article tables, writes the articles, their
/// rows and their full-text entries with no summary work (every write then appends), and at the
/// end builds the indexes again (SQLite sorts their keys: one pass, pages written once) and
/// recounts the summaries, a chunk of articles at a time.
///
/// The state is in the file (`bulk_load`, 0018), so a load cut short is finished by the next
/// ingest, reprocess or `irkb init`; a lock file beside the database (`<path>-bulk`) tells a load
/// under way from an interrupted one. While a load is recorded, read-only opens refuse the file.
extension Store {
    /// The per-article tables whose indexes a bulk load may drop.
    static let bulkTables = ["events", "mentions", "sanctions", "quotes", "actor_roles", "conflict_reports", "conflict_parties"]

    /// The indexes a bulk load drops: those of the per-article tables that are not unique (a
    /// unique index is a constraint the writer relies on) and whose first column is not
    /// `article_id` or `sentence_id` (those keys grow with the article: appended, and read when an
    /// updated article's rows are replaced).
    static func deferrableIndexes(_ db: Database) throws -> [(name: String, sql: String)] {
        let tables = bulkTables.map { "'\($0)'" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: """
            SELECT s.name, s.sql FROM sqlite_schema s
            WHERE s.type = 'index' AND s.sql IS NOT NULL AND s.tbl_name IN (\(tables))
              AND NOT (SELECT il."unique" FROM pragma_index_list(s.tbl_name) il WHERE il.name = s.name)
              AND coalesce((SELECT ii.name FROM pragma_index_info(s.name) ii WHERE ii.seqno = 0), '') NOT IN ('article_id', 'sentence_id')
            ORDER BY s.tbl_name, s.name
            """).map { (name: $0[0], sql: $0[1]) }
    }

    /// The bulk load recorded in the database, if any.
    public func bulkLoad() throws -> BulkLoad? {
        guard let row = try database.read({ db in try Store.bulkLoadRow(db) }) else { return nil }
        return BulkLoad(startedAt: row.startedAt, indexes: row.indexes.map(Store.indexName), running: bulkLockHeldElsewhere())
    }

    /// Whether this store is writing a bulk load (begun or adopted here, not finished yet).
    public var isBulkLoading: Bool { bulkState.withLock { $0.lock != nil } }

    /// Begins a bulk load, or takes over one that was interrupted: the indexes of
    /// `deferrableIndexes` are dropped and the state recorded. From then on `writeBatch` writes no
    /// summaries; `finishBulkLoad` builds what was left out. Throws `StoreError.bulkLoadRunning`
    /// when another process is loading the same file.
    public func beginBulkLoad() throws {
        guard mode == .readWrite else { throw StoreError.refusedStatement("a read-only database cannot be bulk-loaded") }
        try acquireBulkLock()
        do {
            try writeRetryingBusy { db in
                if try Store.bulkLoadRow(db) != nil {
                    // Taken over: the summaries are recounted from the first article at the end,
                    // since the load may now change articles that a cut-short finish counted.
                    try db.execute(sql: "UPDATE bulk_load SET summarized_through = NULL")
                    // (A finish cut short may have built some of the indexes again.)
                    for name in try Store.bulkLoadRow(db)!.indexes.map(Store.indexName) {
                        try db.execute(sql: "DROP INDEX IF EXISTS \(name.quotedDatabaseIdentifier)")
                    }
                    return
                }
                let indexes = try Store.deferrableIndexes(db)
                let json = String(data: try JSONSerialization.data(withJSONObject: indexes.map(\.sql)), encoding: .utf8)!
                // The summaries hold every stored article (writers keep them exact): the load
                // counts its own articles as it writes them, and moves `summarized_through` on.
                try db.execute(sql: """
                    INSERT INTO bulk_load(id, started_at, indexes, summarized_through)
                    VALUES (1, ?, ?, (SELECT coalesce(max(id), 0) FROM articles))
                    """, arguments: [Store.timestamp(), json])
                for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
                bulkState.withLock { $0.counts = BulkCounts() }
            }
        } catch {
            releaseBulkLock()
            throw error
        }
    }

    /// Lets go of this process's bulk load without finishing it (an ingest that failed): its state
    /// stays in the database, and the next ingest, reprocess or `irkb init` finishes it.
    public func suspendBulkLoad() { releaseBulkLock() }

    /// How many articles a bulk load counts in memory before it adds them to the summaries (10,000;
    /// tests make it small).
    var bulkCountChunk: Int {
        get { bulkState.withLock { $0.chunk } }
        set { bulkState.withLock { $0.chunk = max(1, newValue) } }
    }

    /// The counts of a bulk load begun here, unless counting stopped (nil).
    func bulkCounts() -> BulkCounts? { bulkState.withLock { $0.counts } }

    /// Stops counting in memory for the rest of this load: the finish recounts the articles after
    /// `summarized_through` from their rows.
    func stopBulkCounting() { bulkState.withLock { $0.counts = nil } }

    /// The end of a bulk batch (`writeBatch`, inside its transaction): its articles' tallies join
    /// those counted in memory, and every `bulkCountChunk` articles they are added to the
    /// summaries, with the other summaries' grouped statements for those articles (written within
    /// the last chunk: their pages are still cached), and `summarized_through` moves on to them.
    ///
    /// Counting in memory holds only while every article of the load is new: an article stored
    /// before (in the summaries, or counted here) that the load replaces sends the load back to a
    /// recount of every summary at its end, as a load taken over from an interrupted one does.
    func countBulkBatch(_ cache: WriteCache, into counts: BulkCounts, in db: Database) throws {
        if cache.replacedStored {
            stopBulkCounting()
            try db.execute(sql: "UPDATE bulk_load SET summarized_through = NULL")
            return
        }
        counts.absorb(cache)
        if counts.articles.count >= bulkCountChunk { try addBulkCounts(counts, in: db) }
    }

    /// Adds what `counts` holds to the summaries (in the caller's transaction).
    func addBulkCounts(_ counts: BulkCounts, in db: Database) throws {
        guard let last = counts.articles.max() else { return }
        try Store.addTallies(counts.tallies, in: db)
        try Store.summarize(articlesJSON: Store.jsonArray(counts.articles), sign: 1, counted: true, spans: false, in: db)
        try db.execute(sql: "UPDATE bulk_load SET summarized_through = ?", arguments: [last])
        counts.articles.removeAll(keepingCapacity: true)
    }

    /// A step of `finishBulkLoad`, for progress reports.
    public enum BulkFinishStep: Sendable, Equatable {
        /// Building index `number` of `total`.
        case index(name: String, number: Int, total: Int)
        /// `done` of the `total` articles left to count when the finish began are in the summaries.
        case summaries(done: Int, total: Int)
    }

    /// Finishes the bulk load recorded in the database (this process's, or one that was
    /// interrupted): builds the dropped indexes, recounts every summary from the stored rows a chunk
    /// of articles at a time, removes the actors the load left without rows, and clears the state.
    /// Each index and each chunk is its own transaction, so a finish cut short goes on where it
    /// stopped. Does nothing when no load is recorded.
    public func finishBulkLoad(chunk: Int = 10_000, progress: ((BulkFinishStep) -> Void)? = nil) throws {
        guard try database.read({ db in try Store.bulkLoadRow(db) }) != nil else { return }
        if !isBulkLoading { try acquireBulkLock() }
        defer { releaseBulkLock() }
        guard let state = try database.read({ db in try Store.bulkLoadRow(db) }) else { return }
        // What this load counted and has not added yet goes in first (its articles are then
        // not read back), while the indexes are still out of the way.
        if let counts = bulkCounts() {
            stopBulkCounting()
            try writeRetryingBusy { db in
                try Store.setTriggers(db, enabled: false)
                defer { try? Store.setTriggers(db, enabled: true) }
                try addBulkCounts(counts, in: db)
            }
        }
        // The load's analyses and counts are freed, but glibc keeps the pages in the arenas of
        // the threads that freed them: given back before the sorts (at 100,000 generated articles
        // the peak RSS of a load went from 330 to 272 MB).
        _ = irkb_release_free_memory()
        // Sorting a large index's keys in memory (the writer's temp_store) would hold them all:
        // the sorter spills to temporary files instead.
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = FILE") }
        defer { try? database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") } }
        for (n, sql) in state.indexes.enumerated() {
            progress?(.index(name: Store.indexName(sql), number: n + 1, total: state.indexes.count))
            try writeRetryingBusy { db in try db.execute(sql: Store.ifNotExists(sql)) }
            checkpointer?.request()
        }
        var through = try writeRetryingBusy { db -> Int64 in
            if let through = try Int64.fetchOne(db, sql: "SELECT summarized_through FROM bulk_load") { return through }
            try Store.setTriggers(db, enabled: false)
            defer { try? Store.setTriggers(db, enabled: true) }
            try db.execute(sql: Store.summaryTables.map { "DELETE FROM \($0)" }.joined(separator: "; "))
            try db.execute(sql: "UPDATE bulk_load SET summarized_through = 0")
            return 0
        }
        // The articles left to count. (Counted by id range only when some were counted: a range
        // of ids reads the table's own pages, the articles' text, where a plain count reads an
        // index. Counting those done instead, up to the last id, read 3.7 GB at a million.)
        let total = try database.read { db in
            try Int.fetchOne(db, sql: through > 0 ? "SELECT count(*) FROM articles WHERE id > ?" : "SELECT count(*) FROM articles",
                             arguments: through > 0 ? [through] : []) ?? 0
        }
        var done = 0
        while true {
            let counted = try writeRetryingBusy { db -> Int in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", arguments: [through, max(1, chunk)])
                guard let last = ids.last else { return 0 }
                try Store.setTriggers(db, enabled: false)
                defer { try? Store.setTriggers(db, enabled: true) }
                // As the batch writer counts: the mentions, pairs and events of each article in
                // Swift (grouping them in SQL cost five times as much), the other summaries with
                // its grouped statements.
                let cache = WriteCache()
                try cache.loadCameoCodes(db)
                try Store.tallyStoredArticles(Store.jsonArray(ids), into: cache, in: db)
                try Store.addTallies(cache, in: db)
                try Store.summarize(articlesJSON: Store.jsonArray(ids), sign: 1, counted: true, in: db)
                try db.execute(sql: "UPDATE bulk_load SET summarized_through = ?", arguments: [last])
                through = last
                return ids.count
            }
            if counted == 0 { break }
            done += counted
            checkpointer?.request()
            progress?(.summaries(done: done, total: total))
        }
        try writeRetryingBusy { db in
            let actors = try Int64.fetchAll(db, sql: "SELECT actor_id FROM bulk_load_actors")
            if !actors.isEmpty { try Store.pruneActors(actors, in: db) }
            try db.execute(sql: "DELETE FROM bulk_load_actors; DELETE FROM bulk_load")
        }
        try? FileManager.default.removeItem(atPath: bulkLockPath)
    }

    /// Fills the writer's tallies (actor_months and actor_years, co_mentions, dyads) for stored
    /// articles (a JSON array of ids), from their rows, as `write` fills them from an analysis.
    static func tallyStoredArticles(_ ids: String, into cache: WriteCache, in db: Database) throws {
        var published: [Int64: String?] = [:]
        let articles = try Row.fetchCursor(db, sql: "SELECT id, published_on FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                                           arguments: [ids])
        while let row = try articles.next() { published[row[0]] = .some(row[1]) }
        var mentions: [Int64: [(sentence: Int, actor: Int64)]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT article_id, sentence_id, actor_id FROM mentions WHERE article_id IN (SELECT value FROM json_each(?))
            """, arguments: [ids])
        while let row = try rows.next() {
            mentions[row[0], default: []].append((sentence: Int(row[1] as Int64), actor: row[2]))
        }
        for (article, list) in mentions {
            cache.tallyMentions(article: article, publishedOn: published[article] ?? nil, actors: list.lazy.map(\.actor))
            let pairs = CoMentionTally(mentions: list)
            cache.coMentionTallies[article] = ArticlePairs(ids: pairs.actors, sentences: pairs.sentences)
        }
        let events = try Row.fetchCursor(db, sql: """
            SELECT e.article_id, e.source_actor_id, e.target_actor_id, e.cameo_code, coalesce(e.occurred_on, ar.published_on)
            FROM events e JOIN articles ar ON ar.id = e.article_id
            WHERE e.article_id IN (SELECT value FROM json_each(?)) AND e.mode IN ('asserted', 'future')
            """, arguments: [ids])
        while let row = try events.next() {
            cache.tallyEvent(article: row[0], source: row[1], target: row[2], code: row[3], on: row[4])
        }
    }

    /// Refuses a write that a bulk load would make wrong or slow (user actors, say): a load is
    /// under way, or was interrupted and must be finished first.
    public func requireNoBulkLoad() throws {
        if let load = try bulkLoad(), !isBulkLoading {
            throw load.running ? StoreError.bulkLoadRunning(path: path, startedAt: load.startedAt)
                               : StoreError.bulkLoadInterrupted(path: path, startedAt: load.startedAt)
        }
    }

    /// Every summary table, as a bulk load's finish and `rebuildSummaries` empty them.
    static let summaryTables = ["actor_months", "actor_years", "event_months", "dyads", "role_spans", "conflict_counts",
                                "conflict_party_counts", "sanction_years", "sanction_pair_years", "sanction_pairs",
                                "support_years", "support_pairs", "co_mentions"]

    static func bulkLoadRow(_ db: Database) throws -> (startedAt: String, indexes: [String])? {
        guard try db.tableExists("bulk_load"),
              let row = try Row.fetchOne(db, sql: "SELECT started_at, indexes FROM bulk_load") else { return nil }
        let json: String = row[1]
        let list = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String] ?? []
        return (row[0], list)
    }

    /// "CREATE INDEX name ON ..." -> name.
    static func indexName(_ sql: String) -> String {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard let on = words.firstIndex(where: { $0.uppercased() == "ON" }), on > 0 else { return sql }
        return String(words[on - 1])
    }

    /// "CREATE [UNIQUE] INDEX name ..." -> "CREATE [UNIQUE] INDEX IF NOT EXISTS name ...".
    static func ifNotExists(_ sql: String) -> String {
        guard let r = sql.range(of: "INDEX ", options: [.caseInsensitive]),
              !sql[r.upperBound...].uppercased().hasPrefix("IF NOT EXISTS") else { return sql }
        return sql.replacingCharacters(in: r, with: "INDEX IF NOT EXISTS ")
    }

    // MARK: the lock file

    var bulkLockPath: String { path + "-bulk" }

    /// Takes the lock file (`flock`, released by the kernel if the process dies); throws
    /// `bulkLoadRunning` when another process holds it. In memory there is nothing to lock.
    func acquireBulkLock() throws {
        try bulkState.withLock { state in
            if state.lock != nil { return }
            if path == ":memory:" { state.lock = -1; return }
            let fd = open(bulkLockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 { throw StoreError.refusedStatement("\(bulkLockPath): cannot create the bulk load's lock file (\(String(cString: strerror(errno))))") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                close(fd)
                throw StoreError.bulkLoadRunning(path: path, startedAt: "")
            }
            state.lock = fd
        }
    }

    func releaseBulkLock() {
        bulkState.withLock { state in
            if let fd = state.lock, fd >= 0 { flock(fd, LOCK_UN); close(fd) }
            state.lock = nil
            state.counts = nil
        }
    }

    /// Whether another process holds the lock file now.
    func bulkLockHeldElsewhere() -> Bool {
        if path == ":memory:" || isBulkLoading { return false }
        let fd = open(bulkLockPath, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) != 0 { return true }
        flock(fd, LOCK_UN)
        return false
    }
}

/// The lock file of a bulk load this store is writing (-1 in memory), behind a lock.
final class BulkState: @unchecked Sendable {
    struct Value {
        var lock: Int32?
        /// A bulk load begun here counts its articles as it writes them (`Store.countBulkBatch`).
        var counts: BulkCounts?
        var chunk = 10_000
    }
    private let mutex = NSLock()
    private var value = Value()
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body(&value)
    }
}

/// What a bulk load has counted of its articles and not added to the summaries yet: the batch
/// writer's tallies (actor_months, co_mentions, dyads) of `articles`.
final class BulkCounts: @unchecked Sendable {
    let tallies = WriteCache()
    var articles: [Int64] = []

    /// Takes a written batch's tallies (its articles are all new: no key is there already).
    func absorb(_ cache: WriteCache) {
        articles += cache.writtenArticles
        tallies.mentionTallies.merge(cache.mentionTallies) { _, new in new }
        tallies.coMentionTallies.merge(cache.coMentionTallies) { _, new in new }
        tallies.dyadTallies.merge(cache.dyadTallies) { _, new in new }
        cache.mentionTallies.removeAll()
        cache.coMentionTallies.removeAll()
        cache.dyadTallies.removeAll()
    }
}
