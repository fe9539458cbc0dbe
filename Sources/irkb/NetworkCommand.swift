import ArgumentParser
import IRQuery

extension ActorNetwork.Format: ExpressibleByArgument {}

struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "The actor network (actors as nodes, dyads weighted by events and mean Goldstein) for Graphviz or Gephi.",
        discussion: """
            An edge runs from the actor who acts to its target; its weight is the number of events \
            (reported as held or scheduled) and it carries their mean Goldstein score (-10 conflict \
            to +10 cooperation) and counts per QuadClass.

              irkb network --format dot | dot -Tsvg > network.svg
              irkb network --format graphml --since 2020 > network.graphml     # Gephi, yEd, NetworkX
              irkb network --format json --country RUS
            """)

    @Option(name: .long, help: ArgumentHelp("dot (Graphviz), graphml (Gephi) or json (node-link).", valueName: "format"))
    var format: ActorNetwork.Format = .dot
    @Option(name: .long, help: ArgumentHelp("Only events on or after this ISO date.", valueName: "date")) var since: String?
    @Option(name: .long, help: ArgumentHelp("Only events up to this ISO date, inclusive at its precision.", valueName: "date")) var until: String?
    @Option(name: .long, help: ArgumentHelp("Only events in which an actor of this country takes part: ISO code or state name.", valueName: "country"))
    var country: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let kb = KnowledgeBase(store: try database.openReadOnly())
        let network = try withQueryErrors { try kb.network(since: since, until: until, country: country) }
        var out = StandardOutput()
        out.write(network.render(format))
    }
}
