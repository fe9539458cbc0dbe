import Foundation
import Testing
@testable import IRIngest

final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("irkb-ingest-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = url.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: p.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: p, atomically: true, encoding: .utf8)
        return p.path
    }
    func writeBytes(_ name: String, _ bytes: [UInt8]) -> String {
        let p = url.appendingPathComponent(name)
        FileManager.default.createFile(atPath: p.path, contents: Data(bytes))
        return p.path
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

func readAll(_ paths: [String]) -> (articles: [RawArticle], issues: [ReadIssue]) {
    var a: [RawArticle] = [], i: [ReadIssue] = []
    ArticleReader().read(paths) { item in
        switch item {
        case .article(let x): a.append(x)
        case .issue(let x): i.append(x)
        }
    }
    return (a, i)
}

@Suite struct ReaderTests {
    @Test func textFileHeadlineAndBody() {
        let t = TempFolder()
        let p = t.write("a.txt", "Leaders meet in Geneva\n\nGENEVA (Reuters) - Two leaders met.\n\nThey agreed.\n")
        let (a, i) = readAll([p])
        #expect(i.isEmpty)
        #expect(a.first?.title == "Leaders meet in Geneva")
        #expect(a.first?.text == "GENEVA (Reuters) - Two leaders met.\n\nThey agreed.")
        #expect(a.first?.externalID == nil)
    }

    @Test func jsonLinesWithMalformedLine() {
        let t = TempFolder()
        let p = t.write("in.jsonl", """
            {"id": "x1", "title": "One", "text": "Body one.", "published": "2015-05-12", "outlet": "Reuters", "url": "https://example.com/1"}
            {"id": "x2", "title": "Two", "text": "Body two.
            {"id": 3, "title": "Three", "text": "Body three."}

            {"id": "x4", "title": "Four"}
            {"id": "x5", "text": 42}
            """)
        let (a, i) = readAll([p])
        #expect(a.map { $0.externalID ?? "" } == ["x1", "3"])
        #expect(a.first?.published == "2015-05-12")
        #expect(a.first?.location == p + ":1")
        #expect(i.map(\.location) == [p + ":2", p + ":5", p + ":6"])
        #expect(i[0].message.hasPrefix("invalid JSON"))
        #expect(i[1].message.contains("missing field \"text\""))
        #expect(i[2].message.contains("must be a string"))
    }

    @Test func newsPleaseJSONAndArrays() {
        let t = TempFolder()
        let p = t.write("np.json", """
            {"title": "Summit ends", "maintext": "The summit ended.", "date_publish": "2019-11-19 10:00:00", "source_domain": "example.com", "url": "https://example.com/a"}
            """)
        let q = t.write("arr.json", """
            [{"id": "a", "text": "First."}, {"id": "b", "text": "Second."}, "oops"]
            """)
        let (a, i) = readAll([p, q])
        #expect(a.map(\.text) == ["The summit ended.", "First.", "Second."])
        #expect(a[0].published == "2019-11-19 10:00:00")
        #expect(a[0].outlet == "example.com")
        #expect(i.count == 1 && i[0].location == q + "[2]")
    }

    @Test func htmlParagraphs() {
        let t = TempFolder()
        let p = t.write("page.html", """
            <html><head><title>Site | Talks</title><script>var x = "<p>no</p>";</script></head>
            <body><h1>Talks resume</h1><p>Diplomats met &amp; talked.</p><div>menu</div><p>They said &ldquo;yes&rdquo;.</p></body></html>
            """)
        let (a, _) = readAll([p])
        #expect(a.first?.title == "Talks resume")
        #expect(a.first?.text == "Diplomats met & talked.\n\nThey said “yes”.")
    }

    @Test func directoriesRecursivelyAndMissingPaths() {
        let t = TempFolder()
        t.write("d/b.txt", "B\n\nSecond body.")
        t.write("d/sub/a.txt", "A\n\nFirst body.")
        t.write("d/.hidden.txt", "H\n\nHidden.")
        t.write("d/notes.md", "ignored")
        let (a, i) = readAll([t.url.appendingPathComponent("d").path, "/no/such/file.txt"])
        #expect(a.map(\.title) == ["B", "A"])
        #expect(i.count == 1 && i[0].message.contains("no such file"))
    }

    @Test func invalidUTF8IsRepairedWithAWarning() {
        let t = TempFolder()
        let p = t.writeBytes("bad.txt", Array("Title\n\nCaf".utf8) + [0xE9] + Array(" talks.".utf8))
        let (a, i) = readAll([p])
        #expect(a.first?.text == "Caf\u{FFFD} talks.")
        #expect(i.first?.severity == .warning)
        #expect(i.first?.message.contains("byte offset 10") == true)
    }

    @Test func bomCRLFEmptyAndBinary() {
        let t = TempFolder()
        let p = t.writeBytes("crlf.txt", [0xEF, 0xBB, 0xBF] + Array("Head\r\n\r\nLine one.\r\nLine two.\rEnd.".utf8))
        let e = t.write("empty.txt", "   \n\n")
        let b = t.writeBytes("bin.txt", [0x00, 0x01, 0x02, 0x41])
        let (a, i) = readAll([p, e, b])
        #expect(a.count == 1)
        #expect(a.first?.title == "Head")
        #expect(a.first?.text == "Line one.\nLine two.\nEnd.")
        #expect(i.count == 2)
    }
}

@Suite struct ArticleParserTests {
    @Test func datelineWithPlaceAndOutlet() {
        let raw = RawArticle(title: "T", text: "SOCHI, Russia (Reuters) - U.S. Secretary of State John Kerry met Putin on Tuesday.", location: "x")
        let p = ArticleParser.parse(raw)
        #expect(p.datelineText == "SOCHI, Russia")
        #expect(p.context.outlet == "Reuters")
        #expect(p.context.datelinePlace?.name == "Sochi")
        #expect(p.publishedSource == .none)
        let r = p.context.datelineRange!
        #expect(p.document.text(r) == "SOCHI, Russia (Reuters) -")
    }

    @Test func datelineDateDatesTheArticle() {
        let raw = RawArticle(title: "T", text: "GENEVA, March 17, 2015 (AFP) — Talks resumed.", location: "x")
        let p = ArticleParser.parse(raw)
        #expect(p.context.publishedOn == "2015-03-17")
        #expect(p.publishedSource == .dateline)
        #expect(p.context.outlet == "AFP")
    }

    @Test func captionIsKeptOutAndDatesTheArticle() {
        let raw = RawArticle(title: "T", text: "A leader speaks in Sochi, Russia May 12, 2015. Jane Doe/Reuters\n\nSOCHI, Russia (Reuters) - Talks began.", location: "x")
        let p = ArticleParser.parse(raw)
        #expect(p.document.sentences.filter(\.isCaption).count >= 1)
        #expect(!p.document.sentences.last!.isCaption)
        #expect(p.context.publishedOn == "2015-05-12")
        #expect(p.publishedSource == .caption)
    }

    @Test func inputDateWins() {
        let raw = RawArticle(title: "T", text: "GENEVA, March 17, 2015 (AFP) — Talks.", published: "2015-03-18T08:00:00Z", location: "x")
        #expect(ArticleParser.parse(raw).context.publishedOn == "2015-03-18")
        #expect(ArticleParser.parse(raw).publishedSource == .input)
    }

    @Test func ordinarySentenceIsNoDateline() {
        let raw = RawArticle(title: "T", text: "NATO allies met in Brussels - and agreed.", location: "x")
        #expect(ArticleParser.parse(raw).datelineText == nil)
        #expect(ArticleParser.parse(raw).context.datelineRange == nil)
        let multi = RawArticle(title: "T", text: "UNITED NATIONS/MOSCOW (Reuters) - Russia vetoed.", location: "x")
        #expect(ArticleParser.parse(multi).datelineText == "UNITED NATIONS/MOSCOW")
    }
}
