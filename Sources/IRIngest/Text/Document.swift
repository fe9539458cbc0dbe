/// One sentence of a `Document`.
public struct Sentence: Sendable, Equatable {
    /// 0-based position in the document.
    public var ordinal: Int
    /// 0-based paragraph number.
    public var paragraph: Int
    /// Byte range in `Document.bytes`, trimmed of surrounding whitespace.
    public var byteRange: Range<Int>
    /// Range of indices into `Document.tokens`.
    public var tokenRange: Range<Int>
    /// A photo caption or credit line: stored, but kept out of extraction.
    public var isCaption: Bool
}

/// An article body split into paragraphs, sentences and tokens, with offsets.
///
/// Everything is addressed by UTF-8 byte offsets; `scalarOffset(_:)` converts them to
/// the code-point offsets the database stores.
public struct Document: Sendable {
    public let text: String
    public let bytes: [UInt8]
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Byte ranges of paragraphs (text between blank lines or line breaks).
    public let paragraphs: [Range<Int>]
    /// Lowercased token texts, parallel to `tokens`.
    public let lowered: [String]
    /// `WordHash` of each lowercased token text, parallel to `tokens` (for `WordSet` and `WordMap`).
    public let hashes: [UInt64]
    /// The lowercased token texts' bytes, one after the other: token `i` is
    /// `lowerBytes[lowerStart[i]..<lowerStart[i + 1]]`.
    let lowerBytes: [UInt8]
    let lowerStart: [Int32]
    /// For non-ASCII text, the scalar offset of each byte offset; empty when all ASCII.
    private let scalarIndex: [Int32]

    public init(text: String, captionParagraphs: Set<Int> = []) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        let paragraphs = Document.paragraphRanges(bytes)
        self.paragraphs = paragraphs
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var sentences: [Sentence] = []
        for (p, range) in paragraphs.enumerated() {
            let first = tokens.count
            Tokenizer.tokenize(bytes, in: range, into: &tokens)
            SentenceSplitter.split(bytes: bytes, tokens: tokens, tokenRange: first..<tokens.count, paragraph: p,
                                   isCaption: captionParagraphs.contains(p), into: &sentences)
        }
        self.tokens = tokens
        self.sentences = sentences
        var lowered: [String] = []
        lowered.reserveCapacity(tokens.count)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(tokens.count)
        var lowerBytes: [UInt8] = []
        lowerBytes.reserveCapacity(bytes.count)
        var lowerStart: [Int32] = []
        lowerStart.reserveCapacity(tokens.count + 1)
        for t in tokens {
            let l = Document.lowercase(bytes, t.byteRange)
            lowered.append(l)
            lowerStart.append(Int32(lowerBytes.count))
            var h = WordHash.seed
            for b in l.utf8 { h = WordHash.step(h, b); lowerBytes.append(b) }
            hashes.append(h)
        }
        lowerStart.append(Int32(lowerBytes.count))
        self.lowered = lowered
        self.hashes = hashes
        self.lowerBytes = lowerBytes
        self.lowerStart = lowerStart
        if bytes.contains(where: { $0 >= 0x80 }) {
            var index = [Int32](repeating: 0, count: bytes.count + 1)
            var s: Int32 = 0
            for i in 0..<bytes.count {
                index[i] = s
                if bytes[i] & 0xC0 != 0x80 { s += 1 }
            }
            index[bytes.count] = s
            self.scalarIndex = index
        } else {
            self.scalarIndex = []
        }
    }

    /// The code-point offset of a byte offset (what the database stores as `*_char`).
    @inline(__always) public func scalarOffset(_ byte: Int) -> Int {
        scalarIndex.isEmpty ? byte : Int(scalarIndex[byte])
    }

    /// The exact text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The exact text of a token.
    public func text(token i: Int) -> String { text(tokens[i].byteRange) }

    /// The text from the start of token `a` to the end of token `b` (inclusive).
    public func text(tokens a: Int, _ b: Int) -> String { text(tokens[a].start..<tokens[b].end) }

    /// Whether token `i` contains the byte `b` (e.g. 0x2D, a hyphen), without making a string.
    public func token(_ i: Int, containsByte b: UInt8) -> Bool {
        let t = tokens[i]
        var k = t.start
        while k < t.end { if bytes[k] == b { return true }; k += 1 }
        return false
    }

    /// Lowercased text of a token (ASCII fast path).
    @inline(__always) public func lower(_ i: Int) -> String { lowered[i] }

    /// Whether token `i`'s lowercased text contains the byte `b`: `lower(i).utf8.contains(b)`.
    @inline(__always) public func lower(_ i: Int, containsByte b: UInt8) -> Bool {
        var k = Int(lowerStart[i])
        let e = Int(lowerStart[i + 1])
        while k < e { if lowerBytes[k] == b { return true }; k += 1 }
        return false
    }

    /// `lower(i).hasSuffix(suffix)` for an ASCII suffix, on bytes when the token is ASCII.
    @inline(__always) public func lower(_ i: Int, hasSuffix suffix: StaticString) -> Bool {
        let a = Int(lowerStart[i]), e = Int(lowerStart[i + 1])
        var k = a
        while k < e { if lowerBytes[k] >= 0x80 { return lowered[i].hasSuffix(suffix.description) }; k += 1 }
        return suffix.withUTF8Buffer { w in
            guard e - a >= w.count else { return false }
            var j = 0
            while j < w.count { if lowerBytes[e - w.count + j] != w[j] { return false }; j += 1 }
            return true
        }
    }

    /// Whether token `i`'s lowercased text is `word`: `lower(i) == word` without a string comparison.
    @inline(__always) public func lower(_ i: Int, is word: StaticString) -> Bool {
        let a = Int(lowerStart[i]), n = Int(lowerStart[i + 1]) - a
        return word.withUTF8Buffer { w in
            guard n == w.count else { return false }
            var k = 0
            while k < n { if lowerBytes[a + k] != w[k] { return false }; k += 1 }
            return true
        }
    }

    /// The sentence that contains token `i`.
    public func sentenceIndex(ofToken i: Int) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = sentences[mid].tokenRange
            if i < r.lowerBound { hi = mid - 1 } else if i >= r.upperBound { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The text of a sentence.
    public func text(sentence i: Int) -> String { text(sentences[i].byteRange) }

    static func lowercase(_ bytes: [UInt8], _ r: Range<Int>) -> String {
        var ascii = true
        for i in r where bytes[i] >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: r.count) { buf in
                var k = 0
                for i in r {
                    let b = bytes[i]
                    buf[k] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    k += 1
                }
                return r.count
            }
        }
        return String(decoding: bytes[r], as: UTF8.self).lowercased()
    }

    /// Paragraphs are separated by line breaks; each range is trimmed of whitespace.
    static func paragraphRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = bytes.count
        func flush(_ end: Int) {
            var s = start, e = end
            while s < e, isBlank(bytes, s) { s += blankWidth(bytes, s) }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D || (e >= 2 && bytes[e - 2] == 0xC2 && bytes[e - 1] == 0xA0) {
                e -= (bytes[e - 1] == 0xA0 ? 2 : 1)
            }
            if e > s { out.append(s..<e) }
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                flush(i)
                if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        flush(n)
        return out
    }

    @inline(__always) static func isBlank(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        return b == 0x20 || b == 0x09 || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0) || (b == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
    }
    @inline(__always) static func blankWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        bytes[i] == 0xC2 ? 2 : bytes[i] == 0xEF ? 3 : 1
    }
}

extension String {
    /// Substring test over UTF-8 bytes: the same answer as Foundation's `contains(_:)` for an
    /// exact (case-sensitive, literal) match, without bridging to NSString.
    func containsBytes(_ needle: String) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ h in
            needle.utf8.withContiguousStorageIfAvailable { n in String.search(h, n) }
        }), let found { return found }
        let h = Array(utf8), n = Array(needle.utf8)
        return h.withUnsafeBufferPointer { hb in n.withUnsafeBufferPointer { nb in String.search(hb, nb) } }
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        if n.isEmpty { return true }
        if n.count > h.count { return false }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        outer: while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count { if h[i + k] != n[k] { i += 1; continue outer }; k += 1 }
                return true
            }
            i += 1
        }
        return false
    }
}
