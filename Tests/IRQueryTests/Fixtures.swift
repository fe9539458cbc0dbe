import Foundation
import IRIngest
import IRQuery
import IRStore

/// Test databases: a hand-built one whose answers are known exactly, and the sample articles
/// run through the analyzer (whose answers grow as extraction lands).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryPath(_ stem: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("irkb-query-\(stem)-\(UUID().uuidString).sqlite").path
    }

    /// The hand-built world, written once per test process.
    static let world: String = {
        let path = temporaryPath("world")
        do {
            let store = try Store(path: path)
            for a in WorldBuilder.articles() { try store.write(a, analyzerVersion: 1) }
        } catch {
            fatalError("cannot build the fixture database: \(error)")
        }
        return path
    }()

    /// The sample articles of SampleData/articles.jsonl, analysed and written once per test process.
    static let samples: String = {
        let path = temporaryPath("samples")
        do {
            let store = try Store(path: path)
            let analyzer = Analyzer()
            for raw in sampleArticles() { try store.write(analyzer.analyze(raw), analyzerVersion: Analyzer.version) }
        } catch {
            fatalError("cannot build the sample database: \(error)")
        }
        return path
    }()

    static func sampleArticles() -> [RawArticle] {
        guard let jsonl = EmbeddedSamples.files.first(where: { $0.name == "articles.jsonl" })?.contents else { return [] }
        var out: [RawArticle] = []
        for (n, line) in jsonl.split(separator: "\n").enumerated() {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            out.append(RawArticle(externalID: obj["id"] as? String, title: obj["title"] as? String ?? "",
                                  text: obj["text"] as? String ?? "", published: obj["published"] as? String,
                                  outlet: obj["outlet"] as? String, url: obj["url"] as? String,
                                  location: "articles.jsonl:\(n + 1)"))
        }
        return out
    }

    static func worldKB() throws -> KnowledgeBase { try KnowledgeBase(path: world) }
    static func samplesKB() throws -> KnowledgeBase { try KnowledgeBase(path: samples) }
}

/// Builds articles by hand: sentences of our own, and rows that point into them by offsets.
struct WorldBuilder {
    var analysis: ArticleAnalysis
    var body = ""
    var sentenceTexts: [String] = []

    init(id: String, date: String?, headline: String) {
        analysis = ArticleAnalysis(article: ArticleFields(externalID: id, outlet: "Fixture", headline: headline,
                                                          publishedOn: date, publishedSource: .input, body: "",
                                                          contentHash: id))
    }

    mutating func sentence(_ text: String) -> Int {
        if !body.isEmpty { body += " " }
        let start = body.unicodeScalars.count
        body += text
        analysis.sentences.append(SentenceRow(paragraph: 0, startChar: start, endChar: start + text.unicodeScalars.count, text: text))
        sentenceTexts.append(text)
        analysis.article.body = body
        return analysis.sentences.count - 1
    }

    /// The code-point span of `part` in sentence `s`.
    func span(_ s: Int, _ part: String) -> (Int, Int) {
        let text = sentenceTexts[s]
        guard let r = text.range(of: part) else { fatalError("'\(part)' not in '\(text)'") }
        let start = analysis.sentences[s].startChar + text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
        return (start, start + part.unicodeScalars.count)
    }

    mutating func actor(_ name: String, _ kind: ActorKind, _ country: String?, _ cameo: String?, aliases: [String] = []) -> Int {
        analysis.actors.append(ActorRow(name: name, kind: kind, countryCode: country, cameoCode: cameo, aliases: aliases))
        return analysis.actors.count - 1
    }

    mutating func mention(_ actor: Int, _ s: Int, _ text: String) {
        let (a, b) = span(s, text)
        analysis.mentions.append(MentionRow(actor: actor, sentence: s, startChar: a, endChar: b, text: text))
    }

    mutating func event(_ s: Int, _ source: Int, _ target: Int, _ code: String, _ trigger: String, on date: String,
                        mode: EventMode = .asserted, place: PlaceRow? = nil) {
        let (a, b) = span(s, trigger)
        var placeIndex: Int?
        if let place {
            analysis.places.append(place)
            placeIndex = analysis.places.count - 1
        }
        analysis.events.append(EventRow(sentence: s, source: source, target: target, cameoCode: code, occurredOn: date,
                                        dateSource: .published, place: placeIndex, mode: mode, triggerText: trigger,
                                        startChar: a, endChar: b))
    }

    mutating func sanction(_ s: Int, _ imposer: Int?, _ target: Int?, _ action: SanctionAction, _ kind: SanctionKind,
                           _ trigger: String, on date: String?, description: String? = nil, country: String? = nil,
                           conditional: Bool = false) {
        let (a, b) = span(s, trigger)
        analysis.sanctions.append(SanctionRow(sentence: s, imposer: imposer, target: target, targetDescription: description,
                                              targetCountry: country, action: action, kind: kind, statedOn: date,
                                              conditional: conditional, triggerText: trigger, startChar: a, endChar: b))
    }

    mutating func quote(_ s: Int, _ text: String, speaker: Int?, description: String? = nil, country: String?,
                        role: String? = nil, on date: String?) {
        let (a, b) = span(s, text)
        analysis.quotes.append(QuoteRow(sentence: s, speaker: speaker, speakerDescription: description, speakerCountry: country,
                                        speakerRole: role, anonymous: speaker == nil, text: text, startChar: a, endChar: b,
                                        saidOn: date))
    }

    /// Three short articles of our own about an invented but plausible course of events.
    static func articles() -> [ArticleAnalysis] {
        var out: [ArticleAnalysis] = []

        // 1. A meeting, new sanctions, two quotes.
        var w = WorldBuilder(id: "world-1", date: "2022-03-01", headline: "Lavrov and Blinken meet as EU adds sanctions")
        let russia = w.actor("Russia", .state, "RUS", "RUS", aliases: ["Moscow"])
        let usa = w.actor("United States", .state, "USA", "USA", aliases: ["U.S."])
        let eu = w.actor("European Union", .organization, nil, "IGOEEC", aliases: ["EU"])
        let lavrov = w.actor("Sergei Lavrov", .person, "RUS", "RUSGOV", aliases: ["Lavrov"])
        let blinken = w.actor("Antony Blinken", .person, "USA", "USAGOV", aliases: ["Blinken"])
        var s = w.sentence("Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva on Tuesday.")
        w.mention(russia, s, "Russian"); w.mention(lavrov, s, "Sergei Lavrov"); w.mention(usa, s, "U.S."); w.mention(blinken, s, "Antony Blinken")
        w.event(s, lavrov, blinken, "040", "met", on: "2022-03-01", place: PlaceRow(name: "Geneva", countryCode: "CHE", kind: "city"))
        // The same meeting coded the other way round, as symmetric rules do.
        w.event(s, blinken, lavrov, "040", "met", on: "2022-03-01", place: PlaceRow(name: "Geneva", countryCode: "CHE", kind: "city"))
        w.analysis.roles.append(RoleRow(actor: lavrov, title: "Foreign Minister", countryCode: "RUS", ofActor: russia, sentence: s))
        w.analysis.roles.append(RoleRow(actor: blinken, title: "Secretary of State", countryCode: "USA", ofActor: usa, sentence: s))
        s = w.sentence("The European Union imposed sanctions on Russia's central bank.")
        w.mention(eu, s, "European Union"); w.mention(russia, s, "Russia")
        w.sanction(s, eu, russia, .impose, .financial, "imposed sanctions", on: "2022-03-01")
        s = w.sentence("\"We will not bow to this pressure on Russia,\" Lavrov said.")
        w.mention(russia, s, "Russia"); w.mention(lavrov, s, "Lavrov")
        w.quote(s, "We will not bow to this pressure on Russia,", speaker: lavrov, country: "RUS", role: "Foreign Minister", on: "2022-03-01")
        s = w.sentence("\"The talks were frank and useful,\" a senior U.S. official said.")
        w.mention(usa, s, "U.S.")
        w.quote(s, "The talks were frank and useful,", speaker: nil, description: "senior U.S. official", country: "USA", on: "2022-03-01")
        out.append(w.analysis)

        // 2. War, aid, sanctions extended and partly lifted.
        w = WorldBuilder(id: "world-2", date: "2023-06-15", headline: "EU extends sanctions as fighting goes on")
        let russia2 = w.actor("Russia", .state, "RUS", "RUS")
        let ukraine = w.actor("Ukraine", .state, "UKR", "UKR", aliases: ["Kyiv"])
        let usa2 = w.actor("United States", .state, "USA", "USA")
        let eu2 = w.actor("European Union", .organization, nil, "IGOEEC", aliases: ["EU"])
        s = w.sentence("The EU extended its sanctions on Russia for six months.")
        w.mention(eu2, s, "EU"); w.mention(russia2, s, "Russia")
        w.sanction(s, eu2, russia2, .extend, .financial, "extended its sanctions", on: "2023-06-15")
        s = w.sentence("Russian forces shelled Ukraine, and at least 40 people have been killed since February.")
        w.mention(russia2, s, "Russian"); w.mention(ukraine, s, "Ukraine")
        w.event(s, russia2, ukraine, "194", "shelled", on: "2023-06-15")
        w.analysis.conflicts.append(ConflictRow(name: "Russia-Ukraine war", countryCode: "UKR", identityKey: "war|UKR",
                                                parties: [russia2, ukraine]))
        var (a, b) = w.span(s, "at least 40 people have been killed")
        w.analysis.conflictReports.append(ConflictReportRow(conflict: 0, sentence: s, scope: .overall, killed: 40,
                                                            killedQualifier: "at least", since: "2023-02", asOf: "2023-06-15",
                                                            startChar: a, endChar: b))
        s = w.sentence("The United States sent military aid to Ukraine.")
        w.mention(usa2, s, "United States"); w.mention(ukraine, s, "Ukraine")
        w.event(s, usa2, ukraine, "072", "sent military aid", on: "2023-06-15")
        s = w.sentence("The EU lifted its travel ban on three Russian officials.")
        w.mention(eu2, s, "EU"); w.mention(russia2, s, "Russian")
        w.sanction(s, eu2, nil, .lift, .travel, "lifted its travel ban", on: "2023-06-15",
                   description: "three Russian officials", country: "RUS")
        out.append(w.analysis)

        // 3. A call, a higher toll, a threat.
        w = WorldBuilder(id: "world-3", date: "2024-01-10", headline: "Lavrov calls Blinken; toll passes 10,000")
        let lavrov3 = w.actor("Sergei Lavrov", .person, "RUS", "RUSGOV", aliases: ["Lavrov"])
        let blinken3 = w.actor("Antony Blinken", .person, "USA", "USAGOV")
        let russia3 = w.actor("Russia", .state, "RUS", "RUS")
        let ukraine3 = w.actor("Ukraine", .state, "UKR", "UKR")
        let eu3 = w.actor("European Union", .organization, nil, "IGOEEC")
        let belarus = w.actor("Belarus", .state, "BLR", "BLR")
        s = w.sentence("Foreign Minister Lavrov called Blinken on Wednesday.")
        w.mention(lavrov3, s, "Lavrov"); w.mention(blinken3, s, "Blinken")
        w.event(s, lavrov3, blinken3, "041", "called", on: "2024-01-10")
        w.analysis.roles.append(RoleRow(actor: lavrov3, title: "Foreign Minister", countryCode: "RUS", ofActor: russia3, sentence: s))
        s = w.sentence("More than 10,000 people have been killed in the war between Russia and Ukraine.")
        w.mention(russia3, s, "Russia"); w.mention(ukraine3, s, "Ukraine")
        w.analysis.conflicts.append(ConflictRow(name: "Russia-Ukraine war", countryCode: "UKR", identityKey: "war|UKR",
                                                parties: [russia3, ukraine3]))
        (a, b) = w.span(s, "More than 10,000 people have been killed")
        w.analysis.conflictReports.append(ConflictReportRow(conflict: 0, sentence: s, scope: .overall, killed: 10000,
                                                            killedQualifier: "more than", asOf: "2024-01-10",
                                                            startChar: a, endChar: b))
        s = w.sentence("The European Union threatened new sanctions on Belarus.")
        w.mention(eu3, s, "European Union"); w.mention(belarus, s, "Belarus")
        w.sanction(s, eu3, belarus, .threaten, .economic, "threatened new sanctions", on: "2024-01-10")
        out.append(w.analysis)
        return out
    }
}
