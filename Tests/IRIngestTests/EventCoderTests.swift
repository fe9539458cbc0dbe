import Testing
@testable import IRIngest
import IRStore

/// Builds a document and a hand-made actor analysis: every surface form of every actor is a mention.
struct EventFixture {
    let doc: Document
    let analysis: ActorAnalysis
    let context: ArticleContext

    /// `actors`: name -> surface forms (the name itself is always one).
    init(_ text: String, actors: [(String, [String])], published: String? = "2015-05-12", dateline: PlaceRow? = nil,
         places: [(PlaceRow, String)] = []) {
        let doc = Document(text: text)
        var a = ActorAnalysis()
        var taken = Set<Int>()
        var found: [ActorMention] = []
        for (idx, (name, forms)) in actors.enumerated() {
            a.actors.append(ActorRow(name: name, kind: .state, countryCode: nil, cameoCode: nil, aliases: forms))
            for form in ([name] + forms).sorted(by: { $0.count > $1.count }) {
                let words = Tokenizer.tokenize(form).tokens.count
                var i = 0
                while i + words <= doc.tokens.count {
                    let r = i..<(i + words)
                    if doc.text(tokens: r.lowerBound, r.upperBound - 1) == form, taken.isDisjoint(with: r),
                       let s = doc.sentenceIndex(ofToken: i) {
                        found.append(ActorMention(actor: idx, tokenRange: r, sentence: s, rule: "test",
                                                  isAnaphor: form == form.lowercased()))
                        taken.formUnion(r)
                        i += words
                    } else {
                        i += 1
                    }
                }
            }
        }
        a.mentions = found.sorted { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        for (p, form) in places {
            let words = Tokenizer.tokenize(form).tokens.count
            for i in 0..<max(0, doc.tokens.count - words + 1) where doc.text(tokens: i, i + words - 1) == form {
                a.places.append(PlaceMention(place: p, tokenRange: i..<(i + words), sentence: doc.sentenceIndex(ofToken: i) ?? 0))
            }
        }
        self.doc = doc
        self.analysis = a
        self.context = ArticleContext(publishedOn: published, datelinePlace: dateline)
    }

    func events(_ coder: EventCoder = EventCoder()) -> [EventRow] {
        var places: [PlaceRow] = []
        return coder.code(doc, actors: analysis, context: context, places: &places)
    }

    func placesAndEvents() -> ([PlaceRow], [EventRow]) {
        var places: [PlaceRow] = []
        let e = EventCoder().code(doc, actors: analysis, context: context, places: &places)
        return (places, e)
    }

    /// "Source code Target" triples, by actor name.
    func triples(_ coder: EventCoder = EventCoder()) -> [String] {
        events(coder).map { "\(name($0.source)) \($0.cameoCode) \(name($0.target))" }
    }

    /// "Source root Target" triples.
    func roots(_ coder: EventCoder = EventCoder()) -> [String] {
        events(coder).map { "\(name($0.source)) \($0.cameoCode.prefix(2)) \(name($0.target))" }
    }

    func name(_ i: Int?) -> String { i.map { analysis.actors[$0].name } ?? "-" }
}

let usa = ("United States", ["U.S.", "Washington", "American"])
let rus = ("Russia", ["Moscow", "Russian"])
let ukr = ("Ukraine", ["Kyiv", "Ukrainian"])
let eu = ("European Union", ["EU"])
let chn = ("China", ["Beijing", "Chinese"])
let fra = ("France", ["Paris", "French"])
let irn = ("Iran", ["Tehran", "Iranian"])

@Suite struct EventCoderGrammarTests {
    @Test func activeSubjectVerbObject() {
        let f = EventFixture("Russia accused the United States of meddling.", actors: [rus, usa])
        #expect(f.triples() == ["Russia 112 United States"])
        #expect(f.events().first?.rule == "subject|object")
        #expect(f.events().first?.triggerText == "accused")
    }

    @Test func prepositionalTarget() {
        let f = EventFixture("Kerry held lengthy talks with Lavrov in the resort.", actors: [("John Kerry", ["Kerry"]), ("Sergei Lavrov", ["Lavrov"])])
        #expect(f.triples() == ["John Kerry 040 Sergei Lavrov"])
        #expect(f.events().first?.triggerText == "held lengthy talks with")
        #expect(f.events().first?.rule == "subject|prep-object")
    }

    @Test func passiveWithByAgent() {
        let f = EventFixture("The Ukrainian port was shelled by Russian artillery overnight.", actors: [ukr, rus])
        #expect(f.roots() == ["Russia 19 Ukraine"])
        #expect(f.events().first?.rule.hasPrefix("passive-agent") == true)
    }

    @Test func pronounAfterSpeechVerbIsTheSpeaker() {
        let f = EventFixture("Norway said on Friday it had halted development aid to Iran.", actors: [("Norway", []), irn])
        #expect(f.triples() == ["Norway 162 Iran"])
    }

    @Test func quantifiersBeforeTheObject() {
        let f = EventFixture("Russian troops arrested more than 100 Ukrainian activists.", actors: [rus, ukr])
        #expect(f.triples() == ["Russia 173 Ukraine"])
    }

    @Test func parenthesisBetweenSubjectAndVerb() {
        let f = EventFixture("Russia on Tuesday (May 12) urged Ukraine and France to talk.", actors: [rus, ukr, fra])
        #expect(Set(f.roots()) == ["Russia 02 Ukraine", "Russia 02 France"])
    }

    @Test func nameClosingAnApposition() {
        let f = EventFixture("One of its generals, Ivan Petrov, defected to Ukraine.", actors: [("Ivan Petrov", []), ukr, rus])
        #expect(f.triples() == ["Ivan Petrov 0874 Ukraine"])
        #expect(f.events().first?.rule == "apposition|prep-object")
    }

    @Test func gerundAfterPrepositionKeepsItsSubject() {
        let f = EventFixture("The EU was skeptical about extending sanctions against Russia.", actors: [eu, rus])
        #expect(f.triples() == ["European Union 163 Russia"])
    }

    @Test func pronounObjectTakesThePreviousTargets() {
        let f = EventFixture("Russia spoke by phone to Ukrainian and French officials and called on them to talk.", actors: [rus, ukr, fra])
        #expect(Set(f.roots()) == ["Russia 04 Ukraine", "Russia 04 France", "Russia 02 Ukraine", "Russia 02 France"])
        #expect(f.events().contains { $0.rule.hasSuffix("pronoun-object") })
    }

    @Test func phoneMentionMakesACall() {
        let f = EventFixture("France and Iran discussed the crisis in a phone call.", actors: [fra, irn])
        #expect(Set(f.triples()) == ["France 041 Iran", "Iran 041 France"])
    }

    @Test func fightingBetweenCodesBothSides() {
        let f = EventFixture("Fighting between Russia and Ukraine resumed.", actors: [rus, ukr])
        #expect(Set(f.roots()) == ["Russia 19 Ukraine", "Ukraine 19 Russia"])
    }

    @Test func placeOfAnAttackNamesItsTarget() {
        let f = EventFixture("A Russian missile strike on a power station in the Ukrainian city of Sumy killed two workers.", actors: [rus, ukr])
        #expect(f.roots() == ["Russia 19 Ukraine"])
    }

    @Test func administrationOfALeaderIsTheState() {
        let f = EventFixture("Iran flatly rejected the Trump administration as a negotiating partner.",
                             actors: [irn, ("Donald Trump", ["Trump"]), ("United States", [])])
        var a = f.analysis
        a.actors[1] = ActorRow(name: "Donald Trump", kind: .person, countryCode: "USA", cameoCode: "USAGOV")
        a.actors[2] = ActorRow(name: "United States", kind: .state, countryCode: "USA", cameoCode: "USA")
        var places: [PlaceRow] = []
        let ev = EventCoder().code(f.doc, actors: a, context: f.context, places: &places)
        #expect(ev.map { a.actors[$0.target!].name } == ["United States"])
    }

    @Test func criticismFacedIsCodedFromItsAuthor() {
        let f = EventFixture("The United States faced Iranian criticism over the decision.", actors: [usa, irn])
        #expect(f.triples() == ["Iran 111 United States"])
        let g = EventFixture("The United States faced harsh European and Iranian criticism after the vote.", actors: [usa, irn])
        #expect(g.triples() == ["Iran 111 United States"])
    }

    @Test func releaseFromCustody() {
        let f = EventFixture("Kyiv welcomed the release of Ivan Petrov from Russian custody.", actors: [ukr, ("Ivan Petrov", []), rus])
        #expect(f.triples().contains("Russia 084 Ivan Petrov"))
    }

    @Test func ownerOfTheObjectOfAReaction() {
        let f = EventFixture("Russia denies Western and Ukrainian accusations that it arms rebels.", actors: [rus, ukr])
        #expect(f.triples() == ["Russia 016 Ukraine"])
        let g = EventFixture("China condemned the move announced on Monday by the United States.", actors: [chn, usa])
        #expect(g.triples() == ["China 111 United States"])
        let h = EventFixture("China condemned the attack in Ukrainian territory.", actors: [chn, ukr])
        #expect(h.triples() == [])
    }

    @Test func purposeClauseNounIsNotAnEvent() {
        let f = EventFixture("Iran pressed Russia in order to guarantee a corridor for Iranian military aid to Syria.", actors: [irn, rus, ("Syria", [])])
        #expect(f.roots() == ["Iran 02 Russia"])
    }

    @Test func ownerOfAnAttackedPlace() {
        let f = EventFixture("Rebels bombarded a government-held district of Syria's northern city at dawn.", actors: [("rebels", ["Rebels"]), ("Syria", [])])
        #expect(f.roots() == ["rebels 19 Syria"])
    }

    @Test func passiveNounEvent() {
        let f = EventFixture("Evidence against Russia was presented by Ukraine.", actors: [rus, ukr])
        #expect(f.roots() == ["Ukraine 11 Russia"])
    }

    @Test func passiveWithoutAgentIsNoEvent() {
        let f = EventFixture("The Ukrainian port was shelled overnight.", actors: [ukr, rus])
        #expect(f.events().isEmpty)
    }

    @Test func coordinatedSubjectsImposeSanctions() {
        let f = EventFixture("The United States and the European Union imposed new sanctions on Russia.", actors: [usa, eu, rus])
        #expect(Set(f.triples()) == ["United States 163 Russia", "European Union 163 Russia"])
    }

    @Test func coordinatedSymmetricMeetingCodesBothDirections() {
        let f = EventFixture("France and China met in Paris on Monday.", actors: [fra, chn])
        #expect(Set(f.roots()) == ["France 04 China", "China 04 France"])
    }

    @Test func coordinatedObjects() {
        let f = EventFixture("Iran condemned France, Russia and China.", actors: [irn, fra, rus, chn])
        #expect(Set(f.triples()) == ["Iran 111 France", "Iran 111 Russia", "Iran 111 China"])
    }

    @Test func appositionIsSkipped() {
        let f = EventFixture("Kerry, the top U.S. diplomat, met Putin on Tuesday.",
                             actors: [("John Kerry", ["Kerry"]), ("Vladimir Putin", ["Putin"]), usa])
        #expect(f.triples() == ["John Kerry 040 Vladimir Putin"])
    }

    @Test func relativeClauseTakesItsAntecedent() {
        let f = EventFixture("Peskov criticized Ukraine, which attacked Russia last week.",
                             actors: [("Dmitry Peskov", ["Peskov"]), ukr, rus])
        #expect(Set(f.roots()) == ["Dmitry Peskov 11 Ukraine", "Ukraine 19 Russia"])
        #expect(f.events().contains { $0.rule.hasPrefix("relative-clause") })
    }

    @Test func reportedSpeechCodesTheReportedAct() {
        let f = EventFixture("Moscow accuses Washington of orchestrating the unrest, the spokesman said.", actors: [rus, usa])
        #expect(f.triples() == ["Russia 112 United States"])
    }

    @Test func saidClauseCodesItsOwnSubject() {
        let f = EventFixture("Peskov said Russia had never attacked Ukraine.", actors: [("Dmitry Peskov", ["Peskov"]), rus, ukr])
        #expect(f.events().isEmpty)
        let all = f.events(EventCoder(modes: Set(EventMode.allCases)))
        #expect(all.map { $0.mode } == [.negated])
        #expect(f.triples(EventCoder(modes: Set(EventMode.allCases))) == ["Russia 190 Ukraine"])
    }

    @Test func nounEventWithModifierSource() {
        let f = EventFixture("It was the highest-level U.S. visit to Russia in two years.", actors: [usa, rus])
        #expect(f.triples() == ["United States 042 Russia"])
        #expect(f.events().first?.rule == "modifier|prep-object")
    }

    @Test func nounEventWithLightVerbSubject() {
        let f = EventFixture("Putin had a phone call with Pashinyan on Tuesday.",
                             actors: [("Vladimir Putin", ["Putin"]), ("Nikol Pashinyan", ["Pashinyan"])])
        #expect(f.triples() == ["Vladimir Putin 041 Nikol Pashinyan"])
    }

    @Test func participleAsAdjectiveIsNoTrigger() {
        let f = EventFixture("Russia criticized plans for the occupied Ukrainian regions.", actors: [rus, ukr])
        #expect(f.roots() == [])
    }

    @Test func threatTargetIsTheTargetOfTheThreatenedAct() {
        let f = EventFixture("France threatened today to cut diplomatic ties with Iran.", actors: [fra, irn])
        #expect(f.triples() == ["France 1313 Iran"])
        let g = EventFixture("China threatened to impose import duties on goods from France.", actors: [chn, fra])
        #expect(g.roots() == ["China 13 France"])
    }

    @Test func nounAfterPrepositionIsNominal() {
        // "travel" is a noun here: no visit; the advice itself reduces relations (a travel advisory).
        let f = EventFixture("The United States advised against travel to Iran.", actors: [usa, irn])
        #expect(!f.roots().contains { $0.contains(" 04 ") })
        #expect(f.roots() == ["United States 16 Iran"])
    }

    @Test func nounAfterAnotherVerbDoesNotTakeItsSubject() {
        let f = EventFixture("France condemned the shelling of Ukraine.", actors: [fra, ukr])
        #expect(f.triples() == [])
    }

    @Test func betweenCodesTheFirstToTheSecond() {
        let f = EventFixture("Talks between Iran and France resumed.", actors: [irn, fra])
        #expect(f.roots() == ["Iran 04 France"])
    }

    @Test func reverseFrom() {
        let f = EventFixture("Ukraine received weapons from the United States.", actors: [ukr, usa])
        #expect(f.triples() == ["United States 072 Ukraine"])
    }

    @Test func slotTarget() {
        let f = EventFixture("Washington hit Moscow with fresh sanctions.", actors: [usa, rus])
        #expect(f.triples() == ["United States 163 Russia"])
    }

    @Test func anaphorStandsForItsActor() {
        let f = EventFixture("Russia denied the charge. The ministry accused Kyiv of lying.",
                             actors: [("Russian Foreign Ministry", ["The ministry"]), ukr])
        #expect(f.roots() == ["Russian Foreign Ministry 11 Ukraine"])
    }

    @Test func headOfNounPhraseIsThePerson() {
        let f = EventFixture("Kerry met Russian Foreign Minister Sergei Lavrov.",
                             actors: [("John Kerry", ["Kerry"]), rus, ("Sergei Lavrov", [])])
        #expect(f.triples() == ["John Kerry 040 Sergei Lavrov"])
    }

    @Test func placeAfterLocativeIsNotATarget() {
        let f = EventFixture("Kerry arrived in Moscow and met Putin.",
                             actors: [("John Kerry", ["Kerry"]), rus, ("Vladimir Putin", ["Putin"])])
        #expect(Set(f.roots()) == ["John Kerry 04 Russia", "John Kerry 04 Vladimir Putin"])
    }

    @Test func vpCoordinationReusesTheSubject() {
        let f = EventFixture("Russia annexed Crimea from Ukraine and backed separatists.",
                             actors: [rus, ukr, ("separatists", [])])
        #expect(Set(f.roots()) == ["Russia 19 Ukraine", "Russia 07 separatists"])
    }

    @Test func severalEventsPerSentence() {
        let f = EventFixture("China praised Iran, criticized France and threatened the United States.", actors: [chn, irn, fra, usa])
        #expect(Set(f.roots()) == ["China 05 Iran", "China 11 France", "China 13 United States"])
    }

    @Test func namesAreNotTriggers() {
        let f = EventFixture("Ukraine met the Free Press editors and Russia.", actors: [ukr, rus])
        #expect(f.triples().allSatisfy { !$0.contains("084") })
    }

    @Test func oneEventPerDyadRootAndDateInAnArticle() {
        let f = EventFixture("Kerry met Putin on Tuesday. Kerry held talks with Putin for four hours. Kerry met Putin in 2014.",
                             actors: [("John Kerry", ["Kerry"]), ("Vladimir Putin", ["Putin"])])
        #expect(f.events().map(\.occurredOn) == ["2015-05-12", "2014"])
    }

    @Test func noEventWithoutBothActors() {
        #expect(EventFixture("Russia condemned the decision.", actors: [rus]).events().isEmpty)
        #expect(EventFixture("The talks resumed in Geneva.", actors: [rus]).events().isEmpty)
    }

    @Test func captionsAndDatelineAreSkipped() {
        let text = "MOSCOW (Reuters) - Russia condemned France on Monday.\nRussia praised France."
        let doc = Document(text: text)
        _ = doc
        let f = EventFixture(text, actors: [rus, fra])
        var ctx = f.context
        ctx.datelineRange = 0..<18
        var places: [PlaceRow] = []
        let ev = EventCoder().code(f.doc, actors: f.analysis, context: ctx, places: &places)
        #expect(ev.count == 2)
        let captioned = Document(text: "Russia praised France. Photo by someone", captionParagraphs: [0])
        #expect(EventCoder().code(captioned, actors: f.analysis, context: ctx, places: &places).isEmpty)
    }
}

@Suite struct EventCoderModeTests {
    func modes(_ text: String) -> [EventMode] {
        EventFixture(text, actors: [rus, ukr]).events(EventCoder(modes: Set(EventMode.allCases))).map(\.mode)
    }

    @Test func asserted() { #expect(modes("Russia attacked Ukraine.") == [.asserted]) }
    @Test func negated() { #expect(modes("Russia did not attack Ukraine.") == [.negated]) }
    @Test func future() { #expect(modes("Russia will meet Ukraine on Friday.") == [.future]) }
    @Test func plannedIsFuture() { #expect(modes("Russia plans to visit Ukraine.") == [.future]) }
    @Test func hypothetical() { #expect(modes("Russia could attack Ukraine.") == [.hypothetical]) }
    @Test func conditional() { #expect(modes("Russia would lift sanctions on Ukraine if it withdrew.") == [.conditional]) }
    @Test func denied() { #expect(modes("Russia denied that Russian troops attacked Ukraine.") == [.denied]) }
    @Test func deniedAct() { #expect(modes("Moscow denies reports that Russia shelled Ukraine.") == [.denied]) }

    @Test func defaultKeepsAssertedAndFuture() {
        let f = EventFixture("Russia did not attack Ukraine. Russia will visit Ukraine. Russia could attack Ukraine.", actors: [rus, ukr])
        #expect(f.events().map(\.mode) == [.future])
    }

    @Test func purposeInfinitiveIsNotReported() {
        #expect(modes("Russia met Ukraine on Tuesday to discuss and to condemn Ukraine.").first == .asserted)
        #expect(modes("Russia met Ukraine on Tuesday to discuss and to condemn Ukraine.").dropFirst().allSatisfy { $0 == .hypothetical })
        #expect(modes("Russia began to withdraw troops from Ukraine.") == [.asserted])
        #expect(EventFixture("Russia vowed on Tuesday to attack Ukraine.", actors: [rus, ukr]).triples() == ["Russia 138 Ukraine"])
    }

    @Test func futureCooperationIsAnIntent() {
        let f = EventFixture("Russia will send humanitarian aid to Ukraine.", actors: [rus, ukr])
        #expect(f.triples() == ["Russia 0333 Ukraine"])
        #expect(f.events().first?.mode == .asserted)
    }

    @Test func futureViolenceIsAThreat() {
        let f = EventFixture("Russia said it would attack Ukraine.", actors: [rus, ukr])
        #expect(f.triples() == ["Russia 138 Ukraine"])
        #expect(f.events().first?.rule == "pronoun-speaker|object")
    }

    @Test func futureMeetingStaysAMeeting() {
        let f = EventFixture("Russia will meet Ukraine in June.", actors: [rus, ukr])
        #expect(f.roots() == ["Russia 04 Ukraine"])
        #expect(f.events().first?.mode == .future)
    }

    @Test func recodedCodesExist() {
        let migration = EmbeddedMigrations.files.first { $0.name.hasPrefix("0002") }?.contents ?? ""
        for code in ["061", "062", "060", "071", "072", "073", "074", "070", "084", "085", "081", "086", "087", "080", "171", "190", "183", "200"] {
            let (c, _) = Grammar.recode(code, .future)
            #expect(migration.contains("('\(c)',"), "unknown recoded CAMEO code \(c)")
        }
    }

    @Test func refusedCooperationIsARejection() {
        #expect(EventFixture("Russia refused to release Ukrainian sailors.", actors: [rus, ukr]).triples() == ["Russia 1243 Ukraine"])
        #expect(EventFixture("Russia said it would not meet Ukraine.", actors: [rus, ukr]).triples() == ["Russia 125 Ukraine"])
        #expect(EventFixture("Russia did not meet Ukraine.", actors: [rus, ukr]).triples() == [])
    }

    @Test func willingnessIsAnIntent() {
        let f = EventFixture("Russia says it is willing to withdraw some of its troops from Ukraine.", actors: [rus, ukr])
        #expect(f.triples() == ["Russia 0356 Ukraine"])
    }

    @Test func allegedActInsideAnAccusationIsNotCoded() {
        let f = EventFixture("Ukraine accused Russia of shelling Ukrainian towns.", actors: [ukr, rus])
        #expect(f.roots() == ["Ukraine 11 Russia"])
    }

    @Test func appealContentIsNotCoded() {
        let f = EventFixture("Ukraine urged Russia to release Ukrainian sailors.", actors: [ukr, rus])
        #expect(f.roots() == ["Ukraine 02 Russia"])
    }
}

@Suite struct EventCoderDateAndPlaceTests {
    @Test func eventDateFromTheSentence() {
        let f = EventFixture("Russia annexed Crimea from Ukraine in March 2014.", actors: [rus, ukr])
        let e = f.events().first
        #expect(e?.occurredOn == "2014-03")
        #expect(e?.dateSource == .text)
    }

    @Test func dateOfAnotherClauseIsNotTheEventDate() {
        let f = EventFixture("Russia accuses Ukraine of last year's attack.", actors: [rus, ukr])
        #expect(f.events().first?.occurredOn == "2015-05-12")
        let g = EventFixture("Russia praised France, which had signed a deal with Ukraine in 2009.", actors: [rus, fra, ukr])
        #expect(g.events().first { $0.cameoCode == "051" }?.occurredOn == "2015-05-12")
        #expect(g.events().first { $0.cameoCode == "057" }?.occurredOn == "2009")
    }

    @Test func sentenceOpeningDateDatesTheMainClause() {
        let f = EventFixture("On Sunday, Russia condemned Ukraine.", actors: [rus, ukr])
        #expect(f.events().first?.occurredOn == "2015-05-10")
    }

    @Test func weekdayResolvedAgainstPublication() {
        let f = EventFixture("Kerry met Putin on Sunday.", actors: [("John Kerry", ["Kerry"]), ("Vladimir Putin", ["Putin"])])
        #expect(f.events().first?.occurredOn == "2015-05-10")
        #expect(f.events().first?.dateSource == .relative)
    }

    @Test func futureWeekdayLooksAhead() {
        let f = EventFixture("Kerry will meet Putin on Friday.", actors: [("John Kerry", ["Kerry"]), ("Vladimir Putin", ["Putin"])])
        #expect(f.events().first?.occurredOn == "2015-05-15")
    }

    @Test func undatedSentenceTakesThePublicationDate() {
        let f = EventFixture("Russia praised France.", actors: [rus, fra])
        #expect(f.events().first?.occurredOn == "2015-05-12")
        #expect(f.events().first?.dateSource == .published)
    }

    @Test func placeFromTheSentence() {
        let sochi = PlaceRow(name: "Sochi", countryCode: "RUS", kind: "city")
        let f = EventFixture("Kerry met Putin in Sochi.", actors: [("John Kerry", ["Kerry"]), ("Vladimir Putin", ["Putin"])],
                             places: [(sochi, "Sochi")])
        let (places, ev) = f.placesAndEvents()
        #expect(ev.first?.place.map { places[$0] } == sochi)
    }

    @Test func placeFromTheDateline() {
        let geneva = PlaceRow(name: "Geneva", countryCode: "CHE", kind: "city")
        let f = EventFixture("Iran and France signed an agreement.", actors: [irn, fra], dateline: geneva)
        let (places, ev) = f.placesAndEvents()
        #expect(ev.count == 2)
        #expect(ev.allSatisfy { $0.place.map { places[$0] } == geneva })
        #expect(places.count == 1)
    }

    @Test func triggerOffsetsAreCharacterOffsets() {
        let f = EventFixture("Kyiv’s “ally” France praised Ukraine.", actors: [fra, ukr])
        let e = f.events().first
        let text = Array(f.doc.text.unicodeScalars)
        #expect(e.map { String(String.UnicodeScalarView(text[$0.startChar..<$0.endChar])) } == "praised")
    }
}

/// One sentence per CAMEO root category, written for these tests.
@Suite struct EventCoderRootTests {
    @Test(arguments: [
        ("Russia denied accusations by Ukraine.", "Russia 01 Ukraine"),
        ("Ukraine appealed to Russia for restraint.", "Ukraine 02 Russia"),
        ("Russia offered aid to Ukraine.", "Russia 03 Ukraine"),
        ("Russia met with Ukraine.", "Russia 04 Ukraine"),
        ("Russia praised Ukraine.", "Russia 05 Ukraine"),
        ("Russia shared intelligence with Ukraine.", "Russia 06 Ukraine"),
        ("Russia sent humanitarian aid to Ukraine.", "Russia 07 Ukraine"),
        ("Russia released Ukrainian prisoners.", "Russia 08 Ukraine"),
        ("Russia launched an investigation into Ukraine.", "Russia 09 Ukraine"),
        ("Russia demanded that Ukraine withdraw.", "Russia 10 Ukraine"),
        ("Russia condemned Ukraine.", "Russia 11 Ukraine"),
        ("Russia rejected Ukraine's proposal.", "Russia 12 Ukraine"),
        ("Russia threatened Ukraine.", "Russia 13 Ukraine"),
        ("Russia protested against Ukraine.", "Russia 14 Ukraine"),
        ("Russia massed troops near the border with Ukraine.", "Russia 15 Ukraine"),
        ("Russia expelled Ukrainian diplomats.", "Russia 16 Ukraine"),
        ("Russia arrested Ukrainian sailors.", "Russia 17 Ukraine"),
        ("Russia abducted Ukrainian officials.", "Russia 18 Ukraine"),
        ("Russia shelled Ukrainian positions.", "Russia 19 Ukraine"),
        ("Russia used chemical weapons against Ukraine.", "Russia 20 Ukraine"),
    ])
    func root(_ sentence: String, _ expected: String) {
        #expect(EventFixture(sentence, actors: [rus, ukr]).roots() == [expected])
    }

    @Test func lexiconCodesExistInTheCodeTable() {
        let migration = EmbeddedMigrations.files.first { $0.name.hasPrefix("0002") }?.contents ?? ""
        #expect(!migration.isEmpty)
        for e in VerbLexicon.shared.all {
            #expect(migration.contains("('\(e.code)',"), "unknown CAMEO code \(e.code) for \(e.pattern)")
        }
    }

    @Test func lexiconCoversAllTwentyRoots() {
        let roots = Set(VerbLexicon.shared.all.map { String($0.code.prefix(2)) })
        #expect(roots == Set((1...20).map { $0 < 10 ? "0\($0)" : "\($0)" }))
    }

    @Test func inflectedAndIrregularForms() {
        let lex = VerbLexicon.shared
        #expect(lex.lemmas["shelled"]?.contains("shell") == true)
        #expect(lex.lemmas["met"]?.contains("meet") == true)
        #expect(lex.lemmas["accuses"]?.contains("accuse") == true)
        #expect(lex.lemmas["freed"]?.contains("free") == true)
        #expect(lex.lemmas["banned"]?.contains("ban") == true)
        #expect(lex.lemmas["carried"]?.contains("carry") == true)
        #expect(lex.lemmas["sanctions"]?.contains("sanction") == true)
    }
}
