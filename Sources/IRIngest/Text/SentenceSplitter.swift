/// Splits a paragraph's tokens into sentences.
///
/// A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) when the next
/// token starts a new sentence: a capitalized word, a number or an opening quote. Dots of
/// abbreviations ("Mr.", "Gen.", "Jan.", "U.S.") and initials ("John F. Kennedy") do not
/// end a sentence unless the next word is a usual sentence opener ("... the U.S. The").
public enum SentenceSplitter {
    /// Longest sentence, in tokens. Text without sentence punctuation (a scraped table, a
    /// 100 000-character run-on) is cut here, at a comma, semicolon, colon or dash among the
    /// last `softCutWindow` tokens when there is one: stages that look across a sentence stay
    /// linear in the article's length. Real sentences stay well under it.
    public static let maxTokens = 250
    static let softCutWindow = 80

    public static func split(bytes: [UInt8], tokens: [Token], tokenRange: Range<Int>, paragraph: Int,
                             isCaption: Bool, into sentences: inout [Sentence]) {
        guard !tokenRange.isEmpty else { return }
        var first = tokenRange.lowerBound
        var i = tokenRange.lowerBound
        let end = tokenRange.upperBound
        while i < end {
            var boundary = -1  // index of the last token of the sentence
            let t = tokens[i]
            if t.kind == .punct, t.end - t.start == 1, isTerminal(bytes[t.start]) {
                var j = i + 1
                // absorb repeated terminals and closing quotes/brackets
                while j < end {
                    let u = tokens[j]
                    if u.start != tokens[j - 1].end { break }  // must be glued
                    if u.kind == .quote && !u.opensQuote { j += 1; continue }
                    if u.kind == .punct, u.end - u.start == 1, isTerminal(bytes[u.start]) || bytes[u.start] == 0x29 || bytes[u.start] == 0x5D { j += 1; continue }
                    break
                }
                if j >= end {
                    boundary = end - 1
                } else if bytes[t.start] == 0x2E, j == i + 1, i > first, isAbbreviation(bytes, tokens[i - 1], gluedTo: t) {
                    // "Mr. Kerry", "Gen. Milley", "John F. Kennedy", "Feb. 3": a boundary only before a usual opener.
                    if tokens[j].isCapitalized, isOpener(bytes, tokens[j]) { boundary = i }
                } else if startsSentence(bytes, tokens[j]) {
                    boundary = j - 1
                }
            } else if t.kind == .word, bytes[t.end - 1] == 0x2E, i + 1 < end {
                // A word token that swallowed its dot (U.S.): ends a sentence only before a usual opener.
                let next = tokens[i + 1]
                if next.isCapitalized, isOpener(bytes, next) { boundary = i }
            }
            if boundary < 0, i - first + 1 >= maxTokens {
                boundary = i
                var k = i
                while k > first, k > i - softCutWindow {
                    let u = tokens[k]
                    if u.kind == .punct, isSoftBreak(bytes, u) { boundary = k; break }
                    k -= 1
                }
            }
            if boundary >= 0 {
                appendSentence(tokens, first..<(boundary + 1), paragraph, isCaption, &sentences)
                first = boundary + 1
                i = boundary + 1
                continue
            }
            i += 1
        }
        if first < end { appendSentence(tokens, first..<end, paragraph, isCaption, &sentences) }
    }

    private static func appendSentence(_ tokens: [Token], _ r: Range<Int>, _ paragraph: Int, _ isCaption: Bool, _ out: inout [Sentence]) {
        out.append(Sentence(ordinal: out.count, paragraph: paragraph,
                            byteRange: tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end,
                            tokenRange: r, isCaption: isCaption))
    }

    @inline(__always) private static func isTerminal(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }

    /// `,` `;` `:` `-`, or a dash (U+2013, U+2014).
    private static func isSoftBreak(_ bytes: [UInt8], _ t: Token) -> Bool {
        let b = bytes[t.start]
        if t.end - t.start == 1 { return b == 0x2C || b == 0x3B || b == 0x3A || b == 0x2D }
        return t.end - t.start == 3 && b == 0xE2 && bytes[t.start + 1] == 0x80 && (bytes[t.start + 2] == 0x93 || bytes[t.start + 2] == 0x94)
    }

    private static func startsSentence(_ bytes: [UInt8], _ next: Token) -> Bool {
        switch next.kind {
        case .quote: return next.opensQuote
        case .number: return true
        case .word: return next.isCapitalized
        case .punct: return bytes[next.start] == 0x28 || bytes[next.start] == 0x5B  // ( or [
        }
    }

    /// Words that open sentences far more often than they continue a name after an abbreviation.
    private static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this", "that",
        "these", "those", "there", "his", "her", "its", "their", "our", "some", "many", "after", "before",
        "while", "when", "if", "as", "since", "however", "meanwhile", "earlier", "later", "last", "on", "for",
    ]

    /// Abbreviations that take a dot and usually stand before a name or a number.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
        "sen", "rep", "amb", "pres", "sec", "gen", "brig", "st", "mt", "ft", "no", "nos", "vs", "jr", "sr", "rev",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept",
        "fig", "est", "messrs", "mme", "hon", "rt", "lt.-gen", "maj.-gen", "cf", "e.g", "i.e", "al",
    ]

    private static func isAbbreviation(_ bytes: [UInt8], _ w: Token, gluedTo dot: Token) -> Bool {
        guard w.kind == .word, w.end == dot.start else { return false }
        if w.end - w.start == 1 { return w.isCapitalized }  // an initial: "John F. Kennedy"
        guard w.end - w.start <= 8 else { return false }
        return abbreviations.contains(Document.lowercase(bytes, w.byteRange))
    }

    private static func isOpener(_ bytes: [UInt8], _ t: Token) -> Bool {
        guard t.end - t.start <= 9 else { return false }
        return openers.contains(Document.lowercase(bytes, t.byteRange))
    }
}
