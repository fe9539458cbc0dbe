import IRStore

/// Finds armed conflicts and their casualty reports.
///
///     More than 6,100 people have been killed since April 2014 in the Ukraine crisis.
///     -> conflict "Ukraine conflict" (UKR, identity "conflict|UKR"),
///        report overall: killed 6100 "more than", since 2014-04, as of the article date
///
/// A conflict is named ("Syria's civil war", "the war in Gaza", "the Israeli-Palestinian
/// conflict", "the Ukraine crisis" when fighting backs it) or evident from fighting located in a
/// country ("insurgents overran the Syrian town of ...", "a strike on a building in the Ukrainian
/// city of ..."). One conflict per country and article, keyed across articles by "conflict|ISO3".
/// A toll belongs to the conflict word nearest to it: "the war ... which killed at least 6,500"
/// is the war's overall toll, "12 killed in a strike" an incident's.
public struct ConflictExtractor: Sendable {
    public init() {}

    /// Conflicts (with parties as indices into `actors.actors`) and their reports.
    public func extract(_ doc: Document, actors: ActorAnalysis, context: ArticleContext) -> (conflicts: [ConflictRow], reports: [ConflictReportRow]) {
        var scan = ConflictScan(doc: doc, actors: actors, context: context)
        scan.run()
        return scan.finish()
    }
}

struct ConflictScan {
    let doc: Document
    let actors: ActorAnalysis
    let context: ArticleContext
    let lex = QSCLexicon.shared
    let dates: DateResolver

    /// A conflict word or a fighting word with the country it happens in (nil when unknown).
    struct Evidence {
        var sentence: Int
        var token: Int
        var country: String?
        var strength: Strength
        var civilWar: Bool
    }
    enum Strength { case named, weak, fighting }

    struct Casualty {
        var sentence: Int
        var range: Range<Int>
        var killed: Int?
        var qualifier: String?
        var since: String?
        var scope: ConflictReportScope
        var country: String?
    }

    var evidence: [Evidence] = []
    var casualties: [Casualty] = []

    init(doc: Document, actors: ActorAnalysis, context: ArticleContext) {
        self.doc = doc
        self.actors = actors
        self.context = context
        self.dates = DateResolver(context: context)
    }

    static let locationPreps: WordSet = ["in", "over", "across", "inside", "throughout", "near", "around", "of", "against", "into", "on"]
    static let locationSkip: WordSet = ["the", "a", "an", "eastern", "western", "northern", "southern", "central", "northeastern",
                                            "northwestern", "southeastern", "southwestern", "east", "west", "north", "south", "war-torn",
                                            "rebel-held", "government-held", "occupied", "neighbouring", "neighboring", "breakaway",
                                            "disputed", "restive", "besieged", "parts", "part", "of", "city", "town", "province",
                                            "region", "village", "district", "areas", "area", "capital"]
    static let conflictAfterStops: WordSet = ["crimes", "crime", "criminal", "criminals", "chest", "games", "footing", "room", "zone"]
    static let auxiliaries: WordSet = ["have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "reportedly",
                                           "also", "now", "so", "far", "allegedly", "all", "later", "since", "then", "who"]

    func isPunct(_ i: Int) -> Bool { doc.tokens[i].kind == .punct || doc.tokens[i].kind == .quote }

    mutating func run() {
        for s in doc.sentences.indices where !doc.sentences[s].isCaption {
            let r = doc.sentences[s].tokenRange
            var lo = r.lowerBound
            if let skip = context.datelineRange {
                while lo < r.upperBound, doc.tokens[lo].start < skip.upperBound { lo += 1 }
            }
            let sr = lo..<r.upperBound
            // Conflict and fighting words first, so that tolls can find the word they belong to.
            for pass in 0..<2 {
                var i = lo
                while i < r.upperBound {
                    if let m = lex.conflictTerms.match(doc, at: i, end: r.upperBound) {
                        switch (pass, m.role) {
                        case (0, "conflict"): conflictWord(s, sr, i..<m.next, weak: m.value == "weak")
                        case (0, "fighting"): fightingWord(s, sr, i..<m.next, actorNoun: m.value == "actor")
                        case (1, "death"): death(s, sr, i..<m.next, kind: m.value)
                        default: break
                        }
                        i = m.next
                        continue
                    }
                    i += 1
                }
            }
        }
    }

    // MARK: conflict words

    mutating func conflictWord(_ s: Int, _ r: Range<Int>, _ w: Range<Int>, weak: Bool) {
        let i = w.lowerBound
        // "trade war", "Cold War", "political crisis", "war crimes", "conflict of interest"
        if i > r.lowerBound, lex.conflictTerms.has(doc.lower(i - 1), role: "notwar") { return }
        if w.upperBound < r.upperBound {
            let next = doc.lower(w.upperBound)
            if ConflictScan.conflictAfterStops.contains(doc, w.upperBound) { return }
            if next == "of", w.upperBound + 1 < r.upperBound, ["interest", "interests", "words"].contains(doc.lower(w.upperBound + 1)) { return }
            if next == "on", w.upperBound + 1 < r.upperBound, ["terror", "terrorism", "drugs", "poverty", "corruption"].contains(doc.lower(w.upperBound + 1)) { return }
        }
        // A capitalized "War" after a capitalized word that is no state is a named historical war ("Six-Day War").
        if doc.tokens[i].isCapitalized, i > r.lowerBound, doc.tokens[i - 1].isCapitalized, stateBefore(i, r) == nil,
           i - 1 != r.lowerBound || !doc.lower(i - 1, is: "the") {
            return
        }
        let civil = doc.lower(i, is: "civil")
        // "Russia's war in Ukraine": where it is fought comes first, then "Syria's civil war", then a place further on.
        var country = locationAfter(w.upperBound, r, window: 3, useBetween: false)
        let isInvasion = doc.lower(i, is: "invasion")
        if country == nil, !isInvasion { country = stateBefore(i, r) }  // "the Russian invasion": the adjective names the invader
        if country == nil { country = locationAfter(w.upperBound, r, window: 12) }
        if weak && country == nil { return }
        evidence.append(Evidence(sentence: s, token: i, country: country, strength: weak ? .weak : .named, civilWar: civil))
    }

    /// "Syria's civil war", "the Syrian civil war", "Ukraine crisis", "Israeli-Palestinian conflict", "the 18-month conflict".
    func stateBefore(_ i: Int, _ r: Range<Int>) -> String? {
        var k = i - 1
        var steps = 0
        while k >= r.lowerBound, steps < 4 {
            let t = doc.tokens[k]
            let w = doc.lower(k)
            if w == "'s" || w == "\u{2019}s" { k -= 1; continue }
            if t.kind == .word, t.isCapitalized {
                if let st = stateAt(k, r), st.next == k + 1 || st.next == i { return st.iso }
                if let h = hyphenState(k) { return h }
                return nil
            }
            if t.kind == .number || (t.kind == .word && !t.isCapitalized) { k -= 1; steps += 1; continue }
            return nil
        }
        return nil
    }

    /// A state or place starting at `k`, allowing a multi-word name to end at the conflict word.
    func stateAt(_ k: Int, _ r: Range<Int>) -> (iso: String, next: Int)? {
        // Find the start of a multi-word name ending at k ("South Sudan", "Democratic Republic of the Congo").
        var start = k
        while start > r.lowerBound, doc.tokens[start - 1].isCapitalized, k - start < 4 { start -= 1 }
        for a in start...k {
            if let st = lex.state(doc, at: a, end: k + 1), st.next == k + 1 { return (st.iso, st.next) }
            if let p = lex.place(doc, at: a, end: k + 1), p.next == k + 1 { return (p.iso, p.next) }
        }
        return nil
    }

    /// "Israeli-Palestinian", "Russia-Ukraine": the second state of a hyphenated pair (where the fighting is).
    func hyphenState(_ k: Int) -> String? {
        let w = doc.lower(k)
        guard w.utf8.contains(0x2D) else { return nil }
        let parts = w.split(separator: "-").map(String.init)
        guard parts.count == 2 else { return nil }
        var found: [String] = []
        for p in parts {
            if let v = lex.states.roles(ofWord: p).first?.value { found.append(v) }
        }
        return found.count == 2 ? found[1] : nil
    }

    /// The country of "in Syria", "over the Nagorno-Karabakh enclave", "in the Ukrainian city of Mykolaiv", "in Kabul".
    func locationAfter(_ start: Int, _ r: Range<Int>, window: Int, useBetween: Bool = true) -> String? {
        var k = start
        var between: String?
        while k < r.upperBound, k < start + window {
            if isPunct(k), !doc.lower(k, is: "-") { return between }
            if useBetween, doc.lower(k, is: "between"), between == nil {
                // "fighting between Ukrainian forces and ...", "war between Armenia and Azerbaijan": the first side's
                // country, unless a place follows ("... over the Nagorno-Karabakh enclave").
                var j = k + 1
                while j < r.upperBound, j < k + 4 {
                    if let st = lex.state(doc, at: j, end: r.upperBound), st.role != "people" { between = st.iso; break }
                    j += 1
                }
            }
            if ConflictScan.locationPreps.contains(doc, k) {
                var j = k + 1
                while j < r.upperBound, ConflictScan.locationSkip.contains(doc, j) { j += 1 }
                if j < r.upperBound {
                    if let p = lex.place(doc, at: j, end: r.upperBound) { return p.iso }
                    if let st = lex.state(doc, at: j, end: r.upperBound), st.role != "people" { return st.iso }
                    if let h = hyphenState(j) { return h }
                    if let pl = placeMention(j) { return pl }
                }
            }
            k += 1
        }
        return between
    }

    /// A place the actor recognizer found at token `j`, with its country.
    func placeMention(_ j: Int) -> String? {
        for p in actors.places where p.tokenRange.lowerBound == j { return p.place.countryCode }
        return nil
    }

    /// Locations in a whole sentence: places, "ADJ city/town of", "in X".
    func locationInSentence(_ r: Range<Int>) -> String? {
        var k = r.lowerBound
        while k < r.upperBound {
            if let p = lex.place(doc, at: k, end: r.upperBound) { return p.iso }
            if let c = placeMention(k) { return c }
            if let st = lex.state(doc, at: k, end: r.upperBound), st.role == "adjective", st.next < r.upperBound,
               ["city", "town", "village", "province", "region", "capital", "port", "border", "territory", "soil"].contains(doc.lower(st.next)) {
                return st.iso
            }
            k += 1
        }
        return locationAfter(r.lowerBound, r, window: r.count)
    }

    // MARK: fighting

    mutating func fightingWord(_ s: Int, _ r: Range<Int>, _ w: Range<Int>, actorNoun: Bool) {
        let i = w.lowerBound
        if i > r.lowerBound, lex.conflictTerms.has(doc.lower(i - 1), role: "notwar") { return }
        var country = locationAfter(w.upperBound, r, window: actorNoun ? 4 : 12)
        if country == nil, !actorNoun {
            // "Insurgents overran the northwestern Syrian town of ...": a located place anywhere in the sentence.
            country = locationInSentence(r)
        }
        evidence.append(Evidence(sentence: s, token: i, country: country, strength: .fighting, civilWar: false))
    }

    // MARK: casualties

    mutating func death(_ s: Int, _ r: Range<Int>, _ d: Range<Int>, kind: String) {
        var found: (value: NumberWords.Value, qualifier: String?, range: Range<Int>)?
        if kind == "verb" || kind == "noun" {
            // Active: "killed at least 6,500 people", "killing 12"
            if kind == "verb", let n = number(after: d.upperBound, r), n.victimOK { found = (n.value, n.qualifier, d.lowerBound..<n.end) }
            // Passive or noun: "6,100 people have been killed", "12 dead", "15 of its soldiers had been killed"
            if found == nil, let n = number(before: d.lowerBound, r) { found = (n.value, n.qualifier, n.start..<d.upperBound) }
        } else if kind == "toll" {
            var k = d.upperBound
            while k < r.upperBound, k < d.upperBound + 10 {
                if let n = number(after: k, r) { found = (n.value, n.qualifier, d.lowerBound..<n.end); break }
                k += 1
            }
        }
        guard let f = found else { return }
        // Numbers that are years are not tolls.
        if case .exact(let v) = f.value, v >= 1900, v <= 2100, doc.tokens[f.range.lowerBound].kind == .number,
           !doc.bytes[doc.tokens[f.range.lowerBound].byteRange].contains(0x2C) {
            return
        }
        var killed: Int?
        if case .exact(let v) = f.value { killed = v }
        let since = sinceDate(r)
        let (scope, country) = scopeAndPlace(f.range, r, hasSince: since != nil)
        casualties.append(Casualty(sentence: s, range: f.range, killed: killed, qualifier: killed == nil ? nil : f.qualifier,
                                   since: since, scope: scope, country: country))
    }

    /// A number right after `k` with its qualifier: "at least 6,500 people".
    func number(after k0: Int, _ r: Range<Int>) -> (value: NumberWords.Value, qualifier: String?, end: Int, victimOK: Bool)? {
        var k = k0
        var qualifier: String?
        if let q = lex.conflictTerms.match(doc, at: k, end: r.upperBound, role: "qualifier") { qualifier = q.value; k = q.next }
        guard let n = NumberWords.parse(doc, at: k, end: r.upperBound) else { return nil }
        var e = n.next
        if e < r.upperBound, doc.lower(e, is: "of") { e += 1 }
        var victim = false
        var steps = 0
        while e < r.upperBound, steps < 4 {
            if lex.conflictTerms.match(doc, at: e, end: r.upperBound, role: "victim") != nil { victim = true; e += 1; break }
            if isPunct(e) { break }
            e += 1; steps += 1
        }
        let end = victim ? e : n.next
        // "killed 12" at the end of a clause, or before a plural noun ("aid workers"), is a toll; "killed 2 km away" is not.
        var ok = victim || end >= r.upperBound || isPunct(end) || doc.lower(end, is: "and")
        if !ok {
            var j = n.next
            while j < min(r.upperBound, n.next + 3), doc.tokens[j].kind == .word, !doc.tokens[j].isCapitalized {
                let w = doc.lower(j)
                if ["years", "km", "kilometres", "kilometers", "miles", "percent", "days", "hours", "times", "months", "weeks"].contains(w) { break }
                if w.hasSuffix("s") { ok = true; break }
                j += 1
            }
        }
        return (n.value, qualifier, end, ok)
    }

    /// The number before a passive death word: "More than 6,100 people have been killed", "15 of its soldiers had been killed".
    func number(before d: Int, _ r: Range<Int>) -> (value: NumberWords.Value, qualifier: String?, start: Int)? {
        var k = d - 1
        var steps = 0
        var sawVictim = false
        while k >= r.lowerBound, steps < 9 {
            if isPunct(k) { return nil }
            let w = doc.lower(k)
            if let n = NumberWords.parse(doc, at: k, end: d), n.next <= d {
                // The number must lead the noun phrase just before the verb.
                var start = k
                var qualifier: String?
                // qualifiers of one or two words before the number
                for len in [2, 1] where k - len >= r.lowerBound {
                    if let q = lex.conflictTerms.match(doc, at: k - len, end: k, role: "qualifier"), q.next == k {
                        qualifier = q.value; start = k - len; break
                    }
                }
                if !sawVictim, n.next != d, !ConflictScan.auxiliaries.contains(doc, n.next) { return nil }
                return (n.value, qualifier, start)
            }
            if lex.conflictTerms.match(doc, at: k, end: d, role: "victim") != nil { sawVictim = true }
            else if !(ConflictScan.auxiliaries.contains(doc, k) || doc.tokens[k].kind == .word) { return nil }
            // a verb or preposition between breaks the phrase
            if ["by", "in", "and", "after", "when", "while", "as", "that", "which"].contains(w) { return nil }
            k -= 1; steps += 1
        }
        return nil
    }

    /// "since April 2014", "so far this year", "since the war began in 2011".
    func sinceDate(_ r: Range<Int>) -> String? {
        var k = r.lowerBound
        while k < r.upperBound {
            let w = doc.lower(k)
            if w == "since" {
                var j = k
                while j < r.upperBound, j < k + 8 {
                    if let m = dates.match(doc, at: j, end: r.upperBound) { return m.date.iso }
                    j += 1
                }
            }
            if (w == "this" || w == "the"), k + 1 < r.upperBound, doc.lower(k + 1, is: "year"), k > r.lowerBound,
               ["far", "this", "in", "during", "throughout"].contains(doc.lower(k - 1)) || (k >= 2 && doc.lower(k - 2, is: "so")) {
                if let a = dates.anchor { return String(a.year) }
            }
            k += 1
        }
        return nil
    }

    /// Whether a toll is a conflict's (overall) or one incident's, and where it happened.
    mutating func scopeAndPlace(_ t: Range<Int>, _ r: Range<Int>, hasSince: Bool) -> (ConflictReportScope, String?) {
        // The nearest conflict or incident word in the sentence.
        var best: (dist: Int, role: String, value: String, token: Int)?
        var k = r.lowerBound
        while k < r.upperBound {
            if let m = lex.conflictTerms.match(doc, at: k, end: r.upperBound), ["conflict", "fighting", "incident"].contains(m.role),
               !(k > r.lowerBound && lex.conflictTerms.has(doc.lower(k - 1), role: "notwar")) {
                if m.role == "fighting" && m.value != "incident" && m.role != "conflict" && !["offensive", "battle", "battles"].contains(doc.lower(k)) {
                    k = m.next; continue  // "rebels", "ceasefire" say nothing of scope
                }
                let dist = k < t.lowerBound ? t.lowerBound - k : max(0, k - t.upperBound)
                if best == nil || dist < best!.dist { best = (dist, m.role, m.value, k) }
                k = m.next
                continue
            }
            k += 1
        }
        // A toll with no incident word near it is the running toll of the conflict.
        var scope: ConflictReportScope = .overall
        if let b = best, b.role != "conflict", !hasSince { scope = .incident }
        var country: String?
        if let b = best, let e = evidence.last(where: { $0.token == b.token }) { country = e.country }
        if country == nil { country = victimCountry(t, r) }
        if country == nil { country = locationInSentence(r) }
        if country == nil { country = nearestState(t, r) }
        // The toll locates the conflict word it belongs to ("2,500 Afghan civilians killed in the fighting").
        if let b = best, let c = country, let e = evidence.lastIndex(where: { $0.token == b.token }), evidence[e].country == nil {
            evidence[e].country = c
        }
        return (scope, country)
    }

    /// "2,500 Afghan civilians": the adjective on the victims.
    func victimCountry(_ t: Range<Int>, _ r: Range<Int>) -> String? {
        for k in t {
            if let st = lex.state(doc, at: k, end: r.upperBound), st.role == "adjective" || st.role == "people" { return st.iso }
        }
        return nil
    }

    /// The state name or capital nearest to the toll ("Yerevan said 15 of its soldiers had been killed").
    func nearestState(_ t: Range<Int>, _ r: Range<Int>) -> String? {
        var best: (Int, String)?
        var k = r.lowerBound
        while k < r.upperBound {
            if let st = lex.state(doc, at: k, end: r.upperBound), st.role == "name" || st.role == "capital" {
                let d = k < t.lowerBound ? t.lowerBound - k : k - t.upperBound
                if best == nil || d < best!.0 { best = (d, st.iso) }
                k = st.next; continue
            }
            k += 1
        }
        return best?.1
    }

    // MARK: rows

    func finish() -> (conflicts: [ConflictRow], reports: [ConflictReportRow]) {
        // Score countries: named conflicts count most; weak words ("crisis") only with other evidence.
        var named: [String: Int] = [:], fighting: [String: Int] = [:], weak: [String: Int] = [:], tolls: [String: Int] = [:]
        var civil = Set<String>()
        var firstSentence: [String: Int] = [:]
        for e in evidence {
            guard let c = e.country else { continue }
            switch e.strength {
            case .named: named[c, default: 0] += 1
            case .weak: weak[c, default: 0] += 1
            case .fighting: fighting[c, default: 0] += 1
            }
            if e.civilWar { civil.insert(c) }
            firstSentence[c] = min(firstSentence[c] ?? e.sentence, e.sentence)
        }
        for cas in casualties { if let c = cas.country { tolls[c, default: 0] += 1; firstSentence[c] = min(firstSentence[c] ?? cas.sentence, cas.sentence) } }
        let unlocatedFighting = evidence.filter { $0.country == nil && $0.strength == .fighting }.count
        var countries: [String] = []
        let candidates = Set(named.keys).union(fighting.keys).union(weak.keys).union(tolls.keys)
        if candidates.count == 1, let only = candidates.first {
            // One place of fighting in the article: unlocated fighting words are about it.
            fighting[only, default: 0] += unlocatedFighting
        }
        for c in candidates {
            let n = named[c] ?? 0, f = fighting[c] ?? 0, w = weak[c] ?? 0, t = tolls[c] ?? 0
            if n > 0 || f >= 2 || (f >= 1 && t >= 1) || (w > 0 && (f + t) > 0) { countries.append(c) }
        }
        // A dateline country with unlocated fighting: "KABUL (Reuters) - Fighting raged ...".
        let datelineStateNamed = context.datelinePlace?.countryCode.map { dc in
            actors.mentions.contains { !$0.isAnaphor && actors.actors[$0.actor].kind == .state && actors.actors[$0.actor].countryCode == dc }
        } ?? false
        if countries.isEmpty, unlocatedFighting >= 2, datelineStateNamed, let dc = context.datelinePlace?.countryCode {
            countries.append(dc)
            firstSentence[dc] = evidence.first?.sentence ?? 0
        }
        countries.sort { (firstSentence[$0] ?? 0, $0) < (firstSentence[$1] ?? 0, $1) }
        guard !countries.isEmpty else { return ([], []) }
        // The main conflict takes reports without a place.
        let main = countries.max { a, b in
            let sa = (named[a] ?? 0) * 3 + (fighting[a] ?? 0) + (tolls[a] ?? 0)
            let sb = (named[b] ?? 0) * 3 + (fighting[b] ?? 0) + (tolls[b] ?? 0)
            return sa < sb
        }!
        var conflicts: [ConflictRow] = []
        var index: [String: Int] = [:]
        for c in countries {
            index[c] = conflicts.count
            conflicts.append(ConflictRow(name: name(c, civil: civil.contains(c)), countryCode: c, identityKey: "conflict|" + c,
                                         parties: parties(c)))
        }
        var reports: [ConflictReportRow] = []
        for cas in casualties {
            // A toll located in a country without a conflict here (a past war, another country) is left out.
            if let c = cas.country, index[c] == nil { continue }
            let ci = index[cas.country ?? ""] ?? index[main]!
            let lo = doc.tokens[cas.range.lowerBound].start, hi = doc.tokens[cas.range.upperBound - 1].end
            reports.append(ConflictReportRow(conflict: ci, sentence: cas.sentence, scope: cas.scope, killed: cas.killed,
                                             killedQualifier: cas.qualifier, since: cas.since, asOf: context.publishedOn,
                                             startChar: doc.scalarOffset(lo), endChar: doc.scalarOffset(hi)))
        }
        // An incident's toll larger than the conflict's overall toll in the article is not kept as a toll.
        for ci in conflicts.indices {
            let overall = reports.filter { $0.conflict == ci && $0.scope == .overall }.compactMap(\.killed).max()
            for k in reports.indices where reports[k].conflict == ci && reports[k].scope == .incident {
                if let o = overall, let v = reports[k].killed, v > o { reports[k].killed = nil; reports[k].killedQualifier = nil }
            }
        }
        // Every conflict appears with at least one report.
        for (c, ci) in index where !reports.contains(where: { $0.conflict == ci }) {
            let s = firstSentence[c] ?? 0
            let ev = evidence.first { $0.country == c }
            let tok = ev?.token ?? doc.sentences[s].tokenRange.lowerBound
            let r = doc.tokens[tok].byteRange
            reports.append(ConflictReportRow(conflict: ci, sentence: ev?.sentence ?? s, scope: .mention, asOf: context.publishedOn,
                                             startChar: doc.scalarOffset(r.lowerBound), endChar: doc.scalarOffset(r.upperBound)))
        }
        reports.sort { ($0.sentence, $0.startChar) < ($1.sentence, $1.startChar) }
        return (conflicts, reports)
    }

    func name(_ iso: String, civil: Bool) -> String {
        let n = lex.stateNames[iso]
        if civil, let adj = n?.adjective { return adj + " civil war" }
        return (n?.name ?? iso) + " conflict"
    }

    /// States of the conflict's country and armed groups named where it is discussed.
    func parties(_ iso: String) -> [Int] {
        let sentences = Set(evidence.filter { $0.country == iso }.map(\.sentence) + casualties.filter { $0.country == iso }.map(\.sentence))
        var out: [Int] = []
        for m in actors.mentions where sentences.contains(m.sentence) {
            let a = actors.actors[m.actor]
            let fits = (a.kind == .state && a.countryCode == iso) || a.kind == .group
            if fits, !out.contains(m.actor) { out.append(m.actor) }
        }
        return out
    }
}
