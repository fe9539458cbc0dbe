import ArgumentParser
import IRIngest
import IRStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database (or bring an existing one up to date).",
        discussion: "Applies the schema migrations the binary carries, and finishes a bulk load that was interrupted. Safe to run again.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let store = try database.openReadWrite()
        if let load = try withStoreErrors({ try store.bulkLoad() }) {
            if load.running { throw CLIError(StoreError.bulkLoadRunning(path: store.path, startedAt: load.startedAt).description) }
            let show = progress.showProgress
            if !progress.quiet { note("\(store.path): finishing the bulk load started \(load.startedAt).") }
            let start = ContinuousClock.now
            try withStoreErrors {
                try store.finishBulkLoad { step in
                    let d = ContinuousClock.now - start
                    if show { showIngestProgress(IngestProgress(articles: 0, bytes: 0, seconds: Double(d.components.seconds), finishing: step)) }
                }
            }
            if show { note("") }
        }
        let version = try store.schemaVersion()
        if !progress.quiet { note("\(store.path): schema version \(version) (\(Migrator.all.count) migrations).") }
    }
}
