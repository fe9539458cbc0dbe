import Testing
@testable import IRIngest

/// The shape of the lexicon data files that travel in the binary.
@Suite("Lexicon")
struct LexiconTests {
    static func file(_ name: String) -> String {
        EmbeddedLexicons.files.first { $0.name == name }?.contents ?? ""
    }

    static let tsvFiles = ["states.tsv", "organizations.tsv", "body_patterns.tsv", "titles.tsv", "places.tsv", "outlets.tsv", "persons.tsv"]

    @Test(arguments: tsvFiles)
    func everyRowHasTheHeadersColumnCount(_ name: String) {
        let text = LexiconTests.file(name)
        #expect(!text.isEmpty, "\(name) is embedded")
        var header: Int?
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let count = line.split(separator: "\t", omittingEmptySubsequences: false).count
            if let header {
                #expect(count == header, "\(name):\(n + 1) has \(count) fields, the header \(header)")
            } else {
                header = count
            }
        }
        #expect(header != nil)
    }

    @Test func isoCodesAreThreeCapitals() {
        let lex = Lexicon.shared
        func ok(_ c: String?) -> Bool {
            guard let c else { return true }
            return c.utf8.count == 3 && c.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        }
        for s in lex.states { #expect(ok(s.iso3), "\(s.name): \(s.iso3)") }
        for o in lex.organizations { #expect(ok(o.country), "\(o.name): \(o.country ?? "")") }
        for p in lex.places { #expect(ok(p.countryCode), "\(p.name): \(p.countryCode ?? "")") }
        // Organization and place countries exist as states.
        for o in lex.organizations where o.country != nil { #expect(lex.state(o.country) != nil, "\(o.name)") }
        for p in lex.places where p.countryCode != nil { #expect(lex.state(p.countryCode) != nil, "\(p.name)") }
        // Known persons serve a state or an organization of the lexicon.
        for p in lex.persons {
            #expect(ok(p.country), "\(p.name): \(p.country ?? "")")
            if let c = p.country { #expect(lex.state(c) != nil, "\(p.name)") }
            if let o = p.organization { #expect(lex.organizationIndex[o.lowercased()] != nil, "\(p.name): \(o)") }
            #expect(p.country != nil || p.organization != nil, "\(p.name) serves no one")
        }
    }

    @Test func noDuplicateCanonicalNames() {
        let lex = Lexicon.shared
        func dups(_ names: [String]) -> [String] {
            var seen = Set<String>(), out: [String] = []
            for n in names where !seen.insert(n.lowercased()).inserted { out.append(n) }
            return out
        }
        #expect(dups(lex.states.map(\.name)) == [])
        #expect(dups(lex.states.map(\.iso3)) == [])
        #expect(dups(lex.organizations.map(\.name)) == [])
        #expect(dups(lex.outlets) == [])
    }

    @Test func everyStateHasAnAdjectiveUsedForItsBodies() {
        for s in Lexicon.shared.states { #expect(!s.adjective.isEmpty, "\(s.name)") }
        #expect(Lexicon.shared.state("USA")?.adjective == "U.S.")
        #expect(Lexicon.shared.state("RUS")?.adjective == "Russian")
    }

    @Test func organizationParentsExist() {
        let lex = Lexicon.shared
        for o in lex.organizations where o.parent != nil {
            #expect(lex.organizationIndex[o.parent!.lowercased()] != nil, "\(o.name): parent \(o.parent!)")
        }
    }

    @Test func gazetteerKnowsCitiesCapitalsAndStates() {
        #expect(Gazetteer.shared.place(named: "Sochi")?.countryCode == "RUS")
        #expect(Gazetteer.shared.place(named: "MOSCOW")?.countryCode == "RUS")
        #expect(Gazetteer.shared.place(named: "Kenya")?.countryCode == "KEN")
        #expect(Gazetteer.shared.place(named: "Atlantis") == nil)
    }

    @Test func phraseTrieMatchesLongestAndRespectsCase() {
        let doc = Document(text: "The US and us met the UN Security Council.")
        let keys = doc.lowered
        let lex = Lexicon.shared
        // "US" is the United States; "us" is a pronoun.
        #expect(lex.trie.longest(doc, keys, at: 1, end: doc.tokens.count)?.hits.contains { $0.kind == .stateName } == true)
        #expect(lex.trie.longest(doc, keys, at: 3, end: doc.tokens.count) == nil)
        // "UN Security Council" wins over "UN".
        #expect(lex.trie.longest(doc, keys, at: 6, end: doc.tokens.count)?.length == 3)
    }

    @Test func pluralsOfHeads() {
        #expect(Lexicon.plural("defense ministry") == "defense ministries")
        #expect(Lexicon.plural("spokesman") == "spokesmen")
        #expect(Lexicon.plural("forces") == nil)
        #expect(Lexicon.plural("minister of defense") == nil)
    }
}
