/// A direct quotation found between quotation marks.
struct QuoteSpan: Sendable, Equatable {
    /// Token index of the opening mark.
    var open: Int
    /// Token index of the closing mark; nil when the paragraph ends with the quote still open.
    var close: Int?
    /// Bytes of the quoted text, trimmed of surrounding blanks.
    var text: Range<Int>
    var paragraph: Int
    /// Index into `Document.sentences` of the sentence where it opens.
    var sentence: Int
    /// Words and numbers inside the marks.
    var words: Int
    /// The paragraph opens with this quote and the previous paragraph ended inside a quote.
    var continuesPrevious: Bool
}

/// Finds quotations: double marks, straight or curly, paired within a paragraph; a mark left
/// open at the end of a paragraph closes there (the next paragraph usually reopens it).
enum QuoteSpans {
    /// Whether token `i` is a double quotation mark (" “ ” « » „).
    static func isDoubleMark(_ doc: Document, _ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.kind == .quote else { return false }
        let b = doc.bytes
        switch t.end - t.start {
        case 1: return b[t.start] == 0x22
        case 2: return b[t.start] == 0xC2 && (b[t.start + 1] == 0xAB || b[t.start + 1] == 0xBB)
        case 3: return b[t.start] == 0xE2 && b[t.start + 1] == 0x80 && (b[t.start + 2] == 0x9C || b[t.start + 2] == 0x9D || b[t.start + 2] == 0x9E)
        default: return false
        }
    }

    static func isStraight(_ doc: Document, _ i: Int) -> Bool {
        doc.tokens[i].end - doc.tokens[i].start == 1
    }

    /// Quotations of the document outside captions and the dateline, in text order.
    static func find(_ doc: Document, skip: Range<Int>?) -> [QuoteSpan] {
        var out: [QuoteSpan] = []
        var prevParagraphOpenEnded = false
        var s = 0
        let sentences = doc.sentences
        while s < sentences.count {
            let p = sentences[s].paragraph
            var e = s
            while e < sentences.count, sentences[e].paragraph == p { e += 1 }
            if sentences[s].isCaption { s = e; prevParagraphOpenEnded = false; continue }
            let first = sentences[s].tokenRange.lowerBound, last = sentences[e - 1].tokenRange.upperBound
            var open: Int? = nil
            var endedOpen = false
            var i = first
            while i < last {
                if let skip, doc.tokens[i].start < skip.upperBound, doc.tokens[i].start >= skip.lowerBound { i += 1; continue }
                guard isDoubleMark(doc, i) else { i += 1; continue }
                let t = doc.tokens[i]
                if let o = open {
                    if !isStraight(doc, i), t.opensQuote {
                        open = i  // a second opening mark: the first was never closed
                        _ = o
                    } else {
                        append(doc, o, i, p, first, prevParagraphOpenEnded, &out)
                        open = nil
                    }
                } else if t.opensQuote || isStraight(doc, i) {
                    open = i
                }
                i += 1
            }
            if let o = open, o + 1 < last {
                append(doc, o, nil, p, first, prevParagraphOpenEnded, &out, paragraphEnd: doc.tokens[last - 1].end)
                endedOpen = true
            }
            prevParagraphOpenEnded = endedOpen
            s = e
        }
        return out
    }

    private static func append(_ doc: Document, _ o: Int, _ c: Int?, _ p: Int, _ first: Int, _ prevOpen: Bool,
                               _ out: inout [QuoteSpan], paragraphEnd: Int = 0) {
        var lo = doc.tokens[o].end
        var hi = c.map { doc.tokens[$0].start } ?? paragraphEnd
        while lo < hi, isBlank(doc.bytes[lo]) { lo += 1 }
        while hi > lo, isBlank(doc.bytes[hi - 1]) { hi -= 1 }
        guard hi > lo else { return }
        var words = 0
        let endTok = c ?? doc.tokens.count
        var k = o + 1
        while k < endTok, doc.tokens[k].start < hi {
            if doc.tokens[k].kind == .word || doc.tokens[k].kind == .number { words += 1 }
            k += 1
        }
        guard let sentence = doc.sentenceIndex(ofToken: o) else { return }
        out.append(QuoteSpan(open: o, close: c, text: lo..<hi, paragraph: p, sentence: sentence, words: words,
                             continuesPrevious: prevOpen && o == first))
    }

    @inline(__always) private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
