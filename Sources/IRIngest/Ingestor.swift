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
    /// CPU seconds the writer thread spent writing (less sensitive to other load than `timings.store`).
    public var storeCPUSeconds: Double = 0
    public var bytes = 0
    public var timings = StageTimings()
    /// Seconds spent finishing a bulk load (indexes built, summaries recounted): part of `seconds`.
    public var bulkFinishSeconds: Double = 0
    /// Issues in input order (at most `IngestOptions.maxIssues` kept; `failed`/`warnings` count them all).
    public var issues: [ReadIssue] = []

    public init() {}

    public var totalRows: Int { rows.values.reduce(0, +) }
}

public struct IngestOptions: Sendable {
    /// Articles analysed together and written in one transaction. Larger batches share more of
    /// a transaction's fixed work (the summaries' upserts, the full-text segment, the pages
    /// written at commit) among their articles; 1,024 wrote 10,000 generated articles with a
    /// fifth less writer CPU than 256, for some 45 MB more memory (up to three batches are
    /// held: one written, one waiting, one analysed).
    public var batchSize = 1024
    /// Threads for analysis (default: active processors).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Keep at most this many issues in the summary.
    public var maxIssues = 1000
    /// Re-derive rows even for unchanged articles.
    public var force = false
    /// Load in bulk (`Store.beginBulkLoad`): the indexes keyed by actor, pair or date and the
    /// summaries are built once, at the end, instead of batch by batch. For loading an archive
    /// into an empty or small database; readers are refused until the load ends. A bulk load left
    /// unfinished in the database is taken over and finished whatever this says.
    public var bulk = false
    public init() {}
}

/// Progress reported between batches, and while a bulk load is finished.
public struct IngestProgress: Sendable {
    public var articles: Int
    public var bytes: Int
    public var seconds: Double
    /// The step of a bulk load's finish under way; nil while articles are read and written.
    public var finishing: Store.BulkFinishStep?

    public init(articles: Int, bytes: Int, seconds: Double, finishing: Store.BulkFinishStep? = nil) {
        self.articles = articles
        self.bytes = bytes
        self.seconds = seconds
        self.finishing = finishing
    }
}

/// Reads inputs, analyses articles in parallel and writes them through one writer,
/// one batch per transaction and one savepoint per article: an article that fails costs
/// no other, and the database never holds half an article.
///
/// The pipeline: the calling thread reads a batch (JSON Lines are only split into lines
/// here), the workers parse, hash and analyse it in parallel, and a writer thread writes
/// it while the workers go on with the next batch. At most two batches wait for the
/// writer, so memory does not grow with the input.
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
        try bulkAware {
            let bulk = try beginBulkLoadIfAsked()
            var run = Run(ingestor: self, progress: progress)
            defer { run.writer.drain() }
            let (files, issues) = reader.expand(paths)
            for i in issues { run.note(i) }
            for f in files {
                let ext = f == "-" ? "" : (f as NSString).pathExtension.lowercased()
                if ext == "jsonl" || ext == "ndjson" {
                    try readJSONLines(path: f, into: &run)
                } else {
                    try reader.read(file: f) { item in
                        switch item {
                        case .article(let a): try run.add(a)
                        case .issue(let i): run.note(i)
                        }
                    }
                }
            }
            try run.finish()
            if bulk { try finishBulkLoad(&run) }
            return run.summary
        }
    }

    /// Ingests articles already in memory.
    public func ingest(articles: [RawArticle]) throws -> IngestSummary {
        try bulkAware {
            let bulk = try beginBulkLoadIfAsked()
            var run = Run(ingestor: self, progress: nil)
            defer { run.writer.drain() }
            for a in articles { try run.add(a) }
            try run.finish()
            if bulk { try finishBulkLoad(&run) }
            return run.summary
        }
    }

    /// Begins a bulk load when the options ask for one, or takes over one left unfinished in the
    /// database. Returns whether this run loads in bulk.
    func beginBulkLoadIfAsked() throws -> Bool {
        let pending = store.mode == .readWrite ? try store.bulkLoad() : nil
        if options.bulk || store.isBulkLoading || pending != nil {
            try store.beginBulkLoad()
            return true
        }
        return false
    }

    /// Runs an ingest; if it fails mid bulk load, the load's lock is let go (its state stays in the
    /// database, for the next ingest or `irkb init` to finish).
    func bulkAware(_ body: () throws -> IngestSummary) throws -> IngestSummary {
        do { return try body() } catch {
            store.suspendBulkLoad()
            throw error
        }
    }

    /// Builds what the bulk load left out, once its articles are written.
    func finishBulkLoad(_ run: inout Run) throws {
        let start = ContinuousClock.now
        let progress = run.progress
        let articles = run.summary.read, bytes = run.summary.bytes, elapsed = run.elapsed()
        try store.finishBulkLoad { step in
            let d = ContinuousClock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            progress?(IngestProgress(articles: articles, bytes: bytes, seconds: elapsed + seconds, finishing: step))
        }
        run.summary.seconds = run.elapsed()
        run.summary.bulkFinishSeconds = run.summary.seconds - elapsed
    }

    /// Re-derives every stored article with the current analyzer, without re-reading files.
    public func reprocess(progress: ((IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        try bulkAware {
            let bulk = try beginBulkLoadIfAsked()
            var run = Run(ingestor: self, progress: progress)
            defer { run.writer.drain() }
            run.force = true
            var lastID: Int64 = 0
            while true {
                let rows = try store.storedArticles(after: lastID, limit: options.batchSize)
                if rows.isEmpty { break }
                lastID = rows.last!.id
                for r in rows { try run.add(r.raw) }
            }
            try run.finish()
            if bulk { try finishBulkLoad(&run) }
            return run.summary
        }
    }

    /// JSON Lines, split here and parsed by the workers (`ArticleReader.splitLines` does the
    /// same on one thread: same locations, BOM and blank-line handling).
    func readJSONLines(path: String, into run: inout Run) throws {
        let name = path == "-" ? "<stdin>" : path
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            run.note(ReadIssue(location: name, message: "cannot open for reading"))
            return
        }
        defer { if path != "-" { try? handle.close() } }
        var pending = Data()
        var line = 1
        var lineStarts: [(Range<Int>, Int)] = []
        while true {
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            let atEnd = chunk.isEmpty
            pending.append(chunk)
            // Complete lines of the buffer (all of it at the end of the input), found with memchr.
            lineStarts.removeAll(keepingCapacity: true)
            var consumed = 0
            pending.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress else { return }
                let n = raw.count
                var start = 0
                while start < n {
                    let nl = memchr(base + start, 0x0A, n - start)
                    let end: Int
                    if let nl { end = base.distance(to: UnsafeRawPointer(nl)) } else if atEnd { end = n } else { break }
                    var s = start
                    if line == 1, end - s >= 3, raw[s] == 0xEF, raw[s + 1] == 0xBB, raw[s + 2] == 0xBF { s += 3 }
                    var blank = true
                    var k = s
                    while k < end { let b = raw[k]; if b != 0x20 && b != 0x09 && b != 0x0D { blank = false; break }; k += 1 }
                    if !blank { lineStarts.append((s..<end, line)) }
                    line += 1
                    start = end + 1
                    consumed = min(start, n)
                }
            }
            let base = pending.startIndex
            for (r, number) in lineStarts {
                try run.add(line: pending.subdata(in: (base + r.lowerBound)..<(base + r.upperBound)), location: "\(name):\(number)")
            }
            if atEnd { break }
            if consumed > 0 { pending = pending.subdata(in: (base + consumed)..<pending.endIndex) }
        }
    }

    /// One input item waiting for a batch: an article read already, or a JSON line to parse.
    enum Pending {
        case article(RawArticle)
        case line(Data, location: String)
    }

    /// What the workers make of one pending item.
    struct Parsed {
        var issues: [ReadIssue] = []
        var article: RawArticle?
        var hash = ""
        var key = ""
    }

    struct Run {
        let ingestor: Ingestor
        let progress: ((IngestProgress) -> Void)?
        let writer: BatchWriter
        /// The run's parse and analysis threads (they yield to the writer).
        let workers: Workers
        var summary = IngestSummary()
        var pending: [Pending] = []
        /// Hashes of the keys written in this run, for the duplicate-id warning (8 bytes per
        /// article rather than the key itself: a 64-bit collision only costs a spurious warning).
        var seen = Set<Int>()
        var force = false
        /// Issues with the ordinal of the input item they belong to, merged with the writer's at the end.
        var issues: [(ordinal: Int, issue: ReadIssue)] = []
        var ordinal = 0
        let start = ContinuousClock.now

        init(ingestor: Ingestor, progress: ((IngestProgress) -> Void)?) {
            self.ingestor = ingestor
            self.progress = progress
            self.force = ingestor.options.force
            self.writer = BatchWriter(store: ingestor.store, maxIssues: ingestor.options.maxIssues)
            self.workers = Workers(count: ingestor.options.jobs)
        }

        mutating func note(_ issue: ReadIssue) {
            if issue.severity == .error { summary.failed += 1 } else { summary.warnings += 1 }
            if issues.count < ingestor.options.maxIssues { issues.append((ordinal, issue)) }
        }

        /// Batches flushed so far.
        var flushes = 0

        /// The size of the batch being gathered: the first ones are smaller (64, 64, 128, 128,
        /// ... up to the batch size), so the writer starts on the first articles while the rest
        /// are read and analysed, instead of waiting for a whole batch. Sizes grow by a factor
        /// of √2 a batch, so that analysing the next batch takes less time than writing this one
        /// and the writer does not wait for it (with doubling, it waited half a second out of
        /// ten on 10,000 articles).
        var batchLimit: Int { min(ingestor.options.batchSize, 64 << min(flushes / 2, 16)) }

        mutating func add(_ a: RawArticle) throws {
            pending.append(.article(a))
            if pending.count >= batchLimit { try flush() }
        }

        mutating func add(line: Data, location: String) throws {
            pending.append(.line(line, location: location))
            if pending.count >= batchLimit { try flush() }
        }

        mutating func finish() throws {
            try flush()
            writer.drain()
            try writer.check()
            let w = writer.ledger
            summary.inserted += w.inserted
            summary.updated += w.updated
            summary.unchanged += w.unchanged
            summary.failed += w.failed
            summary.timings.store += w.seconds
            summary.storeCPUSeconds += w.cpuSeconds
            for (k, v) in w.rows { summary.rows[k, default: 0] += v }
            // Input order: the writer's issues slot in by the ordinal of their article.
            var all = issues + w.issues
            all = all.enumerated().sorted { ($0.element.ordinal, $0.offset) < ($1.element.ordinal, $1.offset) }.map(\.element)
            summary.issues = all.prefix(ingestor.options.maxIssues).map(\.issue)
            summary.seconds = elapsed()
        }

        func elapsed() -> Double {
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }

        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            try writer.check()
            flushes += 1
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            let version = Analyzer.version
            let reader = ingestor.reader

            // Parse and hash in parallel.
            let parsed = workers.map(batch) { item -> Parsed in
                var p = Parsed()
                switch item {
                case .article(let a): p.article = a
                case .line(let data, let location):
                    reader.parseJSONLine(data, location: location) { read in
                        switch read {
                        case .article(let a): p.article = a
                        case .issue(let i): p.issues.append(i)
                        }
                    }
                }
                if let a = p.article {
                    p.hash = Analyzer.contentHash(a)
                    p.key = Analyzer.externalID(a, contentHash: p.hash)
                }
                return p
            }
            var articles: [RawArticle] = []
            var hashes: [String] = []
            var keys: [String] = []
            var ordinals: [Int] = []
            articles.reserveCapacity(parsed.count)
            for p in parsed {
                ordinal += 1
                for i in p.issues { note(i) }
                guard let a = p.article else { continue }
                summary.read += 1
                summary.bytes += a.text.utf8.count
                articles.append(a); hashes.append(p.hash); keys.append(p.key); ordinals.append(ordinal)
            }

            // Skip analysis of articles stored already with the same content and analyzer.
            var skip = [Bool](repeating: false, count: articles.count)
            if !force && !articles.isEmpty {
                let stored = try ingestor.store.storedHashes(externalIDs: keys)
                for i in articles.indices {
                    if let s = stored[keys[i]], s.hash == hashes[i], s.version == version { skip[i] = true }
                }
            }
            // Duplicate ids inside one input: the later one wins, reported as a warning.
            for i in articles.indices where !skip[i] {
                if !seen.insert(keys[i].hashValue).inserted && articles[i].externalID != nil {
                    let saved = ordinal
                    ordinal = ordinals[i]
                    note(ReadIssue(location: articles[i].location, message: "duplicate id \"\(keys[i])\" in this input: the later article replaces the earlier one", severity: .warning))
                    ordinal = saved
                }
            }
            summary.unchanged += skip.filter { $0 }.count

            let analyzer = ingestor.analyzer
            let todo = articles.indices.filter { !skip[$0] }
            let results = workers.map(todo) { i -> (ArticleAnalysis, StageTimings) in
                var t = StageTimings()
                let a = withUnsafeMutablePointer(to: &t) { analyzer.analyze(articles[i], timings: $0) }
                return (a, t)
            }
            for r in results { summary.timings += r.1 }
            writer.submit(results.map(\.0), ordinals: todo.map { ordinals[$0] }, version: version, force: force)
            progress?(IngestProgress(articles: summary.read, bytes: summary.bytes, seconds: elapsed(), finishing: nil))
        }
    }
}

/// The one writer: a serial queue that writes each batch in one transaction while the
/// workers analyse the next. At most two batches wait, so memory stays flat.
final class BatchWriter: @unchecked Sendable {
    struct Ledger {
        var inserted = 0
        var updated = 0
        var unchanged = 0
        var failed = 0
        var seconds = 0.0
        var cpuSeconds = 0.0
        var rows: [String: Int] = [:]
        var issues: [(ordinal: Int, issue: ReadIssue)] = []
    }

    /// CPU time of the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    let store: Store
    let maxIssues: Int
    private let queue = DispatchQueue(label: "irkb.ingest.writer")
    private let room = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var _ledger = Ledger()
    private var error: Error?

    init(store: Store, maxIssues: Int) {
        self.store = store
        self.maxIssues = maxIssues
    }

    var ledger: Ledger { lock.lock(); defer { lock.unlock() }; return _ledger }

    /// Throws the error of a failed batch transaction, if any.
    func check() throws {
        lock.lock()
        let e = error
        lock.unlock()
        if let e { throw e }
    }

    /// Waits until every submitted batch is written.
    func drain() { queue.sync {} }

    func submit(_ analyses: [ArticleAnalysis], ordinals: [Int], version: Int, force: Bool) {
        guard !analyses.isEmpty else { return }
        room.wait()
        queue.async { [self] in
            defer { room.signal() }
            lock.lock()
            let failedAlready = error != nil
            lock.unlock()
            if failedAlready { return }
            let start = ContinuousClock.now
            let cpu = BatchWriter.threadCPUSeconds()
            let outcomes: [Result<WriteOutcome, Error>]
            do {
                outcomes = try store.writeBatch(analyses, analyzerVersion: version, force: force)
            } catch {
                lock.lock(); self.error = error; lock.unlock()
                return
            }
            let d = ContinuousClock.now - start
            var l = Ledger()
            l.seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            l.cpuSeconds = BatchWriter.threadCPUSeconds() - cpu
            for (k, (a, outcome)) in zip(analyses, outcomes).enumerated() {
                switch outcome {
                case .success(.inserted): l.inserted += 1; BatchWriter.count(a, into: &l.rows)
                case .success(.updated): l.updated += 1; BatchWriter.count(a, into: &l.rows)
                case .success(.unchanged): l.unchanged += 1
                case .failure(let e):
                    l.failed += 1
                    l.issues.append((ordinals[k], ReadIssue(location: a.article.source ?? a.article.externalID, message: "not stored: \(e)")))
                }
            }
            lock.lock()
            _ledger.inserted += l.inserted
            _ledger.updated += l.updated
            _ledger.unchanged += l.unchanged
            _ledger.failed += l.failed
            _ledger.seconds += l.seconds
            _ledger.cpuSeconds += l.cpuSeconds
            for (k, v) in l.rows { _ledger.rows[k, default: 0] += v }
            for i in l.issues where _ledger.issues.count < maxIssues { _ledger.issues.append(i) }
            lock.unlock()
        }
    }

    static func count(_ a: ArticleAnalysis, into rows: inout [String: Int]) {
        rows["articles", default: 0] += 1
        rows["sentences", default: 0] += a.sentences.count
        rows["mentions", default: 0] += a.mentions.count
        rows["events", default: 0] += a.events.count
        rows["quotes", default: 0] += a.quotes.count
        rows["sanctions", default: 0] += a.sanctions.count
        rows["conflict_reports", default: 0] += a.conflictReports.count
    }
}

extension StoredArticle {
    /// The article as it was read, for re-analysis: under the key and content hash it was stored
    /// with. (A text file's key is the hash of the file; the stored fields, with the outlet its
    /// dateline gave, hash otherwise, and the article would be stored a second time.)
    var raw: RawArticle {
        RawArticle(externalID: externalID, title: headline, text: body,
                   published: publishedSource == "input" ? publishedOn : nil, outlet: outlet, url: url,
                   location: source ?? externalID, contentHash: contentHash)
    }
}
