import ArgumentParser
import IRQuery

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Every event between two actors (or of one actor) in date order, with its sentence.",
        discussion: """
            Actors are names, aliases, surnames or ISO codes; an ISO code takes in every actor of \
            that country (RUS: Russia, Putin, Lavrov, the Kremlin ...). Events count in either direction.

              irkb timeline RUS UKR
              irkb timeline Lavrov Kerry --since 2015
              irkb timeline Houthis --csv

            The same answer: irkb query dyad-timeline -p actor RUS -p other UKR
            """)

    @Argument(help: "The first actor.") var actor: String
    @Argument(help: "The other actor (optional: without it, every event of the first).") var other: String?
    @Option(name: .long, help: ArgumentHelp("First date, ISO: 2015, 2015-05 or 2015-05-12.", valueName: "date")) var since: String?
    @Option(name: .long, help: ArgumentHelp("Last date, ISO, inclusive at its precision.", valueName: "date")) var until: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let kb = KnowledgeBase(store: try database.openReadOnly())
        for name in [actor] + (other.map { [$0] } ?? []) where try withQueryErrors({ try kb.actors(matching: name) }).isEmpty {
            throw try noSuchActor(name, in: kb)
        }
        output.render(try withQueryErrors { try kb.dyadTimeline(actor, other, since: since, until: until) })
    }
}
