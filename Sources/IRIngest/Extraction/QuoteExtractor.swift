import IRStore

/// Finds direct quotations and their speakers. (Being written: see issue 5.)
public struct QuoteExtractor: Sendable {
    public init() {}

    public func extract(_ doc: Document, actors: ActorAnalysis, context: ArticleContext) -> [QuoteRow] {
        []
    }
}
