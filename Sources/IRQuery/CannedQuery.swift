/// A canned query: one `Queries/<name>.sql` file, its header read into a title, a
/// description and parameters.
///
///     -- title: Sanctions on a target
///     -- description: Every sanctions measure on :target, newest first.
///     -- param: target  actor name or ISO code, e.g. Russia or RUS
///     -- param: since  (optional) first date, ISO, e.g. 2014
///
/// The SQL binds each parameter as `:name`; optional parameters left out are bound to NULL.
public struct CannedQuery: Sendable, Hashable, Identifiable {
    /// One `-- param:` line.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        /// What the parameter takes, as the header says (without the "(optional)" mark).
        public var help: String
        public var isOptional: Bool

        public init(name: String, help: String, isOptional: Bool) {
            self.name = name; self.help = help; self.isOptional = isOptional
        }
    }

    /// The file name without `.sql`, e.g. `sanctions-on`.
    public var name: String
    public var title: String
    public var description: String
    public var parameters: [Parameter]
    /// The whole file, header included: it runs as is in `sqlite3` and through GRDB.
    public var sql: String

    public var id: String { name }

    /// Reads a query file's header. Lines before the first SQL line that start with `--` form the
    /// header; `title:`, `description:` and `param:` lines are read, other comments are kept in `sql` only.
    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
        var title = ""
        var description = ""
        var parameters: [Parameter] = []
        for rawLine in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingSpaces
            if line.isEmpty { continue }
            guard line.hasPrefix("--") else { break }
            let body = String(line.dropFirst(2)).trimmingSpaces
            if let v = body.value(after: "title:") {
                title = v
            } else if let v = body.value(after: "description:") {
                description = v
            } else if let v = body.value(after: "param:") {
                let parts = v.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                guard let first = parts.first else { continue }
                var help = parts.count > 1 ? String(parts[1]).trimmingSpaces : ""
                var optional = false
                if help.lowercased().hasPrefix("(optional)") {
                    optional = true
                    help = String(help.dropFirst("(optional)".count)).trimmingSpaces
                }
                var pname = String(first)
                if pname.hasPrefix(":") { pname.removeFirst() }
                parameters.append(Parameter(name: pname, help: help, isOptional: optional))
            }
        }
        self.title = title.isEmpty ? name : title
        self.description = description
        self.parameters = parameters
    }

    /// The parameter called `name`, if the query takes one.
    public func parameter(_ name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    public var requiredParameters: [Parameter] { parameters.filter { !$0.isOptional } }

    /// A one-line usage, e.g. `sanctions-on -p target VALUE [-p since VALUE]`.
    public var usage: String {
        ([name] + parameters.map { $0.isOptional ? "[-p \($0.name) VALUE]" : "-p \($0.name) VALUE" }).joined(separator: " ")
    }

    /// The SQL without its leading header comments (for Datasette and `--sql` listings that want only the statement).
    public var statement: String {
        var lines = sql.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.trimmingSpaces.isEmpty || first.trimmingSpaces.hasPrefix("--") {
            lines = lines.dropFirst()
        }
        var s = lines.joined(separator: "\n").trimmingSpaces
        if s.hasSuffix(";") { s.removeLast() }
        return s
    }
}

/// The canned queries shipped in the binary (generated from `Queries/*.sql` by `scripts/embed.py`).
public enum CannedQueries {
    /// Every canned query, sorted by name.
    public static let all: [CannedQuery] = EmbeddedQueries.files
        .filter { $0.name.hasSuffix(".sql") }
        .map { CannedQuery(name: String($0.name.dropLast(4)), sql: $0.contents) }
        .sorted { $0.name < $1.name }

    /// The query with this name (the file name without `.sql`; a trailing `.sql` is accepted).
    public static func named(_ name: String) -> CannedQuery? {
        let key = name.hasSuffix(".sql") ? String(name.dropLast(4)) : name
        return all.first { $0.name == key }
    }

    /// The query with this name, or an error that lists the known names.
    public static func require(_ name: String) throws -> CannedQuery {
        guard let q = named(name) else {
            throw QueryError.unknownQuery(name: name, known: all.map(\.name))
        }
        return q
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }

    func value(after key: String) -> String? {
        guard hasPrefix(key) else { return nil }
        return String(dropFirst(key.count)).trimmingSpaces
    }
}

/// The `:name` parameters a statement uses, in order of first use, skipping strings,
/// quoted identifiers and comments.
///
///     SQLParameters.names(in: "SELECT * FROM t WHERE a = :x AND b = ':y' -- :z")  // ["x"]
public enum SQLParameters {
    public static func names(in sql: String) -> [String] {
        let b = Array(sql.utf8)
        var names: [String] = []
        var seen = Set<String>()
        var i = 0
        func isIdent(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
        }
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                i += 1
                while i < b.count {
                    if b[i] == c {
                        if i + 1 < b.count && b[i + 1] == c { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "["):
                while i < b.count && b[i] != UInt8(ascii: "]") { i += 1 }
                i += 1
            case UInt8(ascii: "-") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "-"):
                while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "/") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i + 1 < b.count && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "$"):
                var j = i + 1
                while j < b.count && isIdent(b[j]) { j += 1 }
                if j > i + 1 {
                    let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                    if seen.insert(name).inserted { names.append(name) }
                }
                i = j
            default:
                i += 1
            }
        }
        return names
    }
}
