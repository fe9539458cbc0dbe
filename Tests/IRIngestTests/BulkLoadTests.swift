import Foundation
import GRDB
@testable import IRStore
import Testing
@testable import IRIngest

/// Bulk loads (`IngestOptions.bulk`, Store+BulkLoad.swift): the indexes keyed by actor, pair or
/// date are dropped for the load and built again at the end, and the summaries are counted at the
/// end. The database they leave must be the one that batch-by-batch ingest leaves, row for row.
@Suite struct BulkLoadTests {
    /// The sample articles, and copies of them under other ids with other dates, so that actors,
    /// pairs and summary rows recur across articles and batches.
    static func corpus() -> [RawArticle] {
        let samples = SampleArticles.all()
        var all = samples
        for (k, year) in ["2019-03-04", "2023-11-30"].enumerated() {
            for (i, a) in samples.enumerated() {
                var b = a
                b.externalID = "copy\(k)-\(i)"
                b.published = year
                all.append(b)
            }
        }
        return all
    }

    /// A store whose bulk loads add what they counted to the summaries every `chunk` articles.
    func store(_ t: TempFolder, _ name: String, chunk: Int = 4) throws -> Store {
        let s = try Store(path: t.url.appendingPathComponent(name).path)
        s.bulkCountChunk = chunk
        return s
    }

    func ingest(_ store: Store, _ articles: [RawArticle], bulk: Bool, batch: Int = 3) throws -> IngestSummary {
        var options = IngestOptions()
        options.batchSize = batch
        options.bulk = bulk
        return try Ingestor(store: store, options: options).ingest(articles: articles)
    }

    /// The schema and every row of every table but the full-text shadow tables (their segments
    /// follow the batches), the times of writing left out; and what a few full-text searches find.
    func contents(_ store: Store) throws -> [String: [String]] {
        try store.read { db in
            var out: [String: [String]] = [:]
            out["schema"] = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name").map(\.description)
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT LIKE '%_fts%' AND name <> 'schema_migrations'
                """)
            for t in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(t.quotedDatabaseIdentifier)")
                out[t] = rows.map { row in
                    row.columnNames.filter { $0 != "ingested_at" && $0 != "created_at" }.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
                }.sorted()
            }
            for word in ["Russia", "sanctions", "killed", "Kerry"] {
                out["fts \(word)"] = try Int64.fetchAll(db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid", arguments: [word]).map(String.init)
                out["quotes fts \(word)"] = try Int64.fetchAll(db, sql: "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid", arguments: [word]).map(String.init)
            }
            return out
        }
    }

    func expectSame(_ bulk: Store, _ batched: Store, _ note: String) throws {
        let a = try contents(bulk), b = try contents(batched)
        #expect(a.keys.sorted() == b.keys.sorted(), "\(note): tables")
        for k in b.keys.sorted() where a[k] != b[k] {
            let x = Set(a[k] ?? []), y = Set(b[k] ?? [])
            Issue.record("\(note): \(k): only in bulk \(x.subtracting(y).sorted().prefix(3)), only batched \(y.subtracting(x).sorted().prefix(3))")
        }
        #expect(try bulk.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try bulk.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test(arguments: [(2, 4), (3, 10_000), (1024, 4)])
    func bulkLoadLeavesWhatBatchesLeave(batch: Int, chunk: Int) throws {
        let t = TempFolder()
        let batched = try store(t, "batched.sqlite"), bulk = try store(t, "bulk.sqlite", chunk: chunk)
        let articles = BulkLoadTests.corpus()
        _ = try ingest(batched, articles, bulk: false, batch: batch)
        let s = try ingest(bulk, articles, bulk: true, batch: batch)
        #expect(s.inserted == articles.count && s.failed == 0)
        #expect(s.bulkFinishSeconds > 0 && s.bulkFinishSeconds <= s.seconds)
        #expect(try bulk.bulkLoad() == nil && !bulk.isBulkLoading)
        #expect(!FileManager.default.fileExists(atPath: bulk.path + "-bulk"), "the lock file goes with the load")
        try expectSame(bulk, batched, "batch \(batch)")
        // The canned queries' summaries have rows to compare.
        #expect(try bulk.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM co_mentions") ?? 0 } > 50)
    }

    /// A load counts its articles as it writes them: every `chunk` articles the counts go into the
    /// summaries and `summarized_through` moves on, so the finish reads back only the last ones.
    @Test func aBulkLoadCountsAsItWrites() throws {
        let t = TempFolder()
        let batched = try store(t, "batched.sqlite"), bulk = try store(t, "bulk.sqlite", chunk: 8)
        let analyzer = Analyzer()
        let analyses = BulkLoadTests.corpus().map { analyzer.analyze($0) }
        let stored = analyses.prefix(6)
        for s in [batched, bulk] { _ = try s.writeBatch(Array(stored), analyzerVersion: Analyzer.version) }
        try bulk.beginBulkLoad()
        func through() throws -> Int64? {
            try bulk.read { db in try Int64.fetchOne(db, sql: "SELECT summarized_through FROM bulk_load") }
        }
        #expect(try through() == 6, "the summaries hold the articles stored before")
        var written = 6
        for batch in stride(from: 6, to: analyses.count, by: 5) {
            let part = Array(analyses[batch..<min(batch + 5, analyses.count)])
            for s in [batched, bulk] { _ = try s.writeBatch(part, analyzerVersion: Analyzer.version) }
            written += part.count
            // Added every 8 articles or more, at the end of a batch.
            let counted = try #require(try through())
            #expect(counted > written - 8 && counted <= written, "after \(written) articles: \(counted)")
        }
        #expect(try through()! > 6)
        try bulk.finishBulkLoad()
        try expectSame(bulk, batched, "counted as it writes")
    }

    /// Into a database that holds articles already, some of them changed: their old rows go, and
    /// an actor that only the old text named goes at the end, as batch by batch.
    @Test func bulkLoadOverStoredArticlesWithUpdates() throws {
        let t = TempFolder()
        let batched = try store(t, "batched.sqlite"), bulk = try store(t, "bulk.sqlite")
        let articles = BulkLoadTests.corpus()
        // One more article, whose actors no other article names: changed below to name none.
        let lone = RawArticle(externalID: "lone", title: "Maldives and Bhutan sign accord",
                              text: "MALE (Reuters) - The Maldives and Bhutan signed a trade accord on Monday. Bhutan said it would open an embassy in Male.",
                              published: "2021-05-03", location: "lone")
        let first = Array(articles.prefix(articles.count / 2)) + [lone]
        var second = articles + [lone]
        second[second.count - 1].text = "MALE (Reuters) - Envoys met on Monday."
        // Two stored articles change: one keeps only its first sentence, one is rewritten whole.
        second[0].text = String(second[0].text.prefix(while: { $0 != "." })) + "."
        second[1].text = "GENEVA (Reuters) - Envoys of Norway and Chile met in Geneva on Tuesday. Norway said the talks were useful."
        for s in [batched, bulk] { _ = try ingest(s, first, bulk: false) }
        _ = try ingest(batched, second, bulk: false)
        let r = try ingest(bulk, second, bulk: true)
        #expect(r.updated == 3 && r.inserted == articles.count + 1 - first.count)
        try expectSame(bulk, batched, "updates")
        let gone = try bulk.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM actors WHERE name IN ('Maldives', 'Bhutan')") }
        #expect(gone == 0, "the actors only the old text named are pruned")
        // Reprocess in bulk: every article rewritten, the same database again.
        var options = IngestOptions()
        options.bulk = true
        let again = try Ingestor(store: bulk, options: options).reprocess()
        #expect(again.updated + again.unchanged == articles.count + 1)
        _ = try Ingestor(store: batched).reprocess()
        try expectSame(bulk, batched, "reprocess")
    }

    /// An article the database refuses costs only itself in a bulk load too: the batch is written
    /// again article by article (triggers off, full-text entries added once at the end), and the
    /// rest is what batch-by-batch writing leaves.
    @Test func aRefusedArticleCostsOnlyItself() throws {
        let t = TempFolder()
        let batched = try store(t, "batched.sqlite"), bulk = try store(t, "bulk.sqlite")
        let analyzer = Analyzer()
        var analyses = BulkLoadTests.corpus().prefix(8).map { analyzer.analyze($0) }
        let bad = try #require(analyses[3].actors.indices.first)
        analyses[3].actors[bad].countryCode = "xx"
        try bulk.beginBulkLoad()
        for s in [batched, bulk] {
            let outcomes = try s.writeBatch(Array(analyses), analyzerVersion: Analyzer.version)
            #expect(outcomes.filter { if case .failure = $0 { true } else { false } }.count == 1)
            // A second batch after it, for the article ids the failed one would have taken.
            _ = try s.writeBatch(BulkLoadTests.corpus().dropFirst(8).prefix(4).map { analyzer.analyze($0) }, analyzerVersion: Analyzer.version)
        }
        try bulk.finishBulkLoad()
        try expectSame(bulk, batched, "a refused article")
    }

    /// A load cut short: readers refuse the file and say how to finish it; the next ingest (not
    /// asked for a bulk load) takes it over and finishes it, and so does `finishBulkLoad` alone.
    @Test func anInterruptedLoadIsRefusedThenFinished() throws {
        let t = TempFolder()
        let batched = try store(t, "batched.sqlite")
        let articles = BulkLoadTests.corpus()
        _ = try ingest(batched, articles, bulk: false)
        let analyzer = Analyzer()
        for finishByIngest in [true, false] {
            let path = t.url.appendingPathComponent("cut-\(finishByIngest).sqlite").path
            do {
                let loading = try Store(path: path)
                try loading.beginBulkLoad()
                #expect(loading.isBulkLoading)
                let half = articles.prefix(articles.count / 2).map { analyzer.analyze($0) }
                _ = try loading.writeBatch(Array(half), analyzerVersion: Analyzer.version)
                loading.suspendBulkLoad()
            }
            #expect(throws: StoreError.self) { try Store(path: path, mode: .readOnly) }
            do {
                _ = try Store(path: path, mode: .readOnly)
            } catch let e as StoreError {
                #expect(e.description.contains("did not finish") && e.description.contains("irkb init --db \(path)"), "\(e)")
            }
            let store = try Store(path: path)
            let load = try #require(try store.bulkLoad())
            #expect(!load.running && load.indexes.contains("events_source") && load.indexes.contains("mentions_actor"))
            #expect(throws: StoreError.self) { try store.requireNoBulkLoad() }
            if finishByIngest {
                let r = try ingest(store, articles, bulk: false)
                #expect(r.inserted == articles.count - articles.count / 2 && r.unchanged == articles.count / 2)
            } else {
                // A finish cut short itself: every index built but one, the summaries counted for
                // the first article only.
                try store.write { db in
                    for sql in try #require(try Store.bulkLoadRow(db)).indexes where Store.indexName(sql) != "events_date" {
                        try db.execute(sql: sql)
                    }
                    try Store.setTriggers(db, enabled: false)
                    defer { try? Store.setTriggers(db, enabled: true) }
                    for table in Store.summaryTables { try db.execute(sql: "DELETE FROM \(table)") }
                    let first = try #require(try Int64.fetchOne(db, sql: "SELECT min(id) FROM articles"))
                    try Store.summarize(articlesJSON: "[\(first)]", sign: 1, in: db)
                    try db.execute(sql: "UPDATE bulk_load SET summarized_through = ?", arguments: [first])
                }
                let left = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE id > (SELECT summarized_through FROM bulk_load)") }
                var steps: [(done: Int, total: Int)] = []
                try store.finishBulkLoad(chunk: 2) { step in
                    if case let .summaries(done, total) = step { steps.append((done, total)) }
                }
                // Its progress counts the articles left to count, 2 at a time.
                #expect(steps.count == ((left ?? 0) + 1) / 2 && steps.allSatisfy { $0.total == left })
                #expect(steps.last.map { $0.done == $0.total } == true)
                _ = try ingest(store, articles, bulk: false)
            }
            #expect(try store.bulkLoad() == nil)
            _ = try Store(path: path, mode: .readOnly)
            try expectSame(store, batched, "finished by \(finishByIngest ? "ingest" : "finishBulkLoad")")
        }
    }

    /// A load under way in one store (another process, as far as the lock file is concerned):
    /// readers and other loads are refused with a message that says so.
    @Test func aLoadUnderWayIsRefusedElsewhere() throws {
        let t = TempFolder()
        let path = t.url.appendingPathComponent("kb.sqlite").path
        let loading = try Store(path: path)
        try loading.beginBulkLoad()
        do {
            _ = try Store(path: path, mode: .readOnly)
            Issue.record("a reader opened a database being loaded")
        } catch let e as StoreError {
            #expect(e == .bulkLoadRunning(path: path, startedAt: try #require(try loading.bulkLoad()).startedAt))
            #expect(e.description.contains("another irkb is loading it in bulk"))
        }
        let other = try Store(path: path)
        #expect(try other.bulkLoad()?.running == true)
        #expect(throws: StoreError.self) { try other.beginBulkLoad() }
        #expect(throws: StoreError.self) { try Ingestor(store: other).ingest(articles: Array(BulkLoadTests.corpus().prefix(2))) }
        #expect(!other.isBulkLoading)
        _ = try Ingestor(store: loading).ingest(articles: Array(BulkLoadTests.corpus().prefix(4)))
        #expect(try loading.bulkLoad() == nil, "an ingest in the loading store finishes its load")
        _ = try Store(path: path, mode: .readOnly)
        #expect(try other.bulkLoad() == nil)
    }

    /// The indexes a bulk load drops, named: an index added by a later migration is placed on one
    /// side or the other on purpose (dropped: keyed by something other than the article).
    @Test func theIndexesALoadDrops() throws {
        let store = try Store(path: ":memory:")
        let names = try store.read { db in try Store.deferrableIndexes(db).map(\.name) }
        #expect(names == [
            "actor_roles_of", "actor_roles_title", "conflict_parties_actor", "conflict_reports_conflict", "conflict_reports_toll",
            "events_code", "events_date", "events_source", "events_support", "events_target", "mentions_actor",
            "quotes_country", "quotes_speaker", "sanctions_date", "sanctions_imposer", "sanctions_measures",
            "sanctions_target", "sanctions_target_country",
        ])
    }
}
