/// What a lexicon phrase names: the payload of a `PhraseTrie` match.
public enum LexKind: UInt8, Sendable {
    case stateName, stateAdjective, statePeople, capital, seat
    case organization, body, title, honorific, place, outlet
}

/// One lexicon entry reachable from a phrase, with the letter case the text must show.
public struct LexHit: Sendable, Equatable {
    public var kind: LexKind
    /// Index into the table of its kind (`Lexicon.states`, `.organizations`, ...).
    public var index: Int32
    /// Two bits per token (up to 16 tokens): 1 = must be capitalized, 2 = must be all caps.
    var caseBits: UInt32
    /// The phrase is a generated plural of a body or title ("ministries", "commanders").
    public var plural: Bool = false
}

/// Phrases keyed by lowercased token sequences, matched token by token.
///
///     trie.longest(doc, keys, at: i, end: n)   // (length, hits) of the longest phrase at i
struct PhraseTrie: Sendable {
    private var children: [[String: Int32]] = [[:]]
    private var hits: [[LexHit]] = [[]]
    private(set) var maxLength = 0

    /// Adds a phrase; the case each token demands comes from how the phrase is written.
    mutating func insert(_ phrase: String, _ kind: LexKind, _ index: Int, caseSensitive: Bool, plural: Bool = false) {
        let (bytes, tokens) = Tokenizer.tokenize(phrase)
        guard !tokens.isEmpty, tokens.count <= 16 else { return }
        var node = 0
        var bits: UInt32 = 0
        for (k, t) in tokens.enumerated() {
            let key = PhraseTrie.normalize(Document.lowercase(bytes, t.byteRange))
            if caseSensitive, t.kind == .word {
                if t.isAllCaps && t.end - t.start <= 6 { bits |= 2 << (2 * UInt32(k)) } else if t.isCapitalized { bits |= 1 << (2 * UInt32(k)) }
            }
            if let next = children[node][key] {
                node = Int(next)
            } else {
                children.append([:]); hits.append([])
                let id = Int32(children.count - 1)
                children[node][key] = id
                node = Int(id)
            }
        }
        let hit = LexHit(kind: kind, index: Int32(index), caseBits: bits, plural: plural)
        if !hits[node].contains(hit) { hits[node].append(hit) }
        maxLength = max(maxLength, tokens.count)
    }

    /// Curly apostrophes count as straight ones.
    static func normalize(_ s: String) -> String {
        s.utf8.contains(0xE2) ? s.replacingOccurrences(of: "\u{2019}", with: "'") : s
    }

    /// The hits of the phrase `keys[i..<i+length]`, filtered by the case the text shows.
    func hits(node: Int, _ doc: Document, at i: Int) -> [LexHit] {
        let all = hits[node]
        if all.isEmpty { return all }
        // Most phrases pass the case check whole: no new array then.
        var failed = false
        for h in all where h.caseBits != 0 && !PhraseTrie.caseOK(h.caseBits, doc, at: i) { failed = true; break }
        if !failed { return all }
        return all.filter { PhraseTrie.caseOK($0.caseBits, doc, at: i) }
    }

    static func caseOK(_ bits: UInt32, _ doc: Document, at i: Int) -> Bool {
        var b = bits
        var k = i
        while b != 0 {
            let need = b & 3
            if k >= doc.tokens.count { return false }
            let t = doc.tokens[k]
            if need == 1 && !t.isCapitalized { return false }
            if need == 2 && !t.isAllCaps && !(t.end - t.start == 1 && t.isCapitalized) { return false }
            b >>= 2; k += 1
        }
        return true
    }

    /// The longest phrase starting at token `i` (not passing `end`) whose hits survive the case check.
    func longest(_ doc: Document, _ keys: [String], at i: Int, end: Int) -> (length: Int, hits: [LexHit])? {
        var node = 0
        var best: (Int, [LexHit])?
        var j = i
        while j < end, j - i < maxLength, let next = children[node][keys[j]] {
            node = Int(next)
            j += 1
            let h = hits(node: node, doc, at: i)
            if !h.isEmpty { best = (j - i, h) }
        }
        return best
    }

    /// Hits of a single key (a part of a hyphenated word), with a case requirement checked by the caller.
    func single(_ key: String) -> [LexHit] {
        guard let n = children[0][key] else { return [] }
        return hits[Int(n)]
    }
}
