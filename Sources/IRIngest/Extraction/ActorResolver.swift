import IRStore

/// Resolution after recognition: surnames and pronouns joined to earlier persons, bare
/// "the military" and context-dependent groups given their state, countries and CAMEO codes
/// of persons completed, states that only locate something dropped.
extension ActorResolver {
    /// Surnames that appear before (or apart from) their full name, and he/she anaphors.
    mutating func resolveSurnamesAndAnaphors() {
        for (si, s) in doc.sentences.enumerated() where !s.isCaption {
            for i in s.tokenRange where !excluded[i] && !consumed[i] && isCap(i) {
                if let p = surnames.value(hash: keyHashes[i], keys[i]) ?? strippedParticle(i).flatMap({ surnames[$0] }),
                   !(i + 1 < s.tokenRange.upperBound && isCap(i + 1) && !PersonNames.stopwords.contains(hash: keyHashes[i + 1], keys[i + 1])) {
                    // "Jane Roe" written in full where the person was first known as "Ms Roe": the full name wins.
                    if actors[p].isSingleName, i > s.tokenRange.lowerBound, !consumed[i - 1], !excluded[i - 1], isCap(i - 1),
                       !PersonNames.stopwords.contains(hash: keyHashes[i - 1], keys[i - 1]), !doc.tokens[i - 1].isAllCaps, match(at: i - 1, end: i) == nil {
                        actors[p].name = doc.text(tokens: i - 1, i)
                        actors[p].isSingleName = false
                        addMention(p, i - 1..<i + 1, si, rule: "full name")
                        continue
                    }
                    addMention(p, i..<i + 1, si, rule: "surname")
                }
            }
        }
        mentions.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        // he/she -> the first person named (the likely subject) in the nearest sentence, at most three back,
        // that names a person before the pronoun: "Kerry met Lavrov before he sat down with Putin" -> Kerry.
        var anaphors: [ActorMention] = []
        var m = 0
        var firstInSentence: [Int: ActorMention] = [:]
        var speakerFound = Set<Int>()
        var lastSentenceWithPerson = -1
        for (si, s) in doc.sentences.enumerated() where !s.isCaption {
            for i in s.tokenRange where !excluded[i] {
                while m < mentions.count, mentions[m].tokenRange.lowerBound < i {
                    let mm = mentions[m]
                    if actors[mm.actor].kind == .person, !mm.isAnaphor {
                        // A speaker ("Reinsalu said", "said Reinsalu") outranks other persons of its sentence.
                        let e = mm.tokenRange.upperBound, b = mm.tokenRange.lowerBound
                        let speaks = (e < doc.tokens.count && PersonNames.speechVerbs.contains(hash: keyHashes[e], keys[e]))
                            || (b > 0 && PersonNames.speechBefore.contains(hash: keyHashes[b - 1], keys[b - 1]))
                        if firstInSentence[mm.sentence] == nil || (speaks && !speakerFound.contains(mm.sentence)) {
                            firstInSentence[mm.sentence] = mm
                            if speaks { speakerFound.insert(mm.sentence) }
                        }
                        lastSentenceWithPerson = max(lastSentenceWithPerson, mm.sentence)
                    }
                    m += 1
                }
                if PersonNames.personPronouns.contains(hash: keyHashes[i], keys[i]), lastSentenceWithPerson >= 0, si - lastSentenceWithPerson <= 3,
                   let p = firstInSentence[lastSentenceWithPerson] {
                    anaphors.append(ActorMention(actor: p.actor, tokenRange: i..<i + 1, sentence: si, rule: "pronoun", isAnaphor: true))
                }
            }
        }
        if !anaphors.isEmpty {
            mentions.append(contentsOf: anaphors)
            mentions.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        }
    }

    /// The state most often named in the article (first named on ties).
    func dominantState(excluding: String? = nil) -> Int? {
        var counts: [Int: Int] = [:]
        var first: [Int: Int] = [:]
        for (n, m) in mentions.enumerated() where !m.isAnaphor && actors[m.actor].kind == .state {
            if actors[m.actor].country == excluding { continue }
            counts[m.actor, default: 0] += 1
            if first[m.actor] == nil { first[m.actor] = n }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
    }

    /// States named in a sentence, in order.
    func statesIn(sentence: Int) -> [Int] {
        var out: [Int] = []
        for m in mentions where m.sentence == sentence && !m.isAnaphor && actors[m.actor].kind == .state {
            if !out.contains(m.actor) { out.append(m.actor) }
        }
        return out
    }

    mutating func finish() -> ActorAnalysis {
        // Bare "the military": the armed forces already in the story, else those of its main state.
        for (range, sentence) in bareMilitary {
            // The armed forces named nearest before, else first after.
            let forces = Set(byKey.filter { $0.key.hasPrefix("mil|") }.map(\.value))
            let named = mentions.filter { forces.contains($0.actor) && !$0.isAnaphor }
            var target = (named.last { $0.tokenRange.lowerBound < range.lowerBound } ?? named.first)?.actor
            if target == nil, let d = dominantState(), let iso = actors[d].country, let st = lex.state(iso) {
                let name = st.adjective + " military"
                target = keyedActor("b|" + name.lowercased(), ActorRecord(name: name, kind: .organization, country: iso, cameo: st.cameo + "MIL"))
                byKey["mil|" + iso] = target
            }
            if let t = target { addMention(t, range, sentence, rule: "bare-body") }
        }
        // Groups placed by context: "pro-Russian separatists ... in eastern Ukraine".
        for (a, sentence, not) in contextualGroups where actors[a].country == nil {
            var iso: String?
            // The nearest state after the group in its sentence ("... rebels in eastern Ukraine"), else before it.
            let at = mentions.first(where: { $0.actor == a })?.tokenRange.lowerBound ?? 0
            var here: [(Int, String)] = mentions.filter { $0.sentence == sentence && !$0.isAnaphor && actors[$0.actor].kind == .state && actors[$0.actor].country != not }
                .map { ($0.tokenRange.lowerBound, actors[$0.actor].country!) }
            here += locationHints.filter { $0.sentence == sentence && $0.iso != not }.map { ($0.token, $0.iso) }
            here += places.filter { $0.sentence == sentence && $0.place.countryCode != nil && $0.place.countryCode != not }
                .map { ($0.tokenRange.lowerBound, $0.place.countryCode!) }
            here.sort { $0.0 < $1.0 }
            if let m = here.first(where: { $0.0 > at }) ?? here.last {
                iso = m.1
            }
            if iso == nil {
                for s in [sentence - 1, sentence + 1] where s >= 0 && s < doc.sentences.count {
                    if let st = statesIn(sentence: s).first(where: { actors[$0].country != not }) { iso = actors[st].country; break }
                }
            }
            if iso == nil, let d = dominantState(excluding: not) { iso = actors[d].country }
            if let iso, let st = lex.state(iso) {
                actors[a].country = iso
                actors[a].cameo = st.cameo + (actors[a].cameo ?? "REB")
            } else {
                actors[a].cameo = nil
            }
        }
        // Persons: country through the person they serve, the body they speak for, or context.
        for p in actors.indices where actors[p].kind == .person {
            if actors[p].country == nil, let q = actors[p].countryFrom, let c = actors[q].country {
                actors[p].country = c
                actors[p].countryStrength = 2
            }
        }
        for p in actors.indices where actors[p].kind == .person && actors[p].country == nil && actors[p].organization == nil {
            guard let sector = actors[p].sector, ["GOV", "MIL", "LEG", "JUD", "SPY", "COP", "OPP"].contains(sector) else { continue }
            if let first = mentions.first(where: { $0.actor == p }) {
                // The state its sentence names most (capitals that locate count: "In Washington, President ..."),
                // leaving out states that already qualify another person ("U.S. Secretary of State X met President Y");
                // the nearest before the person ranks first on ties, then the first after it.
                // Else the dateline's country, the previous sentence, the article's main state.
                let at = first.tokenRange.lowerBound
                func closeness(_ pos: Int) -> Int { pos < at ? pos : -pos - 1_000_000 }
                func tally(_ sentence: Int) -> [String: (n: Int, last: Int)] {
                    var counts: [String: (n: Int, last: Int)] = [:]
                    for m in mentions where m.sentence == sentence && !m.isAnaphor && (actors[m.actor].kind == .state || actors[m.actor].kind == .organization)
                        && actors[m.actor].country != nil && !ownerTokens.contains(m.tokenRange.lowerBound) && !inQuote[m.tokenRange.lowerBound] {
                        let c = actors[m.actor].country!
                        counts[c] = ((counts[c]?.n ?? 0) + 1, max(counts[c]?.last ?? Int.min, closeness(m.tokenRange.lowerBound)))
                    }
                    for pl in places where pl.sentence == sentence && pl.place.kind == "city" {
                        guard let c = pl.place.countryCode, pl.tokenRange.lowerBound < at else { continue }
                        counts[c] = ((counts[c]?.n ?? 0) + 1, max(counts[c]?.last ?? Int.min, pl.tokenRange.lowerBound))
                    }
                    return counts
                }
                func best(_ counts: [String: (n: Int, last: Int)]) -> String? {
                    counts.max(by: { a, b in a.value.n != b.value.n ? a.value.n < b.value.n : a.value.last < b.value.last })?.key
                }
                if let c = best(tally(first.sentence)) {
                    actors[p].country = c
                } else if let c = context.datelinePlace?.countryCode {
                    actors[p].country = c
                } else if first.sentence > 0, let c = best(tally(first.sentence - 1)) {
                    actors[p].country = c
                } else if let d = dominantState() {
                    actors[p].country = actors[d].country
                } else if let pl = places.first(where: { $0.sentence == first.sentence && $0.place.countryCode != nil }) {
                    // Nothing else in the article: a place of the person's sentence ("... a curfew in Algiers").
                    actors[p].country = pl.place.countryCode
                }
            }
            actors[p].countryStrength = 1
        }
        for p in actors.indices where actors[p].kind == .person {
            let sector = actors[p].sector
            if let kc = actors[p].knownCameo {
                actors[p].cameo = kc
            } else if let o = actors[p].organization, let oc = actors[o].cameo {
                actors[p].cameo = oc
            } else if let c = actors[p].country, let st = lex.state(c) {
                let sec = sector.map { $0 == "IGO" ? "GOV" : $0 } ?? ""
                actors[p].cameo = st.cameo + sec
            } else {
                actors[p].cameo = nil
            }
        }
        // A state named once, only to locate something ("a meeting in Luxembourg"), is a place.
        var keep = [Bool](repeating: true, count: actors.count)
        for (a, n) in locativeMentions where actors[a].kind == .state && actors[a].mentionCount == n && n == 1 {
            if roles.contains(where: { $0.ofActor == a }) { continue }
            keep[a] = false
            if let m = mentions.first(where: { $0.actor == a }), let place = lex.place(named: actors[a].name) {
                places.append(PlaceMention(place: place, tokenRange: m.tokenRange, sentence: m.sentence))
            }
        }
        // Persons known by one word that a full name never completed keep it; actors with no
        // non-anaphoric mention are dropped.
        for a in actors.indices where actors[a].mentionCount == 0 { keep[a] = false }
        var newIndex = [Int](repeating: -1, count: actors.count)
        var out = ActorAnalysis()
        for a in actors.indices where keep[a] {
            newIndex[a] = out.actors.count
            let r = actors[a]
            out.actors.append(ActorRow(name: r.name, kind: r.kind, countryCode: r.country, cameoCode: r.cameo,
                                       aliases: r.aliases.filter { $0 != r.name }))
        }
        for m in mentions where keep[m.actor] {
            var m2 = m
            m2.actor = newIndex[m.actor]
            out.mentions.append(m2)
        }
        for r in roles where keep[r.actor] {
            var r2 = r
            r2.actor = newIndex[r.actor]
            r2.ofActor = r.ofActor.flatMap { keep[$0] ? newIndex[$0] : nil }
            if r2.countryCode == nil { r2.countryCode = actors[r.actor].country }
            out.roles.append(r2)
        }
        out.places = places.sorted { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        for h in locationHints {
            guard let st = lex.state(h.iso) else { continue }
            out.locationHints.append(PlaceMention(place: PlaceRow(name: st.name, countryCode: h.iso, kind: "country"),
                                                  tokenRange: h.token..<h.token + 1, sentence: h.sentence))
        }
        return out
    }
}
