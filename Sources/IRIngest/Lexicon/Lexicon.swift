import IRStore

/// A state of `states.tsv`.
public struct StateEntry: Sendable {
    public var iso3: String
    public var name: String
    public var cameo: String
    /// The adjective used to name its bodies ("Russian" -> "Russian Foreign Ministry").
    public var adjective: String
    public var aliases: [String]
    public var capitals: [String]
}

/// An organization or group of `organizations.tsv`.
public struct OrganizationEntry: Sendable {
    public var name: String
    public var kind: ActorKind
    public var country: String?
    public var cameo: String?
    public var parent: String?
}

/// A generic body of `body_patterns.tsv` ("foreign ministry" -> Foreign Ministry, GOV).
public struct BodyEntry: Sendable {
    public var canonical: String
    public var sector: String
    public var kind: ActorKind
}

/// A person of `persons.tsv`: a leader or official whose name alone tells the state served.
public struct PersonEntry: Sendable {
    public var name: String
    public var country: String?
    public var cameo: String?
    public var sector: String
    public var role: String
    /// The canonical name (in organizations.tsv) of the body an international official heads.
    public var organization: String?
}

/// A title of `titles.tsv`; honorifics have an empty canonical form.
public struct TitleEntry: Sendable {
    public var canonical: String
    public var sector: String
    public var rank: Int
    /// The state a bare title implies ("Secretary of State" -> USA), from the optional country column.
    public var country: String?
}

/// The lexicons of Sources/IRIngest/Lexicon/Data, parsed once from `EmbeddedLexicons`.
///
///     let lex = Lexicon.shared
///     lex.trie.longest(doc, keys, at: i, end: n)   // states, bodies, titles, places, outlets ...
public final class Lexicon: Sendable {
    public static let shared = Lexicon(files: EmbeddedLexicons.files)

    public let states: [StateEntry]
    public let organizations: [OrganizationEntry]
    public let bodies: [BodyEntry]
    public let titles: [TitleEntry]
    public let places: [PlaceRow]
    public let outlets: [String]
    public let persons: [PersonEntry]
    /// Lowercased full name or multi-word alias -> index into `persons`.
    public let personByName: [String: Int]
    /// Lowercased distinctive surname ("putin") -> index into `persons`.
    public let personBySurname: [String: Int]
    /// Lowercased given names.
    public let givenNames: WordSet
    /// ISO3 -> index into `states`.
    public let stateIndex: [String: Int]
    /// Lowercased canonical organization name -> index.
    public let organizationIndex: [String: Int]
    /// Lowercased name or alias -> organization index ("russian defence ministry" -> Russian Defense Ministry).
    public let organizationByAlias: [String: Int]
    /// Lowercased place name or alias -> place (capitals and states included), for datelines.
    let placeByName: [String: PlaceRow]
    let trie: PhraseTrie

    /// Parses TSV files: '#' comments, a header line, tab-separated rows, '|' lists.
    /// The shared lexicons plus the analyst's own organizations and groups (`irkb actors add`),
    /// so their names and aliases are recognized in new text. Persons and states the analyst
    /// names are left to the recognizer's patterns; their aliases redirect at write time.
    public static func with(userActors: [UserActor]) -> Lexicon {
        let extra = userActors.filter { $0.kind == .organization || $0.kind == .group }
        guard !extra.isEmpty else { return .shared }
        func clean(_ s: String) -> String {
            String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "|" ? " " : $0 }).trimmingSpaces
        }
        var files = EmbeddedLexicons.files
        if let k = files.firstIndex(where: { $0.name == "organizations.tsv" }) {
            let header = Lexicon.table(files[k].contents).header
            var text = files[k].contents
            if !text.hasSuffix("\n") { text += "\n" }
            for a in extra {
                let values: [String: String] = [
                    "name": clean(a.name), "aliases": a.aliases.map(clean).filter { !$0.isEmpty }.joined(separator: "|"),
                    "kind": a.kind.rawValue, "country": a.countryCode ?? "", "cameo": a.cameoCode ?? "", "parent": "",
                ]
                text += header.map { values[$0] ?? "" }.joined(separator: "\t") + "\n"
            }
            files[k].contents = text
        }
        return Lexicon(files: files)
    }

    static func table(_ text: String) -> (header: [String], rows: [[String]]) {
        var header: [String] = []
        var rows: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            if header.isEmpty { header = fields } else { rows.append(fields) }
        }
        return (header, rows)
    }

    static func list(_ s: String) -> [String] {
        s.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    init(files: [(name: String, contents: String)]) {
        var byName: [String: String] = [:]
        for f in files { byName[f.name] = f.contents }
        var trie = PhraseTrie()
        func column(_ header: [String], _ row: [String], _ name: String) -> String {
            guard let k = header.firstIndex(of: name), k < row.count else { return "" }
            return row[k].trimmingSpaces
        }

        // States.
        var states: [StateEntry] = []
        var stateIndex: [String: Int] = [:]
        var placeByName: [String: PlaceRow] = [:]
        let st = Lexicon.table(byName["states.tsv"] ?? "")
        for row in st.rows {
            let iso = column(st.header, row, "iso3")
            let name = column(st.header, row, "name")
            guard !iso.isEmpty, !name.isEmpty else { continue }
            let adjectives = Lexicon.list(column(st.header, row, "adjectives"))
            let aliases = Lexicon.list(column(st.header, row, "aliases"))
            let capitals = Lexicon.list(column(st.header, row, "capitals"))
            let k = states.count
            var cameo = column(st.header, row, "cameo")
            if cameo.isEmpty { cameo = iso }
            states.append(StateEntry(iso3: iso, name: name, cameo: cameo, adjective: adjectives.first ?? name,
                                     aliases: aliases, capitals: capitals))
            stateIndex[iso] = k
            for n in [name] + aliases { trie.insert(n, .stateName, k, caseSensitive: true) }
            for a in adjectives { trie.insert(a, .stateAdjective, k, caseSensitive: true) }
            for p in Lexicon.list(column(st.header, row, "people")) { trie.insert(p, .statePeople, k, caseSensitive: true) }
            for c in capitals {
                trie.insert(c, .capital, k, caseSensitive: true)
                placeByName[c.lowercased()] = PlaceRow(name: capitals[0], countryCode: iso, kind: "city")
            }
            for s in Lexicon.list(column(st.header, row, "seats")) { trie.insert(s, .seat, k, caseSensitive: true) }
            for n in [name] + aliases where placeByName[n.lowercased()] == nil {
                placeByName[n.lowercased()] = PlaceRow(name: name, countryCode: iso, kind: "country")
            }
        }

        // Organizations and groups.
        var orgs: [OrganizationEntry] = []
        var orgIndex: [String: Int] = [:]
        var orgAlias: [String: Int] = [:]
        let og = Lexicon.table(byName["organizations.tsv"] ?? "")
        for row in og.rows {
            let name = column(og.header, row, "name")
            guard !name.isEmpty else { continue }
            let kind = ActorKind(rawValue: column(og.header, row, "kind")) ?? .organization
            let country = column(og.header, row, "country")
            let cameo = column(og.header, row, "cameo")
            let parent = column(og.header, row, "parent")
            let k = orgs.count
            orgs.append(OrganizationEntry(name: name, kind: kind == .state ? .organization : kind,
                                          country: country.isEmpty ? nil : country,
                                          cameo: cameo.isEmpty ? nil : cameo, parent: parent.isEmpty ? nil : parent))
            orgIndex[name.lowercased()] = k
            for n in [name] + Lexicon.list(column(og.header, row, "aliases")) {
                trie.insert(n, .organization, k, caseSensitive: true)
                if orgAlias[n.lowercased()] == nil { orgAlias[n.lowercased()] = k }
            }
        }

        // Generic bodies, with generated plurals ("ministries", "armies").
        var bodies: [BodyEntry] = []
        let bp = Lexicon.table(byName["body_patterns.tsv"] ?? "")
        for row in bp.rows {
            let canonical = column(bp.header, row, "canonical")
            guard !canonical.isEmpty else { continue }
            let k = bodies.count
            bodies.append(BodyEntry(canonical: canonical, sector: column(bp.header, row, "sector"),
                                    kind: ActorKind(rawValue: column(bp.header, row, "kind")) ?? .organization))
            for p in Lexicon.list(column(bp.header, row, "pattern")) {
                trie.insert(p.lowercased(), .body, k, caseSensitive: false)
                if let pl = Lexicon.plural(p.lowercased()) { trie.insert(pl, .body, k, caseSensitive: false, plural: true) }
            }
        }

        // Titles and honorifics.
        var titles: [TitleEntry] = []
        let tt = Lexicon.table(byName["titles.tsv"] ?? "")
        for row in tt.rows {
            let surface = column(tt.header, row, "title").lowercased()
            guard !surface.isEmpty else { continue }
            let canonical = column(tt.header, row, "canonical")
            let country = column(tt.header, row, "country")
            let k = titles.count
            titles.append(TitleEntry(canonical: canonical, sector: column(tt.header, row, "sector"),
                                     rank: Int(column(tt.header, row, "rank")) ?? 3,
                                     country: country.isEmpty ? nil : country))
            trie.insert(surface, canonical.isEmpty ? .honorific : .title, k, caseSensitive: false)
            if !canonical.isEmpty, let pl = Lexicon.plural(surface) { trie.insert(pl, .title, k, caseSensitive: false, plural: true) }
        }

        // Places.
        var places: [PlaceRow] = []
        let pl = Lexicon.table(byName["places.tsv"] ?? "")
        for row in pl.rows {
            let name = column(pl.header, row, "name")
            guard !name.isEmpty else { continue }
            let country = column(pl.header, row, "country")
            let kind = column(pl.header, row, "kind")
            let place = PlaceRow(name: name, countryCode: country.isEmpty ? nil : country, kind: kind.isEmpty ? "place" : kind)
            let k = places.count
            places.append(place)
            for n in [name] + Lexicon.list(column(pl.header, row, "aliases")) {
                trie.insert(n, .place, k, caseSensitive: true)
                if placeByName[n.lowercased()] == nil || placeByName[n.lowercased()]?.kind == "country" {
                    placeByName[n.lowercased()] = place
                }
            }
        }

        // Outlets.
        var outlets: [String] = []
        let ou = Lexicon.table(byName["outlets.tsv"] ?? "")
        for row in ou.rows {
            let name = column(ou.header, row, "name")
            guard !name.isEmpty else { continue }
            let k = outlets.count
            outlets.append(name)
            for n in [name] + Lexicon.list(column(ou.header, row, "aliases")) { trie.insert(n, .outlet, k, caseSensitive: true) }
        }

        // Known persons.
        var persons: [PersonEntry] = []
        var personByName: [String: Int] = [:]
        var personBySurname: [String: Int] = [:]
        let pe = Lexicon.table(byName["persons.tsv"] ?? "")
        for row in pe.rows {
            let name = column(pe.header, row, "name")
            guard !name.isEmpty else { continue }
            func opt(_ c: String) -> String? { let v = column(pe.header, row, c); return v.isEmpty ? nil : v }
            let k = persons.count
            persons.append(PersonEntry(name: name, country: opt("country"), cameo: opt("cameo"),
                                       sector: opt("sector") ?? "GOV", role: column(pe.header, row, "role"),
                                       organization: opt("organization")))
            for n in [name] + Lexicon.list(column(pe.header, row, "aliases")) {
                let key = n.lowercased()
                if key.contains(" ") {
                    if personByName[key] == nil { personByName[key] = k }
                } else if personBySurname[key] == nil {
                    personBySurname[key] = k
                }
            }
        }

        var given = WordSet()
        for line in (byName["given_names.txt"] ?? "").split(separator: "\n") where !line.hasPrefix("#") {
            let n = String(line).trimmingSpaces
            if !n.isEmpty { given.insert(n.lowercased()) }
        }

        self.states = states
        self.stateIndex = stateIndex
        self.organizations = orgs
        self.organizationIndex = orgIndex
        self.organizationByAlias = orgAlias
        self.bodies = bodies
        self.titles = titles
        self.places = places
        self.outlets = outlets
        self.persons = persons
        self.personByName = personByName
        self.personBySurname = personBySurname
        self.givenNames = given
        self.placeByName = placeByName
        self.trie = trie
    }

    /// The plural of a lowercase head phrase, made on its last word ("defense ministry" -> "defense ministries").
    static func plural(_ phrase: String) -> String? {
        // Phrases with inner prepositions pluralize elsewhere ("minister of defense"): leave them alone.
        if phrase.contains(" of ") || phrase.contains(" for ") || phrase.contains("'") { return nil }
        guard let last = phrase.split(separator: " ").last else { return nil }
        let w = String(last)
        guard w.count >= 3, w.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let stem = phrase.dropLast(w.count)
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("ch") || w.hasSuffix("sh") {
            return nil
        }
        if w.hasSuffix("man") { return stem + w.dropLast(3) + "men" }
        if w.hasSuffix("person") { return stem + w.dropLast(6) + "people" }
        if w.hasSuffix("y"), let p = w.dropLast().last, !"aeiou".contains(p) { return stem + w.dropLast() + "ies" }
        return stem + w + "s"
    }

    /// The state of an ISO3 code.
    public func state(_ iso3: String?) -> StateEntry? {
        guard let iso3, let k = stateIndex[iso3] else { return nil }
        return states[k]
    }

    /// A place by name ("Sochi", "Moscow", "Russia"), for datelines.
    public func place(named name: String) -> PlaceRow? {
        placeByName[name.lowercased()]
    }
}
