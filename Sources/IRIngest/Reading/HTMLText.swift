/// Extracts an article's title and paragraph text from HTML, over bytes.
public enum HTMLText {
    public struct Page: Sendable, Equatable {
        public var title: String
        public var body: String
        public var published: String?
    }

    /// Title from `<h1>` (else `<title>`), body from `<p>` elements (else all text), paragraphs
    /// separated by blank lines; scripts, styles and tags dropped; entities decoded.
    public static func extract(_ html: String) -> Page {
        let b = Array(html.utf8)
        var paragraphs: [String] = []
        var allText: [UInt8] = []
        var current: [UInt8] = []
        var inP = 0
        var title = "", h1 = ""
        var capture: String? = nil  // "title" or "h1"
        var captured: [UInt8] = []
        var published: String?
        var i = 0
        let n = b.count
        while i < n {
            if b[i] == 0x3C {  // <
                guard let close = b[i...].firstIndex(of: 0x3E) else { break }
                let tag = b[(i + 1)..<close]
                let lowerName = tagName(tag)
                if lowerName == "script" || lowerName == "style" || lowerName == "noscript" {
                    // skip to the matching end tag
                    let endTag = Array("</\(lowerName)".utf8)
                    var j = close + 1
                    while j + endTag.count <= n {
                        if b[j] == 0x3C, lowercased(b[j..<(j + endTag.count)]) == endTag { break }
                        j += 1
                    }
                    i = j < n ? (b[j...].firstIndex(of: 0x3E).map { $0 + 1 } ?? n) : n
                    continue
                }
                if lowerName == "meta", published == nil {
                    let attrs = String(decoding: tag, as: UTF8.self)
                    if attrs.contains("published_time") || attrs.contains("datePublished") || attrs.contains("pubdate"),
                       let r = attrs.range(of: "content=\"") {
                        let rest = attrs[r.upperBound...]
                        if let e = rest.firstIndex(of: "\"") { published = String(rest[..<e]) }
                    }
                }
                switch lowerName {
                case "p": inP += 1; current.removeAll()
                case "/p":
                    if inP > 0 {
                        inP -= 1
                        let t = normalize(current)
                        if !t.isEmpty { paragraphs.append(t) }
                        current.removeAll()
                    }
                case "title", "h1": capture = lowerName; captured.removeAll()
                case "/title", "/h1":
                    if capture == "title" { title = normalize(captured) } else if capture == "h1", h1.isEmpty { h1 = normalize(captured) }
                    capture = nil
                case "br", "br/", "/div", "/li", "/h2", "/h3", "/tr":
                    allText.append(0x0A); allText.append(0x0A)
                    if inP > 0 { current.append(0x20) }
                default: break
                }
                i = close + 1
                continue
            }
            // text
            var j = i
            while j < n, b[j] != 0x3C { j += 1 }
            let text = decodeEntities(b[i..<j])
            if inP > 0 { current += text }
            if capture != nil { captured += text }
            allText += text
            i = j
        }
        let body: String
        if !paragraphs.isEmpty {
            body = paragraphs.joined(separator: "\n\n")
        } else {
            let raw = String(decoding: allText, as: UTF8.self)
            body = raw.split(separator: "\n").map { normalize(Array($0.utf8)) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        return Page(title: h1.isEmpty ? title : h1, body: body, published: published)
    }

    static func tagName(_ tag: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        for c in tag {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x3E { break }
            out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        if out.last == 0x2F, out.count > 1, out.first != 0x2F { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    static func lowercased(_ s: ArraySlice<UInt8>) -> [UInt8] { s.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

    static func normalize(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var space = false
        for c in bytes {
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "hellip": "\u{2026}",
        "eacute": "é", "egrave": "è", "aacute": "á", "oacute": "ó", "uuml": "ü", "ouml": "ö", "auml": "ä", "ccedil": "ç",
    ]

    static func decodeEntities(_ s: ArraySlice<UInt8>) -> [UInt8] {
        guard s.contains(0x26) else { return Array(s) }
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == 0x26, let semi = s[i..<min(s.endIndex, i + 12)].firstIndex(of: 0x3B) {
                let name = String(decoding: s[(i + 1)..<semi], as: UTF8.self)
                var rep: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                    rep = String(Character(u))
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                    rep = String(Character(u))
                } else {
                    rep = named[name]
                }
                if let rep { out += Array(rep.utf8); i = semi + 1; continue }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}
