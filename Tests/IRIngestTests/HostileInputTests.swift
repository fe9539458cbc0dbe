import Foundation
import Testing
@testable import IRIngest
import IRStore

/// Input a scraper can produce: each case is read without a crash, the rest of the input is
/// kept, and what is refused or repaired is reported with its location.
@Suite struct HostileInputTests {
    static let sentence = "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Sochi on Tuesday. "

    func read(data: [UInt8], format: String?, reader: ArticleReader = ArticleReader()) -> (articles: [RawArticle], issues: [ReadIssue]) {
        var a: [RawArticle] = [], i: [ReadIssue] = []
        reader.read(data: Data(data), name: "in", format: format) { item in
            switch item {
            case .article(let x): a.append(x)
            case .issue(let x): i.append(x)
            }
        }
        return (a, i)
    }

    // MARK: encoding

    @Test func invalidUTF8IsDecodedWithReplacementAndAWarningNamingTheOffset() {
        var bytes = Array("Headline\n\nTalks in Geneva ".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0xC3, 0x28] + Array(" ended on Friday.".utf8)
        let (a, i) = read(data: bytes, format: "txt")
        #expect(a.count == 1)
        #expect(a.first?.text.contains("\u{FFFD}") == true)
        #expect(a.first?.text.hasSuffix("ended on Friday.") == true)
        #expect(i.count == 1)
        #expect(i.first?.severity == .warning)
        #expect(i.first?.message.contains("byte offset \(offset)") == true)
    }

    @Test func invalidUTF8InsideAJSONLineIsRepairedAndWarned() {
        let bytes = Array(#"{"id":"a","text":"Talks in "#.utf8) + [0xC0, 0xAF] + Array(#" Geneva."}"#.utf8) + [0x0A]
            + Array(#"{"id":"b","text":"Second article."}"#.utf8)
        let (a, i) = read(data: bytes, format: "jsonl")
        #expect(a.map { $0.externalID } == ["a", "b"])
        #expect(a.first?.text.contains("\u{FFFD}") == true)
        #expect(i.count == 1 && i.first?.severity == .warning && i.first?.location == "in:1")
    }

    @Test func byteOrderMarkIsDropped() {
        let (a, i) = read(data: [0xEF, 0xBB, 0xBF] + Array("Headline\n\nBody text here.".utf8), format: "txt")
        #expect(i.isEmpty)
        #expect(a.first?.title == "Headline")
        let (b, j) = read(data: [0xEF, 0xBB, 0xBF] + Array(#"{"id":"x","text":"Body."}"#.utf8), format: "jsonl")
        #expect(j.isEmpty)
        #expect(b.first?.externalID == "x")
        let (c, _) = read(data: [0xEF, 0xBB, 0xBF] + Array(#"[{"id":"y","text":"Body."}]"#.utf8), format: nil)
        #expect(c.first?.externalID == "y")
    }

    @Test func crlfAndCRLineEndsBecomeParagraphs() {
        for eol in ["\r\n", "\r"] {
            let text = "Headline\(eol)\(eol)First paragraph.\(eol)\(eol)Second paragraph.\(eol)"
            let (a, i) = read(data: Array(text.utf8), format: "txt")
            #expect(i.isEmpty)
            #expect(a.first?.title == "Headline")
            #expect(a.first?.text == "First paragraph.\n\nSecond paragraph.")
            #expect(!(a.first?.text.utf8.contains(0x0D) ?? true))
        }
    }

    @Test func controlCharactersBecomeSpaces() {
        let (a, i) = read(data: Array("Head\n\nObama\u{01}met\u{07}Putin\u{7F}today.\u{0B}".utf8), format: "txt")
        #expect(i.isEmpty)
        let text = a.first?.text ?? ""
        #expect(text == "Obama met Putin today.")
        let (b, _) = read(data: Array(#"{"id":"c","title":"T\u0000itle","text":"Iran\u0002and Iraq\r\nmet."}"#.utf8), format: "jsonl")
        #expect(b.first?.text == "Iran and Iraq\nmet.")
        #expect(b.first?.title == "T itle")
    }

    @Test func htmlEntitiesThatSpellControlCharactersAreCleaned() {
        let html = "<html><h1>Head&#0;line</h1><p>Iran&#1;and&#13;Iraq met &amp; talked.</p><p>&#xD800;&#99999999;&#</p></html>"
        let (a, i) = read(data: Array(html.utf8), format: "html")
        #expect(i.isEmpty)
        #expect(a.first?.title == "Head line")
        #expect(a.first?.text.hasPrefix("Iran and Iraq met & talked.") == true)
        #expect(!(a.first?.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } ?? true))
    }

    // MARK: binary and empty

    @Test func binaryFilesAreRefused() {
        let (a, i) = read(data: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00] + Array(repeating: 0x41, count: 100), format: "txt")
        #expect(a.isEmpty)
        #expect(i.first?.message.contains("binary") == true)
        // No NUL byte, but random high bytes and control characters.
        var g = SplitMix(seed: 7)
        let noise = (0..<20000).map { _ in UInt8(truncatingIfNeeded: g.next() | 1) }
        let (b, j) = read(data: noise, format: "txt")
        #expect(b.isEmpty)
        #expect(j.first?.severity == .error && j.first?.message.contains("binary") == true)
        let (c, k) = read(data: noise, format: "html")
        #expect(c.isEmpty && k.first?.message.contains("binary") == true)
    }

    @Test func textInOtherScriptsIsNotBinary() {
        let (a, i) = read(data: Array("Переговоры\n\nЛавров встретился с Керри в Сочи. 中国和日本举行会谈。".utf8), format: "txt")
        #expect(i.isEmpty)
        #expect(a.count == 1)
    }

    @Test func emptyFilesAndFieldsAreRefusedWithAReason() {
        for data in [[], Array("   \n\n \t\n".utf8), Array("Headline only\n\n".utf8)] as [[UInt8]] {
            let (a, i) = read(data: data, format: "txt")
            #expect(a.isEmpty)
            #expect(i.count == 1 && i.first?.message.contains("empty") == true)
        }
        let lines = """
            {"id":"e1","text":""}
            {"id":"e2","text":"   \\u00a0 "}
            {"id":"e3","title":"","text":"Kept."}
            {}
            """
        let (a, i) = read(data: Array(lines.utf8), format: "jsonl")
        #expect(a.map { $0.externalID } == ["e3"])
        #expect(i.map(\.location) == ["in:1", "in:2", "in:4"])
    }

    // MARK: JSON shapes

    @Test func jsonWithWrongTypesAndMissingFieldsIsRefusedPerLine() {
        let lines = """
            {"id":"ok1","text":"First."}
            {"id":"t1","text":42}
            {"id":"t2","text":["a","b"]}
            {"id":"t3","title":{"x":1},"text":"Title is an object."}
            {"id":"t4"}
            "just a string"
            null
            [{"id":"t5","text":"in an array"}]
            {"id":"ok2","text":"Last.","published":17}
            """
        let (a, i) = read(data: Array(lines.utf8), format: "jsonl")
        #expect(a.map { $0.externalID ?? "-" } == ["ok1", "ok2"])
        #expect(i.filter { $0.severity == .error }.map(\.location) == ["in:2", "in:3", "in:4", "in:5", "in:6", "in:7", "in:8"])
        #expect(i.first { $0.location == "in:2" }?.message.contains("must be a string") == true)
        #expect(i.first { $0.location == "in:5" }?.message.contains("missing field") == true)
    }

    @Test func deeplyNestedJSONIsRefusedBeforeParsing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (a, i) = read(data: Array(deep.utf8), format: "json")
        #expect(a.isEmpty)
        #expect(i.count == 1 && i.first?.message.contains("nested deeper than 512") == true)

        let objects = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let lines = #"{"id":"before","text":"Kept."}"# + "\n" + objects + "\n" + #"{"id":"after","text":"Kept too."}"#
        let (b, j) = read(data: Array(lines.utf8), format: "jsonl")
        #expect(b.map { $0.externalID } == ["before", "after"])
        #expect(j.map(\.location) == ["in:2"])
        // Sniffing (stdin, unknown extensions) must not parse it either.
        let (c, k) = read(data: Array(lines.utf8), format: nil)
        #expect(c.map { $0.externalID } == ["before", "after"])
        #expect(k.map(\.location) == ["in:2"])
    }

    @Test func nestingScanIgnoresBracketsInStrings() {
        let s = #"{"text":"[[[[[[[[[[ \" {{{{{{{ ]]","a":[[1]]}"#
        #expect(!ArticleReader.jsonNestingExceeds(Array(s.utf8), limit: 3))
        #expect(ArticleReader.jsonNestingExceeds(Array(s.utf8), limit: 2))
        #expect(!ArticleReader.jsonNestingExceeds(Array("]]]]}}}[".utf8), limit: 1))
    }

    @Test func invalidPublicationDatesAreWarnedAndIgnored() throws {
        let lines = """
            {"id":"d1","text":"Talks resumed.","published":"2015-02-30"}
            {"id":"d2","text":"Talks resumed.","published":"2015-13-01"}
            {"id":"d3","text":"Talks resumed.","published":"2016-02-29T10:00:00Z"}
            {"id":"d4","text":"Talks resumed.","published":"yesterday"}
            """
        let (a, i) = read(data: Array(lines.utf8), format: "jsonl")
        #expect(a.count == 4)
        #expect(i.map(\.location) == ["in:1", "in:2", "in:4"])
        #expect(i.allSatisfy { $0.severity == .warning && $0.message.contains("not a valid ISO date") })
        let analysis = Analyzer().analyze(a[0])
        #expect(analysis.article.publishedOn == nil)
        #expect(Analyzer().analyze(a[2]).article.publishedOn == "2016-02-29")
        // An impossible date in the text is no date either.
        let doc = ArticleParser.parse(RawArticle(title: "", text: "Rebels attacked on February 30, 2015 and on Feb. 29, 2015.", location: "x")).document
        for k in doc.tokens.indices {
            #expect(CalendarDate.parse(doc, at: k, end: doc.tokens.count, defaultYear: nil) == nil)
        }
    }

    // MARK: size

    @Test func aTenMegabyteLineIsReadAndALongerOneSkippedAlone() throws {
        let t = TempFolder()
        let body = String(repeating: HostileInputTests.sentence, count: 10_500_000 / HostileInputTests.sentence.utf8.count)
        let big = #"{"id":"big","text":""# + body + #""}"#
        let path = t.write("big.jsonl", #"{"id":"a","text":"First."}"# + "\n" + big + "\n" + #"{"id":"z","text":"Last."}"# + "\n")
        var reader = ArticleReader()
        var ids: [String] = []
        var issues: [ReadIssue] = []
        reader.read([path]) { item in
            if case .article(let a) = item { ids.append(a.externalID ?? "") }
            if case .issue(let i) = item { issues.append(i) }
        }
        #expect(ids == ["a", "big", "z"])
        #expect(issues.isEmpty)

        reader.maxLineBytes = 3 << 20
        ids = []; issues = []
        reader.read([path]) { item in
            if case .article(let a) = item { ids.append(a.externalID ?? "") }
            if case .issue(let i) = item { issues.append(i) }
        }
        #expect(ids == ["a", "z"])
        #expect(issues.map(\.location) == [path + ":2"])
        #expect(issues.first?.message.contains("longer than the limit") == true)
    }

    @Test func aFiftyMegabyteArticleIsReadAndOverTheLimitRefused() throws {
        let t = TempFolder()
        let unit = HostileInputTests.sentence
        let bytes = Array(("Headline\n\n" + String(repeating: unit, count: (50 << 20) / unit.utf8.count + 1)).utf8)
        let path = t.writeBytes("big.txt", bytes)
        let other = t.write("small.txt", "Small\n\nA small article.")
        var reader = ArticleReader()
        var sizes: [Int] = []
        var issues: [ReadIssue] = []
        reader.read([path, other]) { item in
            if case .article(let a) = item { sizes.append(a.text.utf8.count) }
            if case .issue(let i) = item { issues.append(i) }
        }
        #expect(issues.isEmpty)
        #expect(sizes.count == 2 && sizes[0] > 50_000_000)

        reader.maxArticleBytes = 10 << 20
        sizes = []; issues = []
        reader.read([path, other]) { item in
            if case .article(let a) = item { sizes.append(a.text.utf8.count) }
            if case .issue(let i) = item { issues.append(i) }
        }
        #expect(sizes == ["A small article.".utf8.count])
        #expect(issues.count == 1 && issues[0].location == path && issues[0].message.contains("exceeds the limit"))

        reader.maxFileBytes = 1 << 20
        issues = []
        reader.read([path]) { item in if case .issue(let i) = item { issues.append(i) } }
        #expect(issues.count == 1 && issues[0].message.contains("for one document"))
    }

    /// The text layer over 4 MB of prose: every byte lands in a sentence, in order.
    @Test func aLargeArticleIsSplitCompletely() {
        let text = String(repeating: HostileInputTests.sentence, count: 4_000_000 / HostileInputTests.sentence.utf8.count)
        let doc = Document(text: text)
        #expect(doc.sentences.count == 4_000_000 / HostileInputTests.sentence.utf8.count)
        #expect(doc.sentences.last?.byteRange.upperBound == text.utf8.count - 1)
    }

    // MARK: pathological text through the whole pipeline

    @Test func aSentenceOfAHundredThousandCharactersWithoutPunctuation() {
        var words = ""
        let vocabulary = ["Russia", "warned", "the", "United", "States", "about", "sanctions", "and", "Ukraine", "said", "Putin", "met", "Obama"]
        var k = 0
        while words.utf8.count < 100_000 { words += vocabulary[k % vocabulary.count] + " "; k += 1 }
        // Cut into sentences of at most SentenceSplitter.maxTokens tokens, covering every token in order.
        let doc = Document(text: words)
        #expect(doc.sentences.count >= doc.tokens.count / SentenceSplitter.maxTokens)
        #expect(doc.sentences.allSatisfy { $0.tokenRange.count <= SentenceSplitter.maxTokens })
        #expect(doc.sentences.first?.tokenRange.lowerBound == 0)
        #expect(doc.sentences.last?.tokenRange.upperBound == doc.tokens.count)
        for (a, b) in zip(doc.sentences, doc.sentences.dropFirst()) { #expect(a.tokenRange.upperBound == b.tokenRange.lowerBound) }
        let a = Analyzer().analyze(RawArticle(externalID: "long", title: "", text: words, location: "x"))
        #expect(a.sentences.count == doc.sentences.count)
    }

    @Test func anOverlongSentenceIsCutAtACommaNearTheLimit() {
        var words = (0..<300).map { "word\($0)" }
        words[200] += ","
        let doc = Document(text: words.joined(separator: " ") + ".")
        // word0 ... word200 and its comma: 201 words and 1 comma.
        #expect(doc.sentences.first?.tokenRange.count == 202)
        #expect(doc.sentences.count == 2)
        // Without a comma near the limit, the cut falls at the limit.
        let plain = Document(text: (0..<300).map { "word\($0)" }.joined(separator: " ") + ".")
        #expect(plain.sentences.first?.tokenRange.count == SentenceSplitter.maxTokens)
        // Ordinary long sentences are left whole.
        let long = Document(text: (0..<120).map { "word\($0)" }.joined(separator: " ") + ". Next one.")
        #expect(long.sentences.count == 2 && long.sentences[0].tokenRange.count == 121)
    }

    @Test func unbalancedAndThousandsOfQuotationMarks() {
        let analyzer = Analyzer()
        let cases = [
            String(repeating: "\"", count: 20_000),
            "Lavrov said \"We will respond. " + String(repeating: "The talks went on. ", count: 2000),
            String(repeating: "\u{201C}Never,\u{201D} Kerry said. ", count: 3000),
            String(repeating: "\u{201C}", count: 5000) + " Putin said " + String(repeating: "\u{201D}", count: 5000),
            String(repeating: "'a' \"b\" \u{00AB}c\u{00BB} ", count: 5000),
        ]
        for (n, text) in cases.enumerated() {
            let a = analyzer.analyze(RawArticle(externalID: "q\(n)", title: "", text: text, location: "x"))
            #expect(!a.sentences.isEmpty)
            for q in a.quotes { #expect(q.startChar <= q.endChar) }
        }
    }

    @Test func htmlMarkupAndJunkInsideAnArticleBody() {
        let junk = [
            "<p>Iran <b>and</b> Iraq</p> <script>alert(1)</script> met on Monday.",
            String(repeating: "<div>", count: 10_000) + "Syria" + String(repeating: "</div>", count: 10_000),
            String(repeating: "&amp;", count: 20_000),
            String(repeating: "U.S. ", count: 20_000),
            String(repeating: ". ", count: 30_000),
            String(repeating: "Mr. ", count: 20_000),
            String(repeating: "1,000,000.5 ", count: 10_000),
            String(repeating: "'s ", count: 20_000),
            String(repeating: "-", count: 50_000),
            String(repeating: "\u{FFFD}", count: 20_000),
            String(repeating: "\u{0301}", count: 20_000),
            String(repeating: "A", count: 100_000),
            String(repeating: "\n", count: 50_000) + "Russia.",
            "SOCHI, Russia (Reuters) -",
            "(",
            "\u{00A0}\u{00A0}x",
        ]
        let analyzer = Analyzer()
        for (n, text) in junk.enumerated() {
            let a = analyzer.analyze(RawArticle(externalID: "j\(n)", title: text, text: text, published: "2015-05-12", location: "x"))
            for s in a.sentences { #expect(s.startChar <= s.endChar) }
            #expect(a.article.externalID == "j\(n)")
        }
        let html = read(data: Array(("<html>" + junk.joined(separator: "<p>") + "</html>").utf8), format: "html")
        #expect(html.articles.count == 1)
    }

    // MARK: fuzz regressions

    /// Every input the fuzzer ever crashed on (and the seeds), read in each format and analysed.
    @Test func fuzzRegressionInputs() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files.count >= 5)
        let analyzer = Analyzer()
        var analysed = 0
        for f in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(f))
            for format in ["txt", "json", "jsonl", "html", nil] as [String?] {
                ArticleReader().read(data: data, name: f, format: format) { item in
                    if case .article(let a) = item { _ = analyzer.analyze(a); analysed += 1 }
                }
            }
            _ = analyzer.analyze(RawArticle(externalID: f, title: "", text: String(decoding: data, as: UTF8.self), location: f))
        }
        #expect(analysed > 0)
    }
}

/// A small deterministic generator for test noise.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
