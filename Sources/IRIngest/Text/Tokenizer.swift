/// Splits UTF-8 text into `Token`s without allocating per token.
///
///     Tokenizer.tokenize(Array("Putin's spokesman, Dmitry Peskov".utf8), in: 0..<32)
///     // Putin | 's | spokesman | , | Dmitry | Peskov
public enum Tokenizer {
    /// Tokenizes `bytes[range]`, appending to `tokens`.
    public static func tokenize(_ bytes: [UInt8], in range: Range<Int>, into tokens: inout [Token]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x0B { i += 1; continue }
            let w = UTF8Scalar.width(bytes, i, end)
            if b >= 0x80 {
                let s = UTF8Scalar.decode(bytes, i, end)
                if UTF8Scalar.isSpace(s) { i += w; continue }
                if UTF8Scalar.isQuote(s) {
                    // A right single quote inside a word is an apostrophe: handled by the word scanner.
                    tokens.append(quoteToken(bytes, i, i + w, range, scalar: s))
                    i += w; continue
                }
                if UTF8Scalar.isPunctuation(s) {
                    tokens.append(Token(start: i, end: i + w, kind: .punct, isCapitalized: false, isAllCaps: false, opensQuote: false))
                    i += w; continue
                }
                // Otherwise a letter outside ASCII: fall through to the word scanner.
            } else if b == 0x22 || b == 0x27 || b == 0x60 {
                // A straight apostrophe that starts a possessive is a word ('s after a name ending in s).
                if b == 0x27, i + 1 < end, (bytes[i + 1] | 0x20) == 0x73, i > range.lowerBound,
                   UTF8Scalar.isWordByte(bytes[i - 1]), i + 2 >= end || !UTF8Scalar.isWordByte(bytes[i + 2]) {
                    tokens.append(Token(start: i, end: i + 2, kind: .word, isCapitalized: false, isAllCaps: false, opensQuote: false))
                    i += 2; continue
                }
                tokens.append(quoteToken(bytes, i, i + 1, range, scalar: Unicode.Scalar(b)))
                i += 1; continue
            } else if UTF8Scalar.isDigit(b) {
                var j = i + 1
                while j < end {
                    let c = bytes[j]
                    if UTF8Scalar.isDigit(c) { j += 1; continue }
                    if (c == 0x2C || c == 0x2E), j + 1 < end, UTF8Scalar.isDigit(bytes[j + 1]) { j += 2; continue }
                    break
                }
                // Ordinals and suffixes glued to digits ("30th", "1990s", "5km") stay one token.
                while j < end, UTF8Scalar.isASCIILetter(bytes[j]) { j += 1 }
                tokens.append(Token(start: i, end: j, kind: .number, isCapitalized: false, isAllCaps: false, opensQuote: false))
                i = j; continue
            } else if !UTF8Scalar.isASCIILetter(b) {
                tokens.append(Token(start: i, end: i + 1, kind: .punct, isCapitalized: false, isAllCaps: false, opensQuote: false))
                i += 1; continue
            }
            i = scanWord(bytes, from: i, end: end, into: &tokens)
        }
    }

    /// Tokenizes a whole string: a convenience for tests and one-off use.
    public static func tokenize(_ text: String) -> (bytes: [UInt8], tokens: [Token]) {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        tokenize(bytes, in: 0..<bytes.count, into: &tokens)
        return (bytes, tokens)
    }

    private static func quoteToken(_ bytes: [UInt8], _ s: Int, _ e: Int, _ range: Range<Int>, scalar: Unicode.Scalar) -> Token {
        let opens: Bool
        switch scalar.value {
        case 0x201C, 0x2018, 0x00AB, 0x201E: opens = true       // “ ‘ « „
        case 0x201D, 0x2019, 0x00BB: opens = false              // ” ’ »
        default:
            // Straight marks: opening when preceded by space/start/opening punctuation and followed by a non-space.
            let before: UInt8 = s > range.lowerBound ? bytes[s - 1] : 0x20
            let after: UInt8 = e < range.upperBound ? bytes[e] : 0x20
            let spaceBefore = before == 0x20 || before == 0x0A || before == 0x0D || before == 0x09 || before == 0x28 || before == 0x5B || before == 0x2D || before == 0xA0
            let spaceAfter = after == 0x20 || after == 0x0A || after == 0x0D || after == 0x09
            opens = spaceBefore && !spaceAfter || (!spaceBefore && !spaceAfter && before == 0x3A)
        }
        return Token(start: s, end: e, kind: .quote, isCapitalized: false, isAllCaps: false, opensQuote: opens)
    }

    /// Scans a word: letters and digits, with inner hyphens, apostrophes and abbreviation dots.
    private static func scanWord(_ bytes: [UInt8], from start: Int, end: Int, into tokens: inout [Token]) -> Int {
        var j = start
        var letters = 0, uppers = 0
        var firstUpper = false
        var sawDotAbbrev = false
        while j < end {
            let c = bytes[j]
            if c < 0x80 {
                if UTF8Scalar.isASCIILetter(c) {
                    letters += 1
                    if c < 0x61 { uppers += 1; if j == start { firstUpper = true } }
                    j += 1; continue
                }
                if UTF8Scalar.isDigit(c) { j += 1; continue }
                if c == 0x2D || c == 0x27 {  // hyphen or apostrophe inside a word
                    if j + 1 < end, UTF8Scalar.isWordByte(bytes[j + 1]) {
                        // Possessive 's ends the word: "Russia's" -> Russia | 's
                        if c == 0x27, (bytes[j + 1] | 0x20) == 0x73, j + 2 >= end || !UTF8Scalar.isWordByte(bytes[j + 2]) { break }
                        j += 1; continue
                    }
                    break
                }
                if c == 0x2E {  // dot: abbreviation like U.S. or U.N. (single letters between dots)
                    let segStart = lastSegmentStart(bytes, start, j)
                    if j - segStart == 1, j + 2 < end, UTF8Scalar.isASCIILetter(bytes[j + 1]), bytes[j + 2] == 0x2E {
                        sawDotAbbrev = true; j += 1; continue
                    }
                    if sawDotAbbrev, j - segStart == 1 { j += 1; sawDotAbbrev = true }  // include the final dot of U.S.
                    break
                }
                break
            }
            let s = UTF8Scalar.decode(bytes, j, end)
            let w = UTF8Scalar.width(bytes, j, end)
            if s.value == 0x2019 {  // curly apostrophe inside a word
                if j + w < end, UTF8Scalar.isWordByte(bytes[j + w]) {
                    if (bytes[j + w] | 0x20) == 0x73, j + w + 1 >= end || !UTF8Scalar.isWordByte(bytes[j + w + 1]) { break }
                    j += w; continue
                }
                break
            }
            if UTF8Scalar.isSpace(s) || UTF8Scalar.isQuote(s) || UTF8Scalar.isPunctuation(s) { break }
            letters += 1
            if s.properties.isUppercase { uppers += 1; if j == start { firstUpper = true } }
            j += w
        }
        if j == start { j = start + UTF8Scalar.width(bytes, start, end) }
        tokens.append(Token(start: start, end: j, kind: .word, isCapitalized: firstUpper,
                            isAllCaps: uppers >= 2 && uppers == letters, opensQuote: false))
        // A possessive right after the word becomes its own token.
        if j < end {
            if bytes[j] == 0x27, j + 1 < end, (bytes[j + 1] | 0x20) == 0x73, j + 2 >= end || !UTF8Scalar.isWordByte(bytes[j + 2]) {
                tokens.append(Token(start: j, end: j + 2, kind: .word, isCapitalized: false, isAllCaps: false, opensQuote: false))
                return j + 2
            }
            if bytes[j] == 0xE2, j + 3 < end, bytes[j + 1] == 0x80, bytes[j + 2] == 0x99, (bytes[j + 3] | 0x20) == 0x73,
               j + 4 >= end || !UTF8Scalar.isWordByte(bytes[j + 4]) {
                tokens.append(Token(start: j, end: j + 4, kind: .word, isCapitalized: false, isAllCaps: false, opensQuote: false))
                return j + 4
            }
        }
        return j
    }

    private static func lastSegmentStart(_ bytes: [UInt8], _ start: Int, _ j: Int) -> Int {
        var k = j
        while k > start, bytes[k - 1] != 0x2E { k -= 1 }
        return k
    }
}

/// Byte-level helpers for UTF-8 scanning.
public enum UTF8Scalar {
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) public static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// A byte that can continue a word: ASCII letter or digit, or any non-ASCII byte.
    @inline(__always) public static func isWordByte(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) || b >= 0x80 }

    @inline(__always) public static func width(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
        let b = bytes[i]
        let w = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return min(w, end - i)
    }

    /// Decodes the scalar at `i`; malformed sequences decode as U+FFFD.
    public static func decode(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Unicode.Scalar {
        let b = bytes[i]
        if b < 0x80 { return Unicode.Scalar(b) }
        let w = width(bytes, i, end)
        var v: UInt32
        switch w {
        case 2: v = UInt32(b & 0x1F)
        case 3: v = UInt32(b & 0x0F)
        case 4: v = UInt32(b & 0x07)
        default: return "\u{FFFD}"
        }
        for k in 1..<w { v = (v << 6) | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    public static func isQuote(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x60, 0x201C, 0x201D, 0x2018, 0x2019, 0x00AB, 0x00BB, 0x201E: return true
        default: return false
        }
    }

    /// Punctuation and symbols outside ASCII: dashes, ellipsis, bullets, currency and the like.
    public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let b = UInt8(s.value)
            return !(isASCIILetter(b) || isDigit(b))
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return false
        default:
            return true
        }
    }
}
