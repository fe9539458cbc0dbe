import Foundation
import IRIngest

/// SplitMix64: small, fast and the same on every platform, so a seed names one corpus.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<n.
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func range(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    /// Skewed towards the front: news names a few actors often and many rarely.
    mutating func skewed<T>(_ a: [T]) -> T {
        let u = Double(next() >> 11) / Double(1 << 53)
        return a[min(a.count - 1, Int(Double(a.count) * u * u * u))]
    }
}

/// Actors drawn from the embedded lexicons, so that extraction has real names to find.
struct GeneratorLexicon {
    struct State { var name: String; var iso: String; var adjective: String; var capital: String }
    struct Organization { var name: String; var kind: String }
    struct Person { var name: String; var surname: String; var title: String; var state: Int }

    var states: [State] = []
    var organizations: [Organization] = []
    var groups: [Organization] = []
    var titles: [String] = []
    var givenNames: [String] = []
    var outlets: [String] = []
    var cities: [(name: String, iso: String)] = []

    // Surnames are not in the lexicons (they must not be: a recognizer finds persons by grammar).
    static let surnames = [
        "Petrov", "Kovalenko", "Haddad", "Okafor", "Lindqvist", "Moreau", "Schneider", "Tanaka", "Nakamura",
        "Rahman", "Hosseini", "Yilmaz", "Demir", "Novak", "Horvat", "Kowalski", "Mensah", "Banda", "Mwangi",
        "Silva", "Pereira", "Gonzalez", "Ramirez", "Castillo", "Nguyen", "Tran", "Kim", "Park", "Chen", "Wang",
        "Sharma", "Iyer", "Khan", "Qureshi", "Abdi", "Warsame", "Haile", "Tesfaye", "Ivanova", "Morozov",
        "Fischer", "Rossi", "Bianchi", "Dubois", "Laurent", "Jansen", "De Vries", "Andersen", "Nielsen", "Murphy",
        "O'Brien", "Walsh", "Campbell", "Stewart", "Bennett", "Hughes", "Alvarez", "Mendoza", "Suleiman", "Mansour",
    ]

    init() {
        for (name, contents) in EmbeddedLexicons.files {
            let rows = GeneratorLexicon.rows(contents)
            switch name {
            case "states.tsv":
                for r in rows where r.count >= 7 && !r[1].isEmpty {
                    let adj = r[4].split(separator: "|").first.map(String.init) ?? r[1]
                    let cap = r[6].split(separator: "|").first.map(String.init) ?? ""
                    states.append(State(name: r[1], iso: r[0], adjective: adj, capital: cap))
                    if !cap.isEmpty { cities.append((cap, r[0])) }
                }
            case "organizations.tsv":
                for r in rows where r.count >= 3 && !r[0].isEmpty {
                    // Armed groups attack; parties and the like do not.
                    if r[2] == "group" {
                        if r.count > 4, r[4].hasSuffix("REB") { groups.append(Organization(name: r[0], kind: r[2])) }
                    } else {
                        organizations.append(Organization(name: r[0], kind: r[2]))
                    }
                }
            case "titles.tsv":
                var seen = Set<String>()
                for r in rows where r.count >= 4 && (r[2] == "GOV" || r[2] == "MIL") && (Int(r[3]) ?? 9) <= 2 {
                    let t = r[1].isEmpty ? r[0] : r[1]
                    // The everyday titles of diplomacy and war (no monarchs, no bare "head").
                    guard t.hasSuffix("Minister") || t.hasSuffix("President") || t.hasSuffix("Secretary")
                        || t.hasSuffix("Chief") || t == "Chancellor" || t == "Premier" else { continue }
                    if seen.insert(t).inserted { titles.append(t) }
                }
            case "given_names.txt":
                givenNames = rows.compactMap { $0.first }.filter { !$0.isEmpty }
            case "outlets.tsv":
                outlets = rows.compactMap { $0.first }.filter { !$0.isEmpty }
            case "places.tsv":
                for r in rows where r.count >= 3 && r[2] == "city" && !r[1].isEmpty { cities.append((r[0], r[1])) }
            default: break
            }
        }
        if titles.isEmpty { titles = ["Foreign Minister", "President", "Prime Minister", "Defense Minister"] }
        if givenNames.isEmpty { givenNames = ["Anna", "Omar", "Maria", "Ivan"] }
        if outlets.isEmpty { outlets = ["Reuters"] }
        if states.isEmpty { states = [State(name: "Russia", iso: "RUS", adjective: "Russian", capital: "Moscow")] }
        if organizations.isEmpty { organizations = [Organization(name: "United Nations", kind: "organization")] }
        if groups.isEmpty { groups = [Organization(name: "Hamas", kind: "group")] }
        if cities.isEmpty { cities = states.map { ($0.capital, $0.iso) } }
    }

    /// Data rows of a TSV (or one-column) file: no header, no comments.
    static func rows(_ contents: String) -> [[String]] {
        var out: [[String]] = []
        var first = true
        for line in contents.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if first && cols.count > 1 { first = false; continue }
            first = false
            out.append(cols)
        }
        return out
    }
}

/// Writes deterministic wire-style articles as JSON Lines: the same seed and count give
/// the same bytes. Not test data for quality: its sentences exercise the extraction
/// stages (quotes, sanctions, attacks with tolls, meetings, calls, accusations) at volume.
struct CorpusGenerator {
    /// How publication dates follow the articles' order in the corpus.
    enum DateOrder: Sendable, Equatable {
        /// Any day of 2010-2025 for any article: the worst case for the date-keyed indexes and
        /// the monthly summaries (each batch writes all over them).
        case random
        /// An archive in publication order, as wire copy is kept and loaded: article i of
        /// `total` is published i/total of the way through 2010-2025, one in ten up to a month
        /// late. The dates an article's text gives (a month and year) stay anywhere.
        case chronological(total: Int)

        init(_ name: String?, total: Int) throws {
            switch name ?? "random" {
            case "random": self = .random
            case "chronological": self = .chronological(total: total)
            default: throw BenchError.usage("--dates takes random or chronological, got \(name!)")
            }
        }
    }

    let lexicon: GeneratorLexicon
    let seed: UInt64
    var dates = DateOrder.random
    /// A roster of persons with titles and countries, drawn once per seed; articles draw from
    /// it with a skew, so the same names recur across the corpus as they do in real news.
    let persons: [GeneratorLexicon.Person]
    /// States in a seed-dependent order of prominence.
    let stateOrder: [Int]

    init(seed: UInt64) {
        self.seed = seed
        lexicon = GeneratorLexicon()
        var rng = SeededRandom(seed: seed ^ 0x5EED)
        var order = Array(lexicon.states.indices)
        // A few big players first (as in the news), the rest shuffled.
        let major = ["RUS", "USA", "UKR", "CHN", "IRN", "ISR", "SYR", "TUR", "FRA", "DEU", "GBR", "SDN", "YEM", "PRK"]
        var front: [Int] = []
        for iso in major { if let i = lexicon.states.firstIndex(where: { $0.iso == iso }) { front.append(i) } }
        order.removeAll { front.contains($0) }
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        stateOrder = front + order
        var roster: [GeneratorLexicon.Person] = []
        for _ in 0..<600 {
            let given = rng.pick(lexicon.givenNames)
            let surname = rng.pick(GeneratorLexicon.surnames)
            let state = rng.skewed(stateOrder)
            roster.append(.init(name: given + " " + surname, surname: surname, title: rng.skewed(lexicon.titles), state: state))
        }
        persons = roster
    }

    /// The most frequent person (for query parameters).
    var leadPerson: GeneratorLexicon.Person { persons[0] }

    /// The article with this index, as one JSON line (without the newline).
    func article(_ index: Int, into out: inout [UInt8]) {
        var rng = SeededRandom(seed: seed &* 0x1000_0000_01B3 &+ UInt64(index))
        var w = Writer(rng: rng, gen: self)
        let a = w.compose()
        rng = w.rng
        var day = rng.below(16 * 365)  // 2010-01-01 ... 2025-12
        if case .chronological(let total) = dates {
            day = Int(Double(index) / Double(max(total, 1)) * Double(16 * 365))
            if rng.chance(0.1) { day = max(0, day - 1 - rng.below(30)) }
        }
        let published = CorpusGenerator.isoDate(daysSince2010: day)
        out.append(contentsOf: "{\"id\":\"gen-\(seed)-\(index)\",\"title\":".utf8)
        CorpusGenerator.appendJSONString(a.headline, to: &out)
        out.append(contentsOf: ",\"text\":".utf8)
        CorpusGenerator.appendJSONString(a.body, to: &out)
        out.append(contentsOf: ",\"published\":\"\(published)\",\"outlet\":".utf8)
        CorpusGenerator.appendJSONString(a.outlet, to: &out)
        out.append(contentsOf: ",\"url\":\"https://news.example/\(published)/\(index)\"}".utf8)
    }

    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20: out.append(contentsOf: "\\u00".utf8); out.append(hex(b >> 4)); out.append(hex(b & 15))
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    static func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    /// Civil date from days since 2010-01-01 (Howard Hinnant's algorithm).
    static func isoDate(daysSince2010 d: Int) -> String {
        let z = d + 14610 + 719468  // 1970-01-01 -> 2010-01-01 is 14610 days
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// Composes one article from sentence patterns.
struct Writer {
    var rng: SeededRandom
    let gen: CorpusGenerator
    var lex: GeneratorLexicon { gen.lexicon }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let topics = ["the ceasefire", "grain exports", "the nuclear programme", "border security", "energy supplies",
                         "the prisoner exchange", "humanitarian access", "the peace talks", "maritime security",
                         "arms control", "the refugee crisis", "trade tariffs"]
    static let quoteBodies = [
        "We will not accept any settlement that ignores the interests of our people",
        "The door to dialogue remains open, but the other side must show good faith",
        "These measures are a direct response to the violation of international law",
        "We are deeply concerned about the humanitarian situation on the ground",
        "Nobody should doubt our commitment to the security of the region",
        "This is an important step, but much work remains to be done",
        "The sanctions will stay in place until there is real progress",
        "We call on all parties to exercise restraint and return to the negotiating table",
        "Our forces responded to the provocation and will continue to defend the border",
        "There can be no military solution to this conflict",
    ]
    static let sanctionKinds = ["economic sanctions", "financial sanctions", "an arms embargo", "travel bans and asset freezes",
                                "sanctions", "trade restrictions", "new sanctions"]
    static let targetsGeneric = ["officials", "companies", "banks", "military commanders", "oligarchs", "entities"]
    static let venues = ["a market", "a checkpoint", "a hospital", "a convoy", "a village", "a military base", "a school"]

    /// The article's cast: a story names a few actors again and again and others in passing
    /// (the 11 dev articles name 13 distinct actors in 48 mentions; drawing every mention
    /// afresh gave 31 in 42). Empty until `compose` draws it.
    var castStates: [GeneratorLexicon.State] = []
    var castPersons: [GeneratorLexicon.Person] = []
    var castOrgs: [String] = []
    var castGroups: [String] = []
    /// How often a mention is of the cast rather than an actor named in passing.
    static let castShare = 0.8

    mutating func anyState() -> GeneratorLexicon.State { lex.states[rng.skewed(gen.stateOrder)] }
    mutating func anyPerson() -> GeneratorLexicon.Person { rng.skewed(gen.persons) }
    mutating func state() -> GeneratorLexicon.State {
        castStates.isEmpty || !rng.chance(Writer.castShare) ? anyState() : rng.pick(castStates)
    }
    mutating func person() -> GeneratorLexicon.Person {
        castPersons.isEmpty || !rng.chance(Writer.castShare) ? anyPerson() : rng.pick(castPersons)
    }
    mutating func org() -> String {
        castOrgs.isEmpty || !rng.chance(Writer.castShare) ? rng.skewed(lex.organizations).name : rng.pick(castOrgs)
    }
    mutating func group() -> String {
        castGroups.isEmpty || !rng.chance(Writer.castShare) ? rng.skewed(lex.groups).name : rng.pick(castGroups)
    }

    /// Draws the cast: two to four states (with the persons' own), two to four persons, an
    /// organization or two and one armed group.
    mutating func drawCast() {
        castPersons = (0..<count(2, 4)).map { _ in anyPerson() }
        castStates = (0..<count(2, 4)).map { _ in anyState() }
        castOrgs = (0..<count(1, 2)).map { _ in rng.skewed(lex.organizations).name }
        castGroups = [rng.skewed(lex.groups).name]
    }
    mutating func weekday() -> String { rng.pick(Writer.weekdays) }
    mutating func count(_ lo: Int, _ hi: Int) -> Int { rng.range(lo, hi) }

    mutating func titled(_ p: GeneratorLexicon.Person) -> String {
        let s = lex.states[p.state]
        switch rng.below(3) {
        case 0: return "\(s.adjective) \(p.title) \(p.name)"
        case 1: return "\(p.name), \(s.name)'s \(p.title.lowercased()),"
        default: return "\(s.name)'s \(p.title) \(p.name)"
        }
    }

    static func thousands(_ n: Int) -> String {
        n < 1000 ? "\(n)" : "\(n / 1000)," + String("\(1000 + n % 1000)".dropFirst())
    }

    mutating func quote() -> String { rng.pick(Writer.quoteBodies) }

    /// One paragraph: a sentence from one of the patterns.
    mutating func sentence(_ kind: Int) -> String {
        switch kind {
        case 0:  // meeting
            let a = person(), b = person()
            let city = rng.pick(lex.cities).name
            return "\(titled(a)) met \(titled(b)) in \(city) on \(weekday()) to discuss \(rng.pick(Writer.topics))."
        case 1:  // phone call
            let a = person(), b = person()
            return "\(a.name) spoke by telephone with \(lex.states[b.state].adjective) \(b.title) \(b.name) on \(weekday()), the \(lex.states[a.state].adjective) government said in a statement."
        case 2:  // named quote
            let p = person()
            if rng.chance(0.5) {
                return "\"\(quote()),\" \(p.surname) told reporters in \(lex.states[p.state].capital.isEmpty ? "the capital" : lex.states[p.state].capital)."
            }
            return "\(titled(p)) said: \"\(quote()).\""
        case 3:  // anonymous quote
            let s = state()
            return "\"\(quote()),\" said a senior \(s.adjective) official who spoke on condition of anonymity because he was not authorized to speak publicly."
        case 4:  // sanctions imposed
            let imposer = rng.chance(0.4) ? "The European Union" : state().name
            let target = state()
            return "\(imposer) imposed \(rng.pick(Writer.sanctionKinds)) on \(count(2, 40)) \(target.adjective) \(rng.pick(Writer.targetsGeneric)) on \(weekday()) over \(rng.pick(Writer.topics))."
        case 5:  // sanctions extended or lifted
            let target = state()
            if rng.chance(0.5) {
                return "The European Union extended its \(rng.pick(Writer.sanctionKinds)) against \(target.name) for another six months, diplomats said."
            }
            let who = state()
            return "\(who.name) lifted sanctions on \(target.name) after \(rng.pick(Writer.topics)) was agreed in \(rng.pick(Writer.months)) \(2010 + rng.below(16))."
        case 6:  // attack with toll
            let killed = count(2, 120), wounded = count(0, 300)
            let city = rng.pick(lex.cities).name
            if rng.chance(0.5) {
                return "At least \(killed) people were killed and \(wounded) wounded when \(group()) fighters attacked \(rng.pick(Writer.venues)) in \(city) on \(weekday()), officials said."
            }
            let s = state()
            return "\(s.adjective) forces shelled \(rng.pick(Writer.venues)) near \(city), killing \(killed) civilians, according to \(org())."
        case 7:  // conflict toll overall
            let s = state()
            return "The war in \(s.name) has killed more than \(Writer.thousands(count(1, 500) * 100)) people since \(rng.pick(Writer.months)) \(2010 + rng.below(14)), according to the United Nations."
        case 8:  // accusation
            let a = state(), b = state()
            return "\(a.name) accused \(b.name) of violating \(rng.pick(Writer.topics)) and said it would respond."
        case 9:  // statement by an organization
            return "The \(org()) called on \(state().name) and \(state().name) to resume talks on \(rng.pick(Writer.topics))."
        case 10:  // visit
            let p = person()
            return "\(titled(p)) will visit \(state().name) next week, his office said on \(weekday())."
        case 11:  // support for a side: aid, arms, backing
            let a = state(), b = state()
            switch rng.below(3) {
            case 0: return "\(a.name) sent humanitarian aid to \(b.name) on \(weekday()), according to \(org())."
            case 1: return "\(a.name) delivered weapons to \(b.name) last month, \(a.adjective) officials said."
            default: return "\(a.name) provided military assistance to \(b.name) in its fight against \(group()), the ministry said."
            }
        case 12:  // background, no actors
            return "The talks, which lasted more than \(count(2, 9)) hours, ended without a joint statement, and further rounds were expected in \(rng.pick(Writer.months))."
        case 13:  // background naming actors, no event
            let a = state(), b = state()
            return "Disagreement over \(rng.pick(Writer.topics)) has been a point of contention between \(a.name) and \(b.name) for years."
        case 14:  // background: context
            return "Analysts expect \(rng.pick(Writer.topics)) to dominate the agenda when leaders gather in \(rng.pick(lex.cities).name) in \(rng.pick(Writer.months))."
        default:  // background: a person's record
            let p = person()
            return "\(p.name), who took office in \(2005 + rng.below(20)), has made \(rng.pick(Writer.topics)) a priority of the \(lex.states[p.state].adjective) government."
        }
    }

    /// Sentence kinds: 0-11 carry events, quotes, sanctions, tolls or support; 12-15 are background.
    static let eventKinds = 12, allKinds = 16

    mutating func compose() -> (headline: String, body: String, outlet: String) {
        let outlet = rng.skewed(lex.outlets)
        drawCast()
        let lead = rng.below(Writer.eventKinds)
        let first = sentence(lead)
        let city = rng.pick(lex.cities)
        let place = city.name.uppercased()
        var body = "\(place) (\(outlet)) - " + first
        let paragraphs = count(7, 16)
        // A story keeps to its lead's kind of news; other paragraphs quote, recall or give background.
        func paragraphKind() -> Int {
            if rng.chance(0.3) { return lead }
            return rng.chance(0.45) ? Writer.eventKinds + rng.below(Writer.allKinds - Writer.eventKinds) : rng.below(Writer.eventKinds)
        }
        for _ in 0..<paragraphs {
            body += "\n\n"
            body += sentence(paragraphKind())
            if rng.chance(0.5) { body += " " + sentence(paragraphKind()) }
        }
        var headline = first
        if let cut = headline.firstIndex(of: ",") { headline = String(headline[..<cut]) }
        if headline.utf8.count > 90 { headline = String(headline.prefix(90)) }
        headline = headline.trimmingCharacters(in: .init(charactersIn: ".\" "))
        return (headline, body, outlet)
    }
}
