/// The event-trigger lexicon: verbs.tsv patterns indexed by their first word, with every
/// inflected form of every pattern word precomputed so that matching a token is one lookup.
///
///     let lex = VerbLexicon.shared
///     lex.lemmas["shelled"]        // ["shell"]
///     lex.entries["shell"]?.first  // shell -> 194, kind v
public final class VerbLexicon: Sendable {
    /// How an entry's source and target are found (the `kind` column of verbs.tsv).
    public enum Kind: String, Sendable {
        case verb = "v", symmetric = "s", noun = "n", reverse = "r", between = "b"
    }

    /// One element of a pattern after its first word.
    public enum Element: Sendable, Equatable {
        /// A word, by its accepted lemmas.
        case word(Set<String>)
        /// The target's slot: one to four words naming an actor.
        case slot
    }

    public struct Entry: Sendable, Equatable {
        /// The pattern as written in verbs.tsv ("hold talk|talks with").
        public var pattern: String
        /// Lemmas accepted for the first word.
        public var head: Set<String>
        public var rest: [Element]
        public var code: String
        public var kind: Kind
        /// The pattern's last word is a preposition that introduces the target ("with", "on").
        public var endsInPreposition: Bool
        public var hasSlot: Bool { rest.contains(.slot) }
        /// The pattern ends in an infinitive marker ("threaten to", "offer to"): the target is
        /// the actor the intended act is aimed at, a few words further.
        public var endsInInfinitive: Bool { if case .word(let alts)? = rest.last { return alts == ["to"] && kind == .verb } ; return false }
        /// Number of words in the pattern (longer patterns win).
        public var length: Int { 1 + rest.count }
    }

    public static let shared = VerbLexicon(
        verbs: EmbeddedLexicons.files.first { $0.name == "verbs.tsv" }?.contents ?? "",
        forms: EmbeddedLexicons.files.first { $0.name == "verb_forms.tsv" }?.contents ?? "")

    /// Entries by the lemmas of their first word.
    public let entries: [String: [Entry]]
    /// Surface form (lowercase) -> the lemmas it may be a form of, for every word used in a pattern.
    public let lemmas: [String: [String]]
    /// All entries, in file order.
    public let all: [Entry]

    /// What the grammar needs to know of a surface form of a pattern word, precomputed so that a
    /// token is looked up once (by `WordHash`) instead of hashing its lemmas' strings.
    struct Form: Sendable {
        /// Indices into `all` of the entries the form may trigger: for each of its lemmas (in
        /// `lemmas` order), the entries whose first word is that lemma (in `entries` order).
        var candidates: [Int32]
        /// The form is one of its own lemmas ("visit").
        var isBase: Bool
        /// The form is one of its lemmas plus "s" or "es" ("attacks").
        var isPlural: Bool
    }
    /// One per key of `lemmas`, in sorted order (see `grammarWords`).
    let formInfo: [Form]

    /// One element of an entry's `rest`: a word, as an index into `stepForms` (every form whose
    /// lemmas include one of the element's words), or the slot.
    enum Step: Sendable {
        case word(Int32)
        case slot
    }
    /// The steps of entry `e` are `steps[stepStart[e]..<stepStart[e + 1]]`, parallel to `all[e].rest`.
    let steps: [Step]
    let stepStart: [Int32]
    let stepForms: [WordSet]
    /// Per word: the `Grammar.WordClass` bits in the low 40 bits, and 1 + its index into `formInfo`
    /// (0: none) above them, so that the grammar looks a token up once.
    let grammarWords: WordMap<UInt64>

    static let prepositions: Set<String> = [
        "with", "to", "on", "against", "of", "for", "from", "into", "at", "in", "between", "by", "upon", "about", "near", "along", "over",
    ]

    public init(verbs: String, forms: String) {
        var irregular: [String: [String]] = [:]  // lemma -> irregular forms
        for line in forms.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2, cols[0] != "form" else { continue }
            irregular[String(cols[1]), default: []].append(String(cols[0]))
        }
        var entries: [String: [Entry]] = [:]
        var entryIndices: [String: [Int32]] = [:]
        var all: [Entry] = []
        var words = Set<String>()
        for line in verbs.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 3, cols[0] != "pattern" else { continue }
            let parts = cols[0].split(separator: " ").map(String.init)
            guard let first = parts.first, let kind = Kind(rawValue: String(cols[2])) else { continue }
            let head = Set(first.split(separator: "|").map(String.init))
            var rest: [Element] = []
            for p in parts.dropFirst() {
                if p == "_" { rest.append(.slot); continue }
                let alts = Set(p.split(separator: "|").map(String.init))
                rest.append(.word(alts))
            }
            words.formUnion(head)
            for case .word(let alts) in rest { words.formUnion(alts) }
            var endsInPrep = false
            if case .word(let alts)? = rest.last, !alts.isDisjoint(with: VerbLexicon.prepositions) { endsInPrep = true }
            let e = Entry(pattern: String(cols[0]), head: head, rest: rest, code: String(cols[1]), kind: kind,
                          endsInPreposition: endsInPrep)
            for h in head {
                entries[h, default: []].append(e)
                entryIndices[h, default: []].append(Int32(all.count))
            }
            all.append(e)
        }
        var lemmas: [String: [String]] = [:]
        for w in words.sorted() {  // sorted: the lemma order (and so the events) must not vary between runs
            for f in VerbLexicon.inflections(of: w) + (irregular[w] ?? []) where !(lemmas[f]?.contains(w) ?? false) {
                lemmas[f, default: []].append(w)
            }
        }
        self.entries = entries
        self.lemmas = lemmas
        self.all = all
        var formInfo: [Form] = []
        var formsOf: [String: [String]] = [:]  // lemma -> its forms
        let formKeys = lemmas.keys.sorted()
        for f in formKeys {
            let ls = lemmas[f]!
            formInfo.append(Form(candidates: ls.flatMap { entryIndices[$0] ?? [] }, isBase: ls.contains(f),
                                 isPlural: ls.contains { f == $0 + "s" || f == $0 + "es" }))
            for l in ls { formsOf[l, default: []].append(f) }
        }
        self.formInfo = formInfo
        var steps: [Step] = []
        var stepStart: [Int32] = []
        var stepForms: [WordSet] = []
        var stepIndex: [[String]: Int32] = [:]  // sorted alternatives -> index into stepForms
        for e in all {
            stepStart.append(Int32(steps.count))
            for el in e.rest {
                switch el {
                case .slot:
                    steps.append(.slot)
                case .word(let alts):
                    let key = alts.sorted()
                    if let k = stepIndex[key] { steps.append(.word(k)); continue }
                    let k = Int32(stepForms.count)
                    stepForms.append(WordSet(key.flatMap { formsOf[$0] ?? [] }))
                    stepIndex[key] = k
                    steps.append(.word(k))
                }
            }
        }
        stepStart.append(Int32(steps.count))
        self.steps = steps
        self.stepStart = stepStart
        self.stepForms = stepForms
        var table = WordMap<UInt64>()
        for (f, k) in zip(formKeys, 0...) { table[f] = UInt64(k + 1) << 40 }
        for (ws, c) in Grammar.classLists {
            for w in ws { table[w] = (table[w] ?? 0) | c.rawValue }
        }
        self.grammarWords = table
    }

    /// Regular inflections of an English word (base, -s, -ed, -ing), generously: where the
    /// spelling rule is unsure (consonant doubling) both spellings are produced.
    static func inflections(of w: String) -> [String] {
        var out = [w]
        let b = Array(w.utf8)
        guard let last = b.last, b.count >= 2 else { return out }
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        let stem = String(decoding: b.dropLast(), as: UTF8.self)
        let prev = b[b.count - 2]
        // -s
        if last == UInt8(ascii: "y"), !vowels.contains(prev) { out.append(stem + "ies") }
        else if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") { out.append(w + "es") }
        else { out.append(w + "s") }
        // -ed, -ing
        if last == UInt8(ascii: "e") {
            out.append(w + "d")
            out.append(stem + "ing")
            if prev == UInt8(ascii: "e") { out.append(w + "ing") }  // free -> freeing
        } else if last == UInt8(ascii: "y"), !vowels.contains(prev) {
            out.append(stem + "ied")
            out.append(w + "ing")
        } else {
            out.append(w + "ed")
            out.append(w + "ing")
            // Consonant doubling after a single vowel: "ship" -> "shipped", "ban" -> "banned".
            if !vowels.contains(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != UInt8(ascii: "y"),
               vowels.contains(prev), b.count < 3 || !vowels.contains(b[b.count - 3]) {
                let c = String(decoding: [last], as: UTF8.self)
                out.append(w + c + "ed")
                out.append(w + c + "ing")
            }
        }
        return out
    }
}
