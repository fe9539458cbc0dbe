import GRDB

/// How search marks the matched words in snippets.
public struct Highlight: Sendable, Hashable {
    public var open: String
    public var close: String
    public init(open: String, close: String) { self.open = open; self.close = close }

    /// `**word**`: readable in a table, Markdown and JSON.
    public static let markdown = Highlight(open: "**", close: "**")
    /// Bold on an ANSI terminal.
    public static let ansiBold = Highlight(open: "\u{1B}[1m", close: "\u{1B}[22m")
}

extension KnowledgeBase {
    /// The columns of `search` results.
    public static let searchColumns = ["kind", "id", "article_id", "date", "title", "snippet", "rank"]

    /// Full-text search over articles (headline, body) and quotes (text, anonymous speaker),
    /// best matches first, with highlighted snippets.
    ///
    ///     try kb.search("Lavrov Syria")                  // both words, anywhere, as typed
    ///     try kb.search("NEAR(Lavrov Syria, 5)", raw: true)
    ///
    /// By default every word is searched for as typed (each one double-quoted, so FTS5 syntax
    /// such as `NEAR`, `OR`, `-`, `:` or an odd quote is just text); a trailing `*` keeps
    /// its prefix meaning. `raw` passes the text to FTS5 as is.
    /// Columns: kind (`article` or `quote`), id (article or quote id), article_id, date, title
    /// (headline, or speaker for quotes), snippet, rank (bm25: lower is better).
    public func search(_ text: String, raw: Bool = false, limit: Int = 20,
                       highlight: Highlight = .markdown) throws -> ResultTable {
        let expression = raw ? text.trimmingSpaces : KnowledgeBase.ftsQuery(text)
        guard !expression.isEmpty else { throw QueryError.emptySearch }
        let articles = """
            SELECT 'article' AS kind, ar.id AS id, ar.id AS article_id, ar.published_on AS date,
                   ar.headline AS title,
                   snippet(articles_fts, -1, :open, :close, '…', 16) AS snippet,
                   bm25(articles_fts, 5.0, 1.0) AS rank
            FROM articles_fts JOIN articles ar ON ar.id = articles_fts.rowid
            WHERE articles_fts MATCH :match
            ORDER BY rank LIMIT CAST(:limit AS INTEGER)
            """
        let quotes = """
            SELECT 'quote' AS kind, q.id AS id, q.article_id, coalesce(q.said_on, ar.published_on) AS date,
                   coalesce(a.name, q.speaker_description) AS title,
                   snippet(quotes_fts, -1, :open, :close, '…', 16) AS snippet,
                   bm25(quotes_fts) AS rank
            FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
            JOIN articles ar ON ar.id = q.article_id
            LEFT JOIN actors a ON a.id = q.speaker_actor_id
            WHERE quotes_fts MATCH :match
            ORDER BY rank LIMIT CAST(:limit AS INTEGER)
            """
        let parameters = ["match": expression, "open": highlight.open, "close": highlight.close, "limit": String(max(1, limit))]
        var rows: [[Cell]] = []
        var failures: [String] = []
        // The two indexes are searched apart: a raw column filter ("headline: toll") names a
        // column of one index only, and the other index then has nothing to say.
        for sql in [articles, quotes] {
            do {
                rows += try execute(sql: sql, parameters: parameters, label: "search").rows
            } catch {
                guard raw else { throw error }
                let detail: String
                switch error {
                case let e as DatabaseError: detail = e.message ?? "\(e.resultCode)"
                case let QueryError.invalidSQL(_, d): detail = d
                default: throw error
                }
                failures.append(detail)
            }
        }
        if failures.count == 2 || (failures.count == 1 && !failures[0].hasPrefix("no such column")) {
            throw QueryError.invalidSearch(text: text, detail: failures[0])
        }
        rows.sort { a, b in
            let ra = a[6].double ?? 0, rb = b[6].double ?? 0
            if ra != rb { return ra < rb }
            if a[0].description != b[0].description { return a[0].description < b[0].description }
            return (a[1].int ?? 0) < (b[1].int ?? 0)
        }
        return ResultTable(columns: KnowledgeBase.searchColumns, rows: Array(rows.prefix(max(1, limit))))
    }

    /// The FTS5 expression that searches for each word of `text` as typed: every word becomes a
    /// double-quoted string (inner quotes doubled), words are ANDed, words without a letter or
    /// digit are dropped, and a trailing `*` stays a prefix search.
    ///
    ///     ftsQuery("Lavrov \"Syria")        // "Lavrov" "Syria"
    ///     ftsQuery("sanction*")             // "sanction"*
    public static func ftsQuery(_ text: String) -> String {
        var terms: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            var w = String(word)
            var prefix = false
            if w.hasSuffix("*") {
                while w.hasSuffix("*") { w.removeLast() }
                prefix = true
            }
            // Quotes are stripped from a word's ends (a user's "exact phrase" quoting), kept and doubled inside.
            while w.hasPrefix("\"") { w.removeFirst() }
            while w.hasSuffix("\"") { w.removeLast() }
            guard w.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { continue }
            let quoted = "\"" + w.replacingAll("\"", with: "\"\"") + "\""
            terms.append(prefix ? quoted + "*" : quoted)
        }
        return terms.joined(separator: " ")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
