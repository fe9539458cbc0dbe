/// Lexicons of the quote, sanction and conflict extractors, read once from the embedded
/// data files (speech_verbs.tsv, speaker_nouns.tsv, sanction_terms.tsv, conflict_terms.tsv,
/// states.tsv).
struct QSCLexicon: Sendable {
    static let shared = QSCLexicon()

    enum VerbClass: String, Sendable { case say, describe, quote }
    enum NounClass: String, Sendable { case person, body, document }

    /// Speech verbs by lowercase form.
    let speechVerbs: WordMap<VerbClass>
    /// Head nouns of speaker phrases that name no one.
    let speakerNouns: WordMap<NounClass>
    /// sanction_terms.tsv: phrase -> (role, value).
    let sanctionTerms: PhraseTable
    /// conflict_terms.tsv: phrase -> (role, value).
    let conflictTerms: PhraseTable
    /// State names, aliases, adjectives, demonyms and capitals -> ISO3.
    let states: PhraseTable
    /// Places (cities, regions, territories) -> ISO3 of their country.
    let places: PhraseTable
    /// ISO3 -> (name, adjective) for naming conflicts.
    let stateNames: [String: (name: String, adjective: String?)]

    init() {
        var files: [String: String] = [:]
        for f in EmbeddedLexicons.files { files[f.name] = f.contents }
        var verbs = WordMap<VerbClass>()
        for row in QSCLexicon.rows(files["speech_verbs.tsv"] ?? "") where row.count >= 3 {
            if let c = VerbClass(rawValue: row[2]) { verbs[row[0]] = c }
        }
        speechVerbs = verbs
        var nouns = WordMap<NounClass>()
        for row in QSCLexicon.rows(files["speaker_nouns.tsv"] ?? "") where row.count >= 2 {
            if let c = NounClass(rawValue: row[1]) { nouns[row[0]] = c }
        }
        speakerNouns = nouns
        var s = PhraseTable()
        for row in QSCLexicon.rows(files["sanction_terms.tsv"] ?? "") where row.count >= 3 {
            s.add(row[0], role: row[1], value: row[2])
        }
        sanctionTerms = s
        var c = PhraseTable()
        for row in QSCLexicon.rows(files["conflict_terms.tsv"] ?? "") where row.count >= 3 {
            c.add(row[0], role: row[1], value: row[2])
        }
        conflictTerms = c
        var st = PhraseTable()
        var names: [String: (name: String, adjective: String?)] = [:]
        // iso3 name cameo aliases adjectives people capitals seats from to
        for row in QSCLexicon.rows(files["states.tsv"] ?? "") where row.count >= 7 {
            let iso = row[0]
            if row.count >= 10, !row[9].isEmpty { continue }  // historical states
            let adjectives = row[4].split(separator: "|").map(String.init)
            names[iso] = (row[1], adjectives.first)
            st.add(row[1].lowercased(), role: "name", value: iso)
            for a in row[3].split(separator: "|") { st.add(a.lowercased(), role: "name", value: iso) }
            for a in adjectives { st.add(a.lowercased(), role: "adjective", value: iso) }
            for a in row[5].split(separator: "|") { st.add(a.lowercased(), role: "people", value: iso) }
            for a in row[6].split(separator: "|") { st.add(a.lowercased(), role: "capital", value: iso) }
        }
        states = st
        stateNames = names
        var pl = PhraseTable()
        // name country kind aliases
        for row in QSCLexicon.rows(files["places.tsv"] ?? "") where row.count >= 2 && !row[1].isEmpty {
            pl.add(row[0].lowercased(), role: "place", value: row[1])
            if row.count >= 4 { for a in row[3].split(separator: "|") { pl.add(a.lowercased(), role: "place", value: row[1]) } }
        }
        places = pl
    }

    /// Data rows of a TSV file: '#' comments and the header line skipped.
    static func rows(_ text: String) -> [[String]] {
        var out: [[String]] = []
        var header = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if header { header = false; continue }
            out.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
        return out
    }

    /// The place at token `i` ("Idlib", "Nagorno-Karabakh", "Gaza Strip"): ISO3 of its country and next index.
    func place(_ doc: Document, at i: Int, end: Int) -> (iso: String, next: Int)? {
        guard i < end, doc.tokens[i].isCapitalized else { return nil }
        guard let m = places.match(doc, at: i, end: end) else { return nil }
        return (m.value, m.next)
    }

    /// The state at token `i` ("Russia", "U.S.", "Syrian", "South Korea", "Kabul"): ISO3, role and next index.
    /// The first token must be capitalized, so "us" is not the United States.
    func state(_ doc: Document, at i: Int, end: Int) -> (iso: String, role: String, next: Int)? {
        guard i < end, doc.tokens[i].isCapitalized else { return nil }
        guard let m = states.match(doc, at: i, end: end) else { return nil }
        return (m.value, m.role, m.next)
    }
}

/// Lowercase phrases (space-separated tokens) with a role and a value, matched longest first.
struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var words: [String]
        /// `WordHash` of each word.
        var hashes: [UInt64]
        var role: String
        var value: String
    }
    private var byFirst = WordMap<[Entry]>()

    mutating func add(_ phrase: String, role: String, value: String) {
        let words = PhraseTable.split(phrase)
        guard let first = words.first else { return }
        var list = byFirst[first] ?? []
        list.append(Entry(words: words, hashes: words.map { WordHash.of($0) }, role: role, value: value))
        list.sort { $0.words.count > $1.words.count }
        byFirst[first] = list
    }

    /// Splits a phrase the way the tokenizer would split it: spaces, and a possessive or a
    /// trailing comma as separate tokens (enough for lexicon phrases).
    static func split(_ phrase: String) -> [String] {
        var out: [String] = []
        for w in phrase.split(separator: " ") {
            var s = String(w)
            if s.hasSuffix("'s"), s.count > 2 { out.append(String(s.dropLast(2))); out.append("'s"); continue }
            if s.hasSuffix(","), s.count > 1 { s.removeLast(); out.append(s); out.append(","); continue }
            out.append(s)
        }
        return out
    }

    /// `a == b`, rejecting strings of different lengths before comparing.
    @inline(__always) static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }

    /// The longest entry starting at token `i` (optionally restricted to one role).
    func match(_ doc: Document, at i: Int, end: Int, role: String? = nil) -> (role: String, value: String, next: Int)? {
        guard i < end, let list = byFirst.value(doc, i) else { return nil }
        outer: for e in list {
            if let role, !PhraseTable.same(e.role, role) { continue }
            guard i + e.words.count <= end else { continue }
            var k = 1
            while k < e.words.count {
                if doc.hashes[i + k] != e.hashes[k] || doc.lowered[i + k] != e.words[k] { continue outer }
                k += 1
            }
            return (e.role, e.value, i + e.words.count)
        }
        return nil
    }

    /// All roles a single word has (first-token entries of one word).
    func roles(ofWord w: String) -> [(role: String, value: String)] {
        (byFirst[w] ?? []).filter { $0.words.count == 1 }.map { ($0.role, $0.value) }
    }

    func has(_ w: String, role: String) -> Bool {
        (byFirst[w] ?? []).contains { $0.words.count == 1 && PhraseTable.same($0.role, role) }
    }

    func value(_ w: String, role: String) -> String? {
        (byFirst[w] ?? []).first { $0.words.count == 1 && PhraseTable.same($0.role, role) }?.value
    }

    /// `has(doc.lower(i), role:)` with the token's precomputed hash.
    func has(_ doc: Document, _ i: Int, role: String) -> Bool {
        guard let list = byFirst.value(doc, i) else { return false }
        return list.contains { $0.words.count == 1 && PhraseTable.same($0.role, role) }
    }

    /// `value(doc.lower(i), role:)` with the token's precomputed hash.
    func value(_ doc: Document, _ i: Int, role: String) -> String? {
        guard let list = byFirst.value(doc, i) else { return nil }
        return list.first { $0.words.count == 1 && PhraseTable.same($0.role, role) }?.value
    }

    /// `roles(ofWord: doc.lower(i))` is non-empty.
    func hasSingle(_ doc: Document, _ i: Int) -> Bool {
        guard let list = byFirst.value(doc, i) else { return false }
        return list.contains { $0.words.count == 1 }
    }
}
