import ArgumentParser
import Foundation
import IRStore

/// `--db PATH`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $IRKB_DB, else ./irkb.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["IRKB_DB"], !env.isEmpty { return env }
        return "irkb.sqlite"
    }

    /// Opens the database read-only (read commands).
    func openReadOnly() throws -> Store {
        do { return try Store(path: path, mode: .readOnly) } catch let e as StoreError { throw CLIError(e.description) }
    }

    /// Opens (creating and migrating) the database for writing.
    func openReadWrite() throws -> Store {
        do { return try Store(path: path, mode: .readWrite) } catch let e as StoreError { throw CLIError(e.description) }
    }

    /// Opens the database for an edit that is not an ingest (user actors): refused while a bulk
    /// load is recorded in it, which only ingest, reprocess and init go on with.
    func openForEdit() throws -> Store {
        let store = try openReadWrite()
        do { try store.requireNoBulkLoad() } catch let e as StoreError { throw CLIError(e.description) }
        return store
    }
}

/// The output options every read command takes.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Aligned table (the default on a terminal).") var table = false
    @Flag(name: .long, help: "A JSON array of objects.") var json = false
    @Flag(name: .long, help: "Newline-delimited JSON: one object per line.") var nl = false
    @Flag(name: .long, help: "CSV (RFC 4180).") var csv = false
    @Flag(name: .long, help: "Tab-separated values (the default when not on a terminal).") var tsv = false
    @Flag(name: .long, help: "A Markdown table.") var markdown = false
    @Flag(name: .customLong("no-headers"), help: "Leave out the header row (table, csv, tsv, markdown).") var noHeaders = false

    func validate() throws {
        if [table, json, nl, csv, tsv, markdown].filter({ $0 }).count > 1 {
            throw ValidationError("Choose one output format: --table, --json, --nl, --csv, --tsv or --markdown.")
        }
    }

    var format: Renderer.Format {
        if json { return .json }
        if nl { return .nl }
        if csv { return .csv }
        if tsv { return .tsv }
        if markdown { return .markdown }
        if table { return .table }
        return Terminal.isTerminal(STDOUT_FILENO) ? .table : .tsv
    }

    func render(_ t: ResultTable) {
        var out = StandardOutput()
        Renderer(format: format, headers: !noHeaders, width: Terminal.width()).render(t, to: &out)
    }
}

/// `--quiet`: no progress or summary on stderr.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress or summary on stderr.") var quiet = false

    var showProgress: Bool { !quiet && Terminal.isTerminal(STDERR_FILENO) }
}

/// A failure the user can act on: printed as "Error: ..." with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Columns of the terminal on stdout; $COLUMNS, else unlimited off a terminal.
    static func width() -> Int? {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 20 { return n }
        guard isTerminal(STDOUT_FILENO) else { return nil }
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 20 { return Int(w.ws_col) }
        return 100
    }
}

struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardOutput.write(Data(string.utf8)) }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

/// Writes a line to stderr.
func note(_ s: String) {
    var e = StandardError()
    print(s, to: &e)
}
