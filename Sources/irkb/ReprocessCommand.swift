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

    func run() throws {
        let store = try database.openReadWrite()
        let result = try Ingestor(store: store, analyzer: Analyzer(userActors: try store.userActors())).reprocess()
        try report(result, strict: false, showSummary: progress.showProgress || summary, verb: "Reprocessed")
    }
}
