import Foundation

/// Cleans text as it comes in: UTF-8 repair, BOM, line ends, control characters.
public enum TextNormalizer {
    /// Decodes UTF-8, replacing invalid sequences with U+FFFD; the issue (a warning) names the first bad byte offset.
    public static func decode(_ data: Data, location: String) -> (String, ReadIssue?) {
        var bytes = data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var issue: ReadIssue?
        if let bad = firstInvalidUTF8(bytes) {
            issue = ReadIssue(location: location, message: "invalid UTF-8 at byte offset \(bad); decoded with replacement characters (U+FFFD)", severity: .warning)
        }
        return (clean(String(decoding: bytes, as: UTF8.self)), issue)
    }

    /// CRLF and CR become LF; control characters other than tab and newline become spaces; a BOM is dropped.
    public static func clean(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u == 0x0D || (u < 0x20 && u != 0x0A && u != 0x09) || u == 0x7F || u == 0xEF {
            needs = true; break
        }
        if !needs { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)
        if it.starts(with: [0xEF, 0xBB, 0xBF]) { it.removeFirst(3) }
        var i = 0
        while i < it.count {
            let b = it[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < it.count, it[i + 1] == 0x0A { i += 1 }
            } else if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                out.append(0x20)
            } else if b == 0xEF, i + 2 < it.count, it[i + 1] == 0xBB, it[i + 2] == 0xBF {
                i += 2  // a zero-width no-break space inside text
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Drops blank lines at the start and end.
    public static func trimBlankLines(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == "\n" || f == " " || f == "\t" { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }

    /// Offset of the first byte that does not start or continue valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; min = 0x80 } else if c & 0xF0 == 0xE0 { need = 2; min = 0x800 } else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000 } else { return i }
            guard i + need < n else { return i }
            var v = UInt32(c) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
            for k in 1...need {
                guard b[i + k] & 0xC0 == 0x80 else { return i }
                v = (v << 6) | UInt32(b[i + k] & 0x3F)
            }
            if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
