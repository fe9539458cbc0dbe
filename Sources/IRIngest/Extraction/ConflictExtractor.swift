import IRStore

/// Finds armed conflicts and their casualty reports. (Being written: see issue 5.)
public struct ConflictExtractor: Sendable {
    public init() {}

    /// Conflicts (with parties as indices into `actors.actors`) and their reports.
    public func extract(_ doc: Document, actors: ActorAnalysis, context: ArticleContext) -> (conflicts: [ConflictRow], reports: [ConflictReportRow]) {
        ([], [])
    }
}
