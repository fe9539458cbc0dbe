import Foundation
import FuzzerEntry
import IRIngest

/// The analyzer is built once: its lexicons are immutable and shared by every input.
let analyzer = Analyzer()
let reader: ArticleReader = {
    var r = ArticleReader()
    // Small limits so the size checks themselves are exercised.
    r.maxArticleBytes = 1 << 16
    r.maxLineBytes = 1 << 17
    return r
}()

/// Loads the lexicons before the first input, outside libFuzzer's per-input timeout.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = analyzer.analyze(RawArticle(title: "", text: "Russia and China met in Geneva on Monday.", location: "init"))
    return 0
}

/// The first byte picks the format (text, JSON, JSON Lines, HTML, or guessed); the rest is the input.
/// Every article the reader yields goes through the whole extraction pipeline, and the raw bytes
/// go through it once more as a plain text body, unnormalized.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    let formats: [String?] = ["txt", "json", "jsonl", "html", nil]
    let format = bytes.isEmpty ? nil : formats[Int(bytes[bytes.startIndex]) % formats.count]
    let input = bytes.dropFirst()
    reader.read(data: Data(input), name: "fuzz", format: format) { item in
        if case .article(let a) = item { _ = analyzer.analyze(a) }
    }
    let text = String(decoding: input, as: UTF8.self)
    _ = analyzer.analyze(RawArticle(externalID: "f", title: "", text: text, published: "2015-05-12", location: "fuzz"))
    return 0
}
