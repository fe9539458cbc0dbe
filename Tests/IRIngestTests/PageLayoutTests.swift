import Foundation
import GRDB
@testable import IRStore
import Testing
@testable import IRIngest

/// Where a batch's rows land in the file (`WriteCache.HeldRows`): the rows of the per-article
/// tables go in table by table when the batch ends, so each table's new pages are consecutive
/// instead of spread one by one among the other tables' pages, and reading a table back from disk
/// (a bulk load's index builds, a scan on a cold file) reads runs of pages.
@Suite struct PageLayoutTests {
    /// The share of the pages between a table's first and last leaf page (its new pages) that
    /// belong to the table or to its indexes.
    func share(of table: String, in store: Store) throws -> Double {
        try store.read { db in
            let family = try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE tbl_name = ?", arguments: [table])
            let span = try Row.fetchOne(db, sql: "SELECT min(pageno), max(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'",
                                        arguments: [table])!
            let lo: Int = span[0], hi: Int = span[1]
            let names = try String.fetchAll(db, sql: "SELECT name FROM dbstat WHERE pageno BETWEEN ? AND ?", arguments: [lo, hi])
            return Double(names.filter(family.contains).count) / Double(names.count)
        }
    }

    @Test(arguments: [false, true])
    func aBatchWritesEachTableOnConsecutivePages(bulk: Bool) throws {
        let t = TempFolder()
        let store = try Store(path: t.url.appendingPathComponent("layout.sqlite").path)
        var options = IngestOptions()
        options.batchSize = 1_000
        options.bulk = bulk
        let articles = BulkLoadTests.corpus()
        let summary = try Ingestor(store: store, options: options).ingest(articles: articles)
        #expect(summary.inserted == articles.count)
        for table in ["mentions", "events"] {
            let pages = try store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM dbstat WHERE name = ? AND pagetype = 'leaf'", arguments: [table]) ?? 0
            }
            #expect(pages >= 5, "\(table): enough pages to tell")
            // Written article by article, the articles' text and sentences took most of the range.
            #expect(try share(of: table, in: store) > 0.9, "\(table), bulk \(bulk)")
        }
    }
}
