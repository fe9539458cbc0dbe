import ArgumentParser
import IRStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Rows per table, date range and schema version.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    static let tables = ["articles", "sentences", "actors", "actor_aliases", "actor_roles", "mentions", "places",
                         "events", "sanctions", "conflicts", "conflict_parties", "conflict_reports", "quotes"]

    func run() throws {
        let store = try database.openReadOnly()
        let sql = Self.tables.map { "SELECT '\($0)' AS \"table\", count(*) AS rows FROM \($0)" }.joined(separator: " UNION ALL ")
            + " UNION ALL SELECT 'published from', min(published_on) FROM articles"
            + " UNION ALL SELECT 'published to', max(published_on) FROM articles"
            + " UNION ALL SELECT 'schema version', (SELECT user_version FROM pragma_user_version)"
        output.render(try store.table(sql: sql))
    }
}
