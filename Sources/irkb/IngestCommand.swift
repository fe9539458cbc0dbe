import ArgumentParser
import Foundation
import IRIngest
import IRStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load articles: text, JSON Lines, news-please JSON or HTML files, directories, or - for stdin.",
        discussion: """
            Formats by extension: .txt (first line the headline, a blank line, the body), .jsonl \
            (one object per line: id, title, text, published, outlet, url), .json (one object or an \
            array; news-please fields are understood), .html. Directories are read recursively.

            Re-ingesting is safe: unchanged articles are skipped, changed ones replace their rows. \
            Input that cannot be read is reported with its file and line and the rest is ingested; \
            with --strict any refused article makes the command fail.

            --bulk loads an archive into an empty or small database faster: the indexes keyed by \
            actor, pair or date are dropped during the load and built again at the end, and the \
            summaries are counted in memory and added 10,000 articles at a time. Until it ends, \
            readers are refused. A bulk load that is interrupted is finished by the next ingest, \
            reprocess or 'irkb init'.
            """)

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var progress: ProgressOptions

    @Flag(help: "Fail (exit 1) when any article is refused.") var strict = false
    @Flag(help: "Print the summary even when stderr is not a terminal.") var summary = false
    @Flag(help: "Re-analyse articles even when they are unchanged.") var force = false
    @Option(help: "Articles per transaction.") var batch = IngestOptions().batchSize
    @Option(help: "Analysis threads (default: the number of cores).") var jobs: Int?
    @Flag(help: "Build the indexes and summaries once, at the end (for loading an archive; readers wait).") var bulk = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or directory to ingest, or - for stdin.") }
        if batch < 1 { throw ValidationError("--batch takes a positive number of articles.") }
    }

    func run() throws {
        let store = try database.openReadWrite()
        var options = IngestOptions()
        options.batchSize = batch
        options.force = force
        options.bulk = bulk
        if let jobs { options.jobs = max(1, jobs) }
        let ingestor = Ingestor(store: store, analyzer: Analyzer(userActors: try store.userActors()), options: options)
        let show = progress.showProgress
        let result = try withStoreErrors { try ingestor.ingest(paths: paths, progress: show ? { (p: IngestProgress) in showIngestProgress(p) } : nil) }
        if show { note("") }
        try report(result, strict: strict, showSummary: show || summary)
    }
}

/// The progress line of an ingest on a terminal (stderr), rewritten in place.
func showIngestProgress(_ p: IngestProgress) {
    var e = StandardError()
    let line: String
    switch p.finishing {
    case nil: line = String(format: "%d articles, %.1f MB, %.1f s", p.articles, Double(p.bytes) / 1e6, p.seconds)
    case let .index(name, number, total)?: line = String(format: "building index %d of %d (%@), %.1f s", number, total, name, p.seconds)
    case let .summaries(done, total)?: line = String(format: "counting summaries: %d of %d articles, %.1f s", done, total, p.seconds)
    }
    print("\r" + line + "\u{1B}[K", terminator: "", to: &e)
}

/// Runs `body`, turning the store's errors (a bulk load held by another process, say) into the
/// CLI's plain message.
func withStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError { throw CLIError(e.description) }
}

/// Prints issues and the one-line summary; throws when --strict and something was refused.
func report(_ s: IngestSummary, strict: Bool, showSummary: Bool, verb: String = "Ingested") throws {
    for issue in s.issues {
        note((issue.severity == .error ? "Error: " : "Warning: ") + issue.description)
    }
    if s.failed + s.warnings > s.issues.count {
        note("(\(s.failed + s.warnings - s.issues.count) more issues not shown)")
    }
    if showSummary {
        let order = ["sentences", "mentions", "events", "quotes", "sanctions", "conflict_reports"]
        let rows = order.map { "\(s.rows[$0] ?? 0) \($0.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", ")
        note(String(format: "%@ %d articles: %d new, %d updated, %d unchanged, %d failed; %@; %.2f s.",
                    verb, s.read, s.inserted, s.updated, s.unchanged, s.failed, rows, s.seconds))
    }
    if s.failed > 0 {
        let stored = s.inserted + s.updated + s.unchanged
        let what = s.failed == 1 ? "1 input was" : "\(s.failed) inputs were"
        if strict {
            throw CLIError("\(what) refused (see above); --strict makes that a failure. The other \(stored) articles are stored; fix the input and run the same command again.")
        } else if !showSummary {
            note("\(what) refused (see above); the other \(stored) articles are stored. Fix the input and run the same command again.")
        }
    }
}
