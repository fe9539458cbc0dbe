import IRStore

/// Codes CAMEO events from sentences: who did what to whom, when, where and in which mode.
///
/// For each sentence, triggers from the verb lexicon (verbs.tsv) are found, then source and
/// target actors are assigned by shallow grammar over tokens and actor mentions (subject and
/// object, passive by-agent, prepositional targets, coordination, appositions and relative
/// clauses, noun modifiers). Every event keeps its trigger span, the lexicon entry and the rule.
///
///     "Kerry met Putin in Sochi on Tuesday."  ->  Kerry -040-> Putin, 2015-05-12, Sochi, rule "subject|object"
public struct EventCoder: Sendable {
    /// Modes of events that are returned; events in other modes (a "did not meet", an alleged
    /// or hypothetical act) are not reported events, so they are dropped by default.
    public var modes: Set<EventMode>

    public init(modes: Set<EventMode> = [.asserted, .future]) {
        self.modes = modes
    }

    /// Events of the document; `places` receives the places events refer to (indices in `EventRow.place`).
    /// Events whose target is only a place's state (an actor the analysis lacks) are left out: the
    /// `inout` variant adds those states to the analysis.
    public func code(_ doc: Document, actors: ActorAnalysis, context: ArticleContext, places: inout [PlaceRow]) -> [EventRow] {
        var copy = actors
        let n = actors.actors.count
        return code(doc, actors: &copy, context: context, places: &places).filter { ($0.source ?? 0) < n && ($0.target ?? 0) < n }
    }

    /// Events of the document. A violent act, a visit, a protest or a show of force aimed at a place
    /// ("fired rockets at Kharkiv", "arrived in Amman") targets the place's state: when the article
    /// names that state nowhere as an actor, it is appended to `actors.actors` (with no mention).
    public func code(_ doc: Document, actors: inout ActorAnalysis, context: ArticleContext, places: inout [PlaceRow]) -> [EventRow] {
        let grammar = Grammar(doc: doc, analysis: actors, lexicon: VerbLexicon.shared)
        let dates = DateResolver(context: context)
        var out: [EventRow] = []
        // One event per source, target, root and date in an article: "met Putin" and, later, "sat
        // down with Putin" on the same day report one meeting.
        var reported = Set<ReportKey>()
        for (si, s) in doc.sentences.enumerated() where !s.isCaption {
            var start = s.tokenRange.lowerBound
            if let dl = context.datelineRange {
                while start < s.tokenRange.upperBound, doc.tokens[start].start < dl.upperBound { start += 1 }
            }
            guard start < s.tokenRange.upperBound else { continue }
            let coded = grammar.code(sentence: si, from: start)
            var seen: [PairKey: Int] = [:]
            // The sentence's date expressions, found once per sentence (and per tense) rather than per event.
            var pastDates: [DateResolver.Match]?, futureDates: [DateResolver.Match]?
            for var c in coded where modes.contains(c.mode) {
                if c.source < 0 {
                    guard let a = placeState(-c.source - 1, actors: &actors) else { continue }
                    c.source = a
                }
                if c.target == Grammar.stateTarget {
                    guard let iso = c.targetState, let t = stateActor(iso, actors: &actors) else { continue }
                    c.target = t
                }
                if c.target < 0 {
                    // A place's state: the article's actor for it, else a new one.
                    guard let t = placeState(-c.target - 1, actors: &actors) else { continue }
                    c.target = t
                }
                guard c.source != c.target || Grammar.isDomesticMeasure(c.entry.code) || c.domestic else { continue }
                let key = PairKey(source: c.source, target: c.target, root: String(c.code.prefix(2)))
                if let k = seen[key] {
                    // "threatened to bomb": the act threatened (138) says more than the bare threat (130).
                    if k >= 0, out[k].cameoCode.count == 3, out[k].cameoCode.hasSuffix("0"), c.code != out[k].cameoCode {
                        out[k].cameoCode = c.code
                        out[k].lexiconEntry = c.entry.pattern + " -> " + c.entry.code
                        out[k].triggerText = doc.text(tokens: c.trigger.lowerBound, c.trigger.upperBound - 1)
                        out[k].startChar = doc.scalarOffset(doc.tokens[c.trigger.lowerBound].start)
                        out[k].endChar = doc.scalarOffset(doc.tokens[c.trigger.upperBound - 1].end)
                    }
                    continue
                }
                seen[key] = -1
                var row = EventRow(sentence: si, source: c.source, target: c.target, cameoCode: c.code,
                                   mode: c.mode, triggerText: doc.text(tokens: c.trigger.lowerBound, c.trigger.upperBound - 1),
                                   startChar: doc.scalarOffset(doc.tokens[c.trigger.lowerBound].start),
                                   endChar: doc.scalarOffset(doc.tokens[c.trigger.upperBound - 1].end),
                                   rule: c.rule, lexiconEntry: c.entry.pattern + " -> " + c.entry.code)
                let future = c.mode == .future
                let ms = (future ? futureDates : pastDates) ?? dates.matches(doc, in: start..<s.tokenRange.upperBound, future: future)
                if future { futureDates = ms } else { pastDates = ms }
                if let (d, src) = date(for: c, sentence: si, start: start, doc: doc, resolver: dates, matches: ms) {
                    row.occurredOn = d.iso
                    row.dateSource = src
                }
                if !reported.insert(ReportKey(pair: key, date: row.occurredOn ?? "")).inserted { continue }
                if let p = place(for: c, sentence: si, doc: doc, analysis: actors, context: context, dateSource: row.dateSource) {
                    if let k = places.firstIndex(of: p) { row.place = k } else { places.append(p); row.place = places.count - 1 }
                }
                seen[key] = out.count
                out.append(row)
            }
        }
        return out
    }

    /// Source, target and root of an event (one per sentence), and with its date (one per article).
    struct PairKey: Hashable {
        var source: Int
        var target: Int
        var root: String
    }
    struct ReportKey: Hashable {
        var pair: PairKey
        var date: String
    }

    /// The actor of the state a place (index into `actors.places`) lies in.
    func placeState(_ k: Int, actors: inout ActorAnalysis) -> Int? {
        let n = actors.places.count
        let place = k < n ? actors.places[k].place : k - n < actors.locationHints.count ? actors.locationHints[k - n].place : nil
        guard let iso = place?.countryCode else { return nil }
        return stateActor(iso, actors: &actors)
    }

    /// The actor of state `iso`: the article's, else a new one.
    func stateActor(_ iso: String, actors: inout ActorAnalysis) -> Int? {
        if let a = actors.actors.firstIndex(where: { $0.kind == .state && $0.countryCode == iso }) { return a }
        guard let st = Lexicon.shared.state(iso) else { return nil }
        actors.actors.append(ActorRow(name: st.name, kind: .state, countryCode: iso, cameoCode: st.cameo))
        return actors.actors.count - 1
    }

    static let clauseWords: WordSet = [
        "after", "before", "when", "while", "because", "although", "though", "who", "which", "whose", "where", "whereas",
        "but", "said", "says", "told", "than", "until", "unless", "if",
    ]

    /// The date of an event: the date expression of its clause nearest to the trigger (or one
    /// that opens the sentence: "On Tuesday, ..."), else the publication date.
    func date(for c: CodedEvent, sentence si: Int, start: Int, doc: Document, resolver: DateResolver,
              matches ms: [DateResolver.Match]) -> (CalendarDate, EventDateSource)? {
        let end = doc.sentences[si].tokenRange.upperBound
        if ms.isEmpty { return resolver.anchor.map { ($0, .published) } }
        func isComma(_ k: Int) -> Bool { doc.tokens[k].kind == .punct && doc.bytes[doc.tokens[k].start] == 0x2C }
        func isSemicolon(_ k: Int) -> Bool { doc.tokens[k].kind == .punct && doc.bytes[doc.tokens[k].start] == 0x3B }
        // The clause of the trigger.
        var left = c.trigger.lowerBound
        while left > start {
            let k = left - 1
            if isSemicolon(k) || EventCoder.clauseWords.contains(doc, k) { break }
            if isComma(k), !ms.contains(where: { $0.next == k }) { break }
            left -= 1
        }
        var right = c.trigger.upperBound
        while right < end {
            if isSemicolon(right) || EventCoder.clauseWords.contains(doc, right) { break }
            if isComma(right), !ms.contains(where: { $0.start == right + 1 }) { break }
            if doc.lower(right, is: "since"), !ms.contains(where: { $0.start == right }) { break }
            right += 1
        }
        var best: DateResolver.Match?
        var bestDistance = Int.max
        for m in ms {
            // "last year's overthrow": the date belongs to a noun, not to the event.
            if m.next < end, doc.lower(m.next, is: "'s") || doc.lower(m.next, is: "\u{2019}s") { continue }
            let opensSentence = m.start <= start + 1 && m.next < end && isComma(m.next)
            guard (m.start >= left && m.next <= right) || opensSentence else { continue }
            let d = m.start >= c.trigger.upperBound ? m.start - c.trigger.upperBound : c.trigger.lowerBound - m.next + 1
            let w = opensSentence && !(m.start >= left) ? d + 20 : d
            if w < bestDistance { bestDistance = w; best = m }
        }
        if let best { return (best.date, best.source) }
        return resolver.anchor.map { ($0, .published) }
    }

    /// Meetings, protests, fights and assaults: the acts an opening sentence places at the dateline.
    static let datelineRoots: Grammar.RootSet = ["04", "05", "19", "18"]

    static let placePrepositions: WordSet = ["in", "at", "near", "outside", "inside"]

    /// The place of an event: a place named after "in"/"at" in its sentence, else the dateline
    /// place for events of the article's opening reported on its day.
    func place(for c: CodedEvent, sentence si: Int, doc: Document, analysis: ActorAnalysis, context: ArticleContext,
               dateSource: EventDateSource?) -> PlaceRow? {
        var best: PlaceRow?
        var bestDistance = Int.max
        for p in analysis.places where p.sentence == si && !p.tokenRange.isEmpty {
            let k = p.tokenRange.lowerBound
            guard k > 0, VerbLexicon.isWord(doc, k - 1, in: EventCoder.placePrepositions) ||
                    (k > 1 && doc.lower(k - 1, is: "the") && VerbLexicon.isWord(doc, k - 2, in: EventCoder.placePrepositions)) else { continue }
            let d = k >= c.trigger.upperBound ? k - c.trigger.upperBound : c.trigger.lowerBound - p.tokenRange.upperBound + 3
            if d < bestDistance { bestDistance = d; best = p.place }
        }
        if let best { return best }
        if let dp = context.datelinePlace, si <= 1, dateSource == .published || dateSource == .relative,
           EventCoder.datelineRoots.contains(rootOf: c.code) {
            return dp
        }
        return nil
    }
}

extension VerbLexicon {
    static func isWord(_ doc: Document, _ k: Int, in set: WordSet) -> Bool {
        doc.tokens[k].kind == .word && set.contains(doc, k)
    }
}

/// An event found by the grammar, before dates and places.
struct CodedEvent {
    var source: Int
    var target: Int
    var code: String
    var entry: VerbLexicon.Entry
    /// Token range of the trigger words.
    var trigger: Range<Int>
    var mode: EventMode
    var rule: String
    /// Mentions of the targets, for a pronoun object later in the sentence ("called on them").
    var targetMentions: [Int] = []
    /// The state (ISO code) of a target given as `Grammar.stateTarget`.
    var targetState: String?
    /// A protest of a people in its own state ("Egyptians marched in Cairo"): source and target may be one state.
    var domestic = false
}
