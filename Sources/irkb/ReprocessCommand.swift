import ArgumentParser
import IRIngest

struct ReprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Re-derive every stored article with the current lexicons and rules.",
        discussion: "Run after upgrading irkb or editing actors: articles are re-analysed from the stored text, without re-reading files.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var progress: ProgressOptions
    @Flag(help: "Print the summary even when stderr is not a terminal.") var summary = false
    @Flag(help: "Build the indexes and summaries once, at the end (as ingest --bulk; readers wait).") var bulk = false

    func run() throws {
        let store = try database.openReadWrite()
        var options = IngestOptions()
        options.bulk = bulk
        let ingestor = Ingestor(store: store, analyzer: Analyzer(userActors: try store.userActors()), options: options)
        let show = progress.showProgress
        let result = try withStoreErrors { try ingestor.reprocess(progress: show ? { (p: IngestProgress) in showIngestProgress(p) } : nil) }
        if show { note("") }
        try report(result, strict: false, showSummary: progress.showProgress || summary, verb: "Reprocessed")
    }
}
