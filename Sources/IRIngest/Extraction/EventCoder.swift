import IRStore

/// Codes CAMEO events from sentences. (Being written: see issue 4.)
public struct EventCoder: Sendable {
    public init() {}

    /// Events of the document; `places` receives the places events refer to (indices in `EventRow.place`).
    public func code(_ doc: Document, actors: ActorAnalysis, context: ArticleContext, places: inout [PlaceRow]) -> [EventRow] {
        []
    }
}
