import IRStore

/// A Datasette metadata document for an irkb database: the canned queries (title,
/// description, parameters), facets, label columns, full-text search tables and the column
/// comments of the schema, so that
///
///     irkb datasette-metadata > metadata.json
///     datasette irkb.sqlite -m metadata.json
///
/// gives a browsable site. The database name is the file name without its extension.
public enum DatasetteMetadata {
    /// Facets offered on each table and view, chosen for the questions analysts ask.
    public static let facets: [(table: String, columns: [String])] = [
        ("articles", ["outlet", "published_source"]),
        ("actors", ["kind", "country_code"]),
        ("actor_roles", ["title", "country_code"]),
        ("events", ["cameo_code", "mode", "date_precision", "date_source"]),
        ("sanctions", ["action", "kind", "target_country", "conditional"]),
        ("conflict_reports", ["scope", "killed_qualifier"]),
        ("quotes", ["anonymous", "speaker_country", "speaker_role"]),
        ("places", ["kind", "country_code"]),
        ("cameo_codes", ["root", "quad_class", "plover"]),
        ("v_events", ["root", "quad_class", "mode", "source_country", "target_country", "plover"]),
        ("v_meetings", ["source_name", "target_name", "cameo_code"]),
        ("v_sanctions", ["action", "kind", "imposer_name", "target_country", "conditional"]),
        ("v_conflicts", ["conflict_name", "country_code"]),
        ("v_quotes", ["speaker_name", "speaker_country", "speaker_anonymous"]),
        ("v_actor_mentions", ["actor_kind", "country_code", "actor_name"]),
        ("v_actors", ["kind", "country_code"]),
        ("v_actor_roles", ["title", "country_code"]),
    ]

    /// The column that names a row, so Datasette shows names instead of foreign-key ids.
    public static let labelColumns: [(table: String, column: String)] = [
        ("articles", "headline"), ("actors", "name"), ("places", "name"), ("conflicts", "name"),
        ("cameo_codes", "description"), ("sentences", "text"), ("quad_classes", "label"),
    ]

    /// Tables sorted newest first by default.
    static let sortDesc: [(table: String, column: String)] = [
        ("articles", "published_on"), ("events", "occurred_on"), ("sanctions", "stated_on"),
        ("quotes", "said_on"), ("conflict_reports", "as_of"),
    ]

    /// Full-text search: which FTS5 table indexes which table (Datasette also detects them by
    /// their `content="<table>"` spelling).
    public static let fullText: [(table: String, fts: String)] = [("articles", "articles_fts"), ("quotes", "quotes_fts")]

    /// The metadata document, pretty-printed.
    public static func json(databaseName: String = "irkb", queries: [CannedQuery] = CannedQueries.all) -> String {
        document(databaseName: databaseName, queries: queries).render(indent: 2) + "\n"
    }

    /// The database name Datasette derives from a file path: the file name without its extension.
    public static func databaseName(forPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    public static func document(databaseName: String, queries: [CannedQuery]) -> JSONValue {
        let comments = columnComments()
        var tableNames: [String] = []
        func note(_ t: String) { if !tableNames.contains(t) { tableNames.append(t) } }
        for (t, _) in facets { note(t) }
        for (t, _) in labelColumns { note(t) }
        for (t, _) in fullText { note(t) }
        for (t, _) in comments { note(t) }
        var tables: [(String, JSONValue)] = []
        for t in tableNames {
            var entry: [(String, JSONValue)] = []
            if let d = tableDescriptions[t] { entry.append(("description", .string(d))) }
            if let l = labelColumns.first(where: { $0.table == t }) { entry.append(("label_column", .string(l.column))) }
            if let f = facets.first(where: { $0.table == t }) { entry.append(("facets", .array(f.columns.map(JSONValue.string)))) }
            if let s = sortDesc.first(where: { $0.table == t }) { entry.append(("sort_desc", .string(s.column))) }
            if let f = fullText.first(where: { $0.table == t }) {
                entry.append(("fts_table", .string(f.fts)))
                entry.append(("fts_pk", .string("id")))
            }
            if let cols = comments.first(where: { $0.table == t })?.columns, !cols.isEmpty {
                entry.append(("columns", .object(cols.map { ($0.0, .string($0.1)) })))
            }
            tables.append((t, .object(entry)))
        }
        let canned: [(String, JSONValue)] = queries.map { q in
            var entry: [(String, JSONValue)] = [("title", .string(q.title))]
            var description = q.description
            if !q.parameters.isEmpty {
                description += " Parameters: " + q.parameters.map { p in
                    p.name + (p.isOptional ? " (optional)" : "") + ": " + p.help
                }.joined(separator: "; ") + "."
            }
            entry.append(("description", .string(description)))
            entry.append(("sql", .string(q.statement)))
            entry.append(("params", .array(q.parameters.map { .string($0.name) })))
            return (q.name, .object(entry))
        }
        let database: JSONValue = .object([
            ("description", .string("International relations extracted from news articles: actors, CAMEO events, sanctions, conflicts with casualty tolls and quotes, every row traceable to its sentence.")),
            ("tables", .object(tables)),
            ("queries", .object(canned)),
        ])
        return .object([
            ("title", .string("irkb: international relations knowledge base")),
            ("description", .string("Browse the tables and the readable v_* views, search articles and quotes, or run a canned query below.")),
            ("databases", .object([(databaseName, database)])),
        ])
    }

    static let tableDescriptions: [String: String] = [
        "articles": "The articles as ingested, one row each; full-text search covers headline and body.",
        "actors": "States, persons, organizations and groups, one row per identity across articles.",
        "events": "CAMEO-coded interactions between two actors, each traced to its sentence.",
        "sanctions": "Sanctions measures acted on: imposer, target, action and kind.",
        "conflicts": "Armed conflicts, one row per conflict across articles.",
        "conflict_reports": "Casualty figures reported for a conflict, with the date they were reported for.",
        "quotes": "Direct quotations with their speaker (or a description for anonymous speakers); full-text search covers them.",
        "v_events": "Events with actor names, CAMEO labels, QuadClass, Goldstein score and the sentence.",
        "v_meetings": "Meetings, visits, talks and negotiations (CAMEO root 04) reported as held or scheduled.",
        "v_sanctions": "Sanctions with imposer and target names and the sentence.",
        "v_conflicts": "Casualty reports with the conflict's name and the sentence.",
        "v_quotes": "Quotes with speaker names and countries.",
    ]

    /// The `-- comment` of each column in the migrations' CREATE TABLE statements.
    public static func columnComments() -> [(table: String, columns: [(String, String)])] {
        var result: [(table: String, columns: [(String, String)])] = []
        for (_, sql) in EmbeddedMigrations.files {
            var table: String?
            var columns: [(String, String)] = []
            var current: Int?
            for raw in sql.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingSpaces
                if table == nil {
                    if line.hasPrefix("CREATE TABLE "), line.hasSuffix("(") {
                        table = line.dropFirst("CREATE TABLE ".count).split(separator: " ").first.map(String.init)
                        columns = []
                        current = nil
                    }
                    continue
                }
                if line.hasPrefix(")") {
                    if let t = table { result.append((t, columns)) }
                    table = nil
                    continue
                }
                let (code, comment) = splitComment(line)
                let word = code.split(separator: " ").first.map(String.init) ?? ""
                let keywords: Set<String> = ["UNIQUE", "CHECK", "PRIMARY", "FOREIGN", "CONSTRAINT"]
                if !word.isEmpty, !keywords.contains(word.uppercased()), word.first!.isLetter, word == word.lowercased() {
                    columns.append((word, comment ?? ""))
                    current = columns.count - 1
                } else if let comment, let c = current, code.isEmpty || keywords.contains(word.uppercased()) {
                    columns[c].1 = columns[c].1.isEmpty ? comment : columns[c].1 + " " + comment
                }
            }
        }
        return result.map { ($0.table, $0.columns.filter { !$0.1.isEmpty }) }.filter { !$0.columns.isEmpty }
    }

    /// Splits `code -- comment`, ignoring `--` inside single-quoted strings.
    static func splitComment(_ line: String) -> (String, String?) {
        let b = Array(line.utf8)
        var inString = false
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "'") { inString.toggle() }
            if !inString, b[i] == UInt8(ascii: "-"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "-") {
                let code = String(decoding: b[..<i], as: UTF8.self).trimmingSpaces
                let comment = String(decoding: b[(i + 2)...], as: UTF8.self).trimmingSpaces
                return (code, comment)
            }
            i += 1
        }
        return (line, nil)
    }
}
