import ArgumentParser
import IRStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database (or bring an existing one up to date).",
        discussion: "Applies the schema migrations the binary carries. Safe to run again.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let store = try database.openReadWrite()
        let version = try store.schemaVersion()
        if !progress.quiet { note("\(store.path): schema version \(version) (\(Migrator.all.count) migrations).") }
    }
}
