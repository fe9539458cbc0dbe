import IRStore

/// Finds sanctions measures acted on. (Being written: see issue 5.)
public struct SanctionExtractor: Sendable {
    public init() {}

    public func extract(_ doc: Document, actors: ActorAnalysis, context: ArticleContext) -> [SanctionRow] {
        []
    }
}
