/// Recognizes and resolves actors in a document. (Being written: see issue 3.)
public struct ActorRecognizer: Sendable {
    public init() {}

    public func analyze(_ doc: Document, context: ArticleContext) -> ActorAnalysis {
        ActorAnalysis()
    }
}
