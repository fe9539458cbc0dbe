@testable import IRIngest
import IRStore
import Testing

/// A document with a hand-built actor analysis: each actor with the surface forms that name it.
struct QSCFixture {
    let doc: Document
    let analysis: ActorAnalysis
    let context: ArticleContext

    init(_ text: String, _ actors: [(ActorRow, [String])], roles: [(Int, String)] = [], published: String? = "2015-05-12") {
        doc = Document(text: text)
        var a = ActorAnalysis()
        a.actors = actors.map { $0.0 }
        for (index, (_, forms)) in actors.enumerated() {
            for form in forms {
                let (fb, ft) = Tokenizer.tokenize(form)
                let words = ft.map { String(decoding: fb[$0.byteRange], as: UTF8.self) }
                guard !words.isEmpty, doc.tokens.count >= words.count else { continue }
                for i in 0...(doc.tokens.count - words.count) {
                    var ok = true
                    for k in 0..<words.count where doc.text(token: i + k) != words[k] { ok = false; break }
                    if ok, let s = doc.sentenceIndex(ofToken: i) {
                        a.mentions.append(ActorMention(actor: index, tokenRange: i..<(i + words.count), sentence: s, rule: "test"))
                    }
                }
            }
        }
        a.mentions.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        a.roles = roles.map { RoleRow(actor: $0.0, title: $0.1, countryCode: nil) }
        analysis = a
        context = ArticleContext(publishedOn: published)
    }

    static func person(_ name: String, _ country: String?) -> ActorRow {
        ActorRow(name: name, kind: .person, countryCode: country, cameoCode: nil)
    }
    static func state(_ name: String, _ country: String) -> ActorRow {
        ActorRow(name: name, kind: .state, countryCode: country, cameoCode: country)
    }
    static func org(_ name: String, _ country: String?) -> ActorRow {
        ActorRow(name: name, kind: .organization, countryCode: country, cameoCode: nil)
    }
    static func group(_ name: String, _ country: String?) -> ActorRow {
        ActorRow(name: name, kind: .group, countryCode: country, cameoCode: nil)
    }
}

@Suite struct QuoteExtractorTests {
    func quotes(_ f: QSCFixture) -> [QuoteRow] {
        QuoteExtractor().extract(f.doc, actors: f.analysis, context: f.context)
    }

    @Test func speakerAfterQuote_XSaid() {
        let f = QSCFixture("\u{201C}We will not accept this proposal,\u{201D} Moreau told reporters in Paris.",
                           [(QSCFixture.person("Claire Moreau", "FRA"), ["Moreau"])])
        let q = quotes(f)
        #expect(q.count == 1)
        #expect(q.first?.text == "We will not accept this proposal,")
        #expect(q.first?.speaker == 0)
        #expect(q.first?.saidOn == "2015-05-12")
        #expect(q.first?.rule == "X-said")
    }

    @Test func speakerAfterQuote_saidX() {
        let f = QSCFixture("\"The border will stay closed for now,\" said Interior Minister Jan Novak.",
                           [(QSCFixture.person("Jan Novak", "CZE"), ["Jan Novak"])], roles: [(0, "Interior Minister")])
        let q = quotes(f)
        #expect(q.first?.speaker == 0)
        #expect(q.first?.speakerRole == "Interior Minister")
        #expect(q.first?.rule == "said-X")
    }

    @Test func offsetsAreCharactersOfTheQuotedText() {
        let text = "Café owners said: \u{201C}Prices went up again this week.\u{201D}"
        let f = QSCFixture(text, [])
        let q = quotes(f)
        #expect(q.count == 1)
        let chars = Array(text.unicodeScalars)
        if let r = q.first {
            #expect(String(String.UnicodeScalarView(chars[r.startChar..<r.endChar])) == "Prices went up again this week.")
        }
    }

    @Test func shortScareQuotesAreSkipped() {
        let f = QSCFixture("The minister called the plan \"historic\" and a \"big step\" for the region.", [])
        #expect(quotes(f).isEmpty)
    }

    @Test func anonymousOfficialWithCountry() {
        let text = """
        "We are ready to talk to anyone who wants peace," said a senior Turkish security official who asked not to be named.

        "There is no other way forward," said the official, who was not authorized to speak publicly.
        """
        let f = QSCFixture(text, [(QSCFixture.state("Turkey", "TUR"), ["Turkey"])])
        let q = quotes(f)
        #expect(q.count == 2)
        #expect(q[0].anonymous)
        #expect(q[0].speaker == nil)
        #expect(q[0].speakerCountry == "TUR")
        #expect(q[0].speakerDescription == "senior Turkish security official")
        #expect(q[1].anonymous)
        #expect(q[1].speakerCountry == "TUR")
    }

    @Test func appositiveNameAfterRole() {
        let f = QSCFixture("\u{201C}The talks were useful,\u{201D} the Kenyan foreign minister, Amina Otieno, told a news conference.",
                           [(QSCFixture.person("Amina Otieno", "KEN"), ["Amina Otieno"])])
        #expect(quotes(f).first?.speaker == 0)
    }

    @Test func possessorIsNotTheSpeaker() {
        let f = QSCFixture("Modi's spokesman, Arun Mehta, said: \"The visit will go ahead as planned.\"",
                           [(QSCFixture.person("Narendra Modi", "IND"), ["Modi"]), (QSCFixture.person("Arun Mehta", "IND"), ["Arun Mehta"])])
        let q = quotes(f)
        #expect(q.first?.speaker == 1)
    }

    @Test func relativeClauseBetweenSubjectAndVerb() {
        let f = QSCFixture("Halvorsen, who chaired the meeting in Oslo, said the deal was \"a turning point for the region.\"",
                           [(QSCFixture.person("Ingrid Halvorsen", "NOR"), ["Halvorsen"])])
        #expect(quotes(f).first?.speaker == 0)
    }

    @Test func pronounTakesTheLastPersonSubject() {
        let text = """
        Prime Minister Elena Varga met the delegation on Monday.

        "This is only the beginning of a long process," she said.
        """
        let f = QSCFixture(text, [(QSCFixture.person("Elena Varga", "HUN"), ["Elena Varga"])])
        let q = quotes(f)
        #expect(q.first?.speaker == 0)
        #expect(q.first?.rule == "X-said")
    }

    @Test func colonForm() {
        let f = QSCFixture("But he added: \u{201C}Nobody here wants another long war.\u{201D}",
                           [])
        // No antecedent: the quote is kept without a speaker.
        #expect(quotes(f).count == 1)
        let g = QSCFixture("Okafor spoke first. He added: \u{201C}Nobody here wants another long war.\u{201D}",
                           [(QSCFixture.person("Chidi Okafor", "NGA"), ["Okafor"])])
        #expect(quotes(g).first?.speaker == 0)
        #expect(quotes(g).first?.rule == "pre-X-said")
    }

    @Test func colonAfterAnyVerb() {
        let f = QSCFixture("In a televised speech, President Ruto had a message for the rebels: \"There was no reason for this attack on civilians.\"",
                           [(QSCFixture.person("William Ruto", "KEN"), ["Ruto"])])
        let q = quotes(f)
        #expect(q.first?.speaker == 0)
        #expect(q.first?.rule == "colon")
    }

    @Test func accordingTo() {
        let f = QSCFixture("The ceasefire \"will hold as long as both sides respect it,\" according to Haddad.",
                           [(QSCFixture.person("Rami Haddad", "LBN"), ["Haddad"])])
        let q = quotes(f)
        #expect(q.first?.speaker == 0)
    }

    @Test func quotedAsSaying() {
        let f = QSCFixture("\"Our troops will stay where they are,\" the agency quoted Colonel Ivanov as saying.",
                           [(QSCFixture.person("Pavel Ivanov", "RUS"), ["Colonel Ivanov"])])
        #expect(quotes(f).first?.speaker == 0)
        #expect(quotes(f).first?.rule == "quoted-as-saying")
    }

    @Test func splitQuoteIsTwoQuotesOneSpeaker() {
        let f = QSCFixture("\u{201C}We are not going anywhere,\u{201D} said Lindqvist. \u{201C}This town is our home and we will defend it.\u{201D}",
                           [(QSCFixture.person("Maja Lindqvist", "SWE"), ["Lindqvist"])])
        let q = quotes(f)
        #expect(q.count == 2)
        #expect(q.map(\.speaker) == [0, 0])
        #expect(q[1].text == "This town is our home and we will defend it.")
    }

    @Test func paragraphContinuedQuote() {
        let text = """
        Foreign Minister Tanaka said the agreement would "open a new chapter in relations between our two countries.

        "We expect the first meeting to take place before the end of the year."
        """
        let f = QSCFixture(text, [(QSCFixture.person("Hiro Tanaka", "JPN"), ["Tanaka"])])
        let q = quotes(f)
        #expect(q.count == 2)
        #expect(q[0].text == "open a new chapter in relations between our two countries.")
        #expect(q[1].text == "We expect the first meeting to take place before the end of the year.")
        #expect(q.map(\.speaker) == [0, 0])
    }

    @Test func organizationSpeakerAndStatement() {
        let text = """
        The Nigerian army said in a statement on Friday that its units had come under fire.

        "The troops repelled the attack and pursued the attackers into the forest," the statement said.
        """
        let f = QSCFixture(text, [(QSCFixture.org("Nigerian Army", "NGA"), ["Nigerian army"])])
        let q = quotes(f)
        #expect(q.first?.speaker == 0)
    }

    @Test func unknownBodyIsDescribedNotAnonymous() {
        let f = QSCFixture("The Chilean foreign ministry said the decision \"goes against every rule of diplomacy\".", [])
        let q = quotes(f)
        #expect(q.first?.anonymous == false)
        #expect(q.first?.speakerDescription == "Chilean foreign ministry")
        #expect(q.first?.speakerCountry == "CHL")
    }

    @Test func unattributedQuoteFollowsTheLastSpeaker() {
        let text = """
        Moreau said the government would appeal the ruling.

        "We have done nothing wrong and we will prove it in court."
        """
        let f = QSCFixture(text, [(QSCFixture.person("Claire Moreau", "FRA"), ["Moreau"])])
        let q = quotes(f)
        #expect(q.first?.speaker == 0)
        #expect(q.first?.rule == "previous-speaker")
    }

    @Test func unknownNameIsKeptAsDescription() {
        let f = QSCFixture("\u{201C}We heard the explosions all night long,\u{201D} Olena said.", [])
        let q = quotes(f)
        #expect(q.first?.speakerDescription == "Olena")
        #expect(q.first?.anonymous == false)
    }

    @Test func plainDiplomatsAreAnonymous() {
        let f = QSCFixture("\"The draft has little chance of passing,\" Western diplomats said.", [])
        let q = quotes(f)
        #expect(q.first?.anonymous == true)
        #expect(q.first?.speakerDescription == "Western diplomats")
    }

    @Test func actorInsideALongerNameIsNotTheSpeaker() {
        let f = QSCFixture("The United Nations Special Envoy for Yemen said the truce was \"holding better than anyone expected.\"",
                           [(QSCFixture.org("United Nations", nil), ["United Nations"])])
        let q = quotes(f)
        #expect(q.first?.speaker == nil)
        #expect(q.first?.speakerDescription == "United Nations Special Envoy for Yemen")
    }
}
