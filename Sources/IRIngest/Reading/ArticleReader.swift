import Foundation

/// Something the reader could not take, or took with a repair, with its location.
public struct ReadIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, error }
    /// "articles.jsonl:17", "notes.txt", "<stdin>:3".
    public var location: String
    public var message: String
    public var severity: Severity

    public init(location: String, message: String, severity: Severity = .error) {
        self.location = location; self.message = message; self.severity = severity
    }

    public var description: String { "\(location): \(message)" }
}

/// One item read from input: an article, or an issue that refused (or repaired) one.
public enum ReadItem: Sendable {
    case article(RawArticle)
    case issue(ReadIssue)
}

/// Reads articles from files, directories and stdin, streaming.
///
/// Formats, by extension (or by content for stdin):
/// - `.txt`: first line the headline, a blank line, then the body;
/// - `.jsonl`, `.ndjson`: one JSON object per line: `id, title, text, published, outlet, url`;
/// - `.json`: one object or an array of objects; news-please objects (`maintext`, `date_publish`,
///   `source_domain`) are recognized;
/// - `.html`, `.htm`: the title and the text of paragraphs.
///
/// Invalid UTF-8 is decoded with U+FFFD and reported as a warning naming the byte offset.
public struct ArticleReader: Sendable {
    public static let extensions: Set<String> = ["txt", "jsonl", "ndjson", "json", "html", "htm"]

    /// Largest article body accepted; longer texts are refused with an issue.
    public var maxArticleBytes = 64 << 20
    /// Largest JSON Lines line accepted; a longer line is skipped (without holding it in memory) and refused.
    public var maxLineBytes = 80 << 20
    /// Largest file read whole (.txt, .html, .json); larger files are refused before reading
    /// (split a big JSON array into JSON Lines).
    public var maxFileBytes = 1 << 30
    /// Deepest nesting of JSON arrays and objects accepted; deeper input is refused before parsing.
    public var maxJSONDepth = 512

    public init() {}

    /// Expands directories (recursively, sorted, skipping hidden files) into input files.
    /// A path that does not exist is reported as an issue.
    public func expand(_ paths: [String]) -> (files: [String], issues: [ReadIssue]) {
        var files: [String] = []
        var issues: [ReadIssue] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append("-"); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                issues.append(ReadIssue(location: path, message: "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                guard let e = fm.enumerator(atPath: path) else { continue }
                var found: [String] = []
                while let rel = e.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") { e.skipDescendants(); continue }
                    let full = (path as NSString).appendingPathComponent(rel)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue,
                       ArticleReader.extensions.contains((name as NSString).pathExtension.lowercased()) {
                        found.append(full)
                    }
                }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        return (files, issues)
    }

    /// Reads every input, calling `body` for each article or issue in input order.
    public func read(_ paths: [String], _ body: (ReadItem) throws -> Void) rethrows {
        let (files, issues) = expand(paths)
        for i in issues { try body(.issue(i)) }
        for f in files { try read(file: f, body) }
    }

    /// Reads one file ("-" for stdin).
    public func read(file path: String, _ body: (ReadItem) throws -> Void) rethrows {
        let name = path == "-" ? "<stdin>" : path
        let ext = path == "-" ? "" : (path as NSString).pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" {
            try readJSONLines(path: path, name: name, body)
            return
        }
        if path != "-", let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue > maxFileBytes {
            try body(.issue(ReadIssue(location: name, message: "file of \(size.intValue) bytes exceeds the limit of \(maxFileBytes) bytes for one document; skipped (split it, or use JSON Lines)")))
            return
        }
        let data: Data
        do {
            data = try readAll(path)
        } catch {
            try body(.issue(ReadIssue(location: name, message: "cannot read: \(error.localizedDescription)")))
            return
        }
        let format = path == "-" || !["txt", "json", "html", "htm"].contains(ext) ? nil : ext
        try read(data: data, name: name, format: format, body)
    }

    /// Reads articles from bytes in memory: `format` is "txt", "json", "jsonl" or "html"
    /// (nil: guessed from the content). `name` is the location issues report.
    ///
    ///     try ArticleReader().read(data: Data(#"{"id":"a","text":"..."}"#.utf8), name: "paste") { item in ... }
    public func read(data: Data, name: String, format: String? = nil, _ body: (ReadItem) throws -> Void) rethrows {
        let format = format ?? sniff(data)
        switch format {
        case "jsonl", "ndjson": try splitLines(data, name: name, firstLine: 1, body)
        case "json": try readJSONDocument(data, name: name, body)
        case "html", "htm": try readHTML(data, name: name, body)
        default: try readText(data, name: name, body)
        }
    }

    // MARK: formats

    func sniff(_ data: Data) -> String {
        var i = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
        while i < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[i]) { i += 1 }
        guard i < data.endIndex else { return "txt" }
        if data[i] == 0x5B { return "json" }
        if data[i] == 0x7B {
            // One object per line, or one object over several lines?
            if let nl = data[i...].firstIndex(of: 0x0A), !ArticleReader.jsonNestingExceeds(data[i..<nl], limit: maxJSONDepth),
               let _ = try? JSONSerialization.jsonObject(with: data[i..<nl]) { return "jsonl" }
            return "json"
        }
        if data[i] == 0x3C { return "html" }
        return "txt"
    }

    func readText(_ data: Data, name: String, _ body: (ReadItem) throws -> Void) rethrows {
        if let why = ArticleReader.binaryReason(data) {
            try body(.issue(ReadIssue(location: name, message: "binary file (\(why)), not an article; skipped")))
            return
        }
        let (text, issue) = TextNormalizer.decode(data, location: name)
        if let issue { try body(.issue(issue)) }
        // Headline: the first line when a blank line follows it.
        var title = ""
        var rest = Substring(text)
        if let nl = text.firstIndex(of: "\n") {
            let afterFirst = text[text.index(after: nl)...]
            if afterFirst.first == "\n" || afterFirst.hasPrefix(" \n") {
                title = String(text[..<nl]).trimmingSpaces
                rest = afterFirst
            }
        }
        let bodyText = TextNormalizer.trimBlankLines(String(rest))
        try emit(RawArticle(title: title, text: bodyText, location: name), body)
    }

    func readJSONDocument(_ data: Data, name: String, _ body: (ReadItem) throws -> Void) rethrows {
        if ArticleReader.jsonNestingExceeds(data, limit: maxJSONDepth) {
            try body(.issue(ReadIssue(location: name, message: "JSON nested deeper than \(maxJSONDepth) levels; refused without parsing")))
            return
        }
        let (text, issue) = TextNormalizer.decode(data, location: name)
        if let issue { try body(.issue(issue)) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            try body(.issue(ReadIssue(location: name, message: "invalid JSON (\(ArticleReader.jsonMessage(error))); fix the file and run the same command again")))
            return
        }
        if let array = object as? [Any] {
            for (i, element) in array.enumerated() {
                let loc = "\(name)[\(i)]"
                switch article(fromJSON: element, location: loc) {
                case .success(let a): try emit(a, body)
                case .failure(let e): try body(.issue(e))
                }
            }
        } else {
            switch article(fromJSON: object, location: name) {
            case .success(let a): try emit(a, body)
            case .failure(let e): try body(.issue(e))
            }
        }
    }

    func readJSONLines(path: String, name: String, _ body: (ReadItem) throws -> Void) rethrows {
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            try body(.issue(ReadIssue(location: name, message: "cannot open for reading")))
            return
        }
        defer { if path != "-" { try? handle.close() } }
        var pending = Data()
        var lineNumber = 1
        // A line longer than maxLineBytes is dropped as it streams by (memory stays bounded)
        // and refused once its end is found.
        var skipping = false
        while true {
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            if chunk.isEmpty { break }
            // Search only the new chunk for a line end: a 10 MB line costs one pass, not one per chunk.
            guard let lastNL = chunk.lastIndex(of: 0x0A) else {
                if !skipping { pending.append(chunk) }
                if pending.count > maxLineBytes { skipping = true; pending = Data() }
                continue
            }
            var complete = chunk[chunk.startIndex...lastNL]
            if skipping {
                let firstNL = chunk.firstIndex(of: 0x0A)!
                try body(.issue(ReadIssue(location: "\(name):\(lineNumber)", message: "line longer than the limit of \(maxLineBytes) bytes; skipped")))
                lineNumber += 1
                skipping = false
                complete = chunk[(firstNL + 1)..<(lastNL + 1)]
            } else if !pending.isEmpty {
                pending.append(complete)
                complete = pending[...]
            }
            lineNumber = try splitLines(Data(complete), name: name, firstLine: lineNumber, body)
            pending = Data(chunk[(lastNL + 1)...])
        }
        if skipping {
            try body(.issue(ReadIssue(location: "\(name):\(lineNumber)", message: "line longer than the limit of \(maxLineBytes) bytes; skipped")))
        } else if !pending.isEmpty {
            _ = try splitLines(pending, name: name, firstLine: lineNumber, body)
        }
    }

    /// Parses complete lines of JSON Lines; returns the next line number.
    @discardableResult
    func splitLines(_ data: Data, name: String, firstLine: Int, _ body: (ReadItem) throws -> Void) rethrows -> Int {
        var line = firstLine
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            var slice = data[start..<end]
            if line == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
            let loc = "\(name):\(line)"
            if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                try parseJSONLine(Data(slice), location: loc, body)
            }
            line += 1
            start = end < data.endIndex ? end + 1 : end
        }
        return line
    }

    func parseJSONLine(_ data: Data, location: String, _ body: (ReadItem) throws -> Void) rethrows {
        if data.count > maxLineBytes {
            try body(.issue(ReadIssue(location: location, message: "line longer than the limit of \(maxLineBytes) bytes; skipped")))
            return
        }
        if ArticleReader.jsonNestingExceeds(data, limit: maxJSONDepth) {
            try body(.issue(ReadIssue(location: location, message: "JSON nested deeper than \(maxJSONDepth) levels; refused without parsing")))
            return
        }
        var bytes = data
        var warning: ReadIssue?
        if TextNormalizer.firstInvalidUTF8(data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }) != nil {
            let (text, issue) = TextNormalizer.decode(data, location: location)
            bytes = Data(text.utf8)
            warning = issue
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes)
        } catch {
            try body(.issue(ReadIssue(location: location, message: "invalid JSON (\(ArticleReader.jsonMessage(error)))")))
            return
        }
        if let warning { try body(.issue(warning)) }
        switch article(fromJSON: object, location: location) {
        case .success(let a): try emit(a, body)
        case .failure(let e): try body(.issue(e))
        }
    }

    func readHTML(_ data: Data, name: String, _ body: (ReadItem) throws -> Void) rethrows {
        if let why = ArticleReader.binaryReason(data) {
            try body(.issue(ReadIssue(location: name, message: "binary file (\(why)), not an article; skipped")))
            return
        }
        let (text, issue) = TextNormalizer.decode(data, location: name)
        if let issue { try body(.issue(issue)) }
        let page = HTMLText.extract(text)
        // Entities can spell control characters (&#1;, &#13;): clean after decoding them.
        try emit(RawArticle(title: TextNormalizer.clean(page.title), text: TextNormalizer.clean(page.body),
                            published: page.published, location: name), body)
    }

    // MARK: JSON objects

    /// Builds an article from a JSON object: irkb's own fields or news-please's.
    func article(fromJSON object: Any, location: String) -> Result<RawArticle, ReadIssue> {
        guard let o = object as? [String: Any] else {
            return .failure(ReadIssue(location: location, message: "expected a JSON object with a \"text\" field, found \(ArticleReader.jsonType(object))"))
        }
        func string(_ key: String) -> Result<String?, ReadIssue> {
            guard let v = o[key], !(v is NSNull) else { return .success(nil) }
            if let s = v as? String { return .success(s) }
            if let n = v as? NSNumber, !(key == "text" || key == "maintext" || key == "title") { return .success(n.stringValue) }
            return .failure(ReadIssue(location: location, message: "field \"\(key)\" must be a string, found \(ArticleReader.jsonType(v))"))
        }
        do {
            let text = try (string("text").get() ?? string("maintext").get() ?? string("body").get())
            guard let text else {
                return .failure(ReadIssue(location: location, message: "missing field \"text\" (an article needs its text)"))
            }
            let title = try string("title").get() ?? string("headline").get() ?? ""
            let id = try string("id").get() ?? string("external_id").get()
            let published = try string("published").get() ?? string("date_publish").get() ?? string("date").get()
            let outlet = try string("outlet").get() ?? string("source_domain").get() ?? string("source").get()
            let url = try string("url").get()
            var description = try string("description").get()
            if let d = description, text.hasPrefix(d) { description = nil }
            let cleanText = TextNormalizer.clean(text)
            return .success(RawArticle(externalID: id, title: TextNormalizer.clean(title), text: cleanText,
                                       published: published, outlet: outlet, url: url, location: location))
        } catch let e as ReadIssue {
            return .failure(e)
        } catch {
            return .failure(ReadIssue(location: location, message: "\(error)"))
        }
    }

    // MARK: helpers

    func emit(_ a: RawArticle, _ body: (ReadItem) throws -> Void) rethrows {
        if a.text.utf8.count > maxArticleBytes {
            try body(.issue(ReadIssue(location: a.location, message: "article text of \(a.text.utf8.count) bytes exceeds the limit of \(maxArticleBytes) bytes; skipped")))
            return
        }
        if a.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            try body(.issue(ReadIssue(location: a.location, message: "empty article text; skipped")))
            return
        }
        if let p = a.published, !p.trimmingSpaces.isEmpty, CalendarDate.parseISO(p.trimmingSpaces) == nil {
            let shown = p.count > 40 ? String(p.prefix(40)) + "..." : p
            try body(.issue(ReadIssue(location: a.location, message: "publication date \"\(shown)\" is not a valid ISO date (YYYY-MM-DD); ignored, the date is taken from the text", severity: .warning)))
        }
        try body(.article(a))
    }

    func readAll(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Why the data looks like a binary file rather than text, or nil: a NUL byte in the first
    /// 64 KB, or (from 256 bytes on) more than 10% of its bytes control characters or invalid UTF-8.
    static func binaryReason(_ data: Data) -> String? {
        let sample = data.prefix(65536)
        if sample.contains(0) { return "NUL bytes" }
        // A short text with a few stray control characters is text with junk, not a binary file.
        if sample.count < 256 { return nil }
        var bad = 0
        sample.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C { bad += 1 }
                    i += 1; continue
                }
                let need = c & 0xE0 == 0xC0 ? 1 : c & 0xF0 == 0xE0 ? 2 : c & 0xF8 == 0xF0 ? 3 : 0
                var ok = need > 0 && c >= 0xC2 && c <= 0xF4
                if ok {
                    for k in 1...need where i + k < n && b[i + k] & 0xC0 != 0x80 { ok = false }
                }
                if ok { i += need + 1 } else { bad += 1; i += 1 }
            }
        }
        return bad * 10 > sample.count ? "mostly control characters or invalid UTF-8" : nil
    }

    /// Whether JSON bytes nest arrays and objects deeper than `limit`: a linear scan that
    /// skips strings, so that hostile input never reaches a recursive parser.
    public static func jsonNestingExceeds<D: DataProtocol>(_ data: D, limit: Int) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for region in data.regions {
            for c in region {
                if inString {
                    if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
                    continue
                }
                switch c {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    depth += 1
                    if depth > limit { return true }
                case 0x5D, 0x7D: depth = max(0, depth - 1)
                default: break
                }
            }
        }
        return false
    }

    static func jsonType(_ v: Any) -> String {
        switch v {
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "\(type(of: v))"
        }
    }

    static func jsonMessage(_ error: Error) -> String {
        let ns = error as NSError
        if let d = ns.userInfo["NSDebugDescription"] as? String { return d }
        return ns.localizedDescription
    }
}
