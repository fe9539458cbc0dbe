import Foundation
import GRDB
import IRStore

/// An irkb database opened for questions: canned queries, search, export and network.
///
///     let kb = try KnowledgeBase(path: "irkb.sqlite")               // opens read-only
///     let table = try kb.run("meetings", parameters: ["actor": "Putin"])
///     let same = try kb.meetings(actor: "Putin")
///
/// The library never prints and never exits: answers come back as `ResultTable`s (or are
/// streamed to a closure), failures as `QueryError` or `StoreError`.
public struct KnowledgeBase: Sendable {
    public let store: Store

    /// Wraps a store that is already open (read-only or not).
    public init(store: Store) {
        self.store = store
    }

    /// Opens the database at `path` read-only.
    public init(path: String) throws {
        self.store = try Store(path: path, mode: .readOnly)
    }

    // MARK: Canned queries

    /// Runs the canned query called `name` with `-p name value` parameters.
    public func run(_ name: String, parameters: [String: String] = [:]) throws -> ResultTable {
        try run(CannedQueries.require(name), parameters: parameters)
    }

    /// Runs a canned query. Parameters bind to `:name` (never spliced into the SQL); optional
    /// parameters left out, or given as an empty string, bind to NULL.
    /// Throws `QueryError.missingParameter` naming a required parameter that was not given
    /// and `QueryError.unknownParameter` for a name the query does not take.
    public func run(_ query: CannedQuery, parameters: [String: String] = [:]) throws -> ResultTable {
        let values = try KnowledgeBase.validate(parameters, for: query)
        // Canned queries are few and asked again and again (a server, a script): their statements
        // are kept prepared on each reading connection (preparing one of the long ones takes
        // several milliseconds). Any other SQL is prepared each time.
        return try table(sql: query.sql, values: values, label: query.name, cached: true)
    }

    /// Checks parameters against a query's header and returns them keyed by bare name
    /// (a leading `:` is accepted). Empty values count as not given.
    public static func validate(_ parameters: [String: String], for query: CannedQuery) throws -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in parameters {
            let name = key.hasPrefix(":") || key.hasPrefix("@") || key.hasPrefix("$") ? String(key.dropFirst()) : key
            guard query.parameter(name) != nil else {
                throw QueryError.unknownParameter(query: query.name, parameter: name, known: query.parameters.map(\.name))
            }
            let v = value.trimmingSpaces
            if !v.isEmpty { values[name] = v }
        }
        for p in query.parameters where !p.isOptional && values[p.name] == nil {
            throw QueryError.missingParameter(query: query.name, parameter: p.name, help: p.help, usage: "irkb query " + query.usage)
        }
        return values
    }

    // MARK: Any SQL

    /// Runs one SQL statement with `:name` parameters; every parameter the SQL uses and
    /// `parameters` lacks binds to NULL. `label` names the statement in errors.
    public func execute(sql: String, parameters: [String: String] = [:], label: String = "SQL") throws -> ResultTable {
        var values: [String: String] = [:]
        for (k, v) in parameters {
            values[k.hasPrefix(":") || k.hasPrefix("@") || k.hasPrefix("$") ? String(k.dropFirst()) : k] = v
        }
        return try table(sql: sql, values: values, label: label)
    }

    /// Streams the rows of one SQL statement: `header` gets the column names once, then
    /// `row` each row, so a large table never sits in memory.
    public func stream(sql: String, parameters: [String: String] = [:], label: String = "SQL",
                       header: ([String]) throws -> Void, row: ([Cell]) throws -> Void) throws {
        try stream(sql: sql, parameters: parameters, label: label, cached: false, header: header, row: row)
    }

    func stream(sql: String, parameters: [String: String], label: String, cached: Bool,
                header: ([String]) throws -> Void, row: ([Cell]) throws -> Void) throws {
        let arguments = KnowledgeBase.arguments(sql: sql, values: parameters)
        try store.read { db in
            let statement: Statement
            do {
                statement = try cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
            } catch let e as DatabaseError {
                throw QueryError.invalidSQL(query: label, detail: e.message ?? "\(e.resultCode)")
            }
            try header(statement.columnNames)
            let cursor = try Row.fetchCursor(statement, arguments: arguments)
            while try cursor.next() != nil {
                try row(Cell.currentRow(of: statement))
            }
        }
    }

    func table(sql: String, values: [String: String], label: String, cached: Bool = false) throws -> ResultTable {
        var result = ResultTable(columns: [], rows: [])
        try stream(sql: sql, parameters: values, label: label, cached: cached,
                   header: { result.columns = $0 }, row: { result.rows.append($0) })
        return result
    }

    /// Named arguments for every `:name` the SQL uses: the given value or NULL.
    static func arguments(sql: String, values: [String: String]) -> StatementArguments {
        var dict: [String: DatabaseValue] = [:]
        for name in SQLParameters.names(in: sql) {
            dict[name] = values[name].map { $0.databaseValue } ?? .null
        }
        return StatementArguments(dict)
    }

    // MARK: Schema

    /// The user-facing tables and views (no SQLite internals, no FTS shadow tables), sorted.
    public func tablesAndViews() throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                  AND name NOT GLOB '*_fts_*' AND name NOT GLOB 'grdb_*'
                ORDER BY name
                """)
        }
    }
}
