import ArgumentParser
import IRQuery
import IRStore

struct ActorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actor",
        abstract: "Profile one actor: kind and codes, aliases, roles over time, top counterparts, recent quotes.",
        discussion: """
            NAME is a name, alias, surname or ISO 3166-1 alpha-3 code, case-insensitively; the best \
            match is profiled (exact name, then alias, then the state with that code, then a surname).

              irkb actor Lavrov
              irkb actor RUS --json

            The same answer: irkb query actor-profile -p actor Lavrov
            """)

    @Argument(help: "The actor: name, alias, surname or ISO code.") var name: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let kb = KnowledgeBase(store: try database.openReadOnly())
        let table = try withQueryErrors { try kb.actorProfile(name: name) }
        if table.isEmpty { throw try noSuchActor(name, in: kb) }
        output.render(table)
    }
}

/// Turns the query library's errors into the CLI's "Error: ..." failures.
func withQueryErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as QueryError {
        throw CLIError(e.description)
    } catch let e as StoreError {
        throw CLIError(e.description)
    }
}

/// "No actor matches X", with suggestions when some names come close.
func noSuchActor(_ name: String, in kb: KnowledgeBase) throws -> CLIError {
    let near = (try? kb.actorSuggestions(name)) ?? []
    let hint = near.isEmpty
        ? "'irkb query most-mentioned' lists the actors the database knows."
        : "Did you mean " + near.map { "'\($0)'" }.joined(separator: ", ") + "?"
    return CLIError("no actor matches '\(name)' (by name, alias, surname or ISO code). \(hint)")
}
