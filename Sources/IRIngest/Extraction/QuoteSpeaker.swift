import IRStore

/// Who a speaker phrase stands for.
struct ResolvedSpeaker: Sendable, Equatable {
    /// Index into `ActorAnalysis.actors`.
    var actor: Int?
    /// A description when no actor stands for the speaker ("senior U.S. State Department official").
    var description: String?
    var country: String?
    var anonymous: Bool
    /// The head noun of an anonymous speaker ("official"), to resolve "the official" later.
    var noun: String?

    static func actor(_ a: Int) -> ResolvedSpeaker { ResolvedSpeaker(actor: a, anonymous: false) }
}

/// A statement attributed to someone in a sentence, kept to resolve later pronouns and "the statement".
struct SpeechEvent: Sendable {
    var token: Int
    var sentence: Int
    var paragraph: Int
    var speaker: ResolvedSpeaker
    var mentionsStatement: Bool
}

/// Shallow grammar for speaker phrases: "X said", "said X", "X, who ..., said", "according to X",
/// "X quoted Y as saying", pronouns and definite descriptions standing for earlier speakers.
struct QuoteSpeakerFinder {
    let doc: Document
    let actors: ActorAnalysis
    let lex = QSCLexicon.shared
    /// Mention index starting at each token, or -1.
    var mentionStart: [Int32]
    /// Mention index covering each token, or -1.
    var mentionCover: [Int32]
    /// Token lies inside a quotation.
    var inQuote: [Bool]
    var history: [SpeechEvent] = []
    /// Each actor's name and aliases, lowercased when first needed (matched against descriptions of bodies).
    let nameCache: LowerNameCache

    init(doc: Document, actors: ActorAnalysis, spans: [QuoteSpan]) {
        self.doc = doc
        self.actors = actors
        self.nameCache = LowerNameCache(count: actors.actors.count)
        let n = doc.tokens.count
        var ms = [Int32](repeating: -1, count: n), mc = [Int32](repeating: -1, count: n)
        for (k, m) in actors.mentions.enumerated() where !m.tokenRange.isEmpty && m.tokenRange.upperBound <= n
            && m.actor >= 0 && m.actor < actors.actors.count {
            if ms[m.tokenRange.lowerBound] < 0 || m.tokenRange.count > actors.mentions[Int(ms[m.tokenRange.lowerBound])].tokenRange.count {
                ms[m.tokenRange.lowerBound] = Int32(k)
            }
            for t in m.tokenRange where mc[t] < 0 || actors.mentions[Int(mc[t])].tokenRange.count < m.tokenRange.count { mc[t] = Int32(k) }
        }
        mentionStart = ms
        mentionCover = mc
        var q = [Bool](repeating: false, count: n)
        for s in spans {
            var k = s.open + 1
            let end = s.close ?? n
            while k < end, doc.tokens[k].start < s.text.upperBound { q[k] = true; k += 1 }
        }
        inQuote = q
    }

    // MARK: word classes

    static let determiners: WordSet = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "one", "two", "three", "several", "some", "many", "other", "another"]
    static let pronouns: WordSet = ["he", "she", "they", "we", "i", "it", "you"]
    static let relatives: WordSet = ["who", "which", "that", "whose", "whom", "where", "when", "while", "as"]
    static let prepositions: WordSet = ["for", "of", "at", "in", "on", "from", "with", "to", "inside", "within", "near", "by",
                                             "during", "after", "before", "under", "over", "about", "among", "between", "since",
                                             "outside", "across", "through", "into", "against", "without"]
    static let introWords: WordSet = ["in", "on", "at", "after", "before", "during", "while", "when", "as", "however", "meanwhile",
                                           "earlier", "later", "separately", "speaking", "from", "under", "with", "without",
                                           "following", "for", "by", "despite", "although", "though", "if", "since", "until",
                                           "once", "today", "yesterday", "now", "according", "asked", "overnight", "elsewhere",
                                           "there", "here", "nonetheless", "moreover", "furthermore", "thus", "hence", "last",
                                           "this", "instead", "indeed", "still", "addressing", "writing", "responding",
                                           "referring", "commenting", "to", "amid", "unlike", "like", "because", "where", "whether"]
    static let clauseConjunctions: WordSet = ["but", "and", "yet", "while", "whereas", "so"]
    static let leadingConjunctions: WordSet = ["but", "and", "yet", "so", "then", "also", "or", "nor"]
    static let trailingFillers: WordSet = ["also", "further", "later", "earlier", "then", "again", "previously", "had", "has",
                                                "have", "was", "is", "would", "will", "n't", "not", "repeatedly", "has", "had",
                                                "once", "separately", "recently", "quickly", "publicly", "privately", "reportedly",
                                                "already", "did", "does", "do", "could", "can", "may", "might", "should", "were",
                                                "are", "been", "being", "first"]
    static let anaphoricDeterminers: WordSet = ["the", "this", "that"]

    func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        let t = doc.tokens[i]
        return t.kind == .punct && t.end - t.start == 1 && doc.bytes[t.start] == c
    }
    func isComma(_ i: Int) -> Bool { isPunct(i, 0x2C) }
    func isDash(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.kind == .punct else { return false }
        if t.end - t.start == 1 { return doc.bytes[t.start] == 0x2D && (i == 0 || doc.tokens[i - 1].end < t.start) }
        return t.end - t.start == 3 && doc.bytes[t.start] == 0xE2 && doc.bytes[t.start + 1] == 0x80
            && (doc.bytes[t.start + 2] == 0x94 || doc.bytes[t.start + 2] == 0x93)
    }
    func isPossessive(_ i: Int) -> Bool {
        i < doc.tokens.count && doc.tokens[i].kind == .word && (doc.lower(i, is: "'s") || doc.lower(i, is: "\u{2019}s"))
    }
    func isWord(_ i: Int) -> Bool { doc.tokens[i].kind == .word }

    func verbClass(_ i: Int) -> QSCLexicon.VerbClass? {
        guard doc.tokens[i].kind == .word, !doc.tokens[i].isCapitalized || i == sentenceStart(i) else { return nil }
        return lex.speechVerbs.value(doc, i)
    }

    func sentenceStart(_ i: Int) -> Int {
        guard let s = doc.sentenceIndex(ofToken: i) else { return i }
        return doc.sentences[s].tokenRange.lowerBound
    }

    // MARK: segments

    /// Splits a token range at top-level commas (and dashes), ignoring commas in parentheses.
    func segments(_ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var depth = 0
        var start = r.lowerBound
        for i in r {
            if isPunct(i, 0x28) || isPunct(i, 0x5B) { depth += 1; continue }
            if isPunct(i, 0x29) || isPunct(i, 0x5D) { depth = max(0, depth - 1); continue }
            if depth == 0, isComma(i) || isDash(i) {
                if i > start { out.append(start..<i) }
                start = i + 1
            }
        }
        if r.upperBound > start { out.append(start..<r.upperBound) }
        return out
    }

    /// Drops leading conjunctions and trailing auxiliaries and adverbs from a subject segment.
    func trimSubject(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, QuoteSpeakerFinder.leadingConjunctions.contains(doc, lo) { lo += 1 }
        while hi > lo {
            let w = doc.lower(hi - 1)
            if QuoteSpeakerFinder.trailingFillers.contains(doc, hi - 1) || (doc.lower(hi - 1, hasSuffix: "ly") && w.count > 4 && !doc.tokens[hi - 1].isCapitalized) {
                hi -= 1; continue
            }
            if doc.tokens[hi - 1].kind == .punct || doc.tokens[hi - 1].kind == .quote { hi -= 1; continue }
            break
        }
        return lo..<hi
    }

    /// An introductory phrase ("In Washington", "On Tuesday", "Earlier") rather than a subject.
    func isIntro(_ r: Range<Int>) -> Bool {
        guard let f = r.first else { return true }
        let w = doc.lower(f)
        if QuoteSpeakerFinder.introWords.contains(doc, f) {
            // "This is only ..." never reaches here; "This week" is intro.
            return true
        }
        if CalendarDate.weekdayNames.value(doc, f) != nil || CalendarDate.monthNames.value(doc, f) != nil { return true }
        if r.count == 1, doc.lower(f, hasSuffix: "ly"), !doc.tokens[f].isCapitalized { return true }
        return false
    }

    // MARK: attribution around a verb

    /// The speaker of a speech verb at `v`, looking at its subject before it or (inverted) after it.
    /// `floor` bounds the search to the left (a quote mark or the sentence start).
    mutating func speakerOfVerb(_ v: Int, floor: Int, ceiling: Int) -> (ResolvedSpeaker, String)? {
        let cls = verbClass(v)
        if cls == .quote {
            // "Interfax quoted X as saying"
            var k = v + 1
            while k + 1 < ceiling, !(doc.lower(k, is: "as") && (doc.lower(k + 1, is: "saying") || doc.lower(k + 1, is: "telling"))) { k += 1 }
            if k + 1 < ceiling, k > v + 1 {
                if let s = analyze(segments: segments(v + 1..<k), at: v) { return (s, "quoted-as-saying") }
            }
            return nil
        }
        // Inverted: the verb follows a closing quote or its comma ("..., said X"), or opens the clause.
        var b = v - 1
        while b >= floor, isComma(b) { b -= 1 }
        let inverted = b < floor || doc.tokens[b].kind == .quote
        if inverted {
            let np = invertedSubject(from: v + 1, ceiling: ceiling)
            if !np.isEmpty, let s = analyze(segments: segments(np), at: v) { return (s, "said-X") }
            return nil
        }
        // Subject before the verb: from the clause start.
        var start = v - 1
        while start >= floor {
            let t = doc.tokens[start]
            if t.kind == .quote || isPunct(start, 0x3B) || isPunct(start, 0x3A) { break }
            if doc.lower(start, is: "that") && start < v - 1 && !isComma(start + 1) { break }
            start -= 1
        }
        start += 1
        guard start < v else { return nil }
        var raw = segments(start..<v)
        // ", but General X, ..., told": a conjunction after a comma starts a new clause.
        if let c = raw.lastIndex(where: { QuoteSpeakerFinder.clauseConjunctions.contains(doc, $0.lowerBound) }), c > 0 {
            raw.removeFirst(c)
        }
        var segs = raw.map { trimSubject($0) }.filter { !$0.isEmpty }
        while let f = segs.first, isIntro(f) { segs.removeFirst() }
        guard !segs.isEmpty else { return nil }
        // "Two soldiers were killed in a crash, the military said": a clause, then the subject just before the verb.
        if segs.count >= 2, let last = segs.last, let first = segs.first, first.count > 8, last.count <= 8,
           last.upperBound >= v - 1, !last.contains(where: { QuoteSpeakerFinder.relatives.contains(doc, $0) && !doc.tokens[$0].isCapitalized }),
           let s = analyze(segments: [last], at: v) {
            return (s, "X-said")
        }
        if let s = analyze(segments: segs, at: v) { return (s, "X-said") }
        return nil
    }

    /// The subject after an inverted verb: up to the sentence end, a quote, or a following clause.
    func invertedSubject(from a: Int, ceiling: Int) -> Range<Int> {
        var k = a
        while k < ceiling {
            if doc.tokens[k].kind == .quote { break }
            if isPunct(k, 0x2E) || isPunct(k, 0x3B) || isPunct(k, 0x3A) { break }
            k += 1
        }
        return a..<k
    }

    // MARK: speaker phrases

    /// Resolves a subject: the head segment, then appositives.
    mutating func analyze(segments segs: [Range<Int>], at anchor: Int, preferFirstPerson: Bool = false) -> ResolvedSpeaker? {
        guard let headSeg = segs.first, !headSeg.isEmpty else { return nil }
        let lo = headSeg.lowerBound
        // Pronouns.
        let first = doc.lower(lo)
        if QuoteSpeakerFinder.pronouns.contains(doc, lo), headSeg.count <= 2 {
            return resolvePronoun(first, at: lo)
        }
        // Head chunk: up to "who", or a preposition after a lowercase noun.
        var chunkEnd = headSeg.upperBound
        var k = lo
        while k < headSeg.upperBound {
            let w = doc.lower(k)
            if k > lo, QuoteSpeakerFinder.relatives.contains(doc, k), !doc.tokens[k].isCapitalized { chunkEnd = k; break }
            if k > lo, QuoteSpeakerFinder.prepositions.contains(doc, k), mentionCover[k] < 0 || mentionCover[k] != mentionCover[k - 1] {
                let prevCap = doc.tokens[k - 1].isCapitalized && mentionCover[k - 1] < 0
                if !prevCap { chunkEnd = k; break }
            }
            k += 1
        }
        let chunk = lo..<chunkEnd
        let modifierEnd: Int = {  // the head chunk plus its prepositional modifier, up to "who"
            var e = chunkEnd
            while e < headSeg.upperBound, !QuoteSpeakerFinder.relatives.contains(doc, e) || doc.tokens[e].isCapitalized { e += 1 }
            return min(e, chunkEnd + 8)
        }()
        let lastTok = chunkEnd - 1
        // 1. A mention covering the head word.
        if lastTok >= lo, mentionCover[lastTok] >= 0, !isPossessive(lastTok + 1) || lastTok + 1 >= chunkEnd {
            let m = actors.mentions[Int(mentionCover[lastTok])]
            if m.tokenRange.upperBound >= chunkEnd || !isPossessive(m.tokenRange.upperBound) {
                return .actor(m.actor)
            }
        }
        // 2. A noun that names no one: official, ministry, statement.
        let head = doc.lower(lastTok)
        if let cls = lex.speakerNouns.value(doc, lastTok), mentionCover[lastTok] < 0 {
            switch cls {
            case .person:
                // "Putin's spokesman, Dmitry Peskov" / "the Iranian foreign minister, Mohammad Javad Zarif"
                if segs.count > 1, let p = personIn(segs[1]) { return .actor(p) }
                if segs.count > 1, let f = segs[1].first, !QuoteSpeakerFinder.relatives.contains(doc, f),
                   let named = capitalizedRun(segs[1]), named.lowerBound <= segs[1].lowerBound + 1, named.upperBound == segs[1].upperBound {
                    return ResolvedSpeaker(actor: nil, description: doc.text(tokens: named.lowerBound, named.upperBound - 1),
                                           country: countryIn(lo..<chunkEnd), anonymous: false)
                }
                let country = countryIn(lo..<modifierEnd) ?? (segs.count > 1 && !QuoteSpeakerFinder.relatives.contains(doc, segs[1].lowerBound) ? countryIn(segs[1]) : nil)
                if country == nil, QuoteSpeakerFinder.anaphoricDeterminers.contains(doc, lo), chunk.count <= 3 {
                    // "the official" stands for the last anonymous speaker
                    if let prev = history.last(where: { $0.speaker.anonymous }) { return prev.speaker }
                }
                return ResolvedSpeaker(actor: nil, description: describe(lo..<modifierEnd), country: country, anonymous: true, noun: head)
            case .body:
                let country = countryIn(lo..<modifierEnd)
                if let a = matchBody(chunk, head: head, country: country, before: anchor) { return .actor(a) }
                return ResolvedSpeaker(actor: nil, description: describe(chunk), country: country, anonymous: false, noun: head)
            case .document:
                if let prev = history.last(where: { $0.mentionsStatement }) { return prev.speaker }
                if let prev = history.last(where: { $0.speaker.actor.map { actors.actors[$0].kind != .person } ?? false }) { return prev.speaker }
                return nil
            }
        }
        // 3. Person, then any actor, named in the head chunk.
        var firstPerson: Int?, lastPerson: Int?, firstAny: Int?
        var firstAnyMention: Range<Int>?
        var t = lo
        while t < chunkEnd {
            if mentionStart[t] >= 0 {
                let m = actors.mentions[Int(mentionStart[t])]
                if !isPossessive(m.tokenRange.upperBound) {
                    if actors.actors[m.actor].kind == .person { if firstPerson == nil { firstPerson = m.actor }; lastPerson = m.actor }
                    if firstAny == nil { firstAny = m.actor; firstAnyMention = m.tokenRange }
                }
                t = max(t + 1, m.tokenRange.upperBound)
                continue
            }
            t += 1
        }
        if let p = preferFirstPerson ? firstPerson : lastPerson { return .actor(p) }
        if let a = firstAny {
            // "The United Nations High Commissioner for Human Rights": the actor only modifies a longer name.
            if let run = capitalizedRun(chunk), let m = firstAnyMention, run.lowerBound <= m.lowerBound, run.upperBound > m.upperBound,
               lastTok == run.upperBound - 1 {
                return ResolvedSpeaker(actor: nil, description: doc.text(tokens: run.lowerBound, run.upperBound - 1),
                                       country: actors.actors[a].countryCode, anonymous: false)
            }
            return .actor(a)
        }
        // 4. A name the recognizer did not know: a run of capitalized words.
        if let named = capitalizedRun(chunk) {
            if segs.count > 1, let p = personIn(segs[1]) { return .actor(p) }
            return ResolvedSpeaker(actor: nil, description: doc.text(tokens: named.lowerBound, named.upperBound - 1),
                                   country: countryIn(named), anonymous: false)
        }
        return nil
    }

    /// "Svetlana", "Avi Bell": capitalized words ending the chunk, not function words or states.
    func capitalizedRun(_ chunk: Range<Int>) -> Range<Int>? {
        guard !chunk.isEmpty else { return nil }
        // The trailing run of capitalized words, with "of", "for", "the", "al" inside it
        // ("Secretary of State Mike Pompeo", "United Nations High Commissioner for Human Rights").
        let hi = chunk.upperBound
        var lo = hi
        while lo > chunk.lowerBound {
            let k = lo - 1
            let t = doc.tokens[k]
            guard t.kind == .word else { break }
            let w = doc.lower(k)
            if t.isCapitalized { lo = k; continue }
            if ["of", "for", "the", "al", "bin", "de", "van", "von", "and"].contains(w), k > chunk.lowerBound,
               doc.tokens[k - 1].isCapitalized, lo < hi { lo = k; continue }
            break
        }
        while lo < hi, !doc.tokens[lo].isCapitalized || QuoteSpeakerFinder.determiners.contains(doc, lo)
            || QuoteSpeakerFinder.introWords.contains(doc, lo) { lo += 1 }
        guard lo < hi, hi - lo <= 8 else { return nil }
        for k in lo..<hi where QuoteSpeakerFinder.pronouns.contains(doc, k) { return nil }
        if let st = lex.state(doc, at: lo, end: hi), st.next == hi { return nil }
        return lo..<hi
    }

    /// The first person named in a segment (an appositive).
    func personIn(_ r: Range<Int>) -> Int? {
        guard let f = r.first, !QuoteSpeakerFinder.relatives.contains(doc, f) else { return nil }
        for t in r where mentionStart[t] >= 0 {
            let m = actors.mentions[Int(mentionStart[t])]
            if actors.actors[m.actor].kind == .person, !isPossessive(m.tokenRange.upperBound) { return m.actor }
        }
        return nil
    }

    /// The country a phrase names: a state word ("U.S.", "British") or an actor's country.
    func countryIn(_ r: Range<Int>) -> String? {
        var k = r.lowerBound
        while k < r.upperBound {
            if let s = lex.state(doc, at: k, end: r.upperBound) { return s.iso }
            if mentionStart[k] >= 0 {
                let m = actors.mentions[Int(mentionStart[k])]
                if let c = actors.actors[m.actor].countryCode { return c }
            }
            k += 1
        }
        return nil
    }

    /// The description of an unnamed speaker: the phrase without its determiner.
    func describe(_ r: Range<Int>) -> String {
        var lo = r.lowerBound
        while lo < r.upperBound - 1, QuoteSpeakerFinder.determiners.contains(doc, lo) { lo += 1 }
        var hi = r.upperBound
        while hi > lo + 1, doc.tokens[hi - 1].kind != .word && doc.tokens[hi - 1].kind != .number { hi -= 1 }
        return doc.text(tokens: lo, hi - 1)
    }

    /// An organization of the article that a description of a body fits ("the ministry", "Russia's foreign ministry").
    func matchBody(_ chunk: Range<Int>, head: String, country: String?, before anchor: Int) -> Int? {
        var words: [String] = []
        for k in chunk where doc.tokens[k].kind == .word {
            let w = doc.lower(k)
            if QuoteSpeakerFinder.determiners.contains(doc, k) || isPossessive(k) || doc.tokens[k].isCapitalized && lex.state(doc, at: k, end: chunk.upperBound) != nil { continue }
            words.append(w)
        }
        guard !words.isEmpty else { return nil }
        var best: Int?
        // Prefer the most recently mentioned fitting actor.
        for m in actors.mentions.reversed() where m.tokenRange.lowerBound < anchor {
            let a = actors.actors[m.actor]
            guard a.kind != .person else { continue }
            if let country, a.countryCode != country { continue }
            if lowerNames(m.actor).contains(where: { n in words.allSatisfy { n.containsBytes($0) } }) { best = m.actor; break }
        }
        if best == nil {
            for (i, a) in actors.actors.enumerated() where a.kind != .person {
                if let country, a.countryCode != country { continue }
                if lowerNames(i).contains(where: { n in words.allSatisfy { n.containsBytes($0) } }) { best = i; break }
            }
        }
        return best
    }

    func lowerNames(_ a: Int) -> [String] {
        if let n = nameCache.names[a] { return n }
        let n = ([actors.actors[a].name] + actors.actors[a].aliases).map { $0.lowercased() }
        nameCache.names[a] = n
        return n
    }

    /// "he", "she": the person who is the subject of the nearest sentence; "they", "we": the last speaker.
    func resolvePronoun(_ p: String, at i: Int) -> ResolvedSpeaker? {
        if p == "he" || p == "she" || p == "i" {
            guard var s = doc.sentenceIndex(ofToken: i) else { return nil }
            var limit = i
            var looked = 0
            while s >= 0, looked < 4 {
                let r = doc.sentences[s].tokenRange
                if !doc.sentences[s].isCaption {
                    var t = r.lowerBound
                    while t < min(limit, r.upperBound) {
                        if mentionStart[t] >= 0, !inQuote[t] {
                            let m = actors.mentions[Int(mentionStart[t])]
                            if actors.actors[m.actor].kind == .person, !isPossessive(m.tokenRange.upperBound), !m.isAnaphor || looked > 0 {
                                return .actor(m.actor)
                            }
                            t = max(t + 1, m.tokenRange.upperBound); continue
                        }
                        t += 1
                    }
                    looked += 1
                }
                s -= 1
                limit = Int.max
            }
            if let prev = history.last(where: { $0.speaker.actor.map { actors.actors[$0].kind == .person } ?? false }) { return prev.speaker }
            if mentionCover[i] >= 0 { return .actor(actors.mentions[Int(mentionCover[i])].actor) }
            return nil
        }
        if mentionCover[i] >= 0 { return .actor(actors.mentions[Int(mentionCover[i])].actor) }
        if p == "it" {
            return history.last(where: { $0.speaker.actor.map { actors.actors[$0].kind != .person } ?? false })?.speaker
        }
        return history.last?.speaker
    }

    // MARK: sentence-level speech

    /// The first attribution of a sentence outside quotes ("X said ...", "according to X"), if any.
    mutating func speechEvent(inSentence s: Int) -> SpeechEvent? {
        let sent = doc.sentences[s]
        let r = sent.tokenRange
        var mentionsStatement = false
        for k in r where doc.lower(k, is: "statement") || doc.lower(k, is: "communique") { mentionsStatement = true }
        for v in r where !inQuote[v] {
            if doc.lower(v, is: "according"), v + 1 < r.upperBound, doc.lower(v + 1, is: "to") {
                let np = invertedSubject(from: v + 2, ceiling: r.upperBound)
                var e = np.lowerBound
                while e < np.upperBound, !isComma(e) { e += 1 }
                if e > np.lowerBound, let sp = analyze(segments: [np.lowerBound..<e], at: v) {
                    return SpeechEvent(token: v, sentence: s, paragraph: sent.paragraph, speaker: sp, mentionsStatement: mentionsStatement)
                }
                continue
            }
            guard let cls = verbClass(v), cls != .describe else { continue }
            if let (sp, _) = speakerOfVerb(v, floor: r.lowerBound, ceiling: r.upperBound) {
                return SpeechEvent(token: v, sentence: s, paragraph: sent.paragraph, speaker: sp, mentionsStatement: mentionsStatement)
            }
        }
        return nil
    }
}

/// Actors' lowercased names, filled in as `QuoteSpeakerFinder.matchBody` needs them.
final class LowerNameCache {
    var names: [[String]?]
    init(count: Int) { names = [[String]?](repeating: nil, count: count) }
}
