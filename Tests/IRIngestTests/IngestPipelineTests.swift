import Foundation
import GRDB
import IRStore
import Testing
@testable import IRIngest

/// The ingest pipeline (parallel parse and analysis, one writer thread, small batches):
/// what it writes and reports must not depend on how the input falls into batches.
@Suite struct IngestPipelineTests {
    func line(_ i: Int) -> String {
        "{\"id\": \"p\(i)\", \"title\": \"Talks \(i)\", \"text\": \"GENEVA (Reuters) - Envoys met in Geneva for round \(i) of the talks. They will meet again.\", \"published\": \"2020-01-\(10 + i % 18)\"}"
    }

    func articles(_ store: Store) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT external_id FROM articles ORDER BY id") }
    }

    @Test(arguments: [1, 3, 7, 256])
    func sameResultWhateverTheBatchSize(batchSize: Int) throws {
        let t = TempFolder()
        // A BOM, blank lines, a bad line, CRLF line ends and no newline after the last line.
        var lines = (0..<30).map(line)
        lines[12] = "{\"id\": \"broken\", \"text\": "
        lines[25] = "[1, 2]"
        let text = "\u{FEFF}" + lines[0..<5].joined(separator: "\r\n") + "\n\n   \n" + lines[5...].joined(separator: "\n")
        let p = t.write("in.jsonl", text)
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        var options = IngestOptions()
        options.batchSize = batchSize
        let s = try Ingestor(store: store, options: options).ingest(paths: [p])
        #expect(s.read == 28 && s.inserted == 28 && s.failed == 2)
        // Line numbers count the blank lines; issues come in input order.
        #expect(s.issues.map(\.location) == [p + ":15", p + ":28"])
        let ids = try articles(store)
        #expect(ids.count == 28)
        #expect(ids.first == "p0" && ids.last == "p29")
        #expect(!ids.contains("broken"))

        let again = try Ingestor(store: store, options: options).ingest(paths: [p])
        #expect(again.unchanged == 28 && again.inserted == 0 && again.failed == 2)
    }

    /// Reprocess rewrites text files' articles in place, under the key and content hash they were
    /// stored with: none is stored a second time (it was when the stored fields hashed otherwise
    /// than the file, as a dateline's outlet made them), and the files read again are unchanged.
    @Test(arguments: [false, true])
    func reprocessKeepsTextFilesKeys(bulk: Bool) throws {
        let t = TempFolder()
        let files = SampleArticles.textFiles
        try #require(files.count > 3)
        for f in files { t.write("in/" + f.name, f.contents) }
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        let first = try Ingestor(store: store).ingest(paths: [t.url.appendingPathComponent("in").path])
        #expect(first.inserted == files.count)
        let keys = try store.read { db in try String.fetchAll(db, sql: "SELECT external_id || ' ' || content_hash FROM articles ORDER BY id") }
        var options = IngestOptions()
        options.bulk = bulk
        let again = try Ingestor(store: store, options: options).reprocess()
        #expect(again.updated == files.count && again.inserted == 0)
        #expect(try store.read { db in try String.fetchAll(db, sql: "SELECT external_id || ' ' || content_hash FROM articles ORDER BY id") } == keys)
        let reread = try Ingestor(store: store).ingest(paths: [t.url.appendingPathComponent("in").path])
        #expect(reread.unchanged == files.count && reread.inserted == 0 && reread.updated == 0)
    }

    @Test func theFirstBatchesAreSmaller() throws {
        // The writer starts on 64 articles, then 64, 128, 128, ... up to the batch size, instead
        // of waiting for a whole batch to be read and analysed. Progress comes once per batch.
        let t = TempFolder()
        let p = t.write("in.jsonl", (0..<300).map(line).joined(separator: "\n"))
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        var options = IngestOptions()
        options.batchSize = 100
        let counts = Counts()
        let s = try Ingestor(store: store, options: options).ingest(paths: [p]) { counts.append($0.articles) }
        #expect(s.inserted == 300)
        #expect(counts.values == [64, 128, 228, 300])
        #expect(IngestOptions().batchSize == 1024)
    }

    final class Counts: @unchecked Sendable {
        var values: [Int] = []
        func append(_ v: Int) { values.append(v) }
    }

    @Test func writerIssuesKeepInputOrder() throws {
        // An article whose write fails (a CHECK on the events table) is reported at its own place
        // among the reader's issues, and the articles around it are kept.
        let t = TempFolder()
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        var options = IngestOptions()
        options.batchSize = 2
        let analyzer = Analyzer()
        var raws: [RawArticle] = []
        for i in 0..<6 {
            raws.append(RawArticle(externalID: "w\(i)", title: "T\(i)", text: "Envoys met in Geneva, round \(i).", location: "mem:\(i)"))
        }
        // Write the analyses directly through the writer the pipeline uses.
        let writer = BatchWriter(store: store, maxIssues: 10)
        var analyses = raws.map { analyzer.analyze($0) }
        analyses[3].events = [EventRow(sentence: 0, source: nil, target: nil, cameoCode: "not-a-code", startChar: 0, endChar: 1)]
        writer.submit(Array(analyses[0..<3]), ordinals: [1, 2, 3], version: Analyzer.version, force: false)
        writer.submit(Array(analyses[3...]), ordinals: [4, 5, 6], version: Analyzer.version, force: false)
        writer.drain()
        try writer.check()
        let l = writer.ledger
        #expect(l.inserted == 5 && l.failed == 1)
        #expect(l.issues.map(\.ordinal) == [4])
        #expect(try articles(store) == ["w0", "w1", "w2", "w4", "w5"])
    }

    @Test func reprocessRewritesEveryArticleAcrossBatches() throws {
        let t = TempFolder()
        let p = t.write("in.jsonl", (0..<9).map(line).joined(separator: "\n") + "\n")
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        var options = IngestOptions()
        options.batchSize = 2
        _ = try Ingestor(store: store, options: options).ingest(paths: [p])
        let sentences = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sentences")! }
        let r = try Ingestor(store: store, options: options).reprocess()
        #expect(r.read == 9 && r.updated == 9 && r.failed == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sentences")! } == sentences)
    }

    /// Whether every summary, as the writer kept it, is what rebuilding it from the detail rows
    /// gives (the rebuild's grouped statements are checked against recounts in IRStoreTests);
    /// `rows` counts co_mentions.
    func rebuildKeeps(_ store: Store) throws -> (same: Bool, rows: Int) {
        let tables = ["actor_months", "actor_years", "event_months", "dyads", "role_spans", "conflict_counts",
                      "conflict_party_counts", "sanction_years", "sanction_pair_years", "sanction_pairs",
                      "support_years", "support_pairs", "co_mentions"]
        let read = {
            try store.read { db in
                try tables.map { t in try Row.fetchAll(db, sql: "SELECT * FROM \(t)").map(\.description).sorted() }
            }
        }
        let kept = try read()
        try store.write { db in try Store.rebuildSummaries(in: db) }
        let rebuilt = try read()
        for (i, t) in tables.enumerated() { #expect(rebuilt[i] == kept[i], "\(t) as the writer kept it") }
        return (rebuilt == kept, kept.last!.count)
    }

    /// co_mentions (0014) as the writer keeps it from the pairs counted in the analysis threads:
    /// equal to a count over the mentions, also when a user alias makes two of an article's
    /// actors one stored actor (the writer then pairs the ids from the mentions). The other
    /// summaries are checked alike, the pairs of 0015 and 0016 included.
    @Test func coMentionsMatchTheMentions() throws {
        let t = TempFolder()
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        var options = IngestOptions()
        options.batchSize = 2
        _ = try Ingestor(store: store, options: options).ingest(articles: SampleArticles.all())
        let first = try rebuildKeeps(store)
        #expect(first.same && first.rows > 50)
        // Putin counted as Russia from now on: articles that name both pair Russia's id twice.
        let sharing = try store.write { db in
            try db.execute(sql: """
                INSERT INTO actor_aliases(actor_id, alias, source)
                SELECT id, 'Vladimir Putin', 'user' FROM actors WHERE name = 'Russia'
                """)
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT m.article_id FROM mentions m JOIN actors a ON a.id = m.actor_id
                                      WHERE a.name IN ('Russia', 'Vladimir Putin') GROUP BY 1 HAVING count(DISTINCT a.name) = 2)
                """)!
        }
        #expect(sharing > 0, "the samples name Putin and Russia in one article")
        let r = try Ingestor(store: store, options: options).reprocess()
        #expect(r.failed == 0)
        #expect(try rebuildKeeps(store).same)
        #expect(try store.read { db in try Int.fetchOne(db, sql: """
            SELECT count(*) FROM mentions m JOIN actors a ON a.id = m.actor_id WHERE a.name = 'Vladimir Putin'
            """) } == 0, "the alias took effect")
    }

    @Test func workersKeepOrder() {
        let workers = Workers(count: 4)
        for _ in 0..<3 {
            #expect(workers.map(Array(0..<1000)) { $0 * 2 } == (0..<1000).map { $0 * 2 })
        }
        #expect(workers.map([Int]()) { $0 }.isEmpty)
        #expect(workers.map([7]) { $0 + 1 } == [8])
        // Fewer items than threads, and after the threads have ended (on the calling thread).
        #expect(workers.map([1, 2]) { $0 * 3 } == [3, 6])
        workers.stop()
        #expect(workers.map(Array(0..<10)) { $0 } == Array(0..<10))
    }
}
