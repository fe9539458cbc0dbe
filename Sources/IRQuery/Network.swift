/// The actor network: actors as nodes, directed dyads (source acts on target) as edges
/// weighted by their number of events and mean Goldstein score, for Graphviz and Gephi.
///
///     let net = try kb.network(since: "2020", country: "RUS")
///     print(net.render(.dot))
public struct ActorNetwork: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var kind: String
        public var countryCode: String?
        public var cameoCode: String?
        /// Events the actor takes part in within the network.
        public var events: Int
    }

    public struct Edge: Sendable, Hashable {
        public var source: Int64
        public var target: Int64
        /// Number of events from source to target.
        public var events: Int
        /// Mean Goldstein score of those events, -10 (conflict) to +10 (cooperation).
        public var meanGoldstein: Double
        /// Events per QuadClass: verbal cooperation, material cooperation, verbal conflict, material conflict.
        public var quadClasses: [Int]
        public var firstOn: String?
        public var lastOn: String?
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public enum Format: String, Sendable, CaseIterable {
        case dot, graphml, json
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .dot: return dot()
        case .graphml: return graphML()
        case .json: return json()
        }
    }

    /// Graphviz DOT: a digraph, edge width growing with the event count, green for a
    /// cooperative mean Goldstein, red for a conflictual one.
    public func dot() -> String {
        var out = "digraph irkb {\n"
        out += "    graph [overlap=false, splines=true];\n"
        out += "    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
        out += "    edge [fontname=\"Helvetica\", fontsize=9];\n"
        for n in nodes {
            let shape = n.kind == "person" ? "ellipse" : (n.kind == "state" ? "box" : "hexagon")
            var attrs = ["label=\(ActorNetwork.dotString(n.name))", "shape=\(shape)", "kind=\(ActorNetwork.dotString(n.kind))",
                         "events=\(n.events)"]
            if let c = n.countryCode { attrs.append("country=\(ActorNetwork.dotString(c))") }
            if let c = n.cameoCode { attrs.append("cameo=\(ActorNetwork.dotString(c))") }
            out += "    a\(n.id) [\(attrs.joined(separator: ", "))];\n"
        }
        for e in edges {
            let g = JSONText.number((e.meanGoldstein * 100).rounded() / 100)
            let color = e.meanGoldstein > 0 ? "darkgreen" : (e.meanGoldstein < 0 ? "firebrick" : "gray40")
            let width = 1.0 + (Double(e.events).squareRoot() - 1) * 0.8
            out += "    a\(e.source) -> a\(e.target) [weight=\(e.events), events=\(e.events), goldstein=\(g), "
            out += "label=\"\(e.events) (\(g))\", color=\(color), penwidth=\(JSONText.number((width * 10).rounded() / 10))];\n"
        }
        out += "}\n"
        return out
    }

    /// GraphML (Gephi, yEd, NetworkX): node name, kind, country, CAMEO; edge weight, Goldstein, QuadClass counts.
    public func graphML() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let keys: [(String, String, String, String)] = [
            ("label", "node", "label", "string"), ("kind", "node", "kind", "string"),
            ("country", "node", "country", "string"), ("cameo", "node", "cameo", "string"),
            ("nevents", "node", "events", "int"),
            ("weight", "edge", "weight", "double"), ("goldstein", "edge", "goldstein", "double"),
            ("q1", "edge", "verbal_cooperation", "int"), ("q2", "edge", "material_cooperation", "int"),
            ("q3", "edge", "verbal_conflict", "int"), ("q4", "edge", "material_conflict", "int"),
            ("first", "edge", "first_on", "string"), ("last", "edge", "last_on", "string"),
        ]
        for (id, domain, name, type) in keys {
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        out += "  <graph id=\"irkb\" edgedefault=\"directed\">\n"
        func data(_ key: String, _ value: String) -> String {
            "      <data key=\"\(key)\">\(ActorNetwork.xml(value))</data>\n"
        }
        for n in nodes {
            out += "    <node id=\"a\(n.id)\">\n"
            out += data("label", n.name) + data("kind", n.kind)
            if let c = n.countryCode { out += data("country", c) }
            if let c = n.cameoCode { out += data("cameo", c) }
            out += data("nevents", String(n.events))
            out += "    </node>\n"
        }
        for (i, e) in edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"a\(e.source)\" target=\"a\(e.target)\">\n"
            out += data("weight", String(e.events)) + data("goldstein", JSONText.number(e.meanGoldstein))
            for (k, n) in e.quadClasses.enumerated() { out += data("q\(k + 1)", String(n)) }
            if let f = e.firstOn { out += data("first", f) }
            if let l = e.lastOn { out += data("last", l) }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// JSON: `{"directed": true, "nodes": [...], "edges": [...]}` (node-link form; D3 reads it with edges as links).
    public func json() -> String {
        let nodeValues: [JSONValue] = nodes.map { n in
            .object([("id", .string("a\(n.id)")), ("actor_id", .int(n.id)), ("name", .string(n.name)), ("kind", .string(n.kind)),
                     ("country", n.countryCode.map(JSONValue.string) ?? .null), ("cameo", n.cameoCode.map(JSONValue.string) ?? .null),
                     ("events", .int(Int64(n.events)))])
        }
        let edgeValues: [JSONValue] = edges.map { e in
            .object([("source", .string("a\(e.source)")), ("target", .string("a\(e.target)")), ("events", .int(Int64(e.events))),
                     ("mean_goldstein", .double(e.meanGoldstein)),
                     ("verbal_cooperation", .int(Int64(e.quadClasses[0]))), ("material_cooperation", .int(Int64(e.quadClasses[1]))),
                     ("verbal_conflict", .int(Int64(e.quadClasses[2]))), ("material_conflict", .int(Int64(e.quadClasses[3]))),
                     ("first_on", e.firstOn.map(JSONValue.string) ?? .null), ("last_on", e.lastOn.map(JSONValue.string) ?? .null)])
        }
        return JSONValue.object([("directed", .bool(true)), ("nodes", .array(nodeValues)), ("edges", .array(edgeValues))]).render(indent: 2) + "\n"
    }

    static func dotString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func xml(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even as references.
                if u.value < 0x20 && u != "\n" && u != "\t" && u != "\r" { continue }
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension KnowledgeBase {
    /// The actor network of events reported as held or scheduled (modes asserted and future)
    /// with both a source and a target, optionally from a date on and only the events in
    /// which an actor of `country` (ISO code or state name) takes part.
    public func network(since: String? = nil, until: String? = nil, country: String? = nil) throws -> ActorNetwork {
        let edgesTable = try execute(sql: """
            WITH p AS (
                SELECT nullif(trim(:since), '') AS since, nullif(trim(:until), '') AS until, nullif(trim(:country), '') AS country
            ),
            codes AS (
                SELECT upper(p.country) AS code FROM p WHERE upper(p.country) GLOB '[A-Z][A-Z][A-Z]'
                UNION
                SELECT a.country_code FROM actors a, p
                WHERE a.kind = 'state' AND a.country_code IS NOT NULL
                  AND (lower(a.name) = lower(p.country)
                       OR a.id IN (SELECT al.actor_id FROM actor_aliases al WHERE lower(al.alias) = lower(p.country)))
            )
            SELECT e.source_actor_id, e.target_actor_id, count(*) AS events, avg(c.goldstein) AS mean_goldstein,
                   sum(c.quad_class = 1), sum(c.quad_class = 2), sum(c.quad_class = 3), sum(c.quad_class = 4),
                   min(coalesce(e.occurred_on, ar.published_on)), max(coalesce(e.occurred_on, ar.published_on))
            FROM events e
            CROSS JOIN p
            JOIN cameo_codes c ON c.code = e.cameo_code
            JOIN articles ar ON ar.id = e.article_id
            JOIN actors s ON s.id = e.source_actor_id
            JOIN actors t ON t.id = e.target_actor_id
            WHERE e.mode IN ('asserted', 'future') AND e.source_actor_id <> e.target_actor_id
              AND (p.since IS NULL OR coalesce(e.occurred_on, ar.published_on) >= p.since)
              AND (p.until IS NULL OR substr(coalesce(e.occurred_on, ar.published_on), 1, length(p.until)) <= p.until)
              AND (p.country IS NULL OR s.country_code IN (SELECT code FROM codes) OR t.country_code IN (SELECT code FROM codes))
            GROUP BY e.source_actor_id, e.target_actor_id
            ORDER BY e.source_actor_id, e.target_actor_id
            """, parameters: ["since": since ?? "", "until": until ?? "", "country": country ?? ""], label: "network")
        var edges: [ActorNetwork.Edge] = []
        var degree: [Int64: Int] = [:]
        for r in edgesTable.rows {
            let s = r[0].int ?? 0, t = r[1].int ?? 0, n = Int(r[2].int ?? 0)
            edges.append(ActorNetwork.Edge(source: s, target: t, events: n, meanGoldstein: r[3].double ?? 0,
                                           quadClasses: (4...7).map { Int(r[$0].int ?? 0) },
                                           firstOn: r[8].string, lastOn: r[9].string))
            degree[s, default: 0] += n
            degree[t, default: 0] += n
        }
        var nodes: [ActorNetwork.Node] = []
        if !degree.isEmpty {
            let ids = degree.keys.sorted().map(String.init).joined(separator: ",")
            // The ids are integers read from the database, not user input.
            let nodeTable = try execute(sql: "SELECT id, name, kind, country_code, cameo_code FROM actors WHERE id IN (\(ids)) ORDER BY id",
                                        label: "network")
            for r in nodeTable.rows {
                let id = r[0].int ?? 0
                nodes.append(ActorNetwork.Node(id: id, name: r[1].description, kind: r[2].description, countryCode: r[3].string,
                                               cameoCode: r[4].string, events: degree[id] ?? 0))
            }
        }
        return ActorNetwork(nodes: nodes, edges: edges)
    }
}
