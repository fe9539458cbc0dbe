import ArgumentParser
import IRStore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the schema: tables and views with their SQL, or one table's columns.",
        discussion: "Without a name, prints every CREATE statement (column comments included). With a name, lists its columns.")

    @Argument(help: "A table or view name.") var name: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try database.openReadOnly()
        if let name {
            let t = try store.table(sql: "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", arguments: [name])
            if t.rows.isEmpty { throw CLIError("no table or view named \(name); 'irkb schema' lists them.") }
            output.render(t)
            return
        }
        let t = try store.table(sql: """
            SELECT sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid
            """)
        var out = StandardOutput()
        for r in t.rows { print(r[0].description + ";\n", to: &out) }
    }
}
