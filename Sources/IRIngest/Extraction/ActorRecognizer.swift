import IRStore

/// Recognizes and resolves the actors of a document: states (by name, adjective in an actor
/// phrase, capital or seat used for the government), persons (title + name, apposition,
/// possessive roles, given names, subjects of speech verbs), organizations and groups (from
/// the lexicons and from "<demonym> <body>" patterns), and the places that only locate things.
///
///     let a = ActorRecognizer().analyze(doc, context: ctx)
///     // "Russian Foreign Minister Sergei Lavrov" -> person Sergei Lavrov (RUS, RUSGOV, Foreign Minister)
///     //                                           + state Russia (from the adjective)
public struct ActorRecognizer: Sendable {
    let lexicon: Lexicon

    public init() { lexicon = .shared }

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    public func analyze(_ doc: Document, context: ArticleContext) -> ActorAnalysis {
        var b = ActorResolver(doc: doc, context: context, lexicon: lexicon)
        b.recognize()
        return b.finish()
    }
}

/// A modifier of an actor phrase: what stands before a title, a body or a name.
struct PhraseModifier {
    enum Ref: Equatable {
        case state(Int)      // index into Lexicon.states
        case organization(Int)  // index into Lexicon.organizations
        case person(Int)     // index into the article's actors
        case actor(Int)      // a body already made an actor ("Iran's foreign ministry" before "spokesman")
    }
    var ref: Ref
    var range: Range<Int>
    var possessive: Bool
    /// "pro-Russian": the state is not the owner of what follows.
    var pro: Bool = false
    /// "U.S.-backed", "U.S.-Russian": the state takes part but does not own the head.
    var detached: Bool = false
    /// How the state was named: "adjective", "name", "capital", "seat", "organization", "person".
    var rule: String
}

/// The article-level state of recognition: actors found so far, mentions, roles, places.
struct ActorResolver {
    let doc: Document
    let context: ArticleContext
    let lex: Lexicon
    /// Lowercased token keys, curly apostrophes straightened.
    let keys: [String]
    /// `WordHash` of each key.
    let keyHashes: [UInt64]
    /// Tokens that no stage should read (dateline, captions, bylines).
    var excluded: [Bool]
    /// Tokens already part of a mention, a place or an outlet.
    var consumed: [Bool]

    /// Tokens between quotation marks.
    let inQuote: [Bool]
    /// The end of each token's sentence (the bound of memoized lexicon matches).
    let sentenceEnd: [Int]
    let memo: MatchMemo

    var actors: [ActorRecord] = []
    var mentions: [ActorMention] = []
    var roles: [RoleRow] = []
    var places: [PlaceMention] = []
    var byKey: [String: Int] = [:]
    /// `stateActor` and `organizationActor` results by lexicon index.
    var stateActors: [Int32] = []
    var organizationActors: [Int32] = []
    /// Lowercased surname (and glued-particle-free form) -> person actor.
    var surnames = WordMap<Int>()
    /// First tokens of state modifiers that gave a person their country ("U.S." of "U.S. Secretary of State ...").
    var ownerTokens = Set<Int>()
    /// First words of two-word names, for names written family name first ("Ms Mao" -> Mao Ning).
    var familyFirst: [String: Int] = [:]
    /// Locative-only state mentions ("in Luxembourg"), per state actor.
    var locativeMentions: [Int: Int] = [:]
    /// States that only locate: "the Syrian town" (token, sentence, ISO3).
    var locationHints: [(token: Int, sentence: Int, iso: String)] = []
    /// Bare "the military" / "the army" mentions, resolved at the end.
    var bareMilitary: [(range: Range<Int>, sentence: Int)] = []
    /// Groups whose country comes from context: (actor, sentence, excluded state).
    var contextualGroups: [(actor: Int, sentence: Int, not: String?)] = []

    init(doc: Document, context: ArticleContext, lexicon: Lexicon) {
        self.doc = doc
        self.context = context
        self.lex = lexicon
        var keys = doc.lowered
        var keyHashes = doc.hashes
        for i in keys.indices where doc.lower(i, containsByte: 0xE2) {
            keys[i] = PhraseTrie.normalize(keys[i])
            keyHashes[i] = WordHash.of(keys[i])
        }
        self.keys = keys
        self.keyHashes = keyHashes
        let n = doc.tokens.count
        var excluded = [Bool](repeating: false, count: n)
        for s in doc.sentences where s.isCaption { for i in s.tokenRange { excluded[i] = true } }
        if let d = context.datelineRange {
            for i in 0..<n where doc.tokens[i].start >= d.lowerBound && doc.tokens[i].end <= d.upperBound { excluded[i] = true }
        }
        // Bylines and credits: "Reporting by ...; Editing by ...", "Additional reporting by ...".
        for s in doc.sentences {
            let r = s.tokenRange
            var k = r.lowerBound
            if k < r.upperBound, doc.lower(k, is: "(") { k += 1 }
            if k < r.upperBound, doc.lower(k, is: "additional") { k += 1 }
            if k + 1 < r.upperBound, ["reporting", "writing", "editing", "compiled", "produced", "reported"].contains(keys[k]),
               doc.lower(k + 1, is: "by") {
                let p = doc.paragraphs[s.paragraph]
                for i in r.lowerBound..<n where doc.tokens[i].start < p.upperBound { excluded[i] = true }
            }
        }
        self.excluded = excluded
        self.consumed = [Bool](repeating: false, count: n)
        // Tokens inside quotation marks, per paragraph.
        var inQuote = [Bool](repeating: false, count: n)
        var open = false
        var paragraphEnd = -1
        for i in 0..<n {
            let t = doc.tokens[i]
            if t.start >= paragraphEnd {
                open = false
                paragraphEnd = doc.paragraphs.first(where: { $0.contains(t.start) })?.upperBound ?? Int.max
            }
            if t.kind == .quote { open = t.opensQuote; continue }
            inQuote[i] = open
        }
        self.inQuote = inQuote
        var sentenceEnd = [Int](repeating: n, count: n)
        for s in doc.sentences { for i in s.tokenRange { sentenceEnd[i] = s.tokenRange.upperBound } }
        self.sentenceEnd = sentenceEnd
        self.memo = MatchMemo(count: n)
    }

    // MARK: - Lexicon access

    func match(at i: Int, end: Int) -> (length: Int, hits: [LexHit])? {
        // Memoized per token for the usual bound, the end of the token's sentence.
        guard i < sentenceEnd.count, end == sentenceEnd[i] else { return lex.trie.longest(doc, keys, keyHashes, at: i, end: end) }
        if memo.length[i] == -1 {
            if let m = lex.trie.longest(doc, keys, keyHashes, at: i, end: end) {
                memo.length[i] = Int16(m.length); memo.hits[i] = m.hits
            } else {
                memo.length[i] = 0
            }
        }
        let n = Int(memo.length[i])
        return n == 0 ? nil : (n, memo.hits[i])
    }

    func isWord(_ i: Int) -> Bool { i < doc.tokens.count && doc.tokens[i].kind == .word }

    /// `PersonNames.strippedParticle(keys[i])`, with a byte test first: a glued prefix puts a hyphen
    /// at byte 2, 3 or 4 (a curly apostrophe changes the key's bytes, so it takes the full path).
    func strippedParticle(_ i: Int) -> String? {
        let a = Int(doc.lowerStart[i]), e = Int(doc.lowerStart[i + 1])
        var hyphen = false, curly = false
        var k = a
        while k < e {
            let b = doc.lowerBytes[k]
            if b == 0xE2 { curly = true; break }
            if b == 0x2D && k - a >= 2 && k - a <= 4 { hyphen = true }
            k += 1
        }
        guard hyphen || curly else { return nil }
        return PersonNames.strippedParticle(keys[i])
    }

    /// `keys[i] == "'s"`: a possessive with a straight or curly apostrophe.
    @inline(__always) func isPossessiveKey(_ i: Int) -> Bool { doc.lower(i, is: "'s") || doc.lower(i, is: "\u{2019}s") }

    func isCap(_ i: Int) -> Bool { isWord(i) && doc.tokens[i].isCapitalized }

    static func first(_ hits: [LexHit], _ kind: LexKind) -> LexHit? {
        for h in hits where h.kind == kind { return h }
        return nil
    }

    static func first(_ hits: [LexHit], _ a: LexKind, _ b: LexKind) -> LexHit? {
        for h in hits where h.kind == a || h.kind == b { return h }
        return nil
    }

    static func isStateKind(_ k: LexKind) -> Bool {
        switch k {
        case .stateName, .stateAdjective, .statePeople, .capital, .seat: return true
        default: return false
        }
    }

    /// The state named by one part of a hyphenated word ("U.S." in "U.S.-backed", "Russian" in "pro-Russian").
    func statePart(_ part: Substring) -> Int? {
        let key = PhraseTrie.normalize(part.lowercased())
        for h in lex.trie.single(key) where h.kind == .stateAdjective || h.kind == .stateName {
            if let c = part.first, c.isUppercase { return Int(h.index) }
        }
        return nil
    }

    // MARK: - Recognition

    mutating func recognize() {
        for (si, s) in doc.sentences.enumerated() where !s.isCaption {
            var i = s.tokenRange.lowerBound
            let end = s.tokenRange.upperBound
            while i < end {
                if excluded[i] || consumed[i] { i += 1; continue }
                i = parse(at: i, end: end, sentence: si)
            }
        }
        resolveSurnamesAndAnaphors()
    }

    /// Parses whatever starts at token `i`; returns the index to continue from.
    mutating func parse(at i: Int, end: Int, sentence: Int) -> Int {
        // Outlets and places first: they are never actors.
        if let m = match(at: i, end: end) {
            if m.hits.contains(where: { $0.kind == .outlet }), !m.hits.contains(where: { ActorResolver.isStateKind($0.kind) }) {
                for k in i..<i + m.length { consumed[k] = true }
                return i + m.length
            }
        }
        // An actor phrase: modifiers ("Russian", "Russia's", "the EU", "pro-Russian") and a head.
        var mods: [PhraseModifier] = []
        var k = i
        while k < end {
            var j = k
            if doc.lower(j, is: "the"), j + 1 < end { j += 1 }
            guard let mod = modifier(at: j, end: end) else { break }
            mods.append(mod)
            k = mod.range.upperBound
            // Coordination: "the Russian and Syrian defense ministries", "Armenian and Azeri counterparts".
            if k + 1 < end, doc.lower(k, is: "and") || doc.lower(k, is: ","), !mod.possessive,
               let next = modifier(at: doc.lower(k + 1, is: "the") && k + 2 < end ? k + 2 : k + 1, end: end),
               next.rule == mod.rule || (mod.rule == "adjective" && next.rule == "adjective") {
                k += 1
                continue
            }
            break
        }
        if !mods.isEmpty {
            return phrase(mods: mods, head: k, end: end, sentence: sentence)
        }
        // A title or honorific that starts a person phrase ("President Vladimir Putin", "Mr Kim").
        if let m = match(at: i, end: end), let t = ActorResolver.first(m.hits, .title, .honorific),
           !m.hits.contains(where: { $0.kind == .organization || $0.kind == .place }) {
            if let next = titlePhrase(title: t, range: i..<i + m.length, mods: [], end: end, sentence: sentence) { return next }
        }
        if let m = match(at: i, end: end) {
            if let b = ActorResolver.first(m.hits, .body), !m.hits.contains(where: { $0.kind == .organization || $0.kind == .place }) {
                if let next = bodyOfAStateAfter(b, range: i..<i + m.length, end: end, sentence: sentence) { return next }
                return bareBody(b, range: i..<i + m.length, end: end, sentence: sentence)
            }
            if let p = ActorResolver.first(m.hits, .place) {
                addPlace(Int(p.index), i..<i + m.length, sentence)
                return i + m.length
            }
        }
        if doc.lower(i, is: "the"), i + 1 < end, doc.lower(i + 1, is: "ministry") {
            ministryAnaphor(i..<i + 2, sentence: sentence)
            return i + 2
        }
        // Anaphors for blocs and alliances: "the bloc", "the 28-nation bloc", "the alliance".
        if doc.lower(i, is: "the"), let next = blocAnaphor(at: i, end: end, sentence: sentence) { return next }
        // Names.
        if isCap(i) || strippedParticle(i) != nil {
            if let next = nameAt(i, end: end, sentence: sentence) { return next }
        }
        return i + 1
    }

    /// A modifier at token `j`: a state (name, adjective, capital, seat), an organization, a known
    /// person's possessive, or a hyphenated compound ("pro-Russian", "U.S.-backed").
    func modifier(at j: Int, end: Int) -> PhraseModifier? {
        guard j < end, isWord(j), !excluded[j] else { return nil }
        if let m = match(at: j, end: end) {
            var ref: PhraseModifier.Ref?
            var rule = ""
            if let h = ActorResolver.first(m.hits, .stateAdjective) { ref = .state(Int(h.index)); rule = "adjective" } else if let h = ActorResolver.first(m.hits, .stateName) {
                ref = .state(Int(h.index)); rule = "name"
            } else if let h = ActorResolver.first(m.hits, .organization) {
                ref = .organization(Int(h.index)); rule = "organization"
            } else if let h = ActorResolver.first(m.hits, .seat) {
                ref = .state(Int(h.index)); rule = "seat"
            } else if let h = ActorResolver.first(m.hits, .capital) {
                ref = .state(Int(h.index)); rule = "capital"
            } else if let h = ActorResolver.first(m.hits, .statePeople) {
                ref = .state(Int(h.index)); rule = "people"
            }
            if let ref {
                var e = j + m.length
                let poss = e < end && isPossessiveKey(e)
                if poss { e += 1 }
                return PhraseModifier(ref: ref, range: j..<e, possessive: poss, rule: rule)
            }
            return nil
        }
        // A known person's possessive: "Putin's spokesman".
        if isCap(j), j + 1 < end, isPossessiveKey(j + 1), let p = surnames.value(hash: keyHashes[j], keys[j]) {
            return PhraseModifier(ref: .person(p), range: j..<j + 2, possessive: true, rule: "person")
        }
        // Hyphenated compounds.
        let t = doc.tokens[j]
        guard doc.bytes[t.start..<t.end].contains(0x2D) else { return nil }
        let text = doc.text(token: j)
        let parts = text.split(separator: "-")
        guard parts.count >= 2 else { return nil }
        let first = parts[0].lowercased()
        if first == "pro" || first == "anti", let s = statePart(parts[1]) {
            return PhraseModifier(ref: .state(s), range: j..<j + 1, possessive: false, pro: true, rule: first)
        }
        if let s = statePart(parts[0]) {
            let last = parts[parts.count - 1].lowercased()
            if ["based", "born", "made", "educated", "trained", "style"].contains(last) { return nil }
            return PhraseModifier(ref: .state(s), range: j..<j + 1, possessive: false, detached: true, rule: "compound")
        }
        return nil
    }

    /// Decides what a chain of modifiers and the word after them name.
    mutating func phrase(mods: [PhraseModifier], head k: Int, end: Int, sentence: Int) -> Int {
        let m = k < end ? match(at: k, end: end) : nil
        let states = mods.filter { if case .state = $0.ref { return !$0.pro && !$0.detached } else { return false } }
        // Title: "Russian Foreign Minister Sergei Lavrov", "Putin's spokesman, Dmitry Peskov".
        if let m, let t = ActorResolver.first(m.hits, .title),
           !m.hits.contains(where: { $0.kind == .organization && !$0.plural }) || !states.isEmpty {
            emitModifiers(mods, sentence: sentence, asOwners: true)
            if let next = titlePhrase(title: t, range: k..<k + m.length, mods: mods, end: end, sentence: sentence) { return next }
            return k + m.length
        }
        // Body: "Russian Defense Ministry", "Afghan government", "Syrian rebels", "pro-Russian separatists".
        if let m, let b = ActorResolver.first(m.hits, .body) {
            let entry = lex.bodies[Int(b.index)]
            if !adjectivalUse(entry, after: k + m.length, end: end) {
                let e = k + m.length
                let a = body(b, entry: entry, range: k..<e, mods: mods, end: end, sentence: sentence)
                // "Iran's foreign ministry spokesman Jane Roe": the body is the person's employer.
                if let a, e < end, let m2 = match(at: e, end: end), let t = ActorResolver.first(m2.hits, .title) {
                    let mod = PhraseModifier(ref: .actor(a), range: k..<e, possessive: false, rule: "body")
                    if let next = titlePhrase(title: t, range: e..<e + m2.length, mods: [mod], end: end, sentence: sentence) { return next }
                }
                return e
            }
        }
        // A person after a demonym or possessive: "American Kevin King", "Russia's Putin".
        if !states.isEmpty, let name = nameRange(at: k, end: end), name.count >= 2 || surnames.value(hash: keyHashes[k], keys[k]) != nil {
            emitModifiers(mods, sentence: sentence, asOwners: true)
            let p = person(name, sentence: sentence, rule: "demonym+name")
            if case .state(let s) = states.last!.ref { setCountry(p, lex.states[s].iso3, strength: 2) }
            apposition(person: p, after: name.upperBound, end: end, sentence: sentence)
            return name.upperBound
        }
        // "Ukrainian pilot Jane Roe": a demonym, a common noun or two, and a full name.
        if !states.isEmpty, let last = states.last, !last.possessive {
            var j = k
            while j < min(end, k + 2), isWord(j), !doc.tokens[j].isCapitalized, match(at: j, end: end) == nil { j += 1 }
            // "his Armenian counterpart, Jane Roe": a comma before a full name.
            let comma = j > k && j + 1 < end && doc.lower(j, is: ",")
            if comma { j += 1 }
            if j > k, j < end, comma || lex.givenNames.contains(hash: keyHashes[j], keys[j]), let name = nameRange(at: j, end: end), name.count >= 2 {
                emitModifiers(mods, sentence: sentence, asOwners: true)
                let p = person(name, sentence: sentence, rule: "demonym+noun+name")
                if case .state(let s) = last.ref { setCountry(p, lex.states[s].iso3, strength: 2) }
                return name.upperBound
            }
        }
        emitModifiers(mods, sentence: sentence, asOwners: false)
        return mods.last!.range.upperBound
    }

    /// "military aid", "government building": the body word used as an adjective.
    func adjectivalUse(_ body: BodyEntry, after e: Int, end: Int) -> Bool {
        guard e < end, isWord(e), !doc.tokens[e].isCapitalized else { return false }
        let c = body.canonical
        guard ["military", "army", "government", "navy", "air force", "police", "intelligence", "court", "parliament",
               "security council", "central bank", "special forces", "border guard"].contains(c) else { return false }
        return ActorResolver.adjectivalNouns.contains(hash: keyHashes[e], keys[e])
    }

    static let adjectivalNouns: WordSet = [
        "aid", "base", "bases", "operation", "operations", "activities", "activity", "action", "actions", "campaign",
        "uniforms", "uniform", "equipment", "exercises", "exercise", "drills", "hardware", "spending", "budget",
        "assistance", "support", "cooperation", "ties", "presence", "intervention", "options", "option", "offensive",
        "strikes", "strike", "vehicles", "vehicle", "helicopter", "helicopters", "aircraft", "positions", "position",
        "targets", "target", "building", "buildings", "sources", "source", "spokesman", "spokeswoman", "spokesperson",
        "analyst", "analysts", "experts", "expert", "facility", "facilities", "installations", "infrastructure",
        "plane", "planes", "jet", "jets", "ship", "ships", "convoy", "convoys", "checkpoint", "checkpoints",
        "airstrikes", "airstrike", "assault", "buildup", "build-up", "deployment", "deployments", "personnel",
        "officials", "official", "officers", "officer", "leaders", "leader", "chief", "chiefs", "commander",
        "commanders", "ruling", "decision", "decisions", "policy", "policies", "statement", "statements", "data",
        "figures", "forces", "troops", "contractors", "contractor", "doctrine", "power", "might", "capabilities",
        "reform", "reforms", "service", "services", "sanctions", "debt", "bonds", "reserves", "rate", "rates",
        "move", "moves", "plan", "plans", "program", "programme", "programs", "report", "reports", "crackdown",
        "control", "coup", "junta", "court", "courts", "tribunal", "intelligence", "posts", "post", "vote", "elections",
    ]

    /// Mentions for modifiers: states (from adjectives, names, capitals, seats), organizations, persons.
    /// `asOwners`: the phrase head belongs to them (a capital before a title is then the state).
    mutating func emitModifiers(_ mods: [PhraseModifier], sentence: Int, asOwners: Bool) {
        for (n, mod) in mods.enumerated() {
            let r = mod.range
            let nameRange = mod.possessive ? r.lowerBound..<r.upperBound - 1 : r
            switch mod.ref {
            case .state(let s):
                if mod.pro { continue }
                if mod.rule == "capital" && !asOwners && !capitalIsGovernment(nameRange) {
                    if let place = lex.place(named: lex.states[s].capitals.first ?? "") {
                        places.append(PlaceMention(place: place, tokenRange: nameRange, sentence: sentence))
                    }
                    continue
                }
                if mod.rule == "seat" && !asOwners && precededByLocative(nameRange.lowerBound) { continue }
                if mod.rule == "adjective" && !asOwners && !adjectiveNamesState(nameRange, isLast: n == mods.count - 1) {
                    // "the Syrian town of ...": no actor, but it says where things happen.
                    locationHints.append((nameRange.lowerBound, sentence, lex.states[s].iso3))
                    continue
                }
                let a = stateActor(s)
                addMention(a, nameRange, sentence, rule: mod.rule)
                if mod.rule == "name" && !mod.possessive && precededByLocative(nameRange.lowerBound) && !asOwners {
                    locativeMentions[a, default: 0] += 1
                }
            case .organization(let o):
                let a = organizationActor(o)
                addMention(a, nameRange, sentence, rule: "lexicon")
                // "Sudan's army", "Russian Defense Ministry": the state it belongs to takes part too.
                if let c = lex.organizations[o].country, let s = lex.stateIndex[c], nameRange.count > 1,
                   let pm = match(at: nameRange.lowerBound, end: nameRange.upperBound - 1),
                   pm.hits.contains(where: { ($0.kind == .stateAdjective || $0.kind == .stateName) && Int($0.index) == s }) {
                    addMention(stateActor(s), nameRange.lowerBound..<nameRange.lowerBound + pm.length, sentence, rule: "organization's state")
                }
            case .person(let p):
                addMention(p, nameRange, sentence, rule: "surname")
            case .actor:
                break
            }
        }
    }

    static let locatives: WordSet = ["in", "at", "near", "outside", "inside", "into", "from", "via", "across", "around", "throughout", "within", "toward", "towards"]

    func precededByLocative(_ i: Int) -> Bool {
        var k = i - 1
        if k >= 0, doc.lower(k, is: "the") { k -= 1 }
        guard k >= 0 else { return false }
        if ActorResolver.locatives.contains(hash: keyHashes[k], keys[k]) { return true }
        // "in Doha, Qatar": the state qualifies a place.
        if doc.lower(k, is: ","), k >= 1, isCap(k - 1), k >= 2, ActorResolver.locatives.contains(hash: keyHashes[k - 2], keys[k - 2]) { return true }
        return false
    }

    /// A capital stands for its government unless it locates something ("in Moscow", "the capital Kabul", "Minsk agreements").
    func capitalIsGovernment(_ r: Range<Int>) -> Bool {
        let i = r.lowerBound
        if precededByLocative(i) { return false }
        if i > 0, ["capital", "city", "of", "to", "mayor", "downtown", "central", "suburban", "near", "outside"].contains(keys[i - 1]) { return false }
        let e = r.upperBound
        if e < doc.tokens.count {
            let t = doc.tokens[e]
            if t.kind == .number { return false }
            if t.kind == .word, ActorResolver.capitalPlaceFollowers.contains(hash: keyHashes[e], keys[e]) { return false }
            if doc.lower(e, is: ","), e + 1 < doc.tokens.count, match(at: e + 1, end: doc.tokens.count)?.hits.contains(where: { $0.kind == .stateName }) == true {
                return false
            }
        }
        if doc.token(i, containsByte: 0x2D) { return false }  // hyphenated: "pro-Russian"
        return true
    }

    static let capitalPlaceFollowers: WordSet = [
        "agreement", "agreements", "accord", "accords", "protocol", "protocols", "process", "format", "summit",
        "airport", "region", "oblast", "province", "city", "residents", "mayor", "metro", "subway", "hotel",
        "stock", "exchange", "time", "university", "bureau", "correspondent", "office", "offices", "streets",
        "suburb", "suburbs", "outskirts", "embassy", "talks", "conference", "declaration", "treaty", "deal", "group",
        "format", "ceasefire", "truce", "airspace", "times", "post", "journal",
    ]

    /// An adjective outside an actor phrase still names its state, unless it only locates or describes
    /// ("Swiss city", "ethnic Armenian", "Russian-speaking", "in Russian").
    func adjectiveNamesState(_ r: Range<Int>, isLast: Bool) -> Bool {
        let i = r.lowerBound
        if i > 0, ["ethnic", "in"].contains(keys[i - 1]) { return false }
        let e = r.upperBound
        if isLast, e < doc.tokens.count, isWord(e), ActorResolver.placeNouns.contains(hash: keyHashes[e], keys[e]) { return false }
        return true
    }

    static let placeNouns: WordSet = [
        "city", "cities", "town", "towns", "village", "villages", "capital", "province", "provinces", "region",
        "regions", "border", "borders", "coast", "coastline", "waters", "territory", "territories", "airspace",
        "soil", "port", "ports", "island", "islands", "enclave", "countryside", "desert", "mountains", "language",
        "languages", "speakers", "cuisine", "food", "culture", "land", "lands", "side", "peninsula", "sea",
        "frontier", "heartland", "mainland", "exclave", "oblast", "district", "area", "areas",
    ]

    // MARK: - Titles and persons

    /// "[mods] Title Name", "[mods] Title, Name", "Title Surname". Returns nil when no person follows.
    mutating func titlePhrase(title: LexHit, range t: Range<Int>, mods: [PhraseModifier], end: Int, sentence: Int) -> Int? {
        var e = t.upperBound
        // Stacked titles: "White House Press Secretary", "Defense Secretary Gen. ...": take the last.
        var entry = lex.titles[Int(title.index)]
        var titleRange = t
        // At most four stacked titles: a longer run is not a title phrase, and scanning it from every
        // start would be quadratic ("Mr. Mr. Mr. ..." in junk input).
        var stacked = 0
        while e < end, stacked < 4, let m2 = match(at: e, end: end), let t2 = ActorResolver.first(m2.hits, .title, .honorific),
              !m2.hits.contains(where: { $0.kind == .organization }) {
            stacked += 1
            let e2 = lex.titles[Int(t2.index)]
            if !e2.canonical.isEmpty { entry = e2; titleRange = e..<e + m2.length }
            e += m2.length
        }
        var name = nameRange(at: e, end: end)
        var appositive = false
        if name == nil, e + 1 < end, doc.lower(e, is: ","), let n2 = nameRange(at: e + 1, end: end), n2.count >= 2 {
            name = n2; appositive = true
        }
        // "the head of Russia's Security Council, Jane Roe": the body or state after "of", then the name.
        if name == nil, mods.isEmpty, e + 2 < end, doc.lower(e, is: "of") {
            var j = e + 1
            var found: PhraseModifier?
            while j < min(end, e + 8), !doc.lower(j, is: ",") {
                // The body itself outranks the state that owns it ("of Russia's Wagner group").
                if let mod = modifier(at: j, end: end), !mod.pro, !mod.detached {
                    if case .organization(let o) = mod.ref {
                        // Unless it is a generic name after a state's possessive ("Armenia's Security Council").
                        var owned = true
                        if let f = found, case .state(let s) = f.ref, f.possessive, f.range.upperBound == mod.range.lowerBound {
                            owned = lex.organizations[o].country == lex.states[s].iso3
                        }
                        if owned { found = mod }
                    } else if found == nil { found = mod }
                    j = mod.range.upperBound; continue
                }
                j += 1
            }
            if let found, j + 1 < end, doc.lower(j, is: ","), let n2 = nameRange(at: j + 1, end: end), n2.count >= 2 {
                // The words between are left to the main scan: only the role and the name are taken here.
                let p = person(n2, sentence: sentence, rule: "title of X, name")
                assignRole(p, entry: entry, mods: [found], sentence: sentence)
                for k in t.lowerBound..<e { consumed[k] = true }
                return e
            }
        }
        guard let name else {
            return mods.isEmpty ? nil : e
        }
        for k in t.lowerBound..<e { consumed[k] = true }
        if entry.sector == "MED" {
            // Reporters and photographers are not actors.
            for k in name { consumed[k] = true }
            return name.upperBound
        }
        let p = person(name, sentence: sentence, rule: appositive ? "title,name" : "title+name")
        assignRole(p, entry: entry, mods: mods, sentence: sentence)
        _ = titleRange
        if !appositive { apposition(person: p, after: name.upperBound, end: end, sentence: sentence) }
        return name.upperBound
    }

    /// Records a person's role, country and CAMEO sector from the phrase that names the role.
    mutating func assignRole(_ p: Int, entry: TitleEntry, mods: [PhraseModifier], sentence: Int) {
        var country: String?
        var of: Int?
        var strength = 2
        for mod in mods.reversed() where !mod.pro {
            switch mod.ref {
            case .state(let s):
                if mod.detached { continue }
                country = lex.states[s].iso3; of = stateActor(s)
                ownerTokens.insert(mod.range.lowerBound)
            case .organization(let o):
                let org = lex.organizations[o]
                country = org.country; of = organizationActor(o)
                actors[p].organization = of
            case .person(let q):
                actors[p].countryFrom = q
                country = actors[q].country
            case .actor(let a):
                country = actors[a].country; of = a
                actors[p].organization = a
            }
            break
        }
        if mods.isEmpty, let c = entry.country { country = c; strength = 1 }
        if let country { setCountry(p, country, strength: strength) }
        if actors[p].sector == nil || entry.rank < actors[p].rank {
            if !entry.canonical.isEmpty { actors[p].sector = entry.sector; actors[p].rank = entry.rank }
        }
        if !entry.canonical.isEmpty {
            if !roles.contains(where: { $0.actor == p && $0.title == entry.canonical }) {
                roles.append(RoleRow(actor: p, title: entry.canonical, countryCode: country, ofActor: of, sentence: sentence))
            }
        }
    }

    /// A name at `i`: capitalized words with particles and initials, 1 to 5 parts.
    func nameRange(at i: Int, end: Int) -> Range<Int>? {
        var k = i
        var parts = 0
        while k < end, parts < 5 {
            guard isWord(k), !excluded[k] else { break }
            let key = keys[k]
            let glued = strippedParticle(k) != nil && parts > 0
            if doc.tokens[k].isCapitalized || glued {
                if PersonNames.stopwords.contains(hash: keyHashes[k], key) { break }
                if doc.tokens[k].isAllCaps && doc.tokens[k].end - doc.tokens[k].start > 1 && !glued { break }
                if let m = match(at: k, end: end) {
                    let blocking = m.hits.contains { h in
                        switch h.kind {
                        case .stateName, .stateAdjective, .statePeople, .capital, .seat, .organization, .outlet: return true
                        case .place: return parts == 0 || m.length > 1
                        case .title, .honorific, .body: return parts == 0
                        }
                    }
                    if blocking && !(parts == 0 && lex.givenNames.contains(hash: keyHashes[k], key) && m.length == 1 && isCap(k + 1) && match(at: k + 1, end: end) == nil) {
                        break
                    }
                }
                parts += 1; k += 1
                // An initial: "George W. Bush".
                if doc.tokens[k - 1].end - doc.tokens[k - 1].start == 1, k < end, doc.lower(k, is: "."), isCap(k + 1) { k += 1 }
                continue
            }
            if parts > 0, PersonNames.particles.contains(hash: keyHashes[k], key), k + 1 < end, isCap(k + 1) || strippedParticle(k + 1) != nil {
                k += 1; continue
            }
            break
        }
        guard parts > 0 else { return nil }
        return i..<k
    }

    /// A name starting at a capitalized word: a known given name, a known surname, or the subject of a speech verb.
    mutating func nameAt(_ i: Int, end: Int, sentence: Int) -> Int? {
        guard let r = nameRange(at: i, end: end) else { return nil }
        if r.count == 1 {
            // A known surname: resolved here if the person is known, else in the final pass.
            if let p = surnames.value(hash: keyHashes[i], keys[i]) ?? strippedParticle(i).flatMap({ surnames[$0] }) {
                addMention(p, r, sentence, rule: "surname")
                return r.upperBound
            }
            // The surname of a well-known leader ("Putin said"): the person of the lexicon.
            if let k = lex.personBySurname[keys[i]] {
                let e = lex.persons[k]
                let p = keyedActor("p|" + e.name.lowercased(), ActorRecord(name: e.name, kind: .person))
                registerSurname(p, keys[i])
                if let last = e.name.split(separator: " ").last { registerSurname(p, last.lowercased()) }
                applyKnown(p, e)
                addMention(p, r, sentence, rule: "known surname")
                return r.upperBound
            }
            return nil
        }
        let known = lex.personByName[doc.text(tokens: r.lowerBound, r.upperBound - 1).lowercased()] != nil
        let given = known || lex.givenNames.contains(hash: keyHashes[i], keys[i])
        let before = i > 0 ? keys[i - 1] : ""
        let after = r.upperBound < end ? keys[r.upperBound] : ""
        let speech = PersonNames.speechVerbs.contains(after) || (r.upperBound + 1 < end && after == "," && apposesTitle(r.upperBound + 1, end: end))
            || PersonNames.speechBefore.contains(before) && before != "to"
        guard given || speech else { return nil }
        // Two capitalized words where the second is a title-less organization word are not a name.
        let p = person(r, sentence: sentence, rule: given ? "given-name" : "speech-subject")
        apposition(person: p, after: r.upperBound, end: end, sentence: sentence)
        return r.upperBound
    }

    /// Whether the words from `k` describe a role: "[a|the] [senior] ... <title>" within a few words.
    func apposesTitle(_ k: Int, end: Int) -> Bool {
        var j = k
        var n = 0
        while j < end, n < 6 {
            if let m = match(at: j, end: end), m.hits.contains(where: { $0.kind == .title }) { return true }
            j += 1; n += 1
        }
        return false
    }

    /// "Name, [the|a] [mods] Title [of X] ...": the role and country of a person from an apposition.
    mutating func apposition(person p: Int, after e: Int, end: Int, sentence: Int) {
        guard e + 1 < end, doc.lower(e, is: ",") else { return }
        var j = e + 1
        var mods: [PhraseModifier] = []
        var title: TitleEntry?
        let limit = min(end, j + 16)
        var afterTitle = 0
        var commas = 0
        while j < limit {
            let key = keys[j]
            if doc.tokens[j].kind == .quote || PersonNames.speechVerbs.contains(key) || key == ";" || key == "(" { break }
            if key == "who" || key == "which" || key == "where" || key == "when" { break }
            if key == "," {
                commas += 1
                if commas > 1 || (j + 1 < limit && !doc.lower(j + 1, is: "the") && !doc.lower(j + 1, is: "a")) { break }
            }
            if let m = match(at: j, end: end) {
                if title == nil, let t = ActorResolver.first(m.hits, .title), !m.hits.contains(where: { $0.kind == .organization }) {
                    title = lex.titles[Int(t.index)]
                    j += m.length; continue
                }
                if let mod = modifier(at: j, end: end) {
                    if title == nil || mods.isEmpty { mods.append(mod) }
                    j = mod.range.upperBound
                    if title != nil { break }
                    continue
                }
                j += m.length
            } else if let mod = modifier(at: j, end: end) {
                mods.append(mod)
                j = mod.range.upperBound
                if title != nil { break }
                continue
            } else {
                j += 1
            }
            if title != nil { afterTitle += 1; if afterTitle > 10 { break } }
        }
        guard let title else {
            // No role, but a state named in the description: "Jane Roe, a fellow at a think tank in Israel".
            for mod in mods where !mod.pro && !mod.detached {
                if case .state(let s) = mod.ref { setCountry(p, lex.states[s].iso3, strength: 1); break }
            }
            return
        }
        assignRole(p, entry: title, mods: mods.filter { !$0.pro }, sentence: sentence)
    }

    /// A person actor for a name, joined to an earlier mention of the same person.
    mutating func person(_ r: Range<Int>, sentence: Int, rule: String) -> Int {
        for k in r { consumed[k] = true }
        let name = doc.text(tokens: r.lowerBound, r.upperBound - 1)
        var lastIndex = r.upperBound - 1
        if r.count > 2, PersonNames.suffixes.contains(hash: keyHashes[lastIndex], keys[lastIndex]) { lastIndex -= 1 }
        let last = keys[lastIndex]
        let p: Int
        let known = r.count == 1 ? lex.personBySurname[last] : lex.personByName[name.lowercased()]
        if let k = known, let q = byKey["p|" + lex.persons[k].name.lowercased()] {
            // "Bashar Assad" after "Assad", "Abu Mazen" after "Mahmoud Abbas": one person.
            p = q
        } else if r.count == 1 {
            if let q = surnames[last] ?? PersonNames.strippedParticle(last).flatMap({ surnames[$0] }) ?? familyFirst[last] {
                p = q
            } else {
                p = newActor(ActorRecord(name: name, kind: .person))
                registerSurname(p, last)
            }
        } else if let q = byKey["p|" + name.lowercased()] {
            p = q
        } else if let q = surnames[last], actors[q].isSingleName {
            // "President Trump" first, "Donald Trump" later: the full name wins.
            actors[q].name = name
            actors[q].isSingleName = false
            byKey["p|" + name.lowercased()] = q
            p = q
        } else {
            p = newActor(ActorRecord(name: name, kind: .person))
            byKey["p|" + name.lowercased()] = p
            registerSurname(p, last)
            // Family name first ("Mao Ning" -> "Ms Mao"): only joined after a title or honorific.
            if r.count == 2, familyFirst[keys[r.lowerBound]] == nil { familyFirst[keys[r.lowerBound]] = p }
            // "Mohammad Javad Zarif": "Javad Zarif" is his too.
        }
        if let k = known {
            let key = "p|" + lex.persons[k].name.lowercased()
            if byKey[key] == nil { byKey[key] = p }
            if let l = lex.persons[k].name.split(separator: " ").last, surnames[l.lowercased()] == nil { registerSurname(p, l.lowercased()) }
            applyKnown(p, lex.persons[k])
        }
        addMention(p, r, sentence, rule: rule)
        return p
    }

    /// A person of the lexicon: the state (or organization) served, stated by world knowledge,
    /// and the CAMEO sector when the text gives no title.
    mutating func applyKnown(_ p: Int, _ e: PersonEntry) {
        if let o = e.organization, actors[p].organization == nil, let k = lex.organizationIndex[o.lowercased()] {
            actors[p].organization = organizationActor(k)
        }
        setCountry(p, e.country, strength: 2)
        if actors[p].sector == nil { actors[p].sector = e.sector == "IGO" ? nil : e.sector; actors[p].rank = 5 }
        if let c = e.cameo { actors[p].knownCameo = c }
    }

    mutating func registerSurname(_ p: Int, _ last: String) {
        surnames[last] = p
        if let s = PersonNames.strippedParticle(last) { surnames[s] = p }
    }

    // MARK: - Bodies and groups

    /// "Russian Defense Ministry", "Afghan government", "Israeli settlers", "pro-Russian separatists".
    @discardableResult
    mutating func body(_ hit: LexHit, entry: BodyEntry, range: Range<Int>, mods: [PhraseModifier], end: Int, sentence: Int) -> Int? {
        for k in range { consumed[k] = true }
        let owners = mods.filter { if case .state = $0.ref { return !$0.pro && !$0.detached } else { return false } }
        let pro = mods.first { $0.pro && $0.rule == "pro" }
        let orgOrPerson = mods.contains { if case .state = $0.ref { return false } else { return true } }
        let sector = entry.sector
        let generic = ["government", "officials", "leaders", "political faction", "Presidency"].contains(entry.canonical)
        if sector == "MED" || sector == "BUS" || (owners.isEmpty && pro == nil) || (orgOrPerson && owners.isEmpty) {
            emitModifiers(mods, sentence: sentence, asOwners: !owners.isEmpty || orgOrPerson)
            if owners.isEmpty, pro == nil, !orgOrPerson {
                // "U.S.-backed rebels": a bare group noun.
                groupNoun(entry, range: range, sentence: sentence, allowNew: false)
            }
            return nil
        }
        if let pro, entry.kind == .group {
            emitModifiers(mods.filter { !$0.pro }, sentence: sentence, asOwners: false)
            let adj = lex.states[stateIndex(pro)].adjective
            let name = "pro-" + adj + " " + entry.canonical
            let a = groupActor(name: name, sector: sector)
            addMention(a, pro.range.lowerBound..<range.upperBound, sentence, rule: "pro-group")
            contextualGroups.append((a, sentence, lex.states[stateIndex(pro)].iso3))
            return a
        }
        if let first = owners.first, first.range.lowerBound > 0, doc.lower(first.range.lowerBound - 1, is: "ethnic"), entry.sector == "MIL" || entry.kind == .group {
            // "ethnic Armenian forces": a group named after a people, not that state's army.
            let name = "ethnic " + doc.text(tokens: first.range.lowerBound, range.upperBound - 1)
            let a = groupActor(name: name, sector: "REB")
            addMention(a, first.range.lowerBound - 1..<range.upperBound, sentence, rule: "ethnic-group")
            contextualGroups.append((a, sentence, lex.states[stateIndex(first)].iso3))
            return nil
        }
        if entry.sector == "JUD" && (hit.plural || doc.lower(range.upperBound - 1, is: "courts")) {
            // "Israeli courts": the judiciary in general, not one body.
            emitModifiers(mods, sentence: sentence, asOwners: false)
            return nil
        }
        emitModifiers(mods, sentence: sentence, asOwners: true)
        var made: Int?
        for mod in owners {
            let s = stateIndex(mod)
            let st = lex.states[s]
            let phraseRange = mod.range.lowerBound..<range.upperBound
            if generic {
                addMention(stateActor(s), phraseRange, sentence, rule: "government")
                continue
            }
            let name = st.adjective + " " + entry.canonical
            var a: Int
            if sector == "MIL", let m = byKey["mil|" + st.iso3] {
                a = m
            } else if let o = lex.organizationByAlias[name.lowercased()] {
                a = organizationActor(o)
                if sector == "MIL" && byKey["mil|" + st.iso3] == nil { byKey["mil|" + st.iso3] = a }
            } else {
                a = keyedActor("b|" + name.lowercased(), ActorRecord(name: name, kind: entry.kind, country: st.iso3,
                                                                      cameo: st.cameo + sector))
                if sector == "MIL" && byKey["mil|" + st.iso3] == nil { byKey["mil|" + st.iso3] = a }
            }
            actors[a].countryStrength = 2
            addMention(a, phraseRange, sentence, rule: "demonym+body")
            made = a
        }
        return made
    }

    func stateIndex(_ mod: PhraseModifier) -> Int {
        if case .state(let s) = mod.ref { return s }
        return 0
    }

    /// A body word whose state follows it: "security forces in Guinea", "dissidents from Egypt",
    /// "protesters in Baghdad" are that state's forces, dissidents, protesters. Generic bodies
    /// ("officials in Moscow") are left to the state that follows.
    mutating func bodyOfAStateAfter(_ hit: LexHit, range: Range<Int>, end: Int, sentence: Int) -> Int? {
        let entry = lex.bodies[Int(hit.index)]
        guard entry.sector != "MED", entry.sector != "BUS", entry.sector != "GOV", entry.sector != "LEG",
              range.upperBound + 1 < end, doc.lower(range.upperBound, is: "in") || doc.lower(range.upperBound, is: "from") else { return nil }
        var j = range.upperBound + 1
        if doc.lower(j, is: "the"), j + 1 < end { j += 1 }
        guard let mod = modifier(at: j, end: end), mod.rule == "name" || mod.rule == "capital", !mod.pro, !mod.detached,
              case .state(let si) = mod.ref else { return nil }
        for k in range { consumed[k] = true }
        let st = lex.states[si]
        let name = st.adjective + " " + entry.canonical
        let a: Int
        if entry.sector == "MIL", let m = byKey["mil|" + st.iso3] {
            a = m
        } else if let o = lex.organizationByAlias[name.lowercased()] {
            a = organizationActor(o)
        } else {
            a = keyedActor("b|" + name.lowercased(), ActorRecord(name: name, kind: entry.kind, country: st.iso3, cameo: st.cameo + entry.sector))
            if entry.sector == "MIL" && byKey["mil|" + st.iso3] == nil { byKey["mil|" + st.iso3] = a }
        }
        actors[a].countryStrength = 2
        addMention(a, range, sentence, rule: "body+of-state")
        return range.upperBound
    }

    /// A body word with no owner: "the ministry", "the military", "insurgents".
    mutating func bareBody(_ hit: LexHit, range: Range<Int>, end: Int, sentence: Int) -> Int {
        let entry = lex.bodies[Int(hit.index)]
        let i = range.lowerBound
        let the = i > 0 && doc.lower(i - 1, is: "the")
        if entry.kind == .group {
            groupNoun(entry, range: range, sentence: sentence, allowNew: true)
            return range.upperBound
        }
        if the, !hit.plural, (entry.canonical == "military" || entry.canonical == "army"), doc.lower(i, is: "military") || doc.lower(i, is: "army"),
           !adjectivalUse(entry, after: range.upperBound, end: end) {
            bareMilitary.append((range, sentence))
            for k in range { consumed[k] = true }
        }
        return range.upperBound
    }

    /// "the ministry": the last ministry named, else the ministry of the last minister named.
    mutating func ministryAnaphor(_ range: Range<Int>, sentence: Int) {
        if let a = lastActor(where: { $0.name.hasSuffix("Ministry") }) {
            addMention(a, range, sentence, rule: "anaphor", anaphor: true)
        } else if let r = roles.last(where: { $0.title.hasSuffix(" Minister") && $0.countryCode != nil }),
                  let st = lex.state(r.countryCode) {
            // "Defense Minister Sergei Shoigu ... the ministry said": his ministry.
            let name = st.adjective + " " + r.title.dropLast("Minister".count) + "Ministry"
            let a: Int
            if let o = lex.organizationByAlias[name.lowercased()] { a = organizationActor(o) } else {
                a = keyedActor("b|" + name.lowercased(), ActorRecord(name: name, kind: .organization, country: st.iso3, cameo: st.cameo + "GOV"))
            }
            addMention(a, range, sentence, rule: "minister's ministry")
        }
    }

    /// "insurgents", "the rebels": the group already in the story, or a new group when it opens a sentence.
    mutating func groupNoun(_ entry: BodyEntry, range: Range<Int>, sentence: Int, allowNew: Bool) {
        guard entry.sector == "REB" else { return }
        // The group of the last few sentences, or one of the same kind ("separatists" -> pro-Russian separatists).
        if let m = mentions.last(where: { actors[$0.actor].kind == .group && !$0.isAnaphor && (actors[$0.actor].cameo ?? "").hasSuffix("REB") }),
           sentence - m.sentence <= 2 || actors[m.actor].name.hasSuffix(entry.canonical) {
            addMention(m.actor, range, sentence, rule: "group-anaphor", anaphor: true)
            return
        }
        guard allowNew else { return }
        let s = doc.sentences[sentence].tokenRange.lowerBound
        var k = s
        while k < range.lowerBound, doc.tokens[k].kind != .word { k += 1 }
        if k < range.lowerBound, doc.lower(k, is: "the") { k += 1 }
        guard k == range.lowerBound, ["rebels", "separatists", "insurgents", "militants", "jihadists", "militias", "guerrillas"].contains(keys[range.upperBound - 1]) else { return }
        let a = groupActor(name: entry.canonical, sector: "REB")
        addMention(a, range, sentence, rule: "group")
        contextualGroups.append((a, sentence, nil))
    }

    mutating func groupActor(name: String, sector: String) -> Int {
        keyedActor("g|" + name.lowercased(), ActorRecord(name: name, kind: .group, cameo: sector))
    }

    /// "the bloc", "the 27-nation bloc", "the alliance".
    mutating func blocAnaphor(at i: Int, end: Int, sentence: Int) -> Int? {
        var k = i + 1
        if k < end, doc.tokens[k].kind == .number || keys[k].hasSuffix("-nation") || keys[k].hasSuffix("-member") {
            if doc.tokens[k].kind == .number, k + 2 < end, doc.lower(k + 1, is: "-") { k += 2 }
            k += 1
        }
        guard k < end else { return nil }
        let target: WordSet
        switch keys[k] {
        case "bloc": target = ActorResolver.blocs
        case "alliance": target = ["North Atlantic Treaty Organization"]
        default: return nil
        }
        guard let a = lastActor(where: { target.contains($0.name) }) else { return nil }
        addMention(a, i..<k + 1, sentence, rule: "anaphor", anaphor: true)
        return k + 1
    }

    static let blocs: WordSet = [
        "European Union", "Association of Southeast Asian Nations", "African Union", "Economic Community of West African States",
        "Gulf Cooperation Council", "Eurasian Economic Union", "Mercosur", "BRICS", "Shanghai Cooperation Organisation",
        "Shanghai Cooperation Organization", "Southern African Development Community", "East African Community",
        "Collective Security Treaty Organization", "Commonwealth of Independent States", "Alliance of Sahel States",
        "Organization of American States", "League of Arab States", "Organisation of Islamic Cooperation",
    ]

    // MARK: - Actors and mentions

    mutating func newActor(_ r: ActorRecord) -> Int {
        actors.append(r)
        return actors.count - 1
    }

    mutating func keyedActor(_ key: String, _ r: @autoclosure () -> ActorRecord) -> Int {
        if let a = byKey[key] { return a }
        let a = newActor(r())
        byKey[key] = a
        return a
    }

    mutating func stateActor(_ s: Int) -> Int {
        // The actor of a state, remembered by its index (the "s|" key of `byKey` never changes once set).
        let st = lex.states[s]
        return lexiconActor(s, count: lex.states.count, memo: \.stateActors) {
            $0.keyedActor("s|" + st.iso3, ActorRecord(name: st.name, kind: .state, country: st.iso3, cameo: st.cameo))
        }
    }

    mutating func organizationActor(_ o: Int) -> Int {
        let org = lex.organizations[o]
        return lexiconActor(o, count: lex.organizations.count, memo: \.organizationActors) {
            $0.keyedActor("o|" + org.name.lowercased(), ActorRecord(name: org.name, kind: org.kind, country: org.country, cameo: org.cameo))
        }
    }

    /// The actor of lexicon entry `i`, made by `make` the first time and remembered in `memo`
    /// (one slot per entry); a lexicon actor's country is certain.
    private mutating func lexiconActor(_ i: Int, count: Int, memo: WritableKeyPath<Self, [Int32]>,
                                       make: (inout Self) -> Int) -> Int {
        if self[keyPath: memo].isEmpty { self[keyPath: memo] = [Int32](repeating: -1, count: count) }
        let a: Int
        if self[keyPath: memo][i] >= 0 {
            a = Int(self[keyPath: memo][i])
        } else {
            a = make(&self)
            self[keyPath: memo][i] = Int32(a)
        }
        actors[a].countryStrength = 2
        return a
    }

    mutating func setCountry(_ p: Int, _ iso: String?, strength: Int) {
        guard let iso, strength > actors[p].countryStrength else { return }
        actors[p].country = iso
        actors[p].countryStrength = strength
    }

    func lastActor(where ok: (ActorRecord) -> Bool) -> Int? {
        for m in mentions.reversed() where ok(actors[m.actor]) { return m.actor }
        return nil
    }

    mutating func addMention(_ a: Int, _ r: Range<Int>, _ sentence: Int, rule: String, anaphor: Bool = false) {
        for k in r { consumed[k] = true }
        mentions.append(ActorMention(actor: a, tokenRange: r, sentence: sentence, rule: rule, isAnaphor: anaphor))
        if !anaphor {
            actors[a].mentionCount += 1
            let text = doc.text(tokens: r.lowerBound, r.upperBound - 1)
            if !actors[a].aliases.contains(text) { actors[a].aliases.append(text) }
        }
    }

    mutating func addPlace(_ p: Int, _ r: Range<Int>, _ sentence: Int) {
        for k in r { consumed[k] = true }
        places.append(PlaceMention(place: lex.places[p], tokenRange: r, sentence: sentence))
    }
}

/// Lexicon matches per token, computed once (raw buffers: no exclusivity checks on the hot path).
final class MatchMemo {
    /// -1 not computed, 0 no match, else the match length.
    let length: UnsafeMutablePointer<Int16>
    let hits: UnsafeMutablePointer<[LexHit]>
    let count: Int
    init(count: Int) {
        self.count = count
        length = .allocate(capacity: max(count, 1))
        length.initialize(repeating: -1, count: max(count, 1))
        hits = .allocate(capacity: max(count, 1))
        hits.initialize(repeating: [], count: max(count, 1))
    }
    deinit {
        hits.deinitialize(count: max(count, 1))
        hits.deallocate()
        length.deallocate()
    }
}

/// An actor of one article while it is being recognized.
struct ActorRecord {
    var name: String
    var kind: ActorKind
    var country: String?
    var cameo: String?
    var aliases: [String] = []
    /// 0 unknown, 1 guessed from context, 2 stated in the text.
    var countryStrength = 0
    /// Persons: CAMEO sector and rank of the highest title seen.
    var sector: String?
    var rank = 9
    /// Persons: the body they speak for ("Taliban spokesman"), an actor index.
    var organization: Int?
    /// Persons: the person whose country they share ("Putin's spokesman").
    var countryFrom: Int?
    /// Persons of the lexicon with a CAMEO code of their own.
    var knownCameo: String?
    /// Persons known only by one word so far ("President Trump").
    var isSingleName = true
    var mentionCount = 0

    init(name: String, kind: ActorKind, country: String? = nil, cameo: String? = nil) {
        self.name = name; self.kind = kind; self.country = country; self.cameo = cameo
        // ASCII names need no Foundation search (whose answer for them is the same byte test).
        let ascii = name.utf8.withContiguousStorageIfAvailable { b in !b.contains { $0 >= 0x80 } } ?? name.utf8.allSatisfy { $0 < 0x80 }
        isSingleName = ascii ? !name.utf8.contains(0x20) : !name.contains(" ")
    }
}
