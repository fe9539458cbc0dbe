import Testing
@testable import IRIngest

/// Word lookups by precomputed token hash give the answers of `Set<String>` and `Dictionary`.
@Suite("Word tables")
struct WordTableTests {
    @Test func wordSetAnswersLikeASetOfStrings() {
        let words = ["the", "a", "an", "said", "’s", "'s", "naïve", "u.s.", "", "déjà-vu"]
        let set = WordSet(words)
        let plain = Set(words)
        for w in words + ["The", "saids", "s", "naive", "u.s", "x", "déjà", "vu"] {
            #expect(set.contains(w) == plain.contains(w), "\(w)")
            #expect(set.contains(hash: WordHash.of(w), w) == plain.contains(w), "\(w)")
        }
        #expect(set.count == plain.count)
    }

    @Test func wordMapGrowsKeepsTheLastValueAndRemoves() {
        var map = WordMap<Int>()
        var dict: [String: Int] = [:]
        for i in 0..<500 {
            let k = "w\(i % 300)"
            map[k] = i; dict[k] = i
        }
        map["w7"] = nil; dict["w7"] = nil
        #expect(map.count == dict.count)
        for i in 0..<320 { #expect(map["w\(i)"] == dict["w\(i)"]) }
        // The literal form keeps the first value of a repeated key.
        let first = WordMap<Int>([("x", 1), ("x", 2)])
        #expect(first["x"] == 1)
    }

    @Test func tokenLookupsUseTheLowercasedText() {
        let doc = Document(text: "The Minister’s aides said Ünal quickly left ÉTATS-unis; Kerry sailed.")
        let set: WordSet = ["the", "minister", "’s", "said", "ünal", "états-unis", "kerry"]
        for i in doc.tokens.indices {
            #expect(doc.hashes[i] == WordHash.of(doc.lower(i)))
            #expect(set.contains(doc, i) == set.contains(doc.lower(i)), "\(doc.lower(i))")
        }
        let said = doc.lowered.firstIndex(of: "said")!
        #expect(doc.lower(said, is: "said"))
        #expect(!doc.lower(said, is: "sai"))
        #expect(!doc.lower(said, is: "saids"))
        let possessive = doc.lowered.firstIndex(of: "’s")!
        #expect(doc.lower(possessive, is: "\u{2019}s"))
        #expect(!doc.lower(possessive, is: "'s"))
        #expect(doc.lower(possessive, containsByte: 0xE2))
        let unal = doc.lowered.firstIndex(of: "ünal")!
        #expect(doc.lower(unal, is: "ünal"))
        for i in doc.tokens.indices {
            for suffix: StaticString in ["ly", "ed", "s", "al", "unis"] {
                #expect(doc.lower(i, hasSuffix: suffix) == doc.lower(i).hasSuffix(suffix.description), "\(doc.lower(i)) \(suffix)")
            }
        }
    }

    @Test func phraseTableMatchesByTokenHash() {
        var table = PhraseTable()
        table.add("arms embargo", role: "measure", value: "arms")
        table.add("arms", role: "kind", value: "arms")
        table.add("sanctions", role: "measure", value: "other")
        let doc = Document(text: "An Arms embargo and arms sanctions.")
        #expect(table.match(doc, at: 1, end: doc.tokens.count)?.next == 3)
        #expect(table.match(doc, at: 4, end: doc.tokens.count, role: "measure") == nil)
        #expect(table.match(doc, at: 4, end: doc.tokens.count, role: "kind")?.value == "arms")
        #expect(table.has(doc, 4, role: "kind") && table.has("arms", role: "kind"))
        #expect(table.value(doc, 5, role: "measure") == "other")
        #expect(table.value(doc, 5, role: "kind") == nil)
    }
}
