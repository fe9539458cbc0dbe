import IRStore

/// Resolves date expressions in a sentence against the article's publication date.
///
///     let r = DateResolver(context: ctx)               // published 2015-05-12 (a Tuesday)
///     r.resolve(doc, at: i)       // "May 12, 2015" -> 2015-05-12; "last month" -> 2015-04;
///                                 // "on Sunday" -> 2015-05-10; "since April 2014" -> 2014-04
///     r.date(inSentence: s, of: doc)   // first date of the sentence, else the publication date
///
/// Explicit dates keep their precision ("March 2014" is a month). Relative words get the
/// precision they carry: "yesterday" and weekdays a day, "last month" a month, "last year" a year.
public struct DateResolver: Sendable {
    /// The date relative expressions are resolved against (publication date), if known.
    public var anchor: CalendarDate?

    public init(anchor: CalendarDate?) {
        self.anchor = anchor
    }

    public init(context: ArticleContext) {
        self.anchor = context.publishedOn.flatMap { CalendarDate.parseISO($0) }
    }

    /// A date expression found in a text.
    public struct Match: Sendable, Equatable {
        public var date: CalendarDate
        /// `.text` for explicit dates, `.relative` for words resolved against the anchor.
        public var source: EventDateSource
        /// First token of the expression (including a leading "on", "in", "since" ...).
        public var start: Int
        /// One past the last token.
        public var next: Int
        /// The expression opened with "since", "from" or "until"... ("since April 2014").
        public var preposition: String?
    }

    /// The date starting at token `i` (at a preposition or the date itself), and the index past it.
    public func resolve(_ doc: Document, at i: Int) -> (date: CalendarDate, next: Int)? {
        guard let s = doc.sentenceIndex(ofToken: i) else { return nil }
        guard let m = match(doc, at: i, end: doc.sentences[s].tokenRange.upperBound, future: false) else { return nil }
        return (m.date, m.next)
    }

    /// The first date expressed in sentence `s`, else the publication date (source `.published`).
    public func date(inSentence s: Int, of doc: Document) -> (CalendarDate, EventDateSource)? {
        if let m = matches(inSentence: s, of: doc).first { return (m.date, m.source) }
        if let a = anchor { return (a, .published) }
        return nil
    }

    /// Every date expression in sentence `s`, in text order.
    public func matches(inSentence s: Int, of doc: Document, future: Bool = false) -> [Match] {
        let r = doc.sentences[s].tokenRange
        return matches(doc, in: r, future: future)
    }

    /// Every date expression in a token range, in text order.
    public func matches(_ doc: Document, in r: Range<Int>, future: Bool = false) -> [Match] {
        var out: [Match] = []
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = match(doc, at: i, end: r.upperBound, future: future) {
                out.append(m)
                i = max(m.next, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: - Matching

    static let prepositions = ["on", "in", "since", "from", "until", "till", "by", "during", "of", "through", "throughout", "before", "after", "as", "around", "between", "and", "to"]
    static let yearCue: WordSet = ["in", "since", "from", "until", "till", "by", "during", "of", "through", "throughout", "before", "after", "around", "early", "late", "mid", "between", "to", "the", "its", "their", "his", "her", "a"]
    static let numberWordValues = [
        ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("several", 3), ("few", 3), ("couple", 2),
    ]
    static let numberWords = WordMap<Int>(numberWordValues)
    /// Cues that make a lone "May" a month ("in May").
    static let mayCues: WordSet = ["in", "since", "until", "by", "last", "early", "late", "mid", "during", "from"]
    /// Cues before a month alone ("in March", "last March").
    static let monthCues: WordSet = ["in", "since", "until", "by", "early", "late", "mid", "during", "from", "last", "this", "next"]
    static let dayParts: WordSet = ["night", "morning", "afternoon", "evening"]
    static let agoWords: WordSet = ["ago", "earlier", "before", "previously"]
    /// The words `core` resolves against the anchor by themselves or with the next word.
    static let relativeWords = ["today", "tonight", "yesterday", "tomorrow", "last", "this", "next", "past", "earlier", "later"]

    /// What a lowercase word may be in a date expression: bits `isPreposition`, `isRelative`, `isNumber`
    /// (`prepositions`, `relativeWords`, `numberWords`), so that most tokens are ruled out by one lookup.
    static let wordKinds: WordMap<UInt8> = {
        var m = WordMap<UInt8>()
        for (words, bit) in [(prepositions, isPreposition), (relativeWords, isRelative), (numberWordValues.map(\.0), isNumber)] {
            for w in words { m[w] = (m[w] ?? 0) | bit }
        }
        return m
    }()
    static let isPreposition: UInt8 = 1, isRelative: UInt8 = 2, isNumber: UInt8 = 4

    /// A date expression starting exactly at token `i` (a leading preposition is included).
    public func match(_ doc: Document, at i: Int, end: Int, future: Bool = false) -> Match? {
        guard i < end else { return nil }
        let kind = DateResolver.wordKinds.value(doc, i) ?? 0
        if kind & DateResolver.isPreposition != 0, i + 1 < end {
            // "on Tuesday", "in March 2014", "since 2014": the preposition belongs to the expression.
            if var m = core(doc, at: i + 1, end: end, future: future, kind: DateResolver.wordKinds.value(doc, i + 1) ?? 0) {
                m.start = i
                m.preposition = doc.lower(i)
                return m
            }
            return nil
        }
        return core(doc, at: i, end: end, future: future, kind: kind)
    }

    private func number(_ doc: Document, _ k: Int) -> Int? {
        let t = doc.tokens[k]
        guard t.kind == .number, t.end - t.start <= 6 else { return nil }
        var v = 0
        for b in doc.bytes[t.byteRange] {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    private func year(_ doc: Document, _ k: Int) -> Int? {
        guard doc.tokens[k].end - doc.tokens[k].start == 4, let y = number(doc, k), y >= 1900, y <= 2099 else { return nil }
        return y
    }

    /// A date expression at token `i` (whose `wordKinds` bits are `kind`); the token before it (if
    /// any) is its cue ("in", "last", "the" ...).
    private func core(_ doc: Document, at i: Int, end: Int, future: Bool, kind: UInt8) -> Match? {
        let t = doc.tokens[i]
        // Only a number, a capitalized word, a hyphenated word ("mid-2014"), a relative word or a
        // number word can start a date expression.
        guard t.kind == .number || (t.kind == .word && (t.isCapitalized || kind & (DateResolver.isRelative | DateResolver.isNumber) != 0
            || doc.lower(i, containsByte: 0x2D))) else { return nil }
        let p = i - 1  // the cue, when p >= 0
        func make(_ d: CalendarDate, _ src: EventDateSource, _ next: Int) -> Match {
            Match(date: d, source: src, start: i, next: next, preposition: nil)
        }
        // Explicit dates: "May 12, 2015", "12 May", "March 2014".
        if t.kind == .number || (t.kind == .word && t.isCapitalized) {
            // "May" is a verb too: a lone "May" needs a day, a year or a cue word.
            if t.kind == .word, doc.lower(i, is: "may") {
                let k = i + 1
                let hasNumber = k < end && doc.tokens[k].kind == .number
                if !hasNumber && !(p >= 0 && DateResolver.mayCues.contains(doc, p)) {
                    return nil
                }
            }
            // (Only a month name, or a number before one, can start an explicit date.)
            let monthAt = t.kind == .word ? i : i + 1
            if monthAt < end, CalendarDate.monthNames.value(doc, monthAt) != nil,
               let (d, next) = CalendarDate.parse(doc, at: i, end: end, defaultYear: defaultYear(forMonthOf: doc, at: i, future: future)) {
                return make(d, .text, next)
            }
        }
        // A bare year after a cue: "in 2014", "since 2014", "the 2014 annexation".
        if t.kind == .number, let y = year(doc, i), p >= 0, DateResolver.yearCue.contains(doc, p) {
            return make(CalendarDate(year: y), .text, i + 1)
        }
        // "mid-2014", "early-2015"
        if t.kind == .word, doc.lower(i, containsByte: 0x2D) {
            let w = doc.lower(i)
            if let dash = w.utf8.firstIndex(of: 0x2D) {
                let head = String(w[w.startIndex..<dash])
                let tail = String(w[w.index(after: dash)...])
                if ["mid", "early", "late"].contains(head), tail.utf8.count == 4, let y = Int(tail), y >= 1900, y <= 2099 {
                    return make(CalendarDate(year: y), .text, i + 1)
                }
            }
        }
        guard t.kind == .word else { return nil }
        // A month alone after a cue: "in March" -> March of the anchor year (last year's when still ahead).
        if let m = CalendarDate.monthNames.value(doc, i), t.isCapitalized, doc.lower(i).utf8.count >= 3,
           p >= 0, DateResolver.monthCues.contains(doc, p),
           let a = anchor {
            var y = a.year
            if doc.lower(p, is: "last") { if m >= (a.month ?? 12) { y -= 1 } }
            else if doc.lower(p, is: "next") { if m <= (a.month ?? 1) { y += 1 } }
            else if !doc.lower(p, is: "this"), !future, let am = a.month, m > am { y -= 1 }
            else if future, let am = a.month, m < am { y += 1 }
            var next = i + 1
            if next < end, doc.lower(next, is: ".") { next += 1 }
            return make(CalendarDate(year: y, month: m), .relative, next)
        }
        guard let a = anchor else { return nil }
        // Weekdays: "on Tuesday" -> the latest such day up to the anchor (the next one for future events).
        if let wd = CalendarDate.weekdayNames.value(doc, i), t.isCapitalized, let aw = a.weekday {
            let delta = future ? (wd - aw + 7) % 7 : -((aw - wd + 7) % 7)
            guard let d = a.adding(days: delta) else { return nil }
            var next = i + 1
            // "Tuesday night", "Tuesday morning"
            if next < end, DateResolver.dayParts.contains(doc, next) { next += 1 }
            return make(d, .relative, next)
        }
        if kind & DateResolver.isRelative != 0 {
            let w = doc.lower(i)
            switch w {
            case "today", "tonight":
                return make(a, .relative, i + 1)
            case "yesterday":
                return a.adding(days: -1).map { make($0, .relative, i + 1) }
            case "tomorrow":
                return a.adding(days: 1).map { make($0, .relative, i + 1) }
            case "last", "this", "next", "past":
                guard i + 1 < end else { return nil }
                let unit = doc.lower(i + 1)
                let sign = w == "last" || w == "past" ? -1 : w == "next" ? 1 : 0
                if let d = shift(a, unit: unit, by: sign, night: w == "last") {
                    // "this week" and "last week" are not dated to the day.
                    return make(d, .relative, i + 2)
                }
                return nil
            case "earlier", "later":
                // "earlier this month", "later this year"
                if i + 2 < end, doc.lower(i + 1, is: "this"), let d = shift(a, unit: doc.lower(i + 2), by: 0, night: false) {
                    return make(d, .relative, i + 3)
                }
                return nil
            default:
                break
            }
        }
        // "two weeks ago", "a month earlier", "three years ago"
        var n: Int?
        var unitAt = i + 1
        if kind & DateResolver.isNumber != 0, let v = DateResolver.numberWords.value(doc, i) { n = v } else if let v = number(doc, i), v < 100 { n = v }
        if let n {
            if unitAt < end, doc.lower(unitAt, is: "few") || doc.lower(unitAt, is: "couple") { unitAt += 1 }
            if unitAt + 1 < end, DateResolver.agoWords.contains(doc, unitAt + 1),
               let d = shift(a, unit: doc.lower(unitAt), by: -n, night: false) {
                return make(d, .relative, unitAt + 2)
            }
        }
        return nil
    }

    /// The year to give a day-and-month date without a year ("on May 3"): the anchor's, or the
    /// year before when that day would lie months after publication in a past-tense report.
    private func defaultYear(forMonthOf doc: Document, at i: Int, future: Bool) -> Int? {
        guard let a = anchor else { return nil }
        guard let am = a.month else { return a.year }
        var m: Int?
        if let v = CalendarDate.monthNames.value(doc, i) { m = v }
        else if i + 1 < doc.tokens.count, let v = CalendarDate.monthNames.value(doc, i + 1) { m = v }
        if let m, !future, m > am + 1 { return a.year - 1 }
        if let m, future, m < am - 1 { return a.year + 1 }
        return a.year
    }

    /// The anchor moved by `n` units ("day", "week", "month", "year"), at the unit's precision.
    private func shift(_ a: CalendarDate, unit: String, by n: Int, night: Bool) -> CalendarDate? {
        switch unit {
        case "day", "days":
            return a.adding(days: n)
        case "night":
            return night ? a.adding(days: -1) : nil
        case "week", "weeks", "weekend":
            guard let d = a.adding(days: 7 * n) else { return CalendarDate(year: a.year, month: a.month) }
            return CalendarDate(year: d.year, month: d.month)
        case "month", "months":
            guard let m = a.month else { return nil }
            var y = a.year, mm = m + n
            while mm < 1 { mm += 12; y -= 1 }
            while mm > 12 { mm -= 12; y += 1 }
            return CalendarDate(year: y, month: mm)
        case "year", "years":
            return CalendarDate(year: a.year + n)
        case "spring", "summer", "autumn", "fall", "winter":
            // A season is dated to its year: "last summer" in November is this year's summer.
            let start = unit == "spring" ? 3 : unit == "summer" ? 6 : unit == "winter" ? 12 : 9
            let am = a.month ?? 12
            if n < 0 { return CalendarDate(year: start + 2 < am ? a.year : a.year - 1) }
            if n > 0 { return CalendarDate(year: start > am ? a.year : a.year + 1) }
            return CalendarDate(year: a.year)
        default:
            return nil
        }
    }
}
