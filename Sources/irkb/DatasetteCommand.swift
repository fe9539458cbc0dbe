import ArgumentParser
import IRQuery

struct DatasetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "Write a Datasette metadata file: the canned queries, facets and column descriptions.",
        discussion: """
            Every canned query becomes a Datasette canned query with its title, description and \
            parameters; tables and views get facets, label columns and the schema's column comments; \
            articles and quotes offer full-text search.

              irkb datasette-metadata > metadata.json
              datasette irkb.sqlite -m metadata.json

            The database name is the --db file name without its extension (irkb for irkb.sqlite).
            """)

    @Option(name: .customLong("database-name"), help: ArgumentHelp("The name Datasette gives the database (default: from --db).", valueName: "name"))
    var databaseName: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var out = StandardOutput()
        out.write(DatasetteMetadata.json(databaseName: databaseName ?? DatasetteMetadata.databaseName(forPath: database.path)))
    }
}
