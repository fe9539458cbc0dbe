import IRStore

/// Reads the furniture of a wire article: dateline, photo captions and credits, and the
/// publication date when the input gives none.
///
///     SOCHI, Russia (Reuters) - U.S. Secretary of State John Kerry met ...
///     -> dateline place "SOCHI, Russia" (Sochi, RUS when the gazetteer knows it), outlet Reuters
public struct ParsedArticle: Sendable {
    public var document: Document
    public var context: ArticleContext
    /// The dateline prefix ("SOCHI, Russia (Reuters) -"), as a byte range of the body; stages skip it.
    public var datelineRange: Range<Int>?
    /// The dateline's place text as printed ("SOCHI, Russia").
    public var datelineText: String?
    public var publishedSource: DateSource
}

public enum ArticleParser {
    /// Outlets commonly named in datelines.
    static let datelineOutlets: [String: String] = [
        "reuters": "Reuters", "ap": "AP", "afp": "AFP", "xinhua": "Xinhua", "upi": "UPI", "dpa": "dpa",
        "bloomberg": "Bloomberg", "tass": "TASS", "efe": "EFE", "ansa": "ANSA", "cnn": "CNN", "bbc": "BBC",
    ]

    public static func parse(_ raw: RawArticle, places: (String) -> PlaceRow? = { _ in nil }) -> ParsedArticle {
        let bytes = Array(raw.text.utf8)
        let paragraphs = Document.paragraphRanges(bytes)
        // Captions: paragraphs that end in a photo credit ("Name Surname/Reuters", "REUTERS/Name").
        var captions = Set<Int>()
        for (p, r) in paragraphs.enumerated() where isCaption(bytes, r) { captions.insert(p) }
        let doc = Document(text: raw.text, captionParagraphs: captions)

        var context = ArticleContext(outlet: raw.outlet)
        var source = DateSource.none
        if let pub = raw.published, let d = CalendarDate.parseISO(pub.trimmingSpaces) {
            context.publishedOn = d.iso
            source = .input
        }
        // The dateline is the first non-caption paragraph's opening: PLACE[, Region][, Date] [(Outlet)] -
        var datelineRange: Range<Int>?
        var datelineText: String?
        if let first = doc.sentences.first(where: { !$0.isCaption }) {
            if let d = parseDateline(doc, first, defaultYear: nil) {
                datelineRange = doc.tokens[first.tokenRange.lowerBound].start..<doc.tokens[d.end - 1].end
                datelineText = d.placeText
                context.datelineRange = datelineRange
                if context.outlet == nil, let o = d.outlet { context.outlet = o }
                if let placeText = d.placeText {
                    let head = placeText.split(separator: ",").first.map(String.init) ?? placeText
                    let name = titleCase(head)
                    context.datelinePlace = places(name) ?? PlaceRow(name: name, countryCode: nil, kind: "city")
                }
                if context.publishedOn == nil, let date = d.date {
                    context.publishedOn = date.iso
                    source = .dateline
                }
            }
        }
        // A caption's date ("... in Sochi, Russia May 12, 2015.") dates the article when nothing else does.
        if context.publishedOn == nil {
            outer: for s in doc.sentences where s.isCaption {
                for i in s.tokenRange {
                    if let (date, _) = CalendarDate.parse(doc, at: i, end: s.tokenRange.upperBound, defaultYear: nil),
                       date.precision == .day {
                        context.publishedOn = date.iso
                        source = .caption
                        break outer
                    }
                }
            }
        }
        return ParsedArticle(document: doc, context: context, datelineRange: datelineRange,
                             datelineText: datelineText, publishedSource: source)
    }

    struct Dateline {
        var end: Int          // token index one past the dash
        var placeText: String?
        var outlet: String?
        var date: CalendarDate?
    }

    /// Parses "SOCHI, Russia (Reuters) -", "GENEVA, March 17, 2015 (Reuters) -", "KYIV, Ukraine, Feb. 3, 2023 (AP) —",
    /// "WASHINGTON (Reuters) -" at the start of a sentence.
    static func parseDateline(_ doc: Document, _ s: Sentence, defaultYear: Int?) -> Dateline? {
        let r = s.tokenRange
        var i = r.lowerBound
        // The place starts with an all-caps word ("SOCHI", "NEW YORK", "THE HAGUE").
        guard i < r.upperBound, doc.tokens[i].kind == .word, doc.tokens[i].isAllCaps || isAllCapsSingle(doc, i) else { return nil }
        let limit = min(r.upperBound, r.lowerBound + 24)
        var dashAt = -1
        var k = i
        while k < limit {
            let t = doc.tokens[k]
            if t.kind == .punct {
                let b = doc.bytes[t.start]
                let isDash = (b == 0x2D && t.end - t.start == 1) || (b == 0xE2 && t.end - t.start == 3 && doc.bytes[t.start + 1] == 0x80 && (doc.bytes[t.start + 2] == 0x94 || doc.bytes[t.start + 2] == 0x93))
                // A hyphen glued to words is part of a word, not the dateline dash.
                if isDash, k > i, (t.start > doc.tokens[k - 1].end || b != 0x2D) { dashAt = k; break }
            }
            k += 1
        }
        guard dashAt > i else { return nil }
        // Every word before the first comma, parenthesis or dash is in capitals: "NEW YORK", "MOSCOW/KYIV".
        var w = i
        while w < dashAt {
            let t = doc.tokens[w]
            if t.kind == .punct {
                let b = doc.bytes[t.start]
                if b == 0x2C || b == 0x28 { break }
                if b != 0x2F && b != 0x2E { return nil }
            } else if t.kind == .word {
                if !(t.isAllCaps || isAllCapsSingle(doc, w) || (t.end - t.start == 1 && t.isCapitalized)) { return nil }
            } else {
                return nil
            }
            w += 1
        }
        var out = Dateline(end: dashAt + 1)
        // Outlet in parentheses just before the dash.
        var placeEnd = dashAt
        if dashAt >= 3, doc.text(token: dashAt - 1) == ")" {
            var open = dashAt - 2
            while open > i, doc.text(token: open) != "(" { open -= 1 }
            if open > i {
                let name = doc.text(doc.tokens[open + 1].start..<doc.tokens[dashAt - 2].end)
                out.outlet = datelineOutlets[name.lowercased()] ?? name
                placeEnd = open
            }
        }
        // A date inside the dateline.
        var placeStop = placeEnd
        var j = i
        while j < placeEnd {
            if let (date, next) = CalendarDate.parse(doc, at: j, end: placeEnd, defaultYear: defaultYear) {
                if date.precision == .day { out.date = date }
                placeStop = j
                _ = next
                break
            }
            j += 1
        }
        while placeStop > i, doc.tokens[placeStop - 1].kind == .punct { placeStop -= 1 }
        if placeStop > i {
            out.placeText = doc.text(tokens: i, placeStop - 1)
        }
        // The place words must be mostly capitals: guard against ordinary sentences with a dash.
        i = r.lowerBound
        return out
    }

    private static func isAllCapsSingle(_ doc: Document, _ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.end - t.start >= 2 else { return false }
        for b in doc.bytes[t.byteRange] where b >= 0x61 && b <= 0x7A { return false }
        return true
    }

    /// A photo caption or credit: ends with "Name/Reuters", "REUTERS/Name", "(Photo: ...)", "AP Photo/Name".
    static func isCaption(_ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count < 1200 else { return false }
        // The last 60 characters of the paragraph, found on the bytes (the credits are ASCII):
        // a String and Foundation's `contains` here cost more than the rest of parsing.
        var start = r.upperBound
        var chars = 0
        while start > r.lowerBound && chars < 60 {
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { chars += 1 }
        }
        for c in captionCredits where contains(bytes, start..<r.upperBound, c) {
            // A credit is a name glued to an outlet by a slash, at the end of the paragraph.
            return true
        }
        return false
    }

    static let captionCredits: [[UInt8]] = ["/Reuters", "/REUTERS", "REUTERS/", "/AFP", "AFP/", "AP Photo", "/AP", "Getty Images",
                                            "/File Photo", "(Photo", "Photo:", "/Pool", "/Sputnik", "/Kremlin"].map { Array($0.utf8) }

    private static func contains(_ bytes: [UInt8], _ r: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= r.count else { return false }
        var i = r.lowerBound
        let last = r.upperBound - needle.count
        while i <= last {
            if bytes[i] == needle[0] {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    static func titleCase(_ s: String) -> String {
        s.split(separator: " ").map { w -> String in
            let lower = w.lowercased()
            if w.count <= 3 && w.contains(".") { return String(w) }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
