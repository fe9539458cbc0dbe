import Foundation
/// The sample articles of SampleData/, carried in the binary.
public enum SampleArticles {
    /// Every sample as a `RawArticle`, with the metadata of SampleData/articles.jsonl.
    public static func all() -> [RawArticle] {
        guard let jsonl = EmbeddedSamples.files.first(where: { $0.name == "articles.jsonl" }) else { return [] }
        var out: [RawArticle] = []
        let reader = ArticleReader()
        reader.splitLines(Data(jsonl.contents.utf8), name: "SampleData/articles.jsonl", firstLine: 1) { item in
            if case .article(let a) = item { out.append(a) }
        }
        return out
    }

    /// The text files of SampleData/ by name.
    public static var textFiles: [(name: String, contents: String)] {
        EmbeddedSamples.files.filter { $0.name.hasSuffix(".txt") }
    }
}
