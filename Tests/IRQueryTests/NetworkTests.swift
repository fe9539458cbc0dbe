import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import IRQuery
import Testing

@Suite struct NetworkTests {
    @Test func nodesAndWeightedDyads() throws {
        let kb = try Fixtures.worldKB()
        let net = try kb.network()
        #expect(Set(net.nodes.map(\.name)) == ["Sergei Lavrov", "Antony Blinken", "Russia", "Ukraine", "United States"])
        let byName = Dictionary(uniqueKeysWithValues: net.nodes.map { ($0.name, $0.id) })
        let lb = try #require(net.edges.first { $0.source == byName["Sergei Lavrov"] && $0.target == byName["Antony Blinken"] })
        #expect(lb.events == 2)
        #expect(abs(lb.meanGoldstein - (1.0 + 1.0) / 2) < 1e-9)
        #expect(lb.quadClasses == [2, 0, 0, 0])
        #expect(net.edges.count == 4)
        #expect(net.edges.contains { $0.source == byName["Antony Blinken"] && $0.target == byName["Sergei Lavrov"] && $0.events == 1 })
        let ukr = try kb.network(country: "UKR")
        #expect(Set(ukr.nodes.map(\.name)) == ["Russia", "Ukraine", "United States"])
        #expect(try kb.network(country: "Ukraine").edges.count == 2)
        let recent = try kb.network(since: "2024")
        #expect(recent.edges.count == 1 && recent.nodes.count == 2)
        #expect(try kb.network(since: "2030").nodes.isEmpty)
    }

    @Test func jsonIsWellFormed() throws {
        let net = try Fixtures.worldKB().network()
        let obj = try #require(JSONSerialization.jsonObject(with: Data(net.render(.json).utf8)) as? [String: Any])
        let nodes = try #require(obj["nodes"] as? [[String: Any]])
        let edges = try #require(obj["edges"] as? [[String: Any]])
        #expect(nodes.count == 5 && edges.count == 4)
        let ids = Set(nodes.compactMap { $0["id"] as? String })
        for e in edges {
            #expect(ids.contains(e["source"] as? String ?? "") && ids.contains(e["target"] as? String ?? ""))
        }
    }

    @Test func graphMLIsWellFormedXML() throws {
        var net = try Fixtures.worldKB().network()
        net.nodes[0].name = "A & B <\"quoted\"> 'x'\u{01}"
        let xml = net.render(.graphml)
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "GraphML does not parse: \(String(describing: parser.parserError))")
        #expect(counter.counts["node"] == 5 && counter.counts["edge"] == 4 && counter.counts["graph"] == 1)
        #expect(counter.texts.contains("A & B <\"quoted\"> 'x'"))
    }

    @Test func dotIsWellFormed() throws {
        var net = try Fixtures.worldKB().network()
        net.nodes[0].name = "Say \"hi\" \\ there\nnow"
        let dot = net.render(.dot)
        #expect(dot.hasPrefix("digraph irkb {") && dot.hasSuffix("}\n"))
        #expect(dot.components(separatedBy: " -> ").count - 1 == 4)
        #expect(dot.contains("label=\"Say \\\"hi\\\" \\\\ there now\""))
        // Quotes balance on every line once escapes are removed.
        for line in dot.split(separator: "\n") {
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
        }
        if let dotTool = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: dotTool)
            p.arguments = ["-Tcanon"]
            let input = Pipe(), output = Pipe()
            p.standardInput = input; p.standardOutput = output; p.standardError = output
            try p.run()
            input.fileHandleForWriting.write(Data(dot.utf8))
            try input.fileHandleForWriting.close()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
    }
}

final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var texts: [String] = []
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data" { texts.append(current) }
    }
}
