import IRStore

/// Finds sanctions measures acted on: imposed, extended, eased, lifted or threatened.
///
///     The EU and Canada imposed new sanctions on Belarus on Monday.
///     -> impose EU -> Belarus, impose Canada -> Belarus (kind other)
///
/// A measure is a lexicon noun ("sanctions", "arms embargo", "asset freeze", "travel ban") or a
/// pronoun standing for one ("renew them", "they could be eased"), or a verb that is a measure
/// itself ("blacklisted X"). Its action is the nearest action word before it ("imposed", "new",
/// "the easing of") or after it ("sanctions relief", "sanctions were lifted", "sanctions ...,
/// introduced over ..."), else the measure is reported as in force (impose) when it names a
/// target. Imposers are the clause subject (coordinated: "the US and the EU"), an agent ("by the
/// EU"), or a modifier ("U.S. sanctions"); targets are the "on/against X" object, a name modifier
/// ("Iran sanctions") or the subject of a nominal action ("Iran ... in exchange for sanctions relief").
/// One row per imposer, target and action in an article; a missing imposer is taken from another
/// row on the same target.
public struct SanctionExtractor: Sendable {
    public init() {}

    public func extract(_ doc: Document, actors: ActorAnalysis, context: ArticleContext) -> [SanctionRow] {
        var x = SanctionScan(doc: doc, actors: actors, context: context)
        x.run()
        return x.finish()
    }
}

struct SanctionScan {
    let doc: Document
    let actors: ActorAnalysis
    let context: ArticleContext
    let lex = QSCLexicon.shared
    let dates: DateResolver
    var mentionStart: [Int32]
    var rows: [SanctionRow] = []
    /// Rows with the "in force" rule, dropped when an action row has the same target.
    var mentionRows: Set<Int> = []
    /// The date each sentence states (else the publication date), worked out once per sentence.
    var statedOn: [Int: String?] = [:]
    /// The last measure seen: its sentence, imposers, targets (for pronouns).
    var lastMeasure: (sentence: Int, imposers: [Int], targets: [Target], kind: SanctionKind)?

    struct Target: Equatable {
        var actor: Int?
        var description: String?
        var country: String?
    }

    init(doc: Document, actors: ActorAnalysis, context: ArticleContext) {
        self.doc = doc
        self.actors = actors
        self.context = context
        self.dates = DateResolver(context: context)
        var ms = [Int32](repeating: -1, count: doc.tokens.count)
        for (k, m) in actors.mentions.enumerated() where !m.tokenRange.isEmpty && m.tokenRange.upperBound <= doc.tokens.count
            && m.actor >= 0 && m.actor < actors.actors.count {
            if ms[m.tokenRange.lowerBound] < 0 || m.tokenRange.count > actors.mentions[Int(ms[m.tokenRange.lowerBound])].tokenRange.count {
                ms[m.tokenRange.lowerBound] = Int32(k)
            }
        }
        mentionStart = ms
    }

    static let skipLeft: WordSet = ["the", "a", "an", "of", "its", "their", "all", "any", "some", "these", "those", "existing",
                                        "western", "international", "u.s.", "eu", "american", "european", "limited", "partial",
                                        "broad", "sweeping", "tough", "tougher", "harsh", "punishing", "crippling", "wide-ranging",
                                        "and", ",", "to", "on", "for", "tit-for-tat", "its", "his", "her", "possible", "remaining",
                                        "current", "most", "many", "other", "such", "targeted", "unilateral", "multilateral"]
    static let pronounObjects: WordSet = ["them", "it", "those", "these"]
    static let beVerbs: WordSet = ["be", "been", "being", "was", "were", "is", "are", "will", "would", "could", "should",
                                       "may", "might", "can", "must", "already", "now", "also", "not", "partially", "eventually",
                                       "to", "get", "got", "have", "has", "had", "formally", "gradually"]
    static let clauseStops: WordSet = ["that", "which", "who", "if", "whether", "because", "after", "when", "while",
                                           "although", "though", "unless", "where", "whereas"]
    static let intrinsicNominal: WordSet = ["relief", "waiver", "waivers", "removal", "suspension", "extension", "renewal",
                                                "imposition", "threat", "lifting", "easing"]
    static let targetPreps: WordSet = ["on", "against", "targeting", "targeted", "upon"]
    static let targetStops: WordSet = ["in", "over", "for", "after", "because", "to", "that", "which", "who", "if", "until",
                                           "since", "as", "while", "by", "from", "following", "amid", "at", "with", "under",
                                           "when", "unless", "were", "was", "is", "are", "will", "would", "could", "have", "has",
                                           "it", "they", "he", "she", "we", "said", "says", "whose", "accused", "including"]

    func isPunctByte(_ i: Int, _ c: UInt8) -> Bool {
        let t = doc.tokens[i]
        return t.kind == .punct && t.end - t.start == 1 && doc.bytes[t.start] == c
    }
    func isHardBoundary(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        if t.kind == .quote { return true }
        return isPunctByte(i, 0x3B) || isPunctByte(i, 0x3A) || isPunctByte(i, 0x2E)
    }
    func isPossessive(_ i: Int) -> Bool {
        i < doc.tokens.count && (doc.lower(i, is: "'s") || doc.lower(i, is: "\u{2019}s"))
    }

    mutating func run() {
        for s in doc.sentences.indices where !doc.sentences[s].isCaption {
            let r = doc.sentences[s].tokenRange
            var lo = r.lowerBound
            if let skip = context.datelineRange {
                while lo < r.upperBound, doc.tokens[lo].start < skip.upperBound { lo += 1 }
            }
            var i = lo
            while i < r.upperBound {
                if let m = lex.sanctionTerms.match(doc, at: i, end: r.upperBound, role: "measure"), !isVerbUse(i) {
                    measure(s, lo..<r.upperBound, i..<m.next, kind: SanctionKind(rawValue: m.value))
                    i = m.next
                    continue
                }
                let w = doc.lower(i)
                if SanctionScan.pronounObjects.contains(doc, i) || doc.lower(i, is: "they") {
                    pronoun(s, lo..<r.upperBound, i)
                } else if let v = lex.sanctionTerms.value(doc, i, role: "verb") {
                    verbMeasure(s, lo..<r.upperBound, i, value: v)
                }
                i += 1
            }
        }
    }

    /// "sanction" used as a verb ("to sanction Russia") is handled as a verb measure.
    func isVerbUse(_ i: Int) -> Bool {
        let w = doc.lower(i)
        return w == "sanction" && i > 0 && doc.lower(i - 1, is: "to")
    }

    // MARK: actions

    /// The action governing a measure at `m`, with the token where it was found and whether it is a noun.
    func action(for m: Range<Int>, sentence r: Range<Int>) -> (SanctionAction, Int, nominal: Bool)? {
        // Right after: "sanctions relief", "sanctions waiver".
        if m.upperBound < r.upperBound, let a = actionWord(m.upperBound, r), SanctionScan.intrinsicNominal.contains(doc, m.upperBound) {
            return (a, m.upperBound, true)
        }
        // Left: nearest action word within a few tokens, over determiners and kind words.
        var k = m.lowerBound - 1
        var steps = 0
        while k >= r.lowerBound, steps < 7 {
            let w = doc.lower(k)
            if let a = actionWord(k, r) {
                let nominal = SanctionScan.intrinsicNominal.contains(doc, k) || (k > r.lowerBound && ["the", "a", "an", "its", "their"].contains(doc.lower(k - 1)))
                return (a, k, nominal)
            }
            if isHardBoundary(k) { break }
            if !(SanctionScan.skipLeft.contains(doc, k) || lex.sanctionTerms.has(doc, k, role: "kind") || lex.sanctionTerms.has(doc, k, role: "measure")
                 || doc.tokens[k].isCapitalized || doc.tokens[k].kind == .number || isPossessive(k)) { break }
            k -= 1; steps += 1
        }
        // Right, passive or reduced relative: "sanctions could be eased", "sanctions, introduced over ...".
        var j = m.upperBound
        // skip a target phrase "against Russia,"
        if j < r.upperBound, SanctionScan.targetPreps.contains(doc, j) {
            var e = j + 1
            while e < r.upperBound, e < j + 8, !isPunctByte(e, 0x2C), !isHardBoundary(e) { e += 1 }
            j = e
        }
        steps = 0
        while j < r.upperBound, steps < 5 {
            if isHardBoundary(j) { break }
            let w = doc.lower(j)
            if let a = actionWord(j, r), doc.lower(j, hasSuffix: "ed") || doc.lower(j, is: "lifted") || doc.lower(j, is: "kept") || doc.lower(j, is: "eased") {
                return (a, j, false)
            }
            if !(SanctionScan.beVerbs.contains(doc, j) || isPunctByte(j, 0x2C) || (doc.lower(j, hasSuffix: "ly") && w.count > 4)) { break }
            j += 1; steps += 1
        }
        return nil
    }

    /// An action word at `k` (multi-word ones such as "step up" included).
    func actionWord(_ k: Int, _ r: Range<Int>) -> SanctionAction? {
        guard let m = lex.sanctionTerms.match(doc, at: k, end: r.upperBound, role: "action"), let a = SanctionAction(rawValue: m.value) else { return nil }
        // "threatened to impose", "warned it would slap", "the threat of new": the measure is only threatened.
        if a != .threaten {
            var j = k - 1
            while j >= r.lowerBound, j >= k - 4 {
                if let t = lex.sanctionTerms.match(doc, at: j, end: k, role: "action"), t.value == "threaten" { return .threaten }
                j -= 1
            }
        }
        return a
    }

    // MARK: measures

    mutating func measure(_ s: Int, _ r: Range<Int>, _ m: Range<Int>, kind: SanctionKind?) {
        let act = action(for: m, sentence: r)
        let kindFound = self.kind(m, r, base: kind)
        var targets = targetsAfter(m.upperBound, r, allowFor: act.map { $0.0 == .ease || $0.0 == .lift } ?? false)
        if targets.isEmpty, let a = act, a.1 >= m.upperBound {
            // "sanctions imposed on Russia", "sanctions were lifted against Iran"
            targets = targetsAfter(a.1 + 1, r, allowFor: a.0 == .ease || a.0 == .lift)
        }
        var imposers: [Int] = []
        // Modifier before the measure: "U.S. sanctions" (imposer) or "Iran sanctions" (target).
        if let (actor, isImposer) = modifier(m.lowerBound, r) {
            if isImposer || !targets.isEmpty { imposers.append(actor) } else { targets.append(Target(actor: actor)) }
        }
        let anchor = act?.1 ?? m.lowerBound
        if let agent = agent(after: max(m.upperBound, (act?.1 ?? 0) + 1), r) { imposers.append(contentsOf: agent) }
        let clause = clauseStart(before: min(anchor, m.lowerBound), r)
        let nominal = act?.nominal ?? false
        if imposers.isEmpty, !nominal {
            imposers = subjectActors(clause..<min(anchor, m.lowerBound), r)
            if imposers.isEmpty, clause > r.lowerBound, clause < r.upperBound, ["it", "they", "we"].contains(doc.lower(clause)) {
                // "The EU said it would impose ...": the pronoun stands for the subject of the speech verb.
                imposers = subjectActors(r.lowerBound..<clause, r)
            }
        }
        if targets.isEmpty {
            // The subject of a nominal action is its beneficiary: "Iran ... in exchange for sanctions relief".
            let subj = subjectActors(clause..<min(anchor, m.lowerBound), r).filter { !imposers.contains($0) }
            if act != nil, nominal, let t = subj.first, actors.actors[t].kind != .organization || actors.actors[t].countryCode != nil {
                targets.append(Target(actor: t))
            }
        }
        imposers = imposers.filter { i in !targets.contains { $0.actor == i } }
        lastMeasure = (s, imposers, targets, kindFound)
        guard !targets.isEmpty else { return }
        let a = act?.0 ?? .impose
        emit(s, imposers: imposers, targets: targets, action: a, kind: kindFound, conditional: conditional(clause, m, r),
             trigger: (act.map { min($0.1, m.lowerBound) } ?? m.lowerBound)..<max(m.upperBound, (act?.1 ?? 0) + 1),
             rule: act == nil ? "in-force" : "measure", inForce: act == nil)
    }

    /// "renew them", "they could be eased": a pronoun for the last measure of this or the previous sentence.
    mutating func pronoun(_ s: Int, _ r: Range<Int>, _ i: Int) {
        guard let last = lastMeasure, last.sentence >= s - 1 else { return }
        var act: (SanctionAction, Int)?
        if doc.lower(i, is: "they") {
            var j = i + 1
            var steps = 0
            while j < r.upperBound, steps < 4 {
                if let a = actionWord(j, r), doc.lower(j, hasSuffix: "ed") || doc.lower(j, is: "lifted") { act = (a, j); break }
                if !SanctionScan.beVerbs.contains(doc, j) { break }
                j += 1; steps += 1
            }
        } else if i - 1 >= r.lowerBound, let a = actionWord(i - 1, r) {
            act = (a, i - 1)
        } else if i - 2 >= r.lowerBound, let a = actionWord(i - 2, r), doc.tokens[i - 1].kind == .word, doc.lower(i - 1, is: "up") || doc.lower(i - 1, is: "over") {
            act = (a, i - 2)
        }
        guard let (a, at) = act, a != .threaten || !doc.lower(i, is: "it") else { return }
        let clause = clauseStart(before: min(at, i), r)
        var imposers = subjectActors(clause..<min(at, i), r)
        if imposers.isEmpty {
            // "The U.S. official hinted they could be eased": the sentence subject, when it is one of the imposers.
            let head = subjectActors(r.lowerBound..<min(at, i), r)
            let fitting = head.filter { h in last.imposers.contains(h) || last.imposers.contains { actors.actors[$0].countryCode != nil && actors.actors[$0].countryCode == actors.actors[h].countryCode } }
            imposers = fitting.isEmpty ? last.imposers : fitting
        }
        emit(s, imposers: imposers, targets: last.targets, action: a, kind: last.kind, conditional: conditional(clause, i..<(i + 1), r),
             trigger: min(at, i)..<(max(at, i) + 1), rule: "pronoun", inForce: false)
    }

    /// "The Treasury blacklisted three companies", "froze the assets of X".
    mutating func verbMeasure(_ s: Int, _ r: Range<Int>, _ v: Int, value: String) {
        let parts = value.split(separator: "|")
        guard parts.count == 2, let a = SanctionAction(rawValue: String(parts[0])), let k = SanctionKind(rawValue: String(parts[1])) else { return }
        var targets: [Target] = []
        if v > r.lowerBound, ["were", "was", "been", "be", "being", "is", "are"].contains(doc.lower(v - 1)) {
            // passive: "X was blacklisted" -> target X is the subject
            let clause = clauseStart(before: v, r)
            targets = subjectActors(clause..<v, r).map { Target(actor: $0) }
            let imposers = agent(after: v + 1, r) ?? []
            guard !targets.isEmpty else { return }
            emit(s, imposers: imposers, targets: targets, action: a, kind: k, conditional: conditional(clause, v..<(v + 1), r),
                 trigger: v..<(v + 1), rule: "verb", inForce: false)
            return
        }
        targets = objectTargets(v + 1, r)
        guard !targets.isEmpty else { return }
        let clause = clauseStart(before: v, r)
        let imposers = subjectActors(clause..<v, r)
        emit(s, imposers: imposers, targets: targets, action: a, kind: k, conditional: conditional(clause, v..<(v + 1), r),
             trigger: v..<(v + 1), rule: "verb", inForce: false)
    }

    // MARK: parties

    /// Targets in "on X and on Y", "against X", "for X" (relief for X).
    func targetsAfter(_ start: Int, _ r: Range<Int>, allowFor: Bool) -> [Target] {
        guard start < r.upperBound else { return [] }
        let p = doc.lower(start)
        guard SanctionScan.targetPreps.contains(doc, start) || (allowFor && p == "for") else { return [] }
        return objectTargets(start + 1, r)
    }

    /// The actors (or a described group) of a noun phrase list starting at `start`.
    func objectTargets(_ start: Int, _ r: Range<Int>) -> [Target] {
        var out: [Target] = []
        var k = start
        var phraseStart = start
        var sawNoun = false
        func flushDescription(_ end: Int) {
            // A described target: "Russian officials", "22 individuals and two entities".
            guard end > phraseStart, !sawNoun else { return }
            var lo = phraseStart
            while lo < end, ["the", "a", "an", "and", ",", "on", "against"].contains(doc.lower(lo)) { lo += 1 }
            guard lo < end, end - lo <= 8 else { return }
            var country: String?
            var q = lo
            while q < end {
                if let st = lex.state(doc, at: q, end: end) { country = st.iso; break }
                q += 1
            }
            // A described target counts people or bodies, or names their country: "22 individuals", "Russian officials".
            var counted = false
            for q in lo..<end where doc.tokens[q].kind == .number || NumberWords.wordValue(doc.lower(q)) != nil { counted = true }
            guard counted || country != nil else { return }
            let last = doc.lower(end - 1)
            guard doc.tokens[end - 1].kind == .word, last.hasSuffix("s") || doc.tokens[end - 1].isCapitalized, !last.hasSuffix("ed") else { return }
            out.append(Target(actor: nil, description: doc.text(tokens: lo, end - 1), country: country))
        }
        while k < r.upperBound, k < start + 14 {
            if isHardBoundary(k) { break }
            let w = doc.lower(k)
            if mentionStart[k] >= 0 {
                let m = actors.mentions[Int(mentionStart[k])]
                if !out.contains(where: { $0.actor == m.actor }) { out.append(Target(actor: m.actor)) }
                sawNoun = true
                k = m.tokenRange.upperBound
                if isPossessive(k) {
                    // "Russia's banks": Russia stands for the target; skip the possessed noun
                    k += 1
                    while k < r.upperBound, doc.tokens[k].kind == .word, !SanctionScan.targetStops.contains(doc, k), !doc.lower(k, is: "and") { k += 1 }
                }
                continue
            }
            if w == "and" || isPunctByte(k, 0x2C) {
                if k + 1 < r.upperBound, SanctionScan.targetStops.contains(doc, k + 1) { break }
                // A list goes on only with another noun phrase: "X, Y and Z", not "X, introduced in 2014".
                if k + 1 < r.upperBound, isPunctByte(k, 0x2C), mentionStart[k + 1] < 0, !doc.lower(k + 1, is: "and"),
                   !doc.tokens[k + 1].isCapitalized, doc.tokens[k + 1].kind != .number,
                   !QuoteSpeakerFinder.determiners.contains(doc, k + 1) { break }
                flushDescription(k)
                phraseStart = k + 1
                sawNoun = false
                k += 1
                continue
            }
            if w == "on" || w == "against" { phraseStart = k + 1; k += 1; continue }
            if SanctionScan.targetStops.contains(doc, k) { break }
            k += 1
        }
        if !sawNoun { flushDescription(k) }
        return out
    }

    /// "U.S. sanctions", "Washington's sanctions" (imposer) or "Iran sanctions" (target), just before the measure.
    func modifier(_ m: Int, _ r: Range<Int>) -> (Int, Bool)? {
        var k = m - 1
        while k >= r.lowerBound, lex.sanctionTerms.has(doc.lower(k), role: "kind") || ["new", "fresh", "tough", "additional", ","].contains(doc.lower(k)) || doc.lower(k, is: "and") { k -= 1 }
        guard k >= r.lowerBound else { return nil }
        var possessive = false
        if isPossessive(k) { possessive = true; k -= 1 }
        guard k >= r.lowerBound else { return nil }
        // the mention ending at k
        for (idx, mm) in actors.mentions.enumerated() where mm.tokenRange.upperBound == k + 1 && mm.tokenRange.lowerBound >= r.lowerBound {
            _ = idx
            let a = actors.actors[mm.actor]
            if possessive || a.kind == .organization || a.kind == .person { return (mm.actor, true) }
            // a state: adjective or abbreviation -> imposer, plain name -> target
            if let st = lex.state(doc, at: mm.tokenRange.lowerBound, end: k + 1) {
                let roles = lex.states.roles(ofWord: doc.lower(mm.tokenRange.lowerBound)).map(\.role)
                if st.role == "adjective" || roles.contains("adjective") { return (mm.actor, true) }
            }
            return (mm.actor, false)
        }
        return nil
    }

    /// "by the EU", "by the United States and Canada".
    func agent(after start: Int, _ r: Range<Int>) -> [Int]? {
        var k = start
        while k < r.upperBound, k < start + 6 {
            if isHardBoundary(k) { return nil }
            if doc.lower(k, is: "by") {
                var out: [Int] = []
                var j = k + 1
                while j < r.upperBound, j < k + 10 {
                    if mentionStart[j] >= 0 {
                        let mm = actors.mentions[Int(mentionStart[j])]
                        if !isPossessive(mm.tokenRange.upperBound) { out.append(mm.actor) }
                        j = mm.tokenRange.upperBound
                        continue
                    }
                    let w = doc.lower(j)
                    if !(w == "the" || w == "and" || isPunctByte(j, 0x2C)) && !out.isEmpty { break }
                    if SanctionScan.targetStops.contains(doc, j) { break }
                    j += 1
                }
                return out.isEmpty ? nil : out
            }
            k += 1
        }
        return nil
    }

    /// Where the clause of a token starts: after a quote mark, a colon, a speech verb, "that", "which", "if" ...
    func clauseStart(before t: Int, _ r: Range<Int>) -> Int {
        var k = t - 1
        while k >= r.lowerBound {
            if isHardBoundary(k) { return k + 1 }
            let w = doc.lower(k)
            if SanctionScan.clauseStops.contains(doc, k), !doc.tokens[k].isCapitalized || k == r.lowerBound { return k + 1 }
            // A speech verb starts a reported clause ("said the EU imposed ..."), unless it governs the measure itself
            // ("announced new sanctions").
            if lex.speechVerbs.value(doc, k) == .say, !doc.tokens[k].isCapitalized, k < t - 1 { return k + 1 }
            k -= 1
        }
        return r.lowerBound
    }

    /// The subject actors of a clause: the first actor phrase and those coordinated with it
    /// ("The United States and European Union"), skipping introductory phrases.
    func subjectActors(_ range: Range<Int>, _ r: Range<Int>) -> [Int] {
        guard !range.isEmpty else { return [] }
        var out: [Int] = []
        var k = range.lowerBound
        // Skip an introductory phrase ending in a comma ("On Monday, ...", "In Brussels, ...").
        if QuoteSpeakerFinder.introWords.contains(doc, k) {
            var c = k
            while c < range.upperBound, !isPunctByte(c, 0x2C) { c += 1 }
            if c < range.upperBound { k = c + 1 }
        }
        var started = false
        while k < range.upperBound {
            if mentionStart[k] >= 0 {
                let mm = actors.mentions[Int(mentionStart[k])]
                let end = mm.tokenRange.upperBound
                if isPossessive(end) {
                    // "Russia's foreign ministry": the possessor speaks for the phrase when nothing else does
                    if !started { out.append(mm.actor); started = true }
                    k = end + 1
                    continue
                }
                if !out.contains(mm.actor) { out.append(mm.actor) }
                started = true
                k = end
                continue
            }
            let w = doc.lower(k)
            if started {
                if w == "and" || isPunctByte(k, 0x2C) || w == "the" || w == "of" { k += 1; continue }
                // A word after the subject ends it, unless it heads the phrase ("EU states", "the bloc's ministers").
                if doc.tokens[k].kind == .word, !doc.tokens[k].isCapitalized, lex.speakerNouns.value(doc, k) != nil || w == "states" || w == "countries" || w == "members" { k += 1; continue }
                break
            }
            k += 1
        }
        return out
    }

    func kind(_ m: Range<Int>, _ r: Range<Int>, base: SanctionKind?) -> SanctionKind {
        var kinds: [SanctionKind] = []
        var k = m.lowerBound - 1
        while k >= r.lowerBound, k >= m.lowerBound - 6 {
            let w = doc.lower(k)
            if let v = lex.sanctionTerms.value(doc, k, role: "kind"), let kk = SanctionKind(rawValue: v) {
                if !kinds.contains(kk) { kinds.append(kk) }
            } else if !(w == "and" || isPunctByte(k, 0x2C) || w == "new" || w == "the") {
                break
            }
            k -= 1
        }
        if let base { return base }
        let specific = kinds.filter { $0 != .other }
        if specific.count >= 2 { return .sectoral }
        return specific.first ?? .other
    }

    func conditional(_ clause: Int, _ m: Range<Int>, _ r: Range<Int>) -> Bool {
        var k = max(r.lowerBound, min(clause, m.lowerBound - 10))
        while k < min(r.upperBound, m.upperBound + 8) {
            let w = doc.lower(k)
            if lex.sanctionTerms.has(doc, k, role: "hedge") {
                if w == "if" || w == "unless" || w == "whether" || k < m.upperBound { return true }
                if k < m.upperBound + 3 { return true }
            }
            k += 1
        }
        return false
    }

    // MARK: rows

    mutating func emit(_ s: Int, imposers: [Int], targets: [Target], action: SanctionAction, kind: SanctionKind,
                       conditional: Bool, trigger: Range<Int>, rule: String, inForce: Bool) {
        let stated: String?
        if let known = statedOn[s] {
            stated = known
        } else {
            stated = dates.date(inSentence: s, of: doc)?.0.iso ?? context.publishedOn
            statedOn[s] = stated
        }
        let lo = doc.tokens[max(0, trigger.lowerBound)].start
        let hi = doc.tokens[min(doc.tokens.count - 1, trigger.upperBound - 1)].end
        let imps: [Int?] = imposers.isEmpty ? [nil] : imposers.map { Optional($0) }
        for t in targets {
            for i in imps where i == nil || i != t.actor {
                if inForce { mentionRows.insert(rows.count) }
                rows.append(SanctionRow(sentence: s, imposer: i, target: t.actor, targetDescription: t.actor == nil ? t.description : nil,
                                        targetCountry: t.actor == nil ? t.country : nil, action: action, kind: kind, statedOn: stated,
                                        conditional: conditional, triggerText: doc.text(lo..<hi),
                                        startChar: doc.scalarOffset(lo), endChar: doc.scalarOffset(hi), rule: rule))
            }
        }
    }

    func targetKey(_ r: SanctionRow) -> String {
        if let t = r.target { return "a\(t)" }
        return "d" + (r.targetDescription ?? "").lowercased()
    }

    /// Fills missing imposers from rows on the same target, then keeps one row per imposer, target and action.
    func finish() -> [SanctionRow] {
        var rows = self.rows
        // Rows that only say measures are in force give way to rows with an action on the same target.
        var acted = Set<String>()
        for (i, r) in rows.enumerated() where !mentionRows.contains(i) { acted.insert(targetKey(r)) }
        var kept: [SanctionRow] = []
        for (i, r) in rows.enumerated() where !(mentionRows.contains(i) && acted.contains(targetKey(r))) { kept.append(r) }
        rows = kept
        for i in rows.indices where rows[i].imposer == nil {
            let key = targetKey(rows[i])
            let donors = rows.filter { $0.imposer != nil && targetKey($0) == key }
            if let d = donors.first(where: { $0.action == .impose }) ?? donors.first { rows[i].imposer = d.imposer }
        }
        var seen = Set<String>()
        var out: [SanctionRow] = []
        for r in rows {
            let key = "\(r.imposer ?? -1)|\(targetKey(r))|\(r.action.rawValue)"
            if seen.insert(key).inserted { out.append(r) }
        }
        return out
    }
}
