/// Reads a cardinal number at a token: digits with thousands separators and decimals
/// ("6,100", "1.4 million"), words ("twelve", "twenty-five", "two dozen", "a hundred",
/// "three thousand").
///
///     NumberWords.parse(doc, at: i, end: n)   // "two dozen people" -> (24, next: index of "people")
///
/// Vague plurals ("hundreds", "tens of thousands", "dozens") are reported as `vague`.
enum NumberWords {
    enum Value: Equatable {
        case exact(Int)
        case vague
    }

    static let units = WordMap<Int>([
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
    ])
    static let tens = WordMap<Int>([
        ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ])
    static let scales = WordMap<Int>([("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000)])
    static let vaguePlurals: WordSet = ["hundreds", "thousands", "dozens", "scores", "millions", "tens"]

    /// The value of a spelled word ("seven", "twenty-five"), or nil.
    static func wordValue(_ w: String) -> Int? {
        if let u = units[w] { return u }
        if let t = tens[w] { return t }
        if let dash = w.utf8.firstIndex(of: 0x2D) {
            let a = String(w[w.startIndex..<dash]), b = String(w[w.index(after: dash)...])
            if let t = tens[a], let u = units[b], u < 10 { return t + u }
        }
        return nil
    }

    /// `wordValue(doc.lower(i))`, by the token's hash.
    static func wordValue(_ doc: Document, _ i: Int) -> Int? {
        if let u = units.value(doc, i) { return u }
        if let t = tens.value(doc, i) { return t }
        guard doc.lower(i, containsByte: 0x2D) else { return nil }
        return wordValue(doc.lower(i))
    }

    /// The value of a digit token: "6,100" -> 6100, "4.5" -> 4.5; nil for "30th", "1990s", "5km".
    static func digitValue(_ doc: Document, _ i: Int) -> Double? {
        let t = doc.tokens[i]
        guard t.kind == .number else { return nil }
        var intPart = 0
        var frac = 0.0, scale = 0.1
        var inFrac = false
        let bytes = doc.bytes
        var k = t.start
        while k < t.end {
            let b = bytes[k]
            if b >= 0x30 && b <= 0x39 {
                if inFrac { frac += Double(b - 0x30) * scale; scale /= 10 } else { intPart = intPart &* 10 &+ Int(b - 0x30) }
            } else if b == 0x2C {
                // thousands separator ("6,100"): skipped
            } else if b == 0x2E {
                if inFrac { return nil }
                inFrac = true
            } else {
                return nil
            }
            if intPart > 2_000_000_000 { return nil }
            k += 1
        }
        return Double(intPart) + frac
    }

    /// Parses a number starting at token `i`; returns its value and the index after it.
    static func parse(_ doc: Document, at i: Int, end: Int) -> (value: Value, next: Int)? {
        guard i < end else { return nil }
        // Vague: "hundreds", "tens of thousands", "dozens of".
        if vaguePlurals.contains(doc, i) {
            var k = i + 1
            if k + 1 < end, doc.lower(k, is: "of"), vaguePlurals.contains(doc, k + 1) { k += 2 }
            return (.vague, k)
        }
        var base: Double
        var k: Int
        if let d = digitValue(doc, i) {
            base = d; k = i + 1
        } else if let v = wordValue(doc, i) {
            base = Double(v); k = i + 1
        } else if doc.lower(i, is: "a") || doc.lower(i, is: "an"), i + 1 < end, let s = scales.value(doc, i + 1) {
            base = Double(s); k = i + 2
            return (.exact(Int(base)), extendScale(doc, k, end, &base))
        } else if doc.lower(i, is: "a"), i + 1 < end, doc.lower(i + 1, is: "dozen") {
            return (.exact(12), i + 2)
        } else if doc.lower(i, is: "dozen") {
            return (.exact(12), i + 1)
        } else {
            return nil
        }
        if k < end, doc.lower(k, is: "dozen") { return (.exact(Int(base) * 12), k + 1) }
        // "twenty five" written apart
        if base >= 20, base < 100, base.truncatingRemainder(dividingBy: 10) == 0, k < end, let u = units.value(doc, k), u > 0, u < 10 {
            base += Double(u); k += 1
        }
        k = extendScale(doc, k, end, &base)
        return (.exact(Int(base.rounded())), k)
    }

    /// Multiplies by following scale words: "two hundred thousand", "1.4 million".
    private static func extendScale(_ doc: Document, _ start: Int, _ end: Int, _ base: inout Double) -> Int {
        var k = start
        while k < end, let s = scales.value(doc, k) {
            base *= Double(s); k += 1
            // "two hundred and fifty"
            if s == 100, k + 1 < end, doc.lower(k, is: "and"), let v = wordValue(doc, k + 1) { base += Double(v); k += 2 }
        }
        return k
    }
}
