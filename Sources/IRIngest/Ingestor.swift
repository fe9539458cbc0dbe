import Dispatch
import Foundation
import IRStore

/// Counts and timings of one ingest run.
public struct IngestSummary: Sendable, Equatable {
    public var read = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Articles that could not be read or written (each has an issue).
    public var failed = 0
    /// Warnings: input repaired on the way in (invalid UTF-8 decoded with replacements, ...).
    public var warnings = 0
    /// Rows written per table (derived rows of inserted and updated articles).
    public var rows: [String: Int] = [:]
    public var seconds: Double = 0
    public var bytes = 0
    public var timings = StageTimings()
    /// Issues in input order (at most `IngestOptions.maxIssues` kept; `failed`/`warnings` count them all).
    public var issues: [ReadIssue] = []

    public init() {}

    public var totalRows: Int { rows.values.reduce(0, +) }
}

public struct IngestOptions: Sendable {
    /// Articles analysed together and written in one transaction.
    public var batchSize = 256
    /// Threads for analysis (default: active processors).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Keep at most this many issues in the summary.
    public var maxIssues = 1000
    /// Re-derive rows even for unchanged articles.
    public var force = false
    public init() {}
}

/// Progress reported between batches.
public struct IngestProgress: Sendable {
    public var articles: Int
    public var bytes: Int
    public var seconds: Double
}

/// Reads inputs, analyses articles in parallel and writes them through one writer,
/// one batch per transaction and one savepoint per article: an article that fails costs
/// no other, and the database never holds half an article.
public final class Ingestor: @unchecked Sendable {
    public let store: Store
    public let analyzer: Analyzer
    public let reader: ArticleReader
    public var options: IngestOptions

    public init(store: Store, analyzer: Analyzer = Analyzer(), reader: ArticleReader = ArticleReader(), options: IngestOptions = IngestOptions()) {
        self.store = store
        self.analyzer = analyzer
        self.reader = reader
        self.options = options
    }

    /// Ingests files, directories or "-" (stdin).
    public func ingest(paths: [String], progress: ((IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        var run = Run(ingestor: self, progress: progress)
        try reader.read(paths) { item in
            switch item {
            case .article(let a): try run.add(a)
            case .issue(let i): run.note(i)
            }
        }
        try run.finish()
        return run.summary
    }

    /// Ingests articles already in memory.
    public func ingest(articles: [RawArticle]) throws -> IngestSummary {
        var run = Run(ingestor: self, progress: nil)
        for a in articles { try run.add(a) }
        try run.finish()
        return run.summary
    }

    /// Re-derives every stored article with the current analyzer, without re-reading files.
    public func reprocess(progress: ((IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        var run = Run(ingestor: self, progress: progress)
        run.force = true
        var lastID: Int64 = 0
        while true {
            let rows = try store.storedArticles(after: lastID, limit: options.batchSize)
            if rows.isEmpty { break }
            lastID = rows.last!.id
            for r in rows { try run.add(r.raw) }
        }
        try run.finish()
        return run.summary
    }

    struct Run {
        let ingestor: Ingestor
        let progress: ((IngestProgress) -> Void)?
        var summary = IngestSummary()
        var pending: [RawArticle] = []
        var seen = Set<String>()
        var force = false
        let start = ContinuousClock.now

        init(ingestor: Ingestor, progress: ((IngestProgress) -> Void)?) {
            self.ingestor = ingestor
            self.progress = progress
            self.force = ingestor.options.force
        }

        mutating func note(_ issue: ReadIssue) {
            if issue.severity == .error { summary.failed += 1 } else { summary.warnings += 1 }
            if summary.issues.count < ingestor.options.maxIssues { summary.issues.append(issue) }
        }

        mutating func add(_ a: RawArticle) throws {
            summary.read += 1
            summary.bytes += a.text.utf8.count
            pending.append(a)
            if pending.count >= ingestor.options.batchSize { try flush() }
        }

        mutating func finish() throws {
            try flush()
            summary.seconds = elapsed()
        }

        func elapsed() -> Double {
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }

        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            let version = Analyzer.version
            // Skip analysis of articles stored already with the same content and analyzer.
            var skip = [Bool](repeating: false, count: batch.count)
            var hashes = [String](repeating: "", count: batch.count)
            var keys = [String](repeating: "", count: batch.count)
            for (i, a) in batch.enumerated() {
                hashes[i] = Analyzer.contentHash(a)
                keys[i] = Analyzer.externalID(a, contentHash: hashes[i])
            }
            if !force {
                let stored = try ingestor.store.storedHashes(externalIDs: keys)
                for i in batch.indices {
                    if let s = stored[keys[i]], s.hash == hashes[i], s.version == version { skip[i] = true }
                }
            }
            // Duplicate ids inside one input: the later one wins, reported as a warning.
            for i in batch.indices where !skip[i] {
                if !seen.insert(keys[i]).inserted && batch[i].externalID != nil {
                    note(ReadIssue(location: batch[i].location, message: "duplicate id \"\(keys[i])\" in this input: the later article replaces the earlier one", severity: .warning))
                }
            }
            let slots = Slots<ArticleAnalysis>(count: batch.count)
            let timeSlots = Slots<StageTimings>(count: batch.count)
            let analyzer = ingestor.analyzer
            let n = batch.count
            let jobs = max(1, min(ingestor.options.jobs, n))
            let skipped = skip
            DispatchQueue.concurrentPerform(iterations: jobs) { worker in
                var i = worker
                while i < n {
                    if !skipped[i] {
                        var t = StageTimings()
                        let a = withUnsafeMutablePointer(to: &t) { analyzer.analyze(batch[i], timings: $0) }
                        slots.set(i, a)
                        timeSlots.set(i, t)
                    }
                    i += jobs
                }
            }
            let results = slots.values
            let timings = timeSlots.values.compactMap { $0 }
            for t in timings { summary.timings += t }
            let toWrite = results.compactMap { $0 }
            summary.unchanged += skip.filter { $0 }.count
            let writeStart = ContinuousClock.now
            let outcomes = try ingestor.store.writeBatch(toWrite, analyzerVersion: version, force: force)
            let w = ContinuousClock.now - writeStart
            summary.timings.store += Double(w.components.seconds) + Double(w.components.attoseconds) * 1e-18
            for (a, outcome) in zip(toWrite, outcomes) {
                switch outcome {
                case .success(.inserted): summary.inserted += 1; count(a)
                case .success(.updated): summary.updated += 1; count(a)
                case .success(.unchanged): summary.unchanged += 1
                case .failure(let e):
                    note(ReadIssue(location: a.article.source ?? a.article.externalID, message: "not stored: \(e)"))
                }
            }
            progress?(IngestProgress(articles: summary.read, bytes: summary.bytes, seconds: elapsed()))
        }

        mutating func count(_ a: ArticleAnalysis) {
            summary.rows["articles", default: 0] += 1
            summary.rows["sentences", default: 0] += a.sentences.count
            summary.rows["mentions", default: 0] += a.mentions.count
            summary.rows["events", default: 0] += a.events.count
            summary.rows["quotes", default: 0] += a.quotes.count
            summary.rows["sanctions", default: 0] += a.sanctions.count
            summary.rows["conflict_reports", default: 0] += a.conflictReports.count
        }
    }
}

extension StoredArticle {
    /// The article as it was read, for re-analysis.
    var raw: RawArticle {
        RawArticle(externalID: externalID.hasPrefix("sha256:") ? nil : externalID, title: headline, text: body,
                   published: publishedSource == "input" ? publishedOn : nil, outlet: outlet, url: url,
                   location: source ?? externalID)
    }
}

/// Fixed slots that parallel workers fill, each index written by one worker only.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = [T?](repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) {
        lock.lock(); storage[i] = v; lock.unlock()
    }
    var values: [T?] { lock.lock(); defer { lock.unlock() }; return storage }
}
