/// An article as read from input, before any analysis.
public struct RawArticle: Sendable, Equatable {
    /// The input's id (JSON `id`); nil for plain text files, which are keyed by content hash.
    public var externalID: String?
    public var title: String
    public var text: String
    /// The input's publication date as given (ISO, or a timestamp whose date part is used).
    public var published: String?
    public var outlet: String?
    public var url: String?
    /// Where it was read: "file.jsonl:17", "article.txt", "<stdin>:3".
    public var location: String
    /// The content hash of the input as first read, when the article is re-derived from its stored
    /// text (reprocess): nil for input, whose hash is computed from the fields above.
    public var contentHash: String?

    public init(externalID: String? = nil, title: String, text: String, published: String? = nil,
                outlet: String? = nil, url: String? = nil, location: String, contentHash: String? = nil) {
        self.externalID = externalID; self.title = title; self.text = text; self.published = published
        self.outlet = outlet; self.url = url; self.location = location; self.contentHash = contentHash
    }
}
