/// Errors of the query library; each says what went wrong and what to do next.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// No canned query has this name.
    case unknownQuery(name: String, known: [String])
    /// A required parameter was not given.
    case missingParameter(query: String, parameter: String, help: String, usage: String)
    /// A parameter the query does not take.
    case unknownParameter(query: String, parameter: String, known: [String])
    /// No table or view has this name.
    case unknownTable(name: String, known: [String])
    /// The search text has nothing to search for.
    case emptySearch
    /// FTS5 refused a raw search expression.
    case invalidSearch(text: String, detail: String)
    /// SQLite refused the SQL.
    case invalidSQL(query: String, detail: String)
    /// An option value the library does not know, e.g. a format.
    case invalidValue(option: String, value: String, expected: [String])

    public var description: String {
        switch self {
        case let .unknownQuery(name, known):
            let near = QueryError.closest(name, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return "no canned query named '\(name)'.\(near) Known queries: \(known.joined(separator: ", ")); 'irkb query --list' describes them."
        case let .missingParameter(query, parameter, help, usage):
            return "\(query) needs the parameter '\(parameter)' (\(help)). Pass it as -p \(parameter) VALUE: \(usage)"
        case let .unknownParameter(query, parameter, known):
            let takes = known.isEmpty ? "takes no parameters" : "takes " + known.joined(separator: ", ")
            let near = QueryError.closest(parameter, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return "\(query) has no parameter '\(parameter)'.\(near) It \(takes)."
        case let .unknownTable(name, known):
            let near = QueryError.closest(name, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return "no table or view named '\(name)'.\(near) Tables and views: \(known.joined(separator: ", "))."
        case .emptySearch:
            return "nothing to search for: give one or more words, e.g. irkb search ceasefire Gaza"
        case let .invalidSearch(text, detail):
            return "the full-text expression '\(text)' is not valid FTS5 syntax (\(detail)). Leave out --raw to search for the words as typed."
        case let .invalidSQL(query, detail):
            return "\(query): SQLite refused the statement (\(detail))."
        case let .invalidValue(option, value, expected):
            return "'\(value)' is not a valid \(option); use one of \(expected.joined(separator: ", "))."
        }
    }

    /// The known name nearest to `name` (edit distance at most 2, or a prefix), for "did you mean".
    static func closest(_ name: String, in known: [String]) -> String? {
        let n = Array(name.lowercased().utf8)
        var best: (String, Int)?
        for k in known {
            let kb = Array(k.lowercased().utf8)
            var d = editDistance(n, kb)
            if d > 2, !n.isEmpty, kb.starts(with: n) { d = 2 }
            if d <= 2, best == nil || d < best!.1 { best = (k, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
