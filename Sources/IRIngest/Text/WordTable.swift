/// Word lookups without `Hasher`: a 64-bit FNV-1a hash of a word's UTF-8 bytes, computed once
/// per token (`Document.hashes`), and open-addressing tables keyed by it.
///
///     static let stops: WordSet = ["the", "a", "an"]
///     stops.contains(doc, i)          // token i's lowercased text, with its precomputed hash
///     stops.contains("the")           // any string (hashed on the spot)
///
/// A lookup compares hashes first and confirms a hit by comparing the strings, so results are
/// exactly those of `Set<String>` / `Dictionary<String, _>`.
public enum WordHash {
    @inline(__always) static func step(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of a string's UTF-8 bytes.
    public static func of(_ s: String) -> UInt64 {
        if let h = s.utf8.withContiguousStorageIfAvailable({ of($0) }) { return h }
        var h = seed
        for b in s.utf8 { h = step(h, b) }
        return h
    }

    /// The hash of a string's UTF-8 bytes, over a byte buffer.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { h = step(h, b) }
        return h
    }

    /// Spreads a hash over the bucket index bits.
    @inline(__always) static func bucket(_ h: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 32) & mask
    }
}

/// A map from words to values, probed by a precomputed `WordHash`.
public struct WordMap<Value>: Sendable where Value: Sendable {
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [Value?]
    private var used: [Bool]
    private var mask: Int
    public private(set) var count = 0

    public init() {
        hashes = [UInt64](repeating: 0, count: 8)
        keys = [String](repeating: "", count: 8)
        values = [Value?](repeating: nil, count: 8)
        used = [Bool](repeating: false, count: 8)
        mask = 7
    }

    public init(_ pairs: [(String, Value)]) {
        self.init()
        for (k, v) in pairs where self[k] == nil { self[k] = v }
    }

    /// The slot of `key`, or the empty slot where it would go.
    @inline(__always) private func slot(_ h: UInt64, _ key: String) -> Int {
        var j = WordHash.bucket(h, mask)
        while used[j] {
            if hashes[j] == h && keys[j] == key { return j }
            j = (j + 1) & mask
        }
        return j
    }

    @inline(__always) public func value(hash h: UInt64, _ key: String) -> Value? {
        var j = WordHash.bucket(h, mask)
        while used[j] {
            if hashes[j] == h && keys[j] == key { return values[j] }
            j = (j + 1) & mask
        }
        return nil
    }

    /// The value of token `i`'s lowercased text.
    @inline(__always) public func value(_ doc: Document, _ i: Int) -> Value? { value(hash: doc.hashes[i], doc.lowered[i]) }

    public subscript(key: String) -> Value? {
        get { value(hash: WordHash.of(key), key) }
        set {
            let h = WordHash.of(key)
            let j = slot(h, key)
            if used[j] {
                if let newValue { values[j] = newValue } else { remove(at: j) }
                return
            }
            guard let newValue else { return }
            if (count + 1) * 2 > mask + 1 {
                grow()
                self[key] = newValue
                return
            }
            used[j] = true; hashes[j] = h; keys[j] = key; values[j] = newValue
            count += 1
        }
    }

    private mutating func remove(at j: Int) {
        // Rebuild without the entry (removal is rare: lexicon building only).
        used[j] = false; keys[j] = ""; values[j] = nil; count -= 1
        let entries = (0...mask).filter { used[$0] }.map { (keys[$0], values[$0]!) }
        let n = mask + 1
        hashes = [UInt64](repeating: 0, count: n); keys = [String](repeating: "", count: n)
        values = [Value?](repeating: nil, count: n); used = [Bool](repeating: false, count: n); count = 0
        for (k, v) in entries { self[k] = v }
    }

    private mutating func grow() {
        let entries = (0...mask).filter { used[$0] }.map { (keys[$0], values[$0]!) }
        let n = (mask + 1) * 2
        hashes = [UInt64](repeating: 0, count: n); keys = [String](repeating: "", count: n)
        values = [Value?](repeating: nil, count: n); used = [Bool](repeating: false, count: n)
        mask = n - 1; count = 0
        for (k, v) in entries { self[k] = v }
    }
}

/// A set of words, probed by a precomputed `WordHash`.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var map = WordMap<Bool>()

    public init(arrayLiteral words: String...) { self.init(words) }

    public init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { map[w] = true }
    }

    public var count: Int { map.count }

    public mutating func insert(_ word: String) { if map[word] == nil { map[word] = true } }

    @inline(__always) public func contains(_ word: String) -> Bool { map[word] != nil }

    @inline(__always) public func contains(hash h: UInt64, _ word: String) -> Bool { map.value(hash: h, word) != nil }

    /// Whether token `i`'s lowercased text is in the set.
    @inline(__always) public func contains(_ doc: Document, _ i: Int) -> Bool { map.value(doc, i) != nil }
}
