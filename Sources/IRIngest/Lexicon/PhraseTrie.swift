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
    /// Edges keyed by (parent node, word): the child node.
    private var edges = EdgeTable()
    private var nodeCount = 1
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
            let h = WordHash.of(key)
            if let next = edges.child(Int32(node), h, key) {
                node = Int(next)
            } else {
                hits.append([])
                let id = Int32(nodeCount)
                nodeCount += 1
                edges.insert(Int32(node), h, key, child: id)
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
        longest(doc, keys, keys.map { WordHash.of($0) }, at: i, end: end)
    }

    /// `longest(doc, keys, at:end:)` with the keys' `WordHash`es precomputed.
    func longest(_ doc: Document, _ keys: [String], _ hashes: [UInt64], at i: Int, end: Int) -> (length: Int, hits: [LexHit])? {
        var node: Int32 = 0
        var best: (Int, [LexHit])?
        var j = i
        while j < end, j - i < maxLength, let next = edges.child(node, hashes[j], keys[j]) {
            node = next
            j += 1
            let h = hits(node: Int(node), doc, at: i)
            if !h.isEmpty { best = (j - i, h) }
        }
        return best
    }

    /// Hits of a single key (a part of a hyphenated word), with a case requirement checked by the caller.
    func single(_ key: String) -> [LexHit] {
        guard let n = edges.child(0, WordHash.of(key), key) else { return [] }
        return hits[Int(n)]
    }
}

/// The trie's edges in one open-addressing table keyed by (parent, word hash), confirmed by the word.
struct EdgeTable: Sendable {
    private var parents: [Int32] = [Int32](repeating: -1, count: 16)
    private var hashes: [UInt64] = [UInt64](repeating: 0, count: 16)
    private var words: [String] = [String](repeating: "", count: 16)
    private var children: [Int32] = [Int32](repeating: 0, count: 16)
    private var mask = 15
    private var count = 0

    @inline(__always) static func mix(_ parent: Int32, _ h: UInt64) -> UInt64 { h ^ (UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15) }

    @inline(__always) func child(_ parent: Int32, _ h: UInt64, _ word: String) -> Int32? {
        var j = WordHash.bucket(EdgeTable.mix(parent, h), mask)
        while parents[j] >= 0 {
            if parents[j] == parent && hashes[j] == h && words[j] == word { return children[j] }
            j = (j + 1) & mask
        }
        return nil
    }

    mutating func insert(_ parent: Int32, _ h: UInt64, _ word: String, child: Int32) {
        if (count + 1) * 2 > mask + 1 { grow() }
        var j = WordHash.bucket(EdgeTable.mix(parent, h), mask)
        while parents[j] >= 0 { j = (j + 1) & mask }
        parents[j] = parent; hashes[j] = h; words[j] = word; children[j] = child
        count += 1
    }

    private mutating func grow() {
        let old = (0...mask).filter { parents[$0] >= 0 }.map { (parents[$0], hashes[$0], words[$0], children[$0]) }
        let n = (mask + 1) * 2
        parents = [Int32](repeating: -1, count: n); hashes = [UInt64](repeating: 0, count: n)
        words = [String](repeating: "", count: n); children = [Int32](repeating: 0, count: n)
        mask = n - 1; count = 0
        for (p, h, w, c) in old { insert(p, h, w, child: c) }
    }
}
