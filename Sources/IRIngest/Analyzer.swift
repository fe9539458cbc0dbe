#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import IRStore

/// Runs the extraction stages over one article: a pure function of the article.
///
///     let analysis = Analyzer().analyze(raw)   // ArticleAnalysis, ready for Store.write
public struct Analyzer: Sendable {
    /// Bumped whenever extraction changes, so `irkb reprocess` and re-ingest re-derive rows.
    public static let version = 5

    public let actors: ActorRecognizer
    public let events: EventCoder
    public let quotes: QuoteExtractor
    public let sanctions: SanctionExtractor
    public let conflicts: ConflictExtractor

    public init() { self.init(lexicon: .shared) }

    /// An analyzer whose actor stage also knows the analyst's own actors:
    /// `Analyzer(userActors: try store.userActors())`.
    public init(userActors: [UserActor]) { self.init(lexicon: .with(userActors: userActors)) }

    public init(lexicon: Lexicon) {
        actors = ActorRecognizer(lexicon: lexicon)
        events = EventCoder()
        quotes = QuoteExtractor()
        sanctions = SanctionExtractor()
        conflicts = ConflictExtractor()
    }

    /// The content hash that decides whether a stored article changed.
    public static func contentHash(_ raw: RawArticle) -> String {
        if let kept = raw.contentHash { return kept }
        var h = SHA256()
        for field in [raw.title, raw.text, raw.published ?? "", raw.outlet ?? "", raw.url ?? ""] {
            h.update(field)
            h.update([0])
        }
        return SHA256.hexString(h.finalize())
    }

    /// The key an article is stored under: its id, else the hash of its content.
    public static func externalID(_ raw: RawArticle, contentHash: String) -> String {
        if let id = raw.externalID, !id.isEmpty { return id }
        return "sha256:" + contentHash
    }

    public func analyze(_ raw: RawArticle) -> ArticleAnalysis {
        analyze(raw, timings: nil)
    }

    /// Analyses one article; `timings`, when given, accumulates seconds per stage.
    public func analyze(_ raw: RawArticle, timings: UnsafeMutablePointer<StageTimings>?) -> ArticleAnalysis {
        var clock = StageClock(timings)
        let hash = Analyzer.contentHash(raw)
        let parsed = ArticleParser.parse(raw, places: { Gazetteer.shared.place(named: $0) })
        let doc = parsed.document
        let ctx = parsed.context
        clock.lap(\.text)

        var a = ArticleAnalysis(article: ArticleFields(
            externalID: Analyzer.externalID(raw, contentHash: hash), url: raw.url, outlet: ctx.outlet,
            headline: raw.title, datelinePlace: parsed.datelineText, publishedOn: ctx.publishedOn,
            publishedSource: parsed.publishedSource, body: raw.text, contentHash: hash, source: raw.location))
        a.sentences.reserveCapacity(doc.sentences.count)
        for s in doc.sentences {
            a.sentences.append(SentenceRow(paragraph: s.paragraph, startChar: doc.scalarOffset(s.byteRange.lowerBound),
                                           endChar: doc.scalarOffset(s.byteRange.upperBound), text: doc.text(s.byteRange),
                                           isCaption: s.isCaption))
        }

        var actorAnalysis = actors.analyze(doc, context: ctx)
        a.actors = actorAnalysis.actors
        a.roles = actorAnalysis.roles
        for m in actorAnalysis.mentions where !m.tokenRange.isEmpty {
            let r = doc.tokens[m.tokenRange.lowerBound].start..<doc.tokens[m.tokenRange.upperBound - 1].end
            a.mentions.append(MentionRow(actor: m.actor, sentence: m.sentence, startChar: doc.scalarOffset(r.lowerBound),
                                         endChar: doc.scalarOffset(r.upperBound), text: doc.text(r), rule: m.rule))
        }
        clock.lap(\.actors)

        var places: [PlaceRow] = []
        a.events = events.code(doc, actors: &actorAnalysis, context: ctx, places: &places)
        a.places = places
        // The states of places that events target ("fired at Kharkiv") join the actors, unmentioned.
        if actorAnalysis.actors.count > a.actors.count { a.actors = actorAnalysis.actors }
        clock.lap(\.events)

        a.quotes = quotes.extract(doc, actors: actorAnalysis, context: ctx)
        a.sanctions = sanctions.extract(doc, actors: actorAnalysis, context: ctx)
        let c = conflicts.extract(doc, actors: actorAnalysis, context: ctx)
        a.conflicts = c.conflicts
        a.conflictReports = c.reports
        a.pairActors()
        clock.lap(\.other)
        return a
    }
}

/// Seconds spent per stage, summed over articles (for benchmarks and `--timings`).
public struct StageTimings: Sendable, Equatable {
    public var text: Double = 0
    public var actors: Double = 0
    public var events: Double = 0
    public var other: Double = 0
    public var store: Double = 0
    public init() {}

    public static func += (a: inout StageTimings, b: StageTimings) {
        a.text += b.text; a.actors += b.actors; a.events += b.events; a.other += b.other; a.store += b.store
    }
}

struct StageClock {
    let target: UnsafeMutablePointer<StageTimings>?
    var last: Double

    init(_ target: UnsafeMutablePointer<StageTimings>?) {
        self.target = target
        last = target == nil ? 0 : StageClock.threadCPUSeconds()
    }

    /// CPU time of the calling thread: the stages run on worker threads that share the cores
    /// with the writer and other processes, so wall time would count their waiting too.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    mutating func lap(_ key: WritableKeyPath<StageTimings, Double>) {
        guard let target else { return }
        let now = StageClock.threadCPUSeconds()
        target.pointee[keyPath: key] += now - last
        last = now
    }
}
