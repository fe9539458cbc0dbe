import ArgumentParser
import GRDB
import IRStore

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL statement.",
        discussion: """
            The database is opened read-only: writes, ATTACH and pragmas that change state are refused. \
            Parameters bind to :name with -p name value.

              irkb sql "SELECT name, country_code FROM actors WHERE kind = :k" -p k state
            """)

    @Argument(help: "One SQL statement.") var statement: String
    @Option(name: .customShort("p"), parsing: .upToNextOption, help: ArgumentHelp("A parameter: -p name value (binds :name).", valueName: "name value"))
    var parameters: [String] = []
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let params = try ParameterList(parameters)
        try SQLGuard.check(statement)
        let store = try database.openReadOnly()
        let table: ResultTable
        do {
            table = try store.read { db -> ResultTable in
                let statements = try db.allStatements(sql: statement)
                guard let stmt = try statements.next() else { throw CLIError("no SQL statement given.") }
                if try statements.next() != nil { throw CLIError("irkb sql runs one statement at a time; run the others separately.") }
                guard stmt.isReadonly else { throw CLIError("irkb sql is read-only: the statement would change the database. Use irkb ingest, irkb actors or the sqlite3 shell to change data.") }
                var args = StatementArguments()
                for name in params.names(in: stmt.sql) {
                    guard let v = params.values[name] else {
                        throw CLIError("the statement uses :\(name) but no value was given; add -p \(name) VALUE.")
                    }
                    args += [name: v]
                }
                return try Store.table(db, sql: stmt.sql, arguments: args)
            }
        } catch let e as DatabaseError {
            throw CLIError("SQL error: \(e.message ?? "\(e.resultCode)").")
        }
        output.render(table)
    }
}

/// Refuses statements that change state even on a read-only connection.
///
/// The check runs on the statement's words outside comments, string literals and quoted
/// identifiers, so "/* x */ ATTACH ..." is seen for what it is. SQLite then refuses any
/// write on the read-only connection, and `irkb sql` runs one statement only.
enum SQLGuard {
    static func check(_ sql: String) throws {
        let tokens = lex(sql)
        let words = tokens.filter { $0 != "(" && $0 != "=" && $0 != ";" && $0 != "." }
        guard let first = words.first else { throw CLIError("no SQL statement given.") }
        if tokens.contains("attach") || tokens.contains("detach") {
            throw CLIError("irkb sql refuses ATTACH and DETACH: it reads this database only.")
        }
        if tokens.contains("vacuum") || first == "analyze" || first == "reindex" {
            throw CLIError("irkb sql refuses VACUUM, ANALYZE and REINDEX (VACUUM INTO writes a file); use the sqlite3 shell for maintenance.")
        }
        if ["begin", "commit", "end", "rollback", "savepoint", "release"].contains(first) {
            throw CLIError("irkb sql runs one reading statement in its own transaction; transaction statements are refused.")
        }
        if tokens.contains("load_extension") {
            throw CLIError("irkb sql refuses load_extension.")
        }
        if tokens.contains("pragma") {
            // PRAGMA [schema.]name [(argument)]: a reading pragma, and an argument only where it names a table or index.
            var k = 1
            if tokens.count > 2, tokens[2] == "." { k = 3 }
            let name = k < tokens.count ? tokens[k] : ""
            let hasArgument = k + 1 < tokens.count && tokens[k + 1] == "("
            if first != "pragma" || tokens.contains("=") || !readPragmas.contains(name)
                || (hasArgument && !pragmasWithArgument.contains(name)) {
                throw CLIError("irkb sql allows only pragmas that read (table_info, index_list, foreign_key_list, ...).")
            }
        }
    }

    /// Lowercased words and the punctuation `(`, `=`, `;`, `.` outside comments, strings and quoted names.
    static func lex(_ sql: String) -> [String] {
        let b = Array(sql.utf8)
        var out: [String] = []
        var i = 0
        let n = b.count
        func isWord(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F || c == 0x24 || (c >= 0x30 && c <= 0x39) || c >= 0x80 }
        while i < n {
            let c = b[i]
            if c == 0x2D, i + 1 < n, b[i + 1] == 0x2D {  // -- comment
                while i < n, b[i] != 0x0A { i += 1 }
            } else if c == 0x2F, i + 1 < n, b[i + 1] == 0x2A {  // /* comment */
                i += 2
                while i < n, !(b[i] == 0x2A && i + 1 < n && b[i + 1] == 0x2F) { i += 1 }
                i += 2
            } else if c == 0x27 || c == 0x22 || c == 0x60 || c == 0x5B {  // 'string', "name", `name`, [name]
                let close: UInt8 = c == 0x5B ? 0x5D : c
                i += 1
                while i < n {
                    if b[i] == close {
                        if close != 0x5D, i + 1 < n, b[i + 1] == close { i += 2; continue }  // doubled quote
                        break
                    }
                    i += 1
                }
                i += 1
                out.append(c == 0x27 ? "'" : "\"")
            } else if isWord(c) {
                var j = i
                while j < n, isWord(b[j]) { j += 1 }
                out.append(String(decoding: b[i..<j], as: UTF8.self).lowercased())
                i = j
            } else {
                if c == 0x28 || c == 0x3D || c == 0x3B || c == 0x2E { out.append(String(UnicodeScalar(c))) }
                i += 1
            }
        }
        return out
    }

    static let readPragmas: Set<String> = [
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check",
        "integrity_check", "quick_check", "user_version", "schema_version", "compile_options", "database_list",
        "collation_list", "function_list", "module_list", "pragma_list", "table_list", "page_count", "page_size",
        "freelist_count", "encoding", "journal_mode", "application_id",
    ]

    /// Reading pragmas whose argument names a table or index (or a row limit): never a new setting.
    static let pragmasWithArgument: Set<String> = [
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check",
        "integrity_check", "quick_check", "table_list",
    ]
}

/// `-p name value` pairs, collected from repeated single values.
struct ParameterList {
    var values: [String: String] = [:]

    init(_ raw: [String]) throws {
        guard raw.count % 2 == 0 else {
            throw ValidationError("-p takes a name and a value: -p target Russia")
        }
        var i = 0
        while i < raw.count {
            var name = raw[i]
            if name.hasPrefix(":") || name.hasPrefix("@") || name.hasPrefix("$") { name.removeFirst() }
            values[name] = raw[i + 1]
            i += 2
        }
    }

    /// The :name parameters a statement uses, in order of appearance.
    func names(in sql: String) -> [String] {
        var out: [String] = []
        let b = Array(sql.utf8)
        var i = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            if c == 0x27 { inString.toggle(); i += 1; continue }
            if !inString, c == 0x3A, i + 1 < b.count, isName(b[i + 1]), i == 0 || b[i - 1] != 0x3A {
                var j = i + 1
                while j < b.count, isName(b[j]) { j += 1 }
                let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                if !out.contains(name) { out.append(name) }
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    private func isName(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F || (c >= 0x30 && c <= 0x39) }
}
