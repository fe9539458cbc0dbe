import Foundation
import GRDB
import IRStore
import Testing
@testable import IRIngest

@Suite struct IngestTests {
    func count(_ store: Store, _ table: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")! }
    }

    @Test func eachFormatIngests() throws {
        let t = TempFolder()
        t.write("in/a.txt", "Headline A\n\nWASHINGTON (Reuters) - The United States imposed sanctions on Iran.")
        t.write("in/b.jsonl", "{\"id\": \"b1\", \"title\": \"B\", \"text\": \"Russia and China met in Beijing.\", \"published\": \"2019-01-02\"}\n")
        t.write("in/c.json", "{\"title\": \"C\", \"maintext\": \"Talks in Geneva.\", \"date_publish\": \"2020-03-04 05:06:07\"}")
        t.write("in/d.html", "<html><body><h1>D</h1><p>NATO met.</p></body></html>")
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        let s = try Ingestor(store: store).ingest(paths: [t.url.appendingPathComponent("in").path])
        #expect(s.read == 4 && s.inserted == 4 && s.failed == 0)
        #expect(try count(store, "articles") == 4)
        let pub = try store.read { db in try String.fetchAll(db, sql: "SELECT published_on FROM articles WHERE published_on IS NOT NULL ORDER BY published_on") }
        #expect(pub == ["2019-01-02", "2020-03-04"])
    }

    @Test func reingestIsIdempotentAndChangesReplace() throws {
        let t = TempFolder()
        let p = t.write("a.jsonl", """
            {"id": "k1", "title": "One", "text": "Kerry met Lavrov in Geneva. They talked."}
            {"id": "k2", "title": "Two", "text": "Iran and France signed a deal."}
            """)
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        let first = try Ingestor(store: store).ingest(paths: [p])
        #expect(first.inserted == 2)
        let sentences = try count(store, "sentences")
        let again = try Ingestor(store: store).ingest(paths: [p])
        #expect(again.unchanged == 2 && again.inserted == 0 && again.updated == 0)
        #expect(try count(store, "sentences") == sentences)
        t.write("a.jsonl", """
            {"id": "k1", "title": "One", "text": "Kerry met Lavrov in Geneva. They talked. Then they left."}
            {"id": "k2", "title": "Two", "text": "Iran and France signed a deal."}
            """)
        let changed = try Ingestor(store: store).ingest(paths: [p])
        #expect(changed.updated == 1 && changed.unchanged == 1)
        #expect(try count(store, "sentences") == sentences + 1)
        #expect(try count(store, "articles") == 2)
    }

    @Test func malformedLineIsReportedAndOthersIngested() throws {
        let t = TempFolder()
        let p = t.write("a.jsonl", "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n{\"id\": \"bad\", \"text\": \n{\"id\": \"ok2\", \"text\": \"Also fine.\"}\n")
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        let s = try Ingestor(store: store).ingest(paths: [p])
        #expect(s.inserted == 2 && s.failed == 1)
        #expect(s.issues.first?.location == p + ":2")
        #expect(try count(store, "articles") == 2)
    }

    @Test func textFilesAreKeyedByContentHash() throws {
        let t = TempFolder()
        let p = t.write("a.txt", "Title\n\nSome body.")
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        _ = try Ingestor(store: store).ingest(paths: [p])
        let id = try store.read { db in try String.fetchOne(db, sql: "SELECT external_id FROM articles") }
        #expect(id?.hasPrefix("sha256:") == true)
        #expect(try Ingestor(store: store).ingest(paths: [p]).unchanged == 1)
    }

    @Test func duplicateIdsInOneInputWarn() throws {
        let t = TempFolder()
        let p = t.write("a.jsonl", "{\"id\": \"d\", \"text\": \"First.\"}\n{\"id\": \"d\", \"text\": \"Second.\"}\n")
        let store = try Store(path: t.url.appendingPathComponent("kb.sqlite").path)
        var options = IngestOptions()
        options.batchSize = 1
        let s = try Ingestor(store: store, options: options).ingest(paths: [p])
        #expect(s.warnings == 1)
        let body = try store.read { db in try String.fetchOne(db, sql: "SELECT body FROM articles WHERE external_id = 'd'") }
        #expect(body == "Second.")
    }

    @Test func reprocessRederivesEveryArticle() throws {
        let store = try Store(path: ":memory:")
        _ = try Ingestor(store: store).ingest(articles: SampleArticles.all())
        let sentences = try count(store, "sentences")
        let s = try Ingestor(store: store).reprocess()
        #expect(s.read == SampleArticles.all().count)
        #expect(s.updated == s.read)
        #expect(try count(store, "sentences") == sentences)
    }

    @Test func samplesAreEmbeddedAndConsistent() throws {
        let samples = SampleArticles.all()
        #expect(samples.count >= 16)
        #expect(samples.contains { $0.externalID == "2015-05-12-kerry-putin-sochi" })
        // Each text file's body is the JSON Lines text of the same id.
        for f in SampleArticles.textFiles {
            let id = String(f.name.dropLast(4))
            let body = f.contents.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(samples.first { $0.externalID == id }?.text == body, "\(f.name)")
        }
    }
}

/// Generated files that carry data in the binary are up to date with the files on disk.
@Suite struct EmbeddedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func check(_ folder: String, _ embedded: [(name: String, contents: String)], extensions: [String]) throws {
        let dir = EmbeddedFilesTests.root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { n in extensions.contains { n.hasSuffix($0) } }.sorted()
        #expect(names == embedded.map(\.name), "\(folder) changed: run python3 scripts/embed.py")
        for e in embedded {
            let text = try String(contentsOf: dir.appendingPathComponent(e.name), encoding: .utf8)
            #expect(text == e.contents, "\(folder)/\(e.name) is stale in the binary: run python3 scripts/embed.py")
        }
    }

    @Test func samples() throws { try check("SampleData", EmbeddedSamples.files, extensions: [".txt", ".jsonl", ".sqliterc"]) }
    @Test func lexicons() throws { try check("Sources/IRIngest/Lexicon/Data", EmbeddedLexicons.files, extensions: [".tsv", ".txt"]) }
}
