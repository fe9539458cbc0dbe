import ArgumentParser
import Foundation
import IRQuery

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a whole table or view as CSV or JSON Lines, streaming.",
        discussion: """
            CSV follows RFC 4180 (a header record, quoted fields where needed, CRLF line ends); \
            JSON Lines has one object per row, keys in column order.

              irkb export --table v_events --format csv > events.csv
              irkb export --table actors --format jsonl | jq .name
            'irkb schema' lists the tables and views.
            """)

    @Option(name: .long, help: ArgumentHelp("The table or view, e.g. v_events, actors, quotes.", valueName: "name"))
    var table: String
    @Option(name: .long, help: ArgumentHelp("csv or jsonl.", valueName: "format")) var format: ExportFormat = .csv
    @Option(name: .long, help: ArgumentHelp("At most this many rows.", valueName: "n")) var limit: Int?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let kb = KnowledgeBase(store: try database.openReadOnly())
        var buffer = ""
        buffer.reserveCapacity(1 << 16)
        let out = FileHandle.standardOutput
        try withQueryErrors {
            try kb.export(table: table, format: format, limit: limit) { record in
                buffer += record
                if buffer.utf8.count >= 1 << 16 {
                    out.write(Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        if !buffer.isEmpty { out.write(Data(buffer.utf8)) }
    }
}
