import Foundation
import ArgumentParser
import IRQuery
import IRStore

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a canned query: irkb query NAME -p name value ...",
        discussion: """
            Canned queries answer the questions analysts ask (who met whom, sanctions in force, \
            conflict tolls, quotes by a speaker, ...). Each is a file in Queries/ that also runs in \
            the sqlite3 shell. Actor parameters take a name, an alias or an ISO code.

              irkb query --list
              irkb query meetings -p actor Putin
              irkb query sanctions-in-force -p target RUS
              irkb query sanctions-on --sql          # print the SQL
            """)

    @Argument(help: "The canned query's name (see --list).") var name: String?
    @Option(name: .customShort("p"), parsing: .upToNextOption, help: ArgumentHelp("A parameter: -p name value (binds :name).", valueName: "name value"))
    var parameters: [String] = []
    @Flag(help: "List the canned queries: name, title, parameters.") var list = false
    @Flag(help: "Print the query's SQL instead of running it.") var sql = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !list && name == nil { throw ValidationError("Name a canned query, or use --list to see them.") }
    }

    func run() throws {
        if list {
            let rows = CannedQueries.all.map { q -> [Cell] in
                [.text(q.name), .text(q.title), .text(q.parameters.map { $0.isOptional ? "[\($0.name)]" : $0.name }.joined(separator: " "))]
            }
            output.render(ResultTable(columns: ["name", "title", "parameters"], rows: rows))
            return
        }
        let query: CannedQuery
        do { query = try CannedQueries.require(name!) } catch let e as QueryError { throw usageError(e.description) }
        if sql {
            var out = StandardOutput()
            print(query.sql, terminator: query.sql.hasSuffix("\n") ? "" : "\n", to: &out)
            return
        }
        let params = try ParameterList(parameters)
        let kb = KnowledgeBase(store: try database.openReadOnly())
        do {
            output.render(try kb.run(query, parameters: params.values))
        } catch let e as QueryError {
            switch e {
            case .missingParameter, .unknownParameter, .invalidValue: throw usageError(e.description)
            default: throw CLIError(e.description)
            }
        }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over articles and quotes, with highlighted snippets.",
        discussion: """
            Words are searched as typed (input is escaped: FTS5 syntax is plain text); a trailing * \
            searches a prefix. --raw passes FTS5 syntax through: "NEAR(Lavrov Syria, 5)", "Kerry OR Lavrov".
            """)

    @Argument(help: "Words to search for.") var words: [String]
    @Flag(help: "Pass the text to FTS5 as a query expression.") var raw = false
    @Option(help: "At most this many results.") var limit = 20
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if words.isEmpty { throw ValidationError("Give words to search for.") }
        if limit < 1 { throw ValidationError("--limit takes a positive number.") }
    }

    func run() throws {
        let kb = KnowledgeBase(store: try database.openReadOnly())
        let highlight: Highlight = output.format == .table && Terminal.isTerminal(STDOUT_FILENO) ? .ansiBold : .markdown
        do {
            output.render(try kb.search(words.joined(separator: " "), raw: raw, limit: limit, highlight: highlight))
        } catch let e as QueryError {
            throw CLIError(e.description)
        }
    }
}

/// A usage error (exit 64) with a message of our own.
func usageError(_ message: String) -> Error {
    note("Error: " + message)
    return ExitCode(64)
}
