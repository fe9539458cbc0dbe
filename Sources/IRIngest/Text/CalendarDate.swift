/// A date at the precision a text gives it: year, year-month or full day.
///
///     CalendarDate(year: 2015, month: 5, day: 12).iso   // "2015-05-12"
///     CalendarDate.parseISO("2015-05")?.precision       // .month
public struct CalendarDate: Sendable, Equatable, Hashable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = month == nil ? nil : day
    }

    /// ISO 8601 text at this precision.
    public var iso: String {
        var s = String(year)
        while s.count < 4 { s = "0" + s }
        if let m = month {
            s += m < 10 ? "-0\(m)" : "-\(m)"
            if let d = day { s += d < 10 ? "-0\(d)" : "-\(d)" }
        }
        return s
    }

    public enum Precision: String, Sendable { case year, month, day }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// Whether year-month-day names a real day (2015-02-30 does not).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(year: year, month: month)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses "2015", "2015-05", "2015-05-12" and the date part of "2015-05-12T10:00:00Z".
    /// Impossible dates (2015-02-30) give nil.
    public static func parseISO(_ text: String) -> CalendarDate? {
        let b = Array(text.utf8.prefix(10))
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r { guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }; v = v * 10 + Int(b[i] - 0x30) }
            return v
        }
        guard let y = num(0..<4), y >= 1000 else { return nil }
        if b.count == 4 { return CalendarDate(year: y) }
        guard b.count >= 7, b[4] == 0x2D, let m = num(5..<7), (1...12).contains(m) else { return nil }
        if b.count == 7 { return CalendarDate(year: y, month: m) }
        guard b.count == 10, b[7] == 0x2D, let d = num(8..<10), isValid(year: y, month: m, day: d) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian) of a full date.
    public var dayNumber: Int? {
        guard let m = month, let d = day else { return nil }
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The full date of a day number.
    public static func fromDayNumber(_ z0: Int) -> CalendarDate {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: m <= 2 ? y + 1 : y, month: m, day: d)
    }

    /// Day of week, 0 = Sunday ... 6 = Saturday, of a full date.
    public var weekday: Int? {
        guard let n = dayNumber else { return nil }
        return ((n % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    }

    /// Adds days to a full date.
    public func adding(days: Int) -> CalendarDate? {
        guard let n = dayNumber else { return nil }
        return CalendarDate.fromDayNumber(n + days)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Month names and abbreviations, lowercased, to month numbers ("sept" and "sept." both map).
    public static let monthNames: WordMap<Int> = {
        var m = WordMap<Int>()
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, n) in full.enumerated() { m[n] = i + 1 }
        for (n, i) in [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)] {
            m[n] = i
        }
        return m
    }()

    /// Weekday names, lowercased, to 0 = Sunday ... 6 = Saturday.
    public static let weekdayNames = WordMap<Int>([
        ("sunday", 0), ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6),
    ])
}

extension CalendarDate {
    /// Finds an explicit date starting at token `i`: "May 12, 2015", "May 12", "12 May 2015",
    /// "March 2014", "Feb. 3, 2023". Returns the date (year may be missing: filled from
    /// `defaultYear`) and the index one past its last token.
    public static func parse(_ doc: Document, at i: Int, end: Int, defaultYear: Int?) -> (date: CalendarDate, next: Int)? {
        func number(_ k: Int) -> Int? {
            guard k < end, doc.tokens[k].kind == .number else { return nil }
            var v = 0
            for b in doc.bytes[doc.tokens[k].byteRange] {
                guard b >= 0x30 && b <= 0x39 else {
                    // allow ordinals: 12th, 1st
                    return v > 0 ? v : nil
                }
                v = v * 10 + Int(b - 0x30)
                if v > 100000 { return nil }
            }
            return v
        }
        func month(_ k: Int) -> (Int, Int)? {  // month number, next index (skipping an abbreviation dot)
            guard k < end, doc.tokens[k].kind == .word, doc.tokens[k].isCapitalized else { return nil }
            guard let m = monthNames.value(doc, k) else { return nil }
            var next = k + 1
            if next < end, doc.tokens[next].kind == .punct, doc.bytes[doc.tokens[next].start] == 0x2E,
               doc.tokens[next].start == doc.tokens[k].end { next += 1 }
            // "May" alone is too often the verb: require a number next to it.
            return (m, next)
        }
        func isComma(_ k: Int) -> Bool { k < end && doc.tokens[k].kind == .punct && doc.bytes[doc.tokens[k].start] == 0x2C }
        // Month first: "May 12, 2015", "May 12", "March 2014"
        if let (m, k) = month(i) {
            if let d = number(k), d >= 1, d <= 31 {
                var k2 = k + 1
                if isComma(k2), let y = number(k2 + 1), y >= 1000, y <= 2999 {
                    k2 += 2
                    guard isValid(year: y, month: m, day: d) else { return nil }
                    return (CalendarDate(year: y, month: m, day: d), k2)
                }
                if let y = number(k2), y >= 1000, y <= 2999 {
                    guard isValid(year: y, month: m, day: d) else { return nil }
                    return (CalendarDate(year: y, month: m, day: d), k2 + 1)
                }
                guard let y = defaultYear, isValid(year: y, month: m, day: d) else { return nil }
                return (CalendarDate(year: y, month: m, day: d), k2)
            }
            if let y = number(k), y >= 1000, y <= 2999, doc.lower(i) != "may" || true {
                return (CalendarDate(year: y, month: m), k + 1)
            }
            return nil
        }
        // Day first: "12 May 2015", "12 May"
        if let d = number(i), d >= 1, d <= 31, let (m, k) = month(i + 1) {
            if let y = number(k), y >= 1000, y <= 2999 {
                guard isValid(year: y, month: m, day: d) else { return nil }
                return (CalendarDate(year: y, month: m, day: d), k + 1)
            }
            guard let y = defaultYear, isValid(year: y, month: m, day: d) else { return nil }
            return (CalendarDate(year: y, month: m, day: d), k)
        }
        return nil
    }
}
