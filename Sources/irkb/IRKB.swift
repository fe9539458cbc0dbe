import ArgumentParser
import Foundation

@main
struct IRKB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "irkb",
        abstract: "A knowledge base of international relations in one SQLite file.",
        discussion: """
            Load news articles, get actors, CAMEO events, sanctions, conflicts and quotes, each \
            traceable to its sentence; ask canned questions, search, or open the file in sqlite3.

            The database is ./irkb.sqlite unless --db PATH or $IRKB_DB says otherwise. \
            Exit codes: 0 success, 1 failure, 64 usage error.
            """,
        version: "irkb 0.1.0",
        subcommands: [
            InitCommand.self, IngestCommand.self, ReprocessCommand.self, DemoCommand.self,
            QueryCommand.self, SearchCommand.self, SQLCommand.self, StatsCommand.self, SchemaCommand.self,
            ActorCommand.self, ActorsCommand.self, TimelineCommand.self, ExplainCommand.self, ExportCommand.self, NetworkCommand.self, DatasetteCommand.self,
        ]
    )
}
