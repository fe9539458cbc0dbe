import IRStore

/// The shallow grammar of the event coder: triggers, subjects, objects, agents, modes.
///
/// Works on token indices and actor mentions only: no parse tree. Each rule is named, and the
/// names of the rules that assigned source and target are stored with the event
/// ("subject|object", "passive-agent|subject", "modifier|prep-object", ...).
struct Grammar {
    let doc: Document
    let analysis: ActorAnalysis
    let lex: VerbLexicon
    /// Token index -> index into `analysis.mentions` (-1: none).
    let mentionAt: [Int32]
    /// First token of a place with a country -> index into `analysis.places`.
    let placeAt: [Int: Int]
    /// Token index -> index into `lex.formInfo` of its lowercased text (-1: no pattern word's form).
    let formAt: [Int32]
    /// Token index -> `WordClass` bits of its lowercased text.
    let classes: [UInt64]

    init(doc: Document, analysis: ActorAnalysis, lexicon: VerbLexicon) {
        self.doc = doc
        self.analysis = analysis
        self.lex = lexicon
        var at = [Int32](repeating: -1, count: doc.tokens.count)
        for (mi, m) in analysis.mentions.enumerated() {
            guard m.actor >= 0, m.actor < analysis.actors.count else { continue }
            for t in m.tokenRange where t < at.count && at[t] < 0 { at[t] = Int32(mi) }
        }
        self.mentionAt = at
        var pa: [Int: Int] = [:]
        for (k, p) in analysis.places.enumerated() where p.place.countryCode != nil && !p.tokenRange.isEmpty {
            pa[p.tokenRange.lowerBound] = k
        }
        // "shelled Iraqi towns": the adjective's state, numbered after the places.
        for (k, p) in analysis.locationHints.enumerated() where !p.tokenRange.isEmpty && pa[p.tokenRange.lowerBound] == nil {
            pa[p.tokenRange.lowerBound] = analysis.places.count + k
        }
        self.placeAt = pa
        var forms = [Int32](repeating: -1, count: doc.tokens.count)
        var classes = [UInt64](repeating: 0, count: doc.tokens.count)
        for i in 0..<doc.tokens.count {
            guard let v = lexicon.grammarWords.value(doc, i) else { continue }
            classes[i] = v & (1 << 40 - 1)
            forms[i] = Int32(truncatingIfNeeded: v >> 40) - 1
        }
        self.formAt = forms
        self.classes = classes
    }

    // MARK: - Word classes

    static let determiners: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "some", "several", "many",
        "two", "three", "four", "five", "both", "all", "other", "another", "any", "each", "every", "more", "most",
    ]
    static let objectStops: Set<String> = [
        "of", "in", "on", "at", "for", "with", "to", "from", "by", "about", "over", "against", "into", "after", "before",
        "during", "under", "between", "through", "since", "as", "like", "via", "amid", "despite", "without", "upon",
        "and", "or", "but", "that", "which", "who", "whom", "whose", "while", "when", "where", "if", "because", "than",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "told",
        "could", "can", "may", "might", "should", "must", "not", "it", "they", "he", "she", "we",
    ]
    /// Words that end the search for the target of an intent ("threatened to cut ties with X").
    static let infinitiveStops: Set<String> = ["and", "or", "but", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "it", "they", "he", "she", "we"]
    static let locatives: Set<String> = ["in", "at", "near", "inside", "outside", "across", "into", "toward", "towards", "throughout", "around"]
    static let clauseBoundaries: Set<String> = [
        "said", "says", "say", "told", "tells", "because", "while", "whereas", "although", "though", "if", "unless",
        "when", "whenever", "after", "before", "since", "until", "where", "so", "yet", "amid", "despite", "whether",
        "according", "saying", "adding", "than",
    ]
    static let titleWords: Set<String> = [
        "minister", "president", "secretary", "foreign", "defense", "defence", "prime", "chief", "general", "spokesman",
        "spokeswoman", "spokesperson", "ambassador", "envoy", "leader", "commander", "head", "deputy", "vice", "state",
        "affairs", "counterpart", "premier", "chancellor", "king", "queen", "prince", "emir", "sheikh", "senator",
        "representative", "official", "officials", "director", "chairman", "army", "of", "interior", "finance", "top",
        "diplomat", "supreme", "military", "security", "national", "adviser", "advisor", "homologue", "colleague",
        "mayor", "governor", "leaders", "ministers", "representatives", "envoys", "diplomats", "counterparts", "members",
    ]
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "did", "does",
        "do", "is", "are", "was", "were", "be", "been", "being", "not", "n't", "never", "also", "reportedly",
        "allegedly", "already", "later", "then", "again", "repeatedly", "jointly", "both", "to", "just", "recently",
        "previously", "formally", "officially", "publicly", "openly", "strongly", "firmly", "sharply", "finally",
        "still", "once", "further", "immediately", "quickly", "swiftly", "effectively", "indeed", "even",
    ]
    static let beForms: Set<String> = ["was", "were", "is", "are", "be", "been", "being", "get", "got", "gets", "getting", "'s"]
    static let lightVerbForms: Set<String> = {
        var s = Set<String>()
        for v in ["hold", "have", "conduct", "launch", "carry", "make", "pay", "sign", "reach", "impose", "begin", "start",
                  "resume", "open", "stage", "mount", "wage", "announce", "order", "continue", "intensify", "step",
                  "escalate", "expand", "extend", "renew", "lead", "host", "join", "approve", "authorize", "authorise",
                  "level", "issue", "deliver", "send", "provide", "give", "offer", "unleash", "prepare", "plan",
                  "threaten", "step", "keep", "maintain", "tighten", "slap", "ramp", "agree", "seal", "strike", "conclude",
                  "complete", "speed", "accelerate", "finish", "hasten", "delay"] {
            s.formUnion(VerbLexicon.inflections(of: v))
        }
        for f in ["held", "had", "made", "paid", "began", "begun", "led", "sent", "gave", "given", "kept", "struck", "carried"] { s.insert(f) }
        return s
    }()
    /// Verbs whose "to"-infinitive is not (yet) an event: "plans to visit", "wants to attack".
    static let futureGovernors: Set<String> = {
        var s = Set<String>()
        for v in ["plan", "intend", "expect", "schedule", "prepare", "decide", "vow", "pledge", "promise", "agree", "set", "due", "go", "aim", "mean"] {
            s.formUnion(VerbLexicon.inflections(of: v))
        }
        for f in ["about", "likely", "poised", "ready", "going", "willing", "prepared", "determined", "eager"] { s.insert(f) }
        return s
    }()
    /// Verbs whose "to"-infinitive is a threatened act: "threatened to cut ties".
    static let threatGovernors: Set<String> = Set(["threaten", "vow", "warn", "swear"].flatMap { VerbLexicon.inflections(of: $0) } + ["sworn", "swore"])
    /// Verbs whose "to"-infinitive is wished for: a violent act wished for is a threat of force.
    static let desireGovernors: Set<String> = Set(["want", "wish", "seek"].flatMap { VerbLexicon.inflections(of: $0) } + ["sought"])
    static let hypotheticalGovernors: Set<String> = {
        var s = Set<String>()
        for v in ["want", "hope", "seek", "try", "attempt", "offer", "propose", "threaten", "urge", "ask", "call", "demand",
                  "need", "wish", "push", "press", "encourage", "order", "tell", "appeal", "request", "allow", "consider",
                  "pressure", "invite", "warn", "insist", "able", "unable", "fail", "refuse", "decline"] {
            s.formUnion(VerbLexicon.inflections(of: v))
        }
        for f in ["sought", "told"] { s.insert(f) }
        return s
    }()
    /// Verbs after which a "to"-infinitive reports a done act: "began to withdraw".
    static let assertedGovernors: Set<String> = Set(["begin", "start", "continue", "manage", "move", "use", "proceed", "rush", "act", "resort"].flatMap { VerbLexicon.inflections(of: $0) } + ["began", "begun"])
    static let timeWords: Set<String> = [
        "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",
        "morning", "evening", "night", "afternoon", "earlier", "last", "week", "month", "year", "also", "now",
    ]
    static let pronouns: Set<String> = ["it", "they", "he", "she", "we"]
    static let units: Set<String> = ["tons", "tonnes", "ton", "tonne", "kg", "kilograms", "kilos", "barrels", "dollars", "euros", "pounds",
                                     "doses", "rounds", "units", "pieces", "items", "vehicles", "trucks", "truckloads"]
    static let subjectlessPrepositions: Set<String> = ["for", "to", "from", "with", "by", "against", "about", "toward", "towards", "into", "onto", "over", "under"]
    /// Armed bodies, whose marching is no protest.
    static let forceNouns: Set<String> = ["troops", "soldiers", "forces", "army", "armies", "units", "columns", "tanks", "militiamen", "fighters", "rebels", "guerrillas", "insurgents", "convoy", "convoys"]
    static let statementForms: Set<String> = Set(["announce", "claim", "insist", "warn", "state", "confirm", "declare", "add"].flatMap { VerbLexicon.inflections(of: $0) })
    static let objectPronouns: Set<String> = ["them", "him", "her", "it"]
    static let violentRoots: RootSet = ["15", "17", "18", "19", "20"]
    /// Acts whose target may be named only as the state where the people they reach are: violence,
    /// and aid ("sent food aid to refugees in Chad").
    static let placeAimedRoots: RootSet = ["07", "15", "17", "18", "19", "20"]
    /// Verbal reactions aimed at what an actor did or said ("criticized the U.S. decision").
    static let reactionRoots: RootSet = ["01", "05", "11", "12"]
    static let negators: Set<String> = ["not", "n't", "never", "no", "neither", "nor", "without"]
    static let denyForms: Set<String> = Set(["deny", "dismiss", "reject", "refute"].flatMap { VerbLexicon.inflections(of: $0) })
    static let speechForms: Set<String> = Set(["say", "announce", "state", "declare", "confirm", "report", "tell", "add"].flatMap { VerbLexicon.inflections(of: $0) } + ["said", "told"])

    /// Word classes of the grammar, one bit each: the sets above, looked up once per token
    /// (`classes`) instead of hashing a token's string for every test.
    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt64
        static let determiner = WordClass(rawValue: 1 << 0)
        static let objectStop = WordClass(rawValue: 1 << 1)
        static let infinitiveStop = WordClass(rawValue: 1 << 2)
        static let locative = WordClass(rawValue: 1 << 3)
        static let clauseBoundary = WordClass(rawValue: 1 << 4)
        static let title = WordClass(rawValue: 1 << 5)
        static let auxiliary = WordClass(rawValue: 1 << 6)
        static let be = WordClass(rawValue: 1 << 7)
        static let lightVerb = WordClass(rawValue: 1 << 8)
        static let futureGovernor = WordClass(rawValue: 1 << 9)
        static let threatGovernor = WordClass(rawValue: 1 << 10)
        static let desireGovernor = WordClass(rawValue: 1 << 11)
        static let assertedGovernor = WordClass(rawValue: 1 << 12)
        static let time = WordClass(rawValue: 1 << 13)
        static let pronoun = WordClass(rawValue: 1 << 14)
        static let unit = WordClass(rawValue: 1 << 15)
        static let subjectlessPreposition = WordClass(rawValue: 1 << 16)
        static let forceNoun = WordClass(rawValue: 1 << 17)
        static let statement = WordClass(rawValue: 1 << 18)
        static let objectPronoun = WordClass(rawValue: 1 << 19)
        static let negator = WordClass(rawValue: 1 << 20)
        static let deny = WordClass(rawValue: 1 << 21)
        static let speech = WordClass(rawValue: 1 << 22)
        static let peopleNoun = WordClass(rawValue: 1 << 23)
        static let violentNoun = WordClass(rawValue: 1 << 24)
        static let partNoun = WordClass(rawValue: 1 << 25)
        static let locationModifier = WordClass(rawValue: 1 << 26)
        static let placeLink = WordClass(rawValue: 1 << 27)
        static let placeTitle = WordClass(rawValue: 1 << 28)
        static let victim = WordClass(rawValue: 1 << 29)
        static let accidentNoun = WordClass(rawValue: 1 << 30)
        static let nounPreposition = WordClass(rawValue: 1 << 31)
        static let refusal = WordClass(rawValue: 1 << 32)
        /// "more", "fewer", "less" (before "than").
        static let comparative = WordClass(rawValue: 1 << 33)
        /// "over", "nearly", "some" ... before a number.
        static let approximator = WordClass(rawValue: 1 << 34)
        /// "or", "but", "that", "which", "who": words between pattern words that end a match.
        static let gapStop = WordClass(rawValue: 1 << 35)
        /// "million", "billion".
        static let scale = WordClass(rawValue: 1 << 36)
    }

    /// The words of each class (see `VerbLexicon.grammarWords`).
    static let classLists: [(Set<String>, WordClass)] = [
        (determiners, .determiner), (objectStops, .objectStop), (infinitiveStops, .infinitiveStop), (locatives, .locative),
        (clauseBoundaries, .clauseBoundary), (titleWords, .title), (auxiliaries, .auxiliary), (beForms, .be),
        (lightVerbForms, .lightVerb), (futureGovernors, .futureGovernor), (threatGovernors, .threatGovernor),
        (desireGovernors, .desireGovernor), (assertedGovernors, .assertedGovernor), (timeWords, .time), (pronouns, .pronoun),
        (units, .unit), (subjectlessPrepositions, .subjectlessPreposition), (forceNouns, .forceNoun),
        (statementForms, .statement), (objectPronouns, .objectPronoun), (negators, .negator), (denyForms, .deny),
        (speechForms, .speech), (peopleNouns, .peopleNoun), (violentNouns, .violentNoun), (partNouns, .partNoun),
        (locationModifiers, .locationModifier), (placeLinks, .placeLink), (placeTitles, .placeTitle),
        (victimForms, .victim), (accidentNouns, .accidentNoun), (nounPrepositions, .nounPreposition),
        (refusalForms, .refusal), (["more", "fewer", "less"], .comparative),
        (["over", "nearly", "almost", "about", "around", "some", "roughly", "approximately"], .approximator),
        (["or", "but", "that", "which", "who"], .gapStop), (["million", "billion"], .scale),
    ]

    /// Token `k`'s lowercased text is in one of the classes `c`.
    @inline(__always) func has(_ k: Int, _ c: WordClass) -> Bool { classes[k] & c.rawValue != 0 }
    /// Token `k`'s lowercased text is `word` (compared as bytes).
    @inline(__always) func isW(_ k: Int, _ word: StaticString) -> Bool { doc.lower(k, is: word) }
    @inline(__always) func w(_ k: Int) -> String { doc.lower(k) }
    @inline(__always) func isPunct(_ k: Int, _ b: UInt8) -> Bool {
        doc.tokens[k].kind == .punct && doc.bytes[doc.tokens[k].start] == b && doc.tokens[k].end - doc.tokens[k].start == 1
    }
    func isHyphen(_ k: Int) -> Bool { isPunct(k, 0x2D) }
    /// Token `k` is one of its own lemmas ("visit", not "visited").
    func isBase(_ k: Int) -> Bool { formAt[k] >= 0 && lex.formInfo[Int(formAt[k])].isBase }
    func mention(_ mi: Int) -> ActorMention { analysis.mentions[mi] }
    func mentionIndex(at k: Int) -> Int? { k >= 0 && k < mentionAt.count && mentionAt[k] >= 0 ? Int(mentionAt[k]) : nil }
    func isPossessive(_ k: Int) -> Bool {
        return isW(k, "'s") || isW(k, "\u{2019}s") || isW(k, "'")
    }

    // MARK: - Sentences

    /// Codes the events of sentence `si`, starting at token `start` (after a dateline).
    func code(sentence si: Int, from start: Int) -> [CodedEvent] {
        let end = doc.sentences[si].tokenRange.upperBound
        var out: [CodedEvent] = []
        var i = start
        /// A claim of responsibility: the token after it and its claimants.
        var claim: (Int, [Int])?
        while i < end {
            if let mi = mentionIndex(at: i) { i = max(i + 1, mention(mi).tokenRange.upperBound); continue }
            guard doc.tokens[i].kind == .word, formAt[i] >= 0 else { i += 1; continue }
            // A capitalized word inside a sentence is a name ("Free Syrian Army", "Strike Force").
            if doc.tokens[i].isCapitalized, i != start, !(doc.tokens[i - 1].kind == .quote || isPunct(i - 1, 0x28)) {
                i += 1; continue
            }
            var best: (Int, PatternMatch)?
            for c in lex.formInfo[Int(formAt[i])].candidates {
                let ei = Int(c)
                guard let m = match(ei, at: i, end: end) else { continue }
                if let b = best {
                    let length = lex.all[ei].length, bestLength = lex.all[b.0].length
                    if length > bestLength || (length == bestLength && m.end < b.1.end) { best = (ei, m) }
                } else {
                    best = (ei, m)
                }
            }
            guard let (ei, m) = best else { i += 1; continue }
            let entry = lex.all[ei]
            if entry.pattern == "back", !backIsAVerb(i) { i += 1; continue }
            if !intransitiveProtestFits(entry, i, end: end) { i += 1; continue }
            if entry.code == "015", entry.pattern.hasSuffix("responsibility for"), let subj = subject(before: i, start: start, earlier: out) {
                claim = (m.end, subj.actors)
            }
            let claimed = claim.map { claimedAct(trigger: i, after: $0.0, end: end) } ?? false
            var found = events(entry, m, start: start, end: end, earlier: out, claimants: claimed ? claim?.1 : nil)
            if let (_, claimants) = claim, claimed {
                // "X claimed responsibility for an attack on Y": the claim (015) aimed at the act's target.
                found = claimants.flatMap { c in
                    found.map { ev in
                        var ev = ev
                        ev.source = actorOf(c); ev.code = "015"; ev.mode = .asserted; ev.rule = "claim|" + ev.rule
                        return ev
                    }
                }.filter { $0.source != $0.target }
                claim = nil
            }
            out.append(contentsOf: found)
            i = max(i + 1, m.lastWord + 1)
        }
        return out
    }

    /// The trigger at `t` names the act whose responsibility is claimed right before it
    /// ("claimed responsibility for a deadly bombing", "for shooting down").
    func claimedAct(trigger t: Int, after k: Int, end: Int) -> Bool {
        guard t >= k, t <= k + 4 else { return false }
        var j = k
        while j < t {
            if doc.tokens[j].kind != .word || mentionIndex(at: j) != nil || has(j, .objectStop) { return false }
            j += 1
        }
        return true
    }

    /// "riot" and "demonstrate" alone are protests only as intransitive verbs: not "riot police",
    /// not "demonstrated its resolve".
    func intransitiveProtestFits(_ e: VerbLexicon.Entry, _ i: Int, end: Int) -> Bool {
        guard e.pattern == "riot" || e.pattern == "demonstrate" || e.pattern == "march" else { return true }
        if e.pattern == "march" {
            // "students marched in the capital"; but troops march into a town, and a march is a noun.
            var p = i - 1
            while p >= 0, has(p, .auxiliary) { p -= 1 }
            if p >= 0, has(p, .determiner) || has(p, .forceNoun) || isPossessive(p) { return false }
            return i + 1 >= end || !["into", "on", "toward", "towards", "to", "across", "back", "past", "off", "out", "forward", "ahead"].contains(w(i + 1))
        }
        guard i + 1 < end else { return true }
        let n = w(i + 1)
        if e.pattern == "riot" { return !["police", "gear", "squad", "squads", "troops", "control", "shields", "act"].contains(n) }
        return !(has(i + 1, .determiner) || ["its", "their", "his", "her", "that", "how", "what", "willingness", "support"].contains(n))
    }

    /// The state of the protesters' own country, for a protest that names no target: a mention of
    /// that state in the document ("Kenyan students demonstrated" -> Kenya).
    func ownStateMention(of sources: [Int]) -> Int? {
        guard let s = sources.first, s >= 0 else { return nil }
        let a = analysis.actors[mention(s).actor]
        // "Thousands of Egyptians marched": a people protests against its own state.
        if a.kind == .state, isPeople(s) { return s }
        guard a.kind != .state, let cc = a.countryCode else { return nil }
        return analysis.mentions.firstIndex { m in
            m.actor >= 0 && m.actor < analysis.actors.count && analysis.actors[m.actor].kind == .state && analysis.actors[m.actor].countryCode == cc
        }
    }

    /// A target that is a state given by its code (`CodedEvent.targetState`), named by no mention.
    static let stateTarget = Int.min
    /// The country of a non-state source: "Iranian protesters" -> IRN.
    func ownCountry(of sources: [Int]) -> String? {
        guard let s = sources.first, s >= 0 else { return nil }
        let a = analysis.actors[mention(s).actor]
        guard a.kind != .state else { return nil }
        return a.countryCode
    }

    /// A state's mention that names its people, not its government: a plural demonym
    /// ("Egyptians", "Nigerians") or a demonym before a plural people noun ("Syrian Kurds").
    func isPeople(_ mi: Int) -> Bool {
        guard mi >= 0 else { return false }
        let m = mention(mi)
        let a = analysis.actors[m.actor]
        guard a.kind == .state, m.tokenRange.count == 1 else { return false }
        // "ethnic Albanians" may live in any state.
        if m.tokenRange.lowerBound > 0, isW(m.tokenRange.lowerBound - 1, "ethnic") { return false }
        let text = w(m.tokenRange.lowerBound)
        if doc.lower(m.tokenRange.lowerBound, hasSuffix: "ans") || doc.lower(m.tokenRange.lowerBound, hasSuffix: "is"), text != a.name.lowercased(), doc.tokens[m.tokenRange.lowerBound].isCapitalized {
            // "Egyptians", "Iraqis" (not "Paris", a capital standing for its state)
            let capitals = a.countryCode.flatMap { Lexicon.shared.state($0) }?.capitals ?? []
            return !capitals.contains { $0.lowercased() == text }
        }
        let k = m.tokenRange.upperBound
        guard k < doc.tokens.count, doc.tokens[k].kind == .word, mentionIndex(at: k) == nil else { return false }
        return has(k, .peopleNoun)
    }

    /// Plural nouns of peoples and crowds that a demonym may modify ("Syrian Kurds", "Palestinian youths").
    static let peopleNouns: Set<String> = ["kurds", "arabs", "youths", "villagers", "residents", "citizens", "crowds", "women", "men",
                                           "pensioners", "shopkeepers", "traders", "truckers", "lawyers", "doctors", "nurses", "refugees",
                                           "exiles", "expatriates", "emigres", "muslims", "christians", "shiites", "sunnis", "tribesmen"]

    /// "back" is the verb "to back" only after a subject, an auxiliary or "to" ("Russia backs", "has backed").
    func backIsAVerb(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        if mentionIndex(at: i - 1) != nil { return true }
        return has(i - 1, .auxiliary) || doc.lower(i - 1, hasSuffix: "ly") || isW(i - 1, "who") || isW(i - 1, "which") || isW(i - 1, "that")
            || isW(i - 1, "and") || isW(i - 1, "but")
    }

    // MARK: - Patterns

    struct PatternMatch {
        /// Token of the first pattern word.
        var firstWord: Int
        /// One past the last pattern word (or slot).
        var end: Int
        /// Token of the last pattern word.
        var lastWord: Int
        /// Mentions in the target slot.
        var slot: [Int]
    }

    /// Matches entry `ei` of `lex.all` at token `i` (whose word matches the entry's head).
    func match(_ ei: Int, at i: Int, end: Int) -> PatternMatch? {
        let kind = lex.all[ei].kind
        var k = i + 1
        var last = i
        var slot: [Int] = []
        var si = Int(lex.stepStart[ei])
        let stepEnd = Int(lex.stepStart[ei + 1])
        while si < stepEnd {
            let el = lex.steps[si]
            si += 1
            switch el {
            case .slot:
                guard let (ms, next) = slotMentions(from: k, end: end) else { return nil }
                slot = ms
                k = next
            case .word(let fi):
                // Up to three modifier words may stand between pattern words ("imposed new economic sanctions on").
                var j = k
                var found = -1
                // A reverse frame's noun may carry its author among its modifiers: "faced stiff
                // international and Palestinian criticism".
                let gap = kind == .reverse ? 5 : 3
                while j < end, j <= k + gap {
                    if doc.tokens[j].kind == .word, lex.stepForms[Int(fi)].contains(doc, j), !isTemporalPreposition(j, end: end) {
                        found = j; break
                    }
                    if mentionIndex(at: j) != nil, kind != .reverse { break }
                    let t = doc.tokens[j]
                    if t.kind == .punct && !isHyphen(j) { break }
                    if t.kind == .quote { break }
                    if (isW(j, "and") && kind != .reverse) || has(j, [.gapStop, .clauseBoundary]) { break }
                    // Quantities do not count against the gap: "gave X 5.1 million dollars of aid".
                    if t.kind == .number || has(j, .scale) { j += 1; k += 1; continue }
                    // Units after a quantity do not count either: "10,000 tons of food aid".
                    if j > i, doc.tokens[j - 1].kind == .number || has(j - 1, .scale),
                       has(j, .unit) {
                        j += 1; k += 1
                        if j < end, isW(j, "of") { j += 1; k += 1 }
                        continue
                    }
                    // A hyphen joins a compound modifier and does not count either: "anti-aircraft missiles".
                    if isHyphen(j) { j += 1; k += 1; continue }
                    j += 1
                }
                guard found >= 0 else { return nil }
                last = found
                k = found + 1
            }
        }
        return PatternMatch(firstWord: i, end: k, lastWord: last, slot: slot)
    }

    /// "on Thursday", "in March": a preposition of time, which no pattern's preposition is.
    func isTemporalPreposition(_ j: Int, end: Int) -> Bool {
        guard isW(j, "on") || isW(j, "in"), j + 1 < end else { return false }
        return CalendarDate.weekdayNames.value(doc, j + 1) != nil || CalendarDate.monthNames.value(doc, j + 1) != nil
    }

    /// The mentions of a target slot starting at `k` (after determiners), and the index past them.
    func slotMentions(from k: Int, end: Int) -> ([Int], Int)? {
        var j = k
        while j < end, j < k + 2, has(j, .determiner) { j += 1 }
        guard j < end, let mi = mentionIndex(at: j) else { return nil }
        let h = head(mi, end: end)
        let group = coordinatedRight(h, end: end)
        let next = mention(group.last!).tokenRange.upperBound
        return (group, next)
    }

    // MARK: - Actors around a trigger

    /// The head of a noun phrase that starts with mention `mi`: "Russian Foreign Minister Sergei Lavrov" -> Lavrov.
    func head(_ mi: Int, end: Int) -> Int {
        var cur = mi
        var guardCount = 0
        while guardCount < 4 {
            guardCount += 1
            var j = mention(cur).tokenRange.upperBound
            var steps = 0
            var next: Int?
            while j < end, steps < 5 {
                if let m2 = mentionIndex(at: j), m2 != cur { next = m2; break }
                let t = doc.tokens[j]
                if isPossessive(j) || isHyphen(j) || (t.kind == .word && t.isCapitalized && !has(j, .clauseBoundary))
                    || (t.kind == .word && has(j, .title) && (!isW(j, "of") || (j + 1 < end && doc.tokens[j + 1].isCapitalized))) {
                    j += 1; steps += 1; continue
                }
                break
            }
            guard let n = next else { break }
            // "Russia's foreign minister, Sergei Lavrov": only NP-internal words between the two.
            cur = n
        }
        return cur
    }

    /// The first actor named from token `k`, skipping up to `maxSkip` modifier words, with its head.
    func findMention(from k: Int, end: Int, maxSkip: Int = 4, crossPrepositions: Bool = false) -> Int? {
        var j = k
        var skipped = 0
        while j < end, skipped <= maxSkip {
            if let mi = mentionIndex(at: j) {
                let m = mention(mi)
                // "in Moscow" after the object position names a place, not a target.
                if m.tokenRange.lowerBound > k, has(m.tokenRange.lowerBound - 1, .locative) { return nil }
                return head(mi, end: end)
            }
            let t = doc.tokens[j]
            if t.kind == .punct { if isHyphen(j) { j += 1; continue }; return nil }
            if t.kind == .quote { j += 1; continue }
            // "more than 100 Palestinians", "at least 20 Syrian soldiers", "up to 50 ..."
            if j + 1 < end, (has(j, .comparative) && isW(j + 1, "than")) || (isW(j, "at") && (isW(j + 1, "least") || isW(j + 1, "most")))
                || (isW(j, "up") && isW(j + 1, "to")) || (isW(j, "as") && isW(j + 1, "many")) {
                j += 2; continue
            }
            // "freed over 150 prisoners", "some 40 soldiers"
            if j + 1 < end, has(j, .approximator),
               doc.tokens[j + 1].kind == .number || NumberWords.wordValue(doc, j + 1) != nil {
                j += 1; continue
            }
            // "met the president of Armenia": a title's "of" leads to the state it serves.
            if isW(j, "of"), j > k, has(j - 1, .title), !isW(j - 1, "of") { j += 1; continue }
            if crossPrepositions {
                if has(j, .clauseBoundary) || has(j, .infinitiveStop) || has(j, .locative) { return nil }
            } else if has(j, .objectStop) || has(j, .clauseBoundary) {
                return nil
            }
            j += 1; skipped += 1
        }
        return nil
    }

    /// For violent acts, the actor a place phrase stands for: "a strike on a building in the
    /// Ukrainian city of Mykolaiv" -> Ukraine.
    func placeTarget(after k: Int, end: Int) -> Int? {
        var j = k
        var n = 0
        while j < end, n < 10 {
            if let mi = mentionIndex(at: j) {
                let m = mention(mi)
                var b = m.tokenRange.lowerBound - 1
                while b > k, has(b, .determiner) || has(b, .locationModifier) { b -= 1 }
                // "in the south of Ukraine", "on the outskirts of Kyiv"
                if b > k + 1, isW(b, "of"), has(b - 1, .partNoun) {
                    b -= 2
                    while b > k, has(b, .determiner) { b -= 1 }
                }
                guard b >= k, has(b, .locative) else { return nil }
                guard analysis.actors[m.actor].kind == .state else { return nil }
                return mi
            }
            let t = doc.tokens[j]
            if t.kind == .punct, !isHyphen(j) { return nil }
            if has(j, .clauseBoundary) || has(j, .infinitiveStop) { return nil }
            j += 1; n += 1
        }
        return nil
    }

    static let violentNouns: Set<String> = ["bomb", "bombs", "bombing", "bombings", "blast", "blasts", "explosion", "explosions", "attack", "attacks",
                                            "ambush", "shelling", "airstrike", "airstrikes", "rocket", "rockets", "mortar", "mortars", "mine", "grenade", "suicide"]

    /// The subject of a clause that names no actor, for acts PETRARCH codes from a place: a crowd's
    /// protest ("Hundreds of thousands of people blocked streets in Hong Kong", source and target the
    /// place's state) and an agentless attack ("A roadside bombing near Samarra killed a U.S. soldier").
    func placeSubject(before t: Int, start: Int, end: Int, entry e: VerbLexicon.Entry, _ m: PatternMatch) -> (actors: [Int], rule: String)? {
        let protest = Grammar.root(e.code) == 14
        guard protest || Grammar.violentRoots.contains(rootOf: e.code) else { return nil }
        var k = t - 1
        var place: Int?
        var violent = false
        while k >= start {
            if has(k, .clauseBoundary) || isPunct(k, 0x3B) || doc.tokens[k].kind == .quote { break }
            if mentionIndex(at: k) != nil { return nil }
            if let p = placeAt[k], place == nil { place = -p - 1 }
            if has(k, .violentNoun) { violent = true }
            k -= 1
        }
        if protest {
            if let p = place ?? placeObject(after: m.end, end: end) { return ([p], "crowd-place") }
            // "Inmates rioted at a prison in Ecuador's capital": the state named after a locative.
            if let mi = placeTarget(after: m.end, end: end) { return ([mi], "crowd-place") }
            return nil
        }
        guard violent, let p = place else { return nil }
        return ([p], "attack-place")
    }

    /// Parts of a place: "the south of", "the outskirts of".
    static let partNouns: Set<String> = ["north", "south", "east", "west", "centre", "center", "outskirts", "suburbs", "edge", "heart", "rest", "part", "parts", "northeast", "northwest", "southeast", "southwest"]

    /// A state's adjective that the recognizer left as a location hint, right before a violent noun
    /// ("Israeli tank shelling", "Russian shelling"): the author of the act (a negative place index).
    func hintModifier(before t: Int, start: Int) -> Int? {
        var k = t - 1
        var skipped = 0
        while k >= start, skipped <= 2 {
            if let p = placeAt[k], p >= analysis.places.count { return -p - 1 }
            if mentionIndex(at: k) != nil { return nil }
            let tok = doc.tokens[k]
            if tok.kind != .word || tok.isCapitalized || has(k, .determiner) || has(k, .objectStop) { return nil }
            k -= 1; skipped += 1
        }
        return nil
    }

    /// Roots whose act aims at a place, which stands for its state when no actor is named
    /// (PETRARCH codes a place's country as the target): violence, shows of force, protests.
    /// A CAMEO code's root as a number ("0874" -> 8), when its first two characters are digits.
    @inline(__always) static func root(_ code: String) -> Int? {
        var it = code.utf8.makeIterator()
        guard let a = it.next(), let b = it.next(), a >= 0x30, a <= 0x39, b >= 0x30, b <= 0x39 else { return nil }
        return Int(a - 0x30) * 10 + Int(b - 0x30)
    }

    /// A set of CAMEO roots ("15", "17" ...), as bits of their numbers.
    struct RootSet: ExpressibleByArrayLiteral, Sendable {
        let bits: UInt64
        init(arrayLiteral roots: String...) {
            bits = roots.reduce(0) { $0 | 1 << UInt64(Grammar.root($1)!) }
        }
        /// `contains(String(code.prefix(2)))` of a set of strings.
        @inline(__always) func contains(rootOf code: String) -> Bool {
            guard let r = Grammar.root(code) else { return false }
            return bits & (1 << UInt64(r)) != 0
        }
    }
    static let rejectOrThreatRoots: RootSet = ["12", "13"]
    /// Acts that hold an earlier act against someone (see `mode`): demands, disapproval, rejection, threats, reductions, coercion.
    static let punishingRoots: RootSet = ["10", "11", "12", "13", "16", "17"]
    /// Accusations, demands, appeals, threats and comments (see `mode`).
    static let appealingRoots: RootSet = ["11", "10", "02", "13", "01"]

    static let mutualRoots: RootSet = ["03", "04", "05", "06"]
    static let locationModifiers: Set<String> = ["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "neighboring", "neighbouring",
                                                 "northeastern", "northwestern", "southeastern", "southwestern", "occupied", "rural", "coastal", "remote",
                                                 "besieged", "embattled"]
    /// Acts on people or property that belong to an actor: "expelled diplomats of X", "seized assets of X".
    static let ownerRoots: RootSet = ["16", "17"]
    static let placeRoots: RootSet = ["14", "15", "17", "18", "19", "20"]
    /// Visits and meetings held somewhere: "arrived in Amman", "attend a summit in Geneva".
    static let visitCodes: Set<String> = ["042", "043", "044"]
    static let placeLinks: Set<String> = ["in", "at", "on", "to", "into", "against", "near", "over", "toward", "towards", "inside", "across"]

    /// A place after `k` (the object, or after a locative preposition) with its country: returned
    /// as the negative index -(place + 1), which the coder turns into the place's state.
    func placeObject(after k: Int, end: Int, direct: Bool = false) -> Int? {
        guard !placeAt.isEmpty else { return nil }
        var j = k
        var n = 0
        if direct {
            // "in the town of Cizre", "in northern Gaza"
            while j < end, j < k + 4, isW(j, "the") || has(j, .locationModifier)
                    || (j + 1 < end && isW(j + 1, "of") && ActorResolver.placeNouns.contains(doc, j)) || (isW(j, "of") && j > k) {
                j += 1
            }
        }
        while j < end, n < (direct ? 1 : 9) {
            if let p = placeAt[j] {
                var b = j - 1
                while b >= k, isW(b, "the") || doc.tokens[b].isCapitalized || has(b, .locationModifier) { b -= 1 }
                guard direct || j == k || (b >= k - 1 && b >= 0 && has(b, .placeLink)) || (b >= 0 && isW(b, "of")) else { return nil }
                return -p - 1
            }
            if mentionIndex(at: j) != nil { return nil }
            let t = doc.tokens[j]
            if t.kind == .punct, !isHyphen(j), !isPossessive(j) { return nil }
            if has(j, .clauseBoundary) || has(j, .infinitiveStop) || isW(j, "from") { return nil }
            j += 1; n += 1
        }
        return nil
    }

    /// Mention `o` is a state introduced by "from" after token `k`.
    func comesFrom(_ o: Int, after k: Int) -> Bool {
        guard analysis.actors[mention(o).actor].kind == .state else { return false }
        var j = mention(o).tokenRange.lowerBound - 1
        while j >= k {
            if isW(j, "from") { return true }
            j -= 1
        }
        return false
    }

    /// "ethnic Albanians": a people named by a state's demonym that need not be that state's.
    func isEthnic(_ mi: Int) -> Bool {
        guard mi >= 0 else { return false }
        let m = mention(mi)
        return m.tokenRange.lowerBound > 0 && isW(m.tokenRange.lowerBound - 1, "ethnic") && analysis.actors[m.actor].kind == .state
    }

    /// The state an ethnic people protests in, given the protest's target (an actor index, or a
    /// place as a negative index): the target itself when it is a state (or a place's state) other
    /// than the people's namesake state.
    func ethnicHostState(_ mi: Int, target ta: Int) -> Int? {
        guard ta != Grammar.stateTarget else { return nil }
        let own = analysis.actors[mention(mi).actor].countryCode
        if ta < 0 {
            guard let cc = placeCountry(ta), cc != own else { return nil }
            return ta
        }
        let a = analysis.actors[ta]
        guard a.kind == .state, let cc = a.countryCode, cc != own else { return nil }
        return ta
    }

    /// Officials of a place: "the mayor of the West Bank city of Nablus" stands for the place's
    /// state. Returns the place as a negative index (see `placeObject`).
    static let placeTitles: Set<String> = ["mayor", "mayors", "governor", "governors", "authorities", "officials", "leaders", "council", "police", "administration", "prefect", "chief"]
    func titledPlace(from k: Int, end: Int) -> Int? {
        var j = k
        while j < end, j < k + 2, has(j, .determiner) { j += 1 }
        var titles = 0
        while j < end, titles < 3, has(j, .placeTitle) || (has(j, .title) && !isW(j, "of")) {
            j += 1; titles += 1
        }
        guard titles > 0, j + 1 < end, isW(j, "of"), has(j - 1, .placeTitle) else { return nil }
        // "of the West Bank city of Nablus": the first place named.
        for p in (j + 1)..<min(end, j + 8) {
            if let k = placeAt[p] { return -k - 1 }
            if doc.tokens[p].kind != .word || !(isW(p, "the") || isW(p, "of") || doc.tokens[p].isCapitalized
                || has(p, .locationModifier) || ActorResolver.placeNouns.contains(doc, p)) { break }
        }
        return placeObject(after: j + 1, end: end, direct: true)
    }

    /// Participles that, right after their noun, say what befell it: "soldiers killed in Ukraine".
    static let victimForms: Set<String> = ["killed", "wounded", "injured", "slain", "murdered", "abducted", "kidnapped"]
    /// The country of a place index as `placeObject` returns it (negative).
    func placeCountry(_ p: Int) -> String? {
        let k = -p - 1
        let n = analysis.places.count
        if k >= 0, k < n { return analysis.places[k].place.countryCode }
        if k - n >= 0, k - n < analysis.locationHints.count { return analysis.locationHints[k - n].place.countryCode }
        return nil
    }

    /// Causes of death that are no one's act: an agentless "killed in a crash in X" is no violence by X.
    static let accidentNouns: Set<String> = ["crash", "crashes", "accident", "accidents", "collision", "earthquake", "flood", "floods",
                                              "fire", "fires", "blaze", "storm", "storms", "avalanche", "landslide", "stampede", "collapse",
                                              "outbreak", "epidemic", "heatwave", "cyclone", "hurricane", "typhoon", "tornado", "mudslide"]
    /// "killed by the Malaysia Airlines flight crash": the agent's name only modifies an accident.
    func accidentFollows(_ agents: [Int]) -> Bool {
        guard let last = agents.last, last >= 0 else { return false }
        var j = mention(last).tokenRange.upperBound
        let end = min(doc.tokens.count, j + 4)
        while j < end {
            if has(j, .accidentNoun) { return true }
            if doc.tokens[j].kind == .punct || has(j, .clauseBoundary) { return false }
            j += 1
        }
        return false
    }

    /// The place of an agentless violent act: "killed in Ukraine", "wounded by a roadside bomb outside the Iraqi city
    /// of Basra" (a negative place index, see `placeObject`); nil when a named actor or an accident stands before it.
    func agentlessPlace(after k: Int, end: Int) -> Int? {
        guard let p = placeObject(after: k, end: end) else { return nil }
        var j = k
        while j < end, placeAt[j] != -p - 1 {
            if has(j, .accidentNoun) || has(j, .speech) { return nil }
            j += 1
        }
        return p
    }

    /// "the country" as the object: the state named last before it, in its sentence or the one before
    /// ("US troops remain in Afghanistan, years after Washington invaded the country").
    func countryAnaphor(at k: Int, end: Int, sources: [Int]) -> Int? {
        guard k + 1 < end, isW(k, "the"), isW(k + 1, "country") || isW(k + 1, "nation") else { return nil }
        if k + 2 < end, doc.tokens[k + 2].kind == .word, !has(k + 2, .objectStop), !has(k + 2, .clauseBoundary) { return nil }
        guard let si = doc.sentenceIndex(ofToken: k) else { return nil }
        let lower = si > 0 ? doc.sentences[si - 1].tokenRange.lowerBound : doc.sentences[si].tokenRange.lowerBound
        let own = Set(sources.map { mention($0).actor })
        var j = k - 1
        while j >= lower {
            if let mi = mentionIndex(at: j) {
                let a = mention(mi).actor
                if analysis.actors[a].kind == .state, !own.contains(a), !mention(mi).isAnaphor { return mi }
                j = mention(mi).tokenRange.lowerBound - 1
                continue
            }
            // A state named only as a place ("in Iraq") is the country too.
            if let p = placeAt[j], p < analysis.places.count, analysis.places[p].place.kind == "country" { return -p - 1 }
            j -= 1
        }
        return nil
    }

    /// The actor an object noun phrase belongs to: "Western and Ukrainian accusations", "the move
    /// announced on Monday by X", "the decision of X". Stops at a clause or a place phrase.
    func npOwner(from k: Int, end: Int) -> Int? {
        var j = k
        var n = 0
        while j < end, n < 9 {
            if let mi = mentionIndex(at: j) {
                let b = mention(mi).tokenRange.lowerBound - 1
                if b >= k, has(b, .locative) { return nil }
                return head(mi, end: end)
            }
            let t = doc.tokens[j]
            if t.kind == .punct, !isHyphen(j), !isPossessive(j) { return nil }
            if t.kind == .quote { return nil }
            if isW(j, "on"), j + 1 < end, CalendarDate.weekdayNames.value(doc, j + 1) != nil || CalendarDate.monthNames.value(doc, j + 1) != nil {
                j += 2; n += 1; continue
            }
            if has(j, .clauseBoundary) || has(j, .infinitiveStop) && !isW(j, "and") { return nil }
            if has(j, .objectStop), !(isW(j, "of") || isW(j, "by") || isW(j, "from") || isW(j, "and")) { return nil }
            // "the shelling of Ukraine": after an act noun, "of" names its victim, not its author.
            if isW(j, "of"), j > k, formAt[j - 1] >= 0, !lex.formInfo[Int(formAt[j - 1])].candidates.isEmpty { return nil }
            j += 1; n += 1
        }
        return nil
    }

    /// Mention `mi` and the actors coordinated after it: "X, Y and Z", "X and Y", "X as well as Y".
    func coordinatedRight(_ mi: Int, end: Int) -> [Int] {
        var out = [mi]
        var pending: [Int] = []
        var j = mention(mi).tokenRange.upperBound
        while j < end {
            if isPunct(j, 0x2C) {  // ","
                if j + 1 < end, isW(j + 1, "and") || isW(j + 1, "or") { j += 1; continue }
                var k = j + 1
                while k < end, k < j + 3, has(k, .determiner) { k += 1 }
                guard k < end, let m2 = mentionIndex(at: k) else { break }
                let h = head(m2, end: end)
                pending.append(h)
                j = mention(h).tokenRange.upperBound
                continue
            }
            var k = -1
            if isW(j, "and") || isW(j, "or") {
                k = j + 1
                // "sanctions on Lukashenko and on Russian officials"
                if k < end, ["on", "against", "with", "to", "from", "for"].contains(w(k)) { k += 1 }
            }
            else if isW(j, "as"), j + 2 < end, isW(j + 1, "well"), isW(j + 2, "as") { k = j + 3 }
            guard k >= 0 else { break }
            while k < end, k < j + 4, has(k, .determiner) { k += 1 }
            guard k < end, let m2 = mentionIndex(at: k) else { break }
            let h = head(m2, end: end)
            out.append(contentsOf: pending)
            pending = []
            out.append(h)
            j = mention(h).tokenRange.upperBound
        }
        return out
    }

    /// The first token of the noun phrase that mention `mi` heads: the title and the state or body
    /// that modify it ("Armenian Prime Minister [Nikol Pashinyan]", "Russia's foreign minister [X]").
    func npStart(_ mi: Int, start: Int) -> Int {
        var k = mention(mi).tokenRange.lowerBound - 1
        var first = k + 1
        var titles = 0
        while k >= start, titles < 6 {
            if doc.tokens[k].kind == .word, has(k, .title), !isW(k, "of") {
                titles += 1; first = k; k -= 1; continue
            }
            if titles > 0, isPossessive(k), k - 1 >= start, let m2 = mentionIndex(at: k - 1) {
                first = mention(m2).tokenRange.lowerBound; break
            }
            if titles > 0, let m2 = mentionIndex(at: k) { first = mention(m2).tokenRange.lowerBound }
            break
        }
        return first
    }

    /// Mention `mi` and the actors coordinated before it: "X and Y" seen from Y.
    func coordinatedLeft(_ mi: Int, start: Int) -> [Int] {
        var out = [mi]
        var k = npStart(mi, start: start) - 1
        var sawAnd = false
        while k > start {
            while k > start, has(k, .determiner) && !isW(k, "both") { k -= 1 }
            let isComma = isPunct(k, 0x2C)
            guard isW(k, "and") || isW(k, "or") || (isComma && sawAnd) else { break }
            if isW(k, "and") || isW(k, "or") { sawAnd = true }
            var j = k - 1
            if j >= start, isPunct(j, 0x2C) { j -= 1 }  // "X, and Y"
            guard j >= start, let m2 = mentionIndex(at: j) else { break }
            out.insert(m2, at: 0)
            k = mention(m2).tokenRange.lowerBound - 1
        }
        return out
    }

    /// The subject of a verb at `t`: the nearest actor before it in its clause, across an
    /// apposition or a relative clause; with the rule that found it.
    func subject(before t: Int, start: Int, earlier: [CodedEvent]) -> (actors: [Int], rule: String)? {
        var k = t - 1
        var steps = 0
        var onlyAuxiliaries = true
        while k >= start, steps < 16 {
            if let mi = mentionIndex(at: k) {
                let m = mention(mi)
                var b = m.tokenRange.lowerBound - 1
                if b >= start, isW(b, "the") { b -= 1 }
                if b >= start, has(b, .locative) {
                    k = b - 1; steps += 1; onlyAuxiliaries = false; continue
                }
                return (coordinatedLeft(mi, start: start), "subject")
            }
            let tok = doc.tokens[k]
            if tok.kind == .punct {
                if isHyphen(k) { k -= 1; continue }
                if isPunct(k, 0x29) {  // ")": skip a parenthesis, "Russia on Tuesday (Nov 16) urged"
                    var j = k - 1
                    while j > start, !isPunct(j, 0x28) { j -= 1 }
                    if j > start { k = j - 1; steps += 1; continue }
                    return nil
                }
                if isPunct(k, 0x2C) {
                    // An apposition or a relative clause between commas: "Kerry, who arrived ..., met".
                    if let j = openingComma(before: k, start: start) { k = j - 1; steps += 1; continue }
                    let isParticiple = doc.lower(t, hasSuffix: "ing")
                    // "one of its commanders, Abu Aqla Kayka, defected": the name closing an apposition.
                    if !isParticiple, onlyAuxiliaries, k - 1 >= start, let mi = mentionIndex(at: k - 1),
                       mention(mi).tokenRange.lowerBound - 1 >= start, isPunct(mention(mi).tokenRange.lowerBound - 1, 0x2C) {
                        return (coordinatedLeft(mi, start: start), "apposition")
                    }
                    // "..., killing eight people": a participle takes the clause's subject.
                    if onlyAuxiliaries { return clauseSubject(before: k, start: start, earlier: earlier).map { ($0, "participle-clause") } }
                    return nil
                }
                return nil
            }
            if tok.kind == .quote { k -= 1; continue }
            if isW(k, "who") || isW(k, "which") || (isW(k, "that") && k > start && mentionIndex(at: k - 1) != nil) {
                var a = k - 1
                if a >= start, isPunct(a, 0x2C) { a -= 1 }
                if a >= start, let mi = mentionIndex(at: a) { return (coordinatedLeft(mi, start: start), "relative-clause") }
                return nil
            }
            if (isW(k, "and") || isW(k, "but")) && onlyAuxiliaries {
                // "Russia annexed Crimea and backed separatists": the first verb's subject.
                if let last = earlier.last, let mi = lastSourceMention(last, start: start) { return ([mi], "vp-coordination") }
                return clauseSubject(before: k, start: start, earlier: earlier).map { ($0, "vp-coordination") }
            }
            if has(k, .pronoun) {
                // "Japan said it had halted aid": an unresolved pronoun after a speech verb is its speaker.
                var h = k - 1
                while h >= start, isW(h, "that") || has(h, .time) || has(h, .auxiliary) { h -= 1 }
                if h >= start, has(h, .speech) || has(h, .statement),
                   let sp = subject(before: h, start: start, earlier: earlier) {
                    return (sp.actors, "pronoun-speaker")
                }
                return nil
            }
            if has(k, .clauseBoundary) || isW(k, "that") { return nil }
            // "... resigned as the opposition threatened": "as" opens a clause of its own.
            if isW(k, "as"), k + 1 < t, isW(k + 1, "the") || isW(k + 1, "a") || has(k + 1, .pronoun) { return nil }
            if !has(k, .auxiliary) && !doc.lower(k, hasSuffix: "ly") { onlyAuxiliaries = false }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// A mention of an earlier event's source, for reuse by a coordinated verb.
    func lastSourceMention(_ e: CodedEvent, start: Int) -> Int? {
        // The earlier event stored actor indices: find a mention of that actor before its trigger.
        var k = e.trigger.lowerBound - 1
        while k >= start {
            if let mi = mentionIndex(at: k), mention(mi).actor == e.source { return mi }
            k -= 1
        }
        return nil
    }

    /// The comma opening an apposition or relative clause that ends at the comma `k`, if any.
    func openingComma(before k: Int, start: Int) -> Int? {
        var j = k - 1
        var n = 0
        while j > start, n < 14 {
            if isPunct(j, 0x2C) {
                // The segment must follow an actor and look like an apposition or relative clause.
                guard mentionIndex(at: j - 1) != nil else { return nil }
                if isW(j + 1, "who") || isW(j + 1, "which") || isW(j + 1, "whose") || has(j + 1, .determiner)
                    || has(j + 1, .title) || doc.tokens[j + 1].isCapitalized || mentionIndex(at: j + 1) != nil {
                    return j
                }
                return nil
            }
            let t = doc.tokens[j]
            if t.kind == .punct, !isHyphen(j), !isPossessive(j), !isPunct(j, 0x2E) { return nil }
            j -= 1; n += 1
        }
        return nil
    }

    /// The subject of the clause holding token `k`: its first actor not in a place phrase.
    func clauseSubject(before k: Int, start: Int, earlier: [CodedEvent]) -> [Int]? {
        var s = k
        while s > start {
            let t = doc.tokens[s - 1]
            if t.kind == .punct, isPunct(s - 1, 0x3B) || isPunct(s - 1, 0x3A) { break }
            if has(s - 1, .speech) { break }
            s -= 1
        }
        var j = s
        while j < k {
            if let mi = mentionIndex(at: j) {
                let m = mention(mi)
                let b = m.tokenRange.lowerBound - 1
                // Not in a place phrase nor the object of a preposition ("Before leaving for Beijing, Bush ...").
                if b >= s, has(b, .locative) || has(b, .subjectlessPreposition) { j = m.tokenRange.upperBound; continue }
                return coordinatedRight(head(mi, end: k), end: k)
            }
            j += 1
        }
        return nil
    }

    /// The actor modifying a noun trigger: "U.S. sanctions", "Russia's annexation", "the first Chinese visit".
    func modifier(before t: Int, start: Int) -> [Int]? {
        var k = t - 1
        var skipped = 0
        while k >= start, skipped <= 3 {
            if let mi = mentionIndex(at: k) {
                let b = mention(mi).tokenRange.lowerBound - 1
                if b >= start, has(b, .locative) { return nil }
                return coordinatedLeft(mi, start: start)
            }
            if isPossessive(k) || isHyphen(k) { k -= 1; continue }
            let tok = doc.tokens[k]
            guard tok.kind == .word, !tok.isCapitalized else { return nil }
            if has(k, .determiner) || has(k, .objectStop) || has(k, .clauseBoundary) { return nil }
            if formAt[k] >= 0 && !doc.lower(k, hasSuffix: "ed") && !isW(k, "new") { return nil }
            k -= 1; skipped += 1
        }
        return nil
    }

    /// For a noun trigger that is the object of a light verb ("held talks", "launched an attack",
    /// "imposed sanctions"), the subject of that verb.
    /// The light verb whose object is the noun trigger at `t`.
    func lightVerbIndex(before t: Int, start: Int) -> Int? {
        var k = t - 1
        var n = 0
        while k >= start, n < 5 {
            if has(k, .lightVerb) { return k }
            if doc.tokens[k].kind != .word || mentionIndex(at: k) != nil { return nil }
            if has(k, .objectStop) && !isW(k, "of") { return nil }
            k -= 1; n += 1
        }
        return nil
    }

    func lightVerbSubject(before t: Int, start: Int, earlier: [CodedEvent]) -> (actors: [Int], rule: String)? {
        var k = t - 1
        var n = 0
        while k >= start, n < 5 {
            if has(k, .lightVerb) { return subject(before: k, start: start, earlier: earlier) }
            if doc.tokens[k].kind != .word || mentionIndex(at: k) != nil { return nil }
            if has(k, .objectStop) && !isW(k, "of") { return nil }
            k -= 1; n += 1
        }
        return nil
    }

    /// The by-agent after `k`: "was attacked by Russia", "the shelling of Kharkiv by Russian forces".
    func agent(after k: Int, end: Int, fromIsAgent: Bool = false) -> [Int]? {
        var j = k
        var n = 0
        while j < end, n < 8 {
            if isW(j, "by") || (isW(j, "from") && fromIsAgent), let mi = findMention(from: j + 1, end: end, maxSkip: 3) { return coordinatedRight(mi, end: end) }
            if doc.tokens[j].kind == .punct, !isHyphen(j) { return nil }
            if has(j, .clauseBoundary) { return nil }
            j += 1; n += 1
        }
        return nil
    }

    /// A verb trigger in the passive voice: "was attacked", "has been visited", "killed by".
    func isPassive(_ t: Int, afterPattern: Int, end: Int) -> Bool {
        guard !doc.lower(t, hasSuffix: "ing") else { return false }
        let isParticiple = doc.lower(t, hasSuffix: "ed") || doc.lower(t, hasSuffix: "en") || (!isBase(t) && !doc.lower(t, hasSuffix: "s"))
        guard isParticiple else { return false }
        var k = t - 1
        var n = 0
        while k >= 0, n < 4 {
            if has(k, .be) { return !isW(k, "'s") || n == 0 }
            if !(has(k, .auxiliary) || doc.lower(k, hasSuffix: "ly")) { break }
            k -= 1; n += 1
        }
        // A reduced relative: "civilians killed by shelling".
        return afterPattern < end && isW(afterPattern, "by")
    }

    /// "soldiers killed in Ukraine": a participle right after a noun and before a place phrase
    /// describes its noun's fate, so the noun is no subject acting on the place.
    func isReducedRelative(_ t: Int, _ m: PatternMatch, end: Int) -> Bool {
        // A trigger of several words ("fired tear gas at") is a verb with its object, not a bare participle.
        guard t > 0, m.lastWord == t, m.end < end, has(m.end, .locative) else { return false }
        guard doc.lower(t, hasSuffix: "ed") || (!isBase(t) && !doc.lower(t, hasSuffix: "s") && !doc.lower(t, hasSuffix: "ing")) else { return false }
        return mentionIndex(at: t - 1) != nil || (doc.tokens[t - 1].kind == .word && !has(t - 1, .auxiliary) && !doc.lower(t - 1, hasSuffix: "ly") && formAt[t - 1] < 0 && mentionIndex(at: t - 2) != nil)
    }

    /// A participle used as an adjective: "the occupied territories", "in besieged Aleppo".
    func isAdjectivalParticiple(_ t: Int, _ m: PatternMatch, start: Int, end: Int) -> Bool {
        guard t > start else { return false }
        guard doc.lower(t, hasSuffix: "ed") || (!isBase(t) && !doc.lower(t, hasSuffix: "s") && !doc.lower(t, hasSuffix: "ing")) else { return false }
        guard has(t - 1, .determiner) || has(t - 1, .nounPreposition) || isW(t - 1, "in") || isW(t - 1, "at") else { return false }
        return !(m.end < end && isW(m.end, "by"))
    }

    /// Measures a government takes in its own territory (curfews, states of emergency, martial law,
    /// and their easing): CAMEO codes them against the country itself, so source and target may be
    /// the same state ("Turkish authorities imposed a curfew in a town in Turkey").
    static func isDomesticMeasure(_ code: String) -> Bool {
        code.hasPrefix("172") || code.hasPrefix("081")
    }

    static let nounPrepositions: Set<String> = ["against", "for", "of", "on", "about", "after", "before", "during", "over", "with", "without", "despite", "amid", "following"]

    /// A verb trigger used as a noun: "the shelling of", "Russian attacks on", "a U.S. visit to".
    func isNominal(_ t: Int, _ e: VerbLexicon.Entry, _ m: PatternMatch, start: Int, end: Int) -> Bool {
        guard t > start else { return false }
        if doc.lower(t, hasSuffix: "ed") { return false }
        var k = t - 1
        var skipped = 0
        while k > start, skipped < 2, doc.tokens[k].kind == .word, !doc.tokens[k].isCapitalized, mentionIndex(at: k) == nil,
              !has(k, .determiner), !has(k, .auxiliary), !has(k, .objectStop),
              formAt[k] < 0 {
            k -= 1; skipped += 1
        }
        // Only noun-like forms: the base form, a plural, a gerund ("visit", "attacks", "shelling"); "met" is a verb.
        let f = formAt[t] >= 0 ? lex.formInfo[Int(formAt[t])] : nil
        let isBase = f?.isBase ?? false
        let isPlural = f?.isPlural ?? false
        let isGerund = doc.lower(t, hasSuffix: "ing")
        guard isBase || isPlural || isGerund else { return false }
        let nextIsPrep = m.end < end && ["of", "on", "against", "with", "to", "in", "by", "between", "from", "into"].contains(w(m.end))
        if has(k, .determiner) || isPossessive(k) { return true }
        // "resumed attacks", "launched strikes": the object of a light verb.
        if k == t - 1, has(k, .lightVerb), !has(k, .auxiliary), isBase || isPlural { return true }
        // "advised against travel to", "after talks with"
        // ("skeptical about extending sanctions" keeps its verb: a gerund after a preposition is verbal.)
        if k == t - 1, has(k, .nounPreposition), !isGerund { return isBase || isPlural }
        // "Russian shelling of", "a U.S. visit to"; but "Russia attacks Ukraine" stays a verb.
        if mentionIndex(at: k) != nil { return nextIsPrep && (isBase || isGerund) }
        return false
    }

    // MARK: - Events

    func events(_ e: VerbLexicon.Entry, _ m: PatternMatch, start: Int, end: Int, earlier: [CodedEvent], claimants: [Int]? = nil) -> [CodedEvent] {
        let trig = m.firstWord
        var sources: [Int] = []
        var targets: [Int] = []
        var rule = ""
        var pairsSymmetric = false
        var ownISO: String?
        let first = trig
        switch e.kind {
        case .between:
            guard let mi = findMention(from: m.end, end: end, maxSkip: 2) else { return [] }
            let group = coordinatedRight(mi, end: end)
            guard group.count >= 2 else { return [] }
            sources = [group[0]]
            targets = Array(group.dropFirst())
            rule = "between"
            // Fighting between X and Y has no direction: both are coded.
            if e.code.hasPrefix("19") { pairsSymmetric = true; sources = group }
        case .reverse:
            // "received weapons from X"; "faced Palestinian criticism": the noun's modifier.
            if let s = findMention(from: m.end, end: end, maxSkip: 3) {
                sources = coordinatedRight(s, end: end)
            } else if let mod = modifier(before: m.lastWord, start: first + 1) {
                sources = mod
            } else if e.endsInPreposition, let o = placeObject(after: m.end, end: end, direct: true) {
                // "received a delegation from Paraguay", the state named only after "from".
                sources = [o]
            } else {
                return []
            }
            guard let subj = subject(before: first, start: start, earlier: earlier) else { return [] }
            targets = subj.actors
            rule = subj.rule + "|reverse-from"
        case .noun:
            return nounEvents(e, m, first: first, start: start, end: end, earlier: earlier, claimants: claimants)
        case .verb, .symmetric:
            if isAdjectivalParticiple(first, m, start: start, end: end) { return [] }
            if isNominal(first, e, m, start: start, end: end) {
                return nounEvents(e, m, first: first, start: start, end: end, earlier: earlier, claimants: claimants)
            }
            if isPassive(first, afterPattern: m.end, end: end) || (isReducedRelative(first, m, end: end) && has(first, .victim)) {
                guard let subj = subject(before: first, start: start, earlier: earlier) else { return [] }
                if let ag = agent(after: m.end, end: end), !accidentFollows(ag) {
                    sources = ag
                    targets = m.slot.isEmpty ? subj.actors : m.slot
                    rule = "passive-agent|" + subj.rule
                } else if m.slot.isEmpty, Grammar.violentRoots.contains(rootOf: e.code) || e.code.hasPrefix("17"), let p = agentlessPlace(after: m.end, end: end) {
                    // "Three Russian soldiers were killed in Ukraine": violence whose author is not named
                    // is coded from the state where it happened (as PETRARCH does).
                    sources = [p]
                    // Victims of their own state's place ("a Ukrainian arrested in Crimea") are left alone:
                    // who acted is too open.
                    let cc = placeCountry(p)
                    targets = subj.actors.filter { $0 >= 0 && analysis.actors[mention($0).actor].countryCode != cc }
                    if targets.isEmpty { return [] }
                    rule = "place-state|passive-" + subj.rule
                } else {
                    return []
                }
            } else {
                guard let subj = subject(before: first, start: start, earlier: earlier)
                        ?? placeSubject(before: first, start: start, end: end, entry: e, m) else { return [] }
                sources = subj.actors
                if !m.slot.isEmpty {
                    targets = m.slot
                    rule = subj.rule + "|slot"
                } else if let o = (e.endsInInfinitive
                    ? findMention(from: m.end, end: end, maxSkip: 8, crossPrepositions: true)
                    : findMention(from: m.end, end: end, maxSkip: e.endsInPreposition ? 3 : 4)) {
                    targets = coordinatedRight(o, end: end)
                    rule = subj.rule + (e.endsInPreposition ? "|prep-object" : "|object")
                } else if let o = titledPlace(from: m.end, end: end) {
                    // "released the mayor of Nablus", "met the governor of Kirkuk province"
                    targets = [o]
                    rule = subj.rule + "|title-of-place"
                } else if m.end < end, has(m.end, .objectPronoun) || (m.end + 1 < end && has(m.end + 1, .objectPronoun) && e.endsInPreposition),
                          let prev = earlier.last, !prev.targetMentions.isEmpty {
                    // "spoke to his Armenian and Azeri counterparts and called on them": the previous targets.
                    targets = prev.targetMentions
                    rule = subj.rule + "|pronoun-object"
                } else if Grammar.reactionRoots.contains(rootOf: e.code), let o = npOwner(from: m.end, end: end) {
                    // "denies Western and Ukrainian accusations", "condemned the move announced by X"
                    targets = [o]
                    rule = subj.rule + "|object-owner"
                } else if e.code.hasPrefix("04") || e.code.hasPrefix("07"), let o = npOwner(from: m.end, end: end), o >= 0, comesFrom(o, after: m.end) {
                    // "met with exiled dissidents from Myanmar": people from a state stand for it.
                    targets = [o]
                    rule = subj.rule + "|from-state"
                } else if Grammar.violentRoots.contains(rootOf: e.code) || Grammar.ownerRoots.contains(rootOf: e.code),
                          !e.endsInPreposition, let o = npOwner(from: m.end, end: end) {
                    // "bombarded a government-held part of Syria's second city", "expelled inspectors of the IAEA"
                    targets = [o]
                    rule = subj.rule + "|object-owner"
                } else if let o = Grammar.placeAimedRoots.contains(rootOf: e.code) || e.code.hasPrefix("14") || Grammar.isDomesticMeasure(e.code)
                            ? placeTarget(after: m.end, end: end) : nil {
                    // (A protest or a curfew "in southeastern Turkey" aims at the state named there.)
                    targets = [o]
                    rule = subj.rule + "|place-object"
                } else if Grammar.placeRoots.contains(rootOf: e.code) || Grammar.visitCodes.contains(e.code) || e.code.hasPrefix("07"),
                          e.code.hasPrefix("14") || !isReducedRelative(first, m, end: end), let o = placeObject(after: m.end, end: end) {
                    // (Protest verbs are intransitive: "farmers rioted in X" is no reduced relative.)
                    targets = [o]
                    rule = subj.rule + "|place-state"
                } else if e.endsInInfinitive, Grammar.rejectOrThreatRoots.contains(rootOf: e.code), let o = placeObject(after: m.end, end: end) {
                    // "refused to deploy peacekeepers in Iraq", "threatened to resume attacks in Israel":
                    // the refused or threatened act aims at the place's state.
                    targets = [o]
                    rule = subj.rule + "|place-state"
                } else if e.endsInPreposition, let o = placeObject(after: m.end, end: end, direct: true) {
                    // "lifted the curfew in Montenegro", "withdrew troops from Panama": the pattern's own
                    // preposition introduces the target, here a place standing for its state.
                    targets = [o]
                    rule = subj.rule + "|place-state"
                } else if let o = countryAnaphor(at: m.end, end: end, sources: sources) {
                    targets = [o]
                    rule = subj.rule + "|country-anaphor"
                } else if e.code.hasPrefix("14") || e.code == "0874" || (e.code.hasPrefix("175") && !isReducedRelative(first, m, end: end)), let o = ownStateMention(of: sources) {
                    // "Bolivian miners went on strike": a protest that names no target is aimed at the
                    // protesters' own state (PETRARCH codes their country's government).
                    targets = [o]
                    rule = subj.rule + "|own-state"
                } else if e.code.hasPrefix("14") || e.code == "0874" || (e.code.hasPrefix("175") && !isReducedRelative(first, m, end: end)), let iso = ownCountry(of: sources) {
                    // The protesters' state named nowhere on its own ("Demonstrators in Tehran blocked a road").
                    targets = [Grammar.stateTarget]
                    ownISO = iso
                    rule = subj.rule + "|own-state"
                } else if e.kind == .symmetric || Grammar.mutualRoots.contains(rootOf: e.code), sources.count >= 2 {
                    // "Jordan and Britain agreed to hold exercises": a cooperative act of coordinated
                    // subjects with no object is mutual.
                    pairsSymmetric = true
                    rule = subj.rule + "|coordinated-symmetric"
                } else if Grammar.isDomesticMeasure(e.code), e.code.hasPrefix("172"), let s0 = sources.first,
                          let own = analysis.actors[mention(s0).actor].kind == .state ? s0 : ownStateMention(of: [s0]) {
                    // "declared martial law" with no place: on the government's own state.
                    targets = [own]
                    rule = subj.rule + "|own-state"
                } else if let o = conditionTarget(after: m.end, end: end, allowIf: e.code.hasPrefix("13")) {
                    // "threatened to close the strait unless Washington lifts ...": the threat is
                    // aimed at the actor whose act would lift it.
                    targets = [o]
                    rule = subj.rule + "|condition-subject"
                } else if subj.rule == "crowd-place", e.code.hasPrefix("14"), let p = sources.first, p < 0 {
                    // "Students throughout Chile staged demonstrations": a crowd protests at home.
                    targets = [p]
                    rule = subj.rule + "|own-place"
                } else {
                    return []
                }
            }
        }
        // "attended the summit in Geneva", "attend the Beijing Olympics": a visit to the state where
        // the gathering is; attending a body's meeting is no visit to the body.
        if e.head.contains("attend") {
            targets = targets.filter { $0 < 0 || analysis.actors[mention($0).actor].kind == .state }
            if targets.isEmpty { return [] }
        }
        let mode = self.mode(first, start: start, end: end, earlier: earlier, entry: e)
        var out: [CodedEvent] = []
        let trigger = first..<(m.lastWord + 1)
        func add(_ s: Int, _ t: Int) {
            var sa = actorOf(s)
            let ta = actorOf(t)
            var ethnicHost = false
            if isEthnic(s) {
                // "ethnic Albanians demonstrated in Serbia": a minority protesting in another people's
                // state protests as residents of that state (its own state is no party).
                guard e.code.hasPrefix("14"), let host = ethnicHostState(s, target: ta) else { return }
                sa = host
                ethnicHost = true
            }
            let domestic = e.code.hasPrefix("14") && (ethnicHost || isPeople(s) || (s == t && (s < 0 || rule.hasPrefix("crowd-place"))))
            guard sa != ta || Grammar.isDomesticMeasure(e.code) || domestic else { return }
            var (code, m2) = isRefusal(first, start: start)
                ? Grammar.refusal(e.code, mode)
                : Grammar.recode(refine(e.code, trigger: trigger, end: end), mode)
            if mode == .future, isUltimatum(after: m.end, end: end) { (code, m2) = Grammar.ultimatum(code) }
            var ce = CodedEvent(source: sa, target: ta, code: code, entry: e, trigger: trigger, mode: m2, rule: rule)
            ce.targetMentions = targets.filter { $0 != Grammar.stateTarget }
            ce.domestic = domestic
            if ta == Grammar.stateTarget { ce.targetState = ownISO }
            out.append(ce)
        }
        if pairsSymmetric {
            for a in sources { for b in sources where a != b { add(a, b) } }
        } else {
            for s in sources { for t in targets { add(s, t) } }
        }
        return out
    }

    func nounEvents(_ e: VerbLexicon.Entry, _ m: PatternMatch, first: Int, start: Int, end: Int, earlier: [CodedEvent], claimants: [Int]? = nil) -> [CodedEvent] {
        var targets: [Int] = []
        var targetRule = ""
        var afterTarget = m.end
        if !m.slot.isEmpty {
            targets = m.slot
            targetRule = "slot"
        } else if e.endsInPreposition || (m.end < end && ["of", "on", "against", "with", "to", "into"].contains(w(m.end))) {
            let from = e.endsInPreposition ? m.end : m.end + 1
            if let o = findMention(from: from, end: end, maxSkip: 3) {
                targets = coordinatedRight(o, end: end)
                targetRule = "prep-object"
            } else if Grammar.placeAimedRoots.contains(rootOf: e.code), let o = placeTarget(after: from, end: end) {
                targets = [o]
                targetRule = "place-object"
            } else if Grammar.placeRoots.contains(rootOf: e.code) || Grammar.visitCodes.contains(e.code),
                      let o = placeObject(after: from, end: end) {
                targets = [o]
                targetRule = "place-state"
            } else if e.endsInPreposition, let o = placeObject(after: from, end: end, direct: true) {
                targets = [o]
                targetRule = "place-state"
            } else {
                return mutualNounEvents(e, m, first: first, start: start, end: end, earlier: earlier)
            }
            afterTarget = targets.last! >= 0 ? mention(targets.last!).tokenRange.upperBound : from
        } else if Grammar.violentRoots.contains(rootOf: e.code), m.end < end, has(m.end, .locative),
                  let o = placeTarget(after: m.end, end: end) ?? placeObject(after: m.end, end: end) {
            // "Turkish shelling in northern Syria", "launched air strikes in Syria": a violent act in a place hits the place's state.
            targets = [o]
            targetRule = "place-object"
            afterTarget = o >= 0 ? mention(o).tokenRange.upperBound : m.end
        } else if let o = conditionTarget(after: m.end, end: end, allowIf: false) {
            // "would resume rocket fire unless Israel lifts the blockade"
            targets = [o]
            targetRule = "condition-subject"
        } else {
            return mutualNounEvents(e, m, first: first, start: start, end: end, earlier: earlier)
        }
        var sources: [Int] = []
        var sourceRule = ""
        if let mod = modifier(before: first, start: start) {
            sources = mod; sourceRule = "modifier"
        } else if let ag = agent(after: afterTarget, end: end, fromIsAgent: e.code.hasPrefix("084")) {
            sources = ag; sourceRule = "noun-agent"
        } else if let lv = lightVerbSubject(before: first, start: start, earlier: earlier) {
            sources = lv.actors; sourceRule = "light-verb-" + lv.rule
        } else if Grammar.violentRoots.contains(rootOf: e.code), let h = hintModifier(before: first, start: start) {
            sources = [h]; sourceRule = "adjective"
        } else if let c = claimants {
            // "claimed responsibility for a deadly attack on X": the claimants' act.
            sources = c; sourceRule = "claimant"
        } else {
            return []
        }
        // The noun of a light verb takes the verb's mode: "threatened to resume attacks" is a threat.
        let mode = self.mode(sourceRule.hasPrefix("light-verb") ? lightVerbIndex(before: first, start: start) ?? first : first,
                             start: start, end: end, earlier: earlier, entry: e)
        var out: [CodedEvent] = []
        for s in sources {
            for t in targets {
                let sa = actorOf(s), ta = actorOf(t)
                guard sa != ta else { continue }
                var (code, m2) = Grammar.recode(refine(e.code, trigger: first..<(m.lastWord + 1), end: end), mode)
                if mode == .future, isUltimatum(after: m.end, end: end) { (code, m2) = Grammar.ultimatum(code) }
                out.append(CodedEvent(source: sa, target: ta, code: code, entry: e, trigger: first..<(m.lastWord + 1),
                                      mode: m2, rule: sourceRule + "|" + targetRule))
            }
        }
        return out
    }

    /// "Israel and Lebanon renewed negotiations": the coordinated subjects of a light verb whose
    /// cooperative noun has no target act mutually.
    func mutualNounEvents(_ e: VerbLexicon.Entry, _ m: PatternMatch, first: Int, start: Int, end: Int, earlier: [CodedEvent]) -> [CodedEvent] {
        guard Grammar.mutualRoots.contains(rootOf: e.code),
              let lv = lightVerbSubject(before: first, start: start, earlier: earlier), lv.actors.count >= 2 else { return [] }
        let trigger = first..<(m.lastWord + 1)
        let (code, m2) = Grammar.recode(refine(e.code, trigger: trigger, end: end),
                                        self.mode(lightVerbIndex(before: first, start: start) ?? first, start: start, end: end, earlier: earlier, entry: e))
        var out: [CodedEvent] = []
        for a in lv.actors {
            for b in lv.actors where a != b {
                let sa = actorOf(a), sb = actorOf(b)
                guard sa != sb else { continue }
                out.append(CodedEvent(source: sa, target: sb, code: code, entry: e, trigger: trigger,
                                      mode: m2, rule: "light-verb-" + lv.rule + "|coordinated-symmetric"))
            }
        }
        return out
    }

    /// The subject of an "unless" clause after `k` in the sentence (or of an "if" clause when
    /// `allowIf`): the actor a conditional threat or ultimatum is aimed at.
    func conditionTarget(after k: Int, end: Int, allowIf: Bool) -> Int? {
        var j = k
        while j < end, j < k + 20 {
            if isPunct(j, 0x3B) || isW(j, "said") || isW(j, "says") || isW(j, "told") { return nil }
            if isW(j, "unless") || (allowIf && isW(j, "if")) {
                var a = j + 1
                while a < end, a < j + 3, has(a, .determiner) { a += 1 }
                guard a < end, let mi = mentionIndex(at: a) else { return nil }
                return head(mi, end: end)
            }
            j += 1
        }
        return nil
    }

    /// An act announced for the future "unless" another actor acts is an ultimatum.
    func isUltimatum(after k: Int, end: Int) -> Bool {
        var j = k
        while j < end, j < k + 20 {
            if isPunct(j, 0x3B) { return false }
            if isW(j, "unless") { return true }
            j += 1
        }
        return false
    }

    /// The code of an act announced for the future on the condition "unless": a threat (13).
    static func ultimatum(_ code: String) -> (String, EventMode) {
        (code.hasPrefix("13") ? code : "139", .asserted)
    }

    /// The trigger is what its subject refuses or says it will not do: "refused to release",
    /// "would not provide", "declined to meet".
    func isRefusal(_ t: Int, start: Int) -> Bool {
        var g = t - 1
        while g >= start, has(g, .time) || doc.lower(g, hasSuffix: "ly") { g -= 1 }
        guard g >= start else { return false }
        if isW(g, "to"), g - 1 >= start {
            var h = g - 1
            while h >= start, has(h, .time) || doc.lower(h, hasSuffix: "ly") || has(h, .auxiliary) && !isW(h, "to") { h -= 1 }
            return h >= start && has(h, .refusal)
        }
        if isW(g, "not") || isW(g, "n't"), g - 1 >= start { return ["would", "will", "wo", "shall"].contains(w(g - 1)) }
        return isW(g, "won't") || isW(g, "wouldn't")
    }

    static let refusalForms: Set<String> = Set(["refuse", "decline"].flatMap { VerbLexicon.inflections(of: $0) })

    /// A refused act of cooperation is a rejection (CAMEO 12): "refused to release" is 1243.
    static func refusal(_ code: String, _ mode: EventMode) -> (String, EventMode) {
        switch code.prefix(2) {
        case "03", "05": return ("120", .asserted)
        case "04": return ("125", .asserted)
        case "06", "07": return ("121", .asserted)
        case "08":
            if code.hasPrefix("084") { return ("1243", .asserted) }
            if code.hasPrefix("081") { return ("1241", .asserted) }
            if code.hasPrefix("085") { return ("1244", .asserted) }
            if code.hasPrefix("086") { return ("1245", .asserted) }
            if code.hasPrefix("087") { return ("1246", .asserted) }
            return ("124", .asserted)
        default: return (code, mode)
        }
    }

    /// The actor a mention stands for in an event: "the Trump administration" is the United States.
    func actorOf(_ mi: Int) -> Int {
        // A place target (see `placeObject`) stays a negative index, resolved by the coder.
        guard mi >= 0 else { return mi }
        let m = mention(mi)
        let a = analysis.actors[m.actor]
        let k = m.tokenRange.upperBound
        guard a.kind == .person, let cc = a.countryCode, k < doc.tokens.count,
              ["administration", "government", "regime", "cabinet"].contains(w(k)) else { return m.actor }
        return analysis.actors.firstIndex { $0.kind == .state && $0.countryCode == cc } ?? m.actor
    }

    /// A consultation said to be by telephone is a phone call (041).
    func refine(_ code: String, trigger: Range<Int>, end: Int) -> String {
        guard code.hasPrefix("04"), code != "041" else { return code }
        var j = trigger.upperBound
        while j < end, j < trigger.upperBound + 15 {
            if isW(j, "phone") || isW(j, "telephone") || isW(j, "phoned") { return "041" }
            if isPunct(j, 0x3B) { break }
            j += 1
        }
        return code
    }

    // MARK: - Mode

    /// A future act is coded as the intent or threat it expresses (CAMEO 03 and 13): "will send
    /// aid to" is an intent to provide aid (033), "will attack" a threat of force (138). The
    /// statement of intent is itself the reported event.
    static func recode(_ code: String, _ mode: EventMode) -> (String, EventMode) {
        guard mode == .future else { return (code, mode) }
        let root = code.prefix(2)
        switch root {
        case "06":
            return (code.hasPrefix("061") ? "0311" : code.hasPrefix("062") ? "0312" : "031", .asserted)
        case "07":
            let map = ["071": "0331", "072": "0332", "073": "0333", "074": "0334"]
            return (map[String(code.prefix(3))] ?? "033", .asserted)
        case "08":
            if code.hasPrefix("084") { return ("0353", .asserted) }
            if code.hasPrefix("081") || code.hasPrefix("085") { return ("0354", .asserted) }
            if code.hasPrefix("086") { return ("0355", .asserted) }
            if code.hasPrefix("087") { return ("0356", .asserted) }
            return ("035", .asserted)
        case "14":
            return ("133", .asserted)
        case "16":
            let map = ["160": "1313", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136"]
            return (map[String(code.prefix(3))] ?? "131", .asserted)
        case "17":
            if code.hasPrefix("172") { return (code.count == 4 ? "132" + code.suffix(1) : "132", .asserted) }
            return ("137", .asserted)
        case "19" where code.hasPrefix("191"):
            return ("1381", .asserted)
        case "19" where code.hasPrefix("192"):
            return ("1382", .asserted)
        case "18", "19", "20":
            return ("138", .asserted)
        default:
            return (code, mode)
        }
    }

    /// Words of a protest under way: crowds gathering, strikes, rallies.
    static let protestWords: WordSet = [
        "gathered", "gathering", "converged", "converging", "assembled", "rallied", "marched", "marching", "demonstrated",
        "demonstrating", "protested", "protesting", "rally", "rallies", "march", "marches", "demonstration", "demonstrations",
        "strike", "strikes", "sit-in", "sit-ins", "vigil", "walkout",
    ]

    /// Whether the clause before token `k` (a "to" of a purpose) reports a protest under way.
    func protestBefore(_ k: Int, start: Int) -> Bool {
        var j = k - 1
        var n = 0
        while j >= start, n < 12 {
            if has(j, .clauseBoundary) || isPunct(j, 0x3B) || isPunct(j, 0x2C) { return false }
            if Grammar.protestWords.contains(doc, j) {
                // "a strike on", "air strike": violence, not a walkout.
                return !(j > start && (isW(j - 1, "air") || isW(j - 1, "missile") || isW(j - 1, "drone")))
            }
            j -= 1; n += 1
        }
        return false
    }

    /// The mode of a trigger at `t` from the words before it in its clause.
    func mode(_ t: Int, start: Int, end: Int, earlier: [CodedEvent], entry: VerbLexicon.Entry) -> EventMode {
        // Conditions and denials anywhere earlier in the sentence.
        var sawSpeech = false
        var k = start
        var conditional = false
        var denied = false
        while k < t {
            if isW(k, "if") || isW(k, "unless") { conditional = true }
            if has(k, .deny), !entry.pattern.hasPrefix("deny") { denied = true }
            // "warned it would cut trade": a warning announces the act it names.
            if has(k, .speech) || isW(k, "promised") || isW(k, "announced") || has(k, .threatGovernor) { sawSpeech = true }
            k += 1
        }
        // "if" after the trigger in the same clause: "sanctions could be eased if ...".
        var j = t + 1
        while j < end, j < t + 12 {
            if isW(j, "if") || isW(j, "unless") { conditional = true; break }
            if doc.tokens[j].kind == .punct, isPunct(j, 0x3B) { break }
            j += 1
        }
        // The verb group before the trigger.
        var g = t - 1
        var n = 0
        var result: EventMode?
        while g >= start, n < 6 {
            if has(g, .negator) || doc.lower(g, hasSuffix: "n't") {
                if isW(g, "won't") || isW(g, "wo") { return .negated }
                result = result ?? .negated
            } else if isW(g, "will") || isW(g, "shall") || isW(g, "'ll") {
                result = result ?? .future
            } else if isW(g, "would") {
                result = result ?? (sawSpeech ? .future : .hypothetical)
            } else if isW(g, "could") || isW(g, "might") || isW(g, "may") || isW(g, "should") || isW(g, "must") || isW(g, "can") {
                result = result ?? .hypothetical
            } else if isW(g, "to") {
                // The verb governing the infinitive: "plans to visit", "urged X to release".
                var h = g - 1
                while h >= start, has(h, .auxiliary) || doc.lower(h, hasSuffix: "ly") || has(h, .time)
                        || (isW(h, "principle") && h > start && isW(h - 1, "in")) || (isW(h, "in") && h + 1 < t && isW(h + 1, "principle")) {
                    h -= 1
                }
                if h >= start {
                    if has(h, .futureGovernor) { result = result ?? .future; break }
                    // "threatened to break relations", "vowed to retaliate": the act is what is threatened;
                    // "wants to attack" is a threat of force.
                    if has(h, .threatGovernor) || (has(h, .desireGovernor) && Grammar.violentRoots.contains(rootOf: entry.code)) {
                        result = result ?? .future; break
                    }
                    if isW(h, "failed") || isW(h, "refused") || isW(h, "declined") { return .negated }
                    if has(h, .assertedGovernor) { break }
                }
                // "gathered in the capital to protest the tax", "began a hunger strike to protest against":
                // a protest's purpose named by a protest is the protest itself.
                if entry.code.hasPrefix("14"), protestBefore(g, start: start) { break }
                // Anything else is a purpose, an appeal or a wish: "met Putin to probe", "wants to attack".
                result = result ?? .hypothetical
                break
            } else if has(g, .auxiliary) || doc.lower(g, hasSuffix: "ly") {
                // part of the verb group
            } else {
                break
            }
            g -= 1; n += 1
        }
        // "in order to open a route for Iranian military aid": a purpose, not a reported act.
        var q = start
        while q + 2 < t {
            if (isW(q, "order") || isW(q, "so")) && w(q + 1) == (isW(q, "order") ? "to" : "as") && (isW(q, "so") ? isW(q + 2, "to") : true),
               q > start, isW(q - 1, "in") || isW(q, "so") {
                return .hypothetical
            }
            q += 1
        }
        // An act inside an accusation, appeal or threat made earlier in the sentence is not reported as done:
        // "accused Washington of orchestrating", "urged Moscow to release".
        // "jailed a student for helping militants": the act a punishment or a reproach is taken for is only
        // alleged (while "apologised for shooting down" and "thanked X for helping" acknowledge the act).
        if let prev = earlier.last, Grammar.punishingRoots.contains(rootOf: prev.code),
           t > start, doc.lower(t, hasSuffix: "ing"), isW(t - 1, "for") {
            return .hypothetical
        }
        if let prev = earlier.last, Grammar.appealingRoots.contains(rootOf: prev.code), t > prev.trigger.upperBound {
            if doc.lower(t, hasSuffix: "ing") || (t > 0 && isW(t - 1, "to")) || (t > 0 && isW(t - 1, "of")) { return .hypothetical }
        }
        if let r = result, r == .negated { return denied ? .denied : .negated }
        if denied { return .denied }
        // A threat made on a condition is still a threat ("threatened to break relations unless ..."),
        // and so is an act announced for the future on a condition ("will withdraw unless ...").
        if conditional, !entry.code.hasPrefix("13"), result != .future { return .conditional }
        return result ?? .asserted
    }
}

