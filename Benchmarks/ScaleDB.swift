import Foundation
import GRDB
import IRStore

/// `irkb-bench scale-db`: a database of N x the articles of a built one, made in SQL, for the
/// query latencies at sizes that ingest would take hours to build (1M articles: over an hour).
///
///     irkb-bench build-db --articles 100000 --out 100k.sqlite
///     irkb-bench scale-db --from 100k.sqlite --factor 10 --out 1m.sqlite
///
/// Copy k (1..<factor) of every article repeats its rows with ids shifted past the previous
/// copy and its external id suffixed `~k`; its day-precision dates (published, occurred,
/// stated, said, as of, seen on) move k days later, so a period holds factor x the articles
/// instead of factor x the same days. The identities (actors, aliases, places, conflicts)
/// stay shared, as they would in a bigger archive of the same news. The copy is brought to
/// the current schema (migrations of this binary), its full-text indexes are rebuilt, and the
/// file is left in WAL mode like any irkb database.
enum ScaleDB {
    /// Per-article tables, in foreign-key order, and their day-precision date columns.
    static let tables: [(name: String, dates: [String])] = [
        ("articles", ["published_on"]),
        ("sentences", []),
        ("mentions", []),
        ("events", ["occurred_on"]),
        ("sanctions", ["stated_on"]),
        ("quotes", ["said_on"]),
        ("conflict_parties", []),
        ("conflict_reports", ["as_of"]),
        ("actor_roles", ["seen_on"]),
    ]

    static func run(from source: String, factor: Int, to path: String) throws -> String {
        guard factor >= 1 else { throw BenchError.usage("--factor takes a number >= 1") }
        guard FileManager.default.fileExists(atPath: source) else { throw BenchError.failed("no database at \(source)") }
        if FileManager.default.fileExists(atPath: path) { throw BenchError.failed("\(path) exists: remove it first") }
        let start = ContinuousClock.now
        do {
            let src = try Store(path: source, mode: .readOnly)
            try src.database.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        }
        var config = Configuration()
        config.foreignKeysEnabled = false
        let db = try DatabaseQueue(path: path, configuration: config)
        // A scratch build: no journal, no fsync, a 1 GB page cache.
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -1000000")
        }
        try Migrator.migrate(db, path: path)
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
        }
        var articles = 0
        try db.write { db in
            // Triggers (full-text indexing, summaries) and the secondary indexes of the copied
            // tables are dropped for the bulk insert and made again at the end.
            let names = tables.map { "'\($0.name)'" }.joined(separator: ",")
            let triggers = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL")
            let triggerNames = try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'trigger'")
            let indexes = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(names))
                """)
            let indexNames = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(names))
                """)
            for t in triggerNames { try db.execute(sql: "DROP TRIGGER \(t)") }
            for i in indexNames { try db.execute(sql: "DROP INDEX \(i)") }

            var offset: [String: Int] = [:]
            for t in tables { offset[t.name] = try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(t.name)") ?? 0 }
            for k in 1..<max(factor, 1) {
                for t in tables {
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [t.name])
                    let exprs = columns.map { c -> String in
                        switch c {
                        case "id": return "id + \(k * offset[t.name]!)"
                        case "article_id" where t.name != "articles": return "article_id + \(k * offset["articles"]!)"
                        case "sentence_id": return "sentence_id + \(k * offset["sentences"]!)"
                        case "external_id" where t.name == "articles": return "external_id || '~\(k)'"
                        case _ where t.dates.contains(c):
                            return "CASE WHEN length(\(c)) = 10 THEN coalesce(date(\(c), '+\(k) days'), \(c)) ELSE \(c) END"
                        default: return c
                        }
                    }
                    try db.execute(sql: """
                        INSERT INTO \(t.name)(\(columns.joined(separator: ", ")))
                        SELECT \(exprs.joined(separator: ", ")) FROM \(t.name) WHERE id <= \(offset[t.name]!) ORDER BY id
                        """)
                }
                standardError("scale-db: copy \(k + 1) / \(factor) written, \(Int(seconds(since: start))) s")
            }
            for i in indexes { try db.execute(sql: i) }
            standardError("scale-db: indexes made, \(Int(seconds(since: start))) s")
            for t in triggers { try db.execute(sql: t) }
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            try db.execute(sql: "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
            // Every copy names the same actors as the source in the same articles and sentences,
            // so its pairs are the source's: co_mentions is the source's times the factor.
            try Store.rebuildSummaries(in: db, coMentions: false)
            try db.execute(sql: "UPDATE co_mentions SET articles = articles * ?1, sentences = sentences * ?1", arguments: [factor])
            standardError("scale-db: full-text indexes rebuilt, \(Int(seconds(since: start))) s")
            articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
        }
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        return "scaled \(source) x\(factor) to \(path): \(articles) articles in \(String(format: "%.0f", seconds(since: start))) s, \(Bench.databaseSize(path) / 1_000_000) MB"
    }
}
