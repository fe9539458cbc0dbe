import Testing
import IRStore
@testable import IRIngest

/// Runs the whole pipeline front (parser, actor recognizer, event coder) over a sentence written
/// for the test; events as "SOURCE-COUNTRY code TARGET-COUNTRY".
private func coded(_ text: String, published: String? = "2016-04-12") -> (events: [String], actors: ActorAnalysis) {
    let parsed = ArticleParser.parse(RawArticle(title: "t", text: text, published: published, location: "test"),
                                     places: { Gazetteer.shared.place(named: $0) })
    var a = ActorRecognizer().analyze(parsed.document, context: parsed.context)
    var places: [PlaceRow] = []
    let ev = EventCoder().code(parsed.document, actors: &a, context: parsed.context, places: &places)
    let rows = ev.map { e -> String in
        let s = e.source.map { a.actors[$0].countryCode ?? a.actors[$0].cameoCode ?? "-" } ?? "-"
        let t = e.target.map { a.actors[$0].countryCode ?? a.actors[$0].cameoCode ?? "-" } ?? "-"
        return "\(s) \(e.cameoCode) \(t)"
    }
    return (rows, a)
}

private func roots(_ text: String) -> [String] {
    coded(text).events.map { r in
        let p = r.split(separator: " ")
        return "\(p[0]) \(p[1].prefix(2)) \(p[2])"
    }
}

@Suite("Known persons")
struct KnownPersonTests {
    @Test func surnameAloneNamesTheLeaderAndHisState() {
        let (_, a) = coded("Erdogan telephoned Putin on Monday.")
        let e = a.actors.first { $0.name == "Recep Tayyip Erdogan" }
        #expect(e?.kind == .person)
        #expect(e?.countryCode == "TUR")
        #expect(e?.cameoCode == "TURGOV")
        #expect(a.actors.first { $0.name == "Vladimir Putin" }?.countryCode == "RUS")
    }

    @Test func fullNameWithoutTitleGetsItsCountry() {
        let (_, a) = coded("Angela Merkel spoke to reporters after a long night of talks.")
        #expect(a.actors.first { $0.name == "Angela Merkel" }?.countryCode == "DEU")
    }

    @Test func fullNameAndSurnameAreOnePerson() {
        let (_, a) = coded("Narendra Modi arrived on Sunday. Modi later met business leaders.")
        #expect(a.actors.filter { $0.kind == .person }.count == 1)
    }

    @Test func contextDoesNotOverrideAKnownCountry() {
        // The sentence names South Africa, but the French president is French.
        let (_, a) = coded("President Jacques Chirac welcomed a South African delegation on Friday.")
        #expect(a.actors.first { $0.name == "Jacques Chirac" }?.countryCode == "FRA")
    }

    @Test func aLoneTitledPersonTakesThePlacesCountry() {
        let (_, a) = coded("President Jane Roeland ordered a curfew in Algiers.")
        #expect(a.actors.first { $0.name == "Jane Roeland" }?.countryCode == "DZA")
    }

    @Test func internationalOfficialsTakeTheirOrganizationsCode() {
        let (_, a) = coded("Guterres urged both sides to return to the table.")
        let g = a.actors.first { $0.name == "Antonio Guterres" }
        #expect(g?.countryCode == nil)
        #expect(g?.cameoCode == "IGOUNO")
    }

    @Test func knownLeadersCodeEventsByCountry() {
        #expect(roots("Netanyahu criticized Abbas on Sunday.") == ["ISR 11 PSE"])
    }
}

@Suite("Event recall rules")
struct EventRecallTests {
    // MARK: place targets

    @Test func violenceAimedAtACityTargetsItsState() {
        let (ev, a) = coded("Syrian troops shelled Idlib overnight.")
        #expect(ev.map { String($0.dropFirst(4).prefix(2)) } == ["19"])
        #expect(ev.first?.hasSuffix(" SYR") == true)
        // The state joins the actors without a mention.
        let syr = a.actors.firstIndex { $0.kind == .state && $0.countryCode == "SYR" }
        #expect(syr != nil)
    }

    @Test func fireAtAStateNamedOnceToLocate() {
        #expect(roots("Kenya fired long-range missiles at Somalia on Friday.") == ["KEN 19 SOM"])
    }

    @Test func visitToACityTargetsItsState() {
        #expect(roots("The Peruvian president arrived in Santiago on Monday.") == ["PER 04 CHL"])
    }

    @Test func placeTargetsNeedAViolentOrVisitingAct() {
        // Praise is not aimed at where it was said.
        #expect(roots("Brazil praised the agreement in Geneva.").isEmpty)
    }

    @Test func theOldEntryPointLeavesPlaceStatesOut() {
        let f = EventFixture("Syrian troops shelled Idlib overnight.", actors: [("Syria", ["Syrian troops"])],
                             places: [(PlaceRow(name: "Idlib", countryCode: "SYR", kind: "city"), "Idlib")])
        #expect(f.events().isEmpty)
    }

    // MARK: threats

    @Test func conditionalThreatIsStillAThreat() {
        #expect(coded("Moscow threatened to cut ties with Tbilisi unless the troops left.").events.contains("RUS 1313 GEO"))
    }

    @Test func threatenedViolenceIsAThreatOfForce() {
        #expect(coded("Iran threatened to bomb Iraq again.").events.contains("IRN 138 IRQ"))
    }

    @Test func wantingToAttackIsAThreatOfForce() {
        #expect(coded("Venezuela wants to attack Guyana.").events == ["VEN 138 GUY"])
    }

    @Test func futureBoycottIsAThreatToBoycott() {
        #expect(coded("Belarus said it would boycott Lithuania.").events == ["BLR 1312 LTU"])
    }

    @Test func wantingToVisitIsNoEvent() {
        #expect(coded("Chile wants to visit Peru.").events.isEmpty)
    }

    // MARK: mutual acts, intentions, refusals

    @Test func coordinatedSubjectsOfAnAgreementActMutually() {
        let ev = roots("Ghana and Togo agreed to hold joint patrols.")
        #expect(Set(ev) == ["GHA 03 TGO", "TGO 03 GHA"])
    }

    @Test func readinessToActIsAnIntent() {
        #expect(roots("Norway is ready to send medical teams to Ukraine.") == ["NOR 03 UKR"])
    }

    @Test func refusalOfAnUncodedActIsARejection() {
        #expect(roots("Pakistan refused to join the coalition against Yemen.") == ["PAK 12 YEM"])
    }

    // MARK: noun phrases

    @Test func locationHintTargetsTheAdjectivesState() {
        #expect(roots("Chad shelled Sudanese villages overnight.") == ["TCD 19 SDN"])
    }

    @Test func expulsionOfAnOrganizationsPeople() {
        let ev = coded("Mali expelled officials of the African Union on Monday.")
        #expect(ev.events.count == 1)
        #expect(ev.events.first?.hasPrefix("MLI 166 ") == true)
        let au = ev.actors.actors.first { $0.name == "African Union" }
        #expect(au != nil && ev.events.first?.hasSuffix(" " + (au?.cameoCode ?? "?")) == true)
    }

    @Test func coordinationAcrossATitlePhrase() {
        let ev = roots("Emmanuel Macron and Armenian Foreign Minister Ararat Mirzoyan discussed energy prices by phone.")
        #expect(Set(ev) == ["FRA 04 ARM", "ARM 04 FRA"])
    }

    @Test func theCountryStandsForTheStateNamedBefore() {
        #expect(roots("Troops are still in Iraq, years after Washington invaded the country.") == ["USA 19 IRQ"])
    }

    @Test func theCountryNeedsAStateBeforeIt() {
        #expect(roots("Washington invaded the country.").isEmpty)
    }

    @Test func attendingAGatheringVisitsItsState() {
        #expect(roots("The Chilean president will attend a summit in Lima.") == ["CHL 04 PER"])
        // A body's meeting is no visit to the body.
        #expect(roots("Ireland attended the NATO summit.").isEmpty)
    }

    @Test func approximateQuantitiesBeforeTheObject() {
        #expect(roots("Kenya released over 40 Somali fishermen on Friday.") == ["KEN 08 SOM"])
    }

    @Test func aPatternsPrepositionIntroducesAPlaceTarget() {
        #expect(roots("Ethiopia lifted the curfew in Eritrea on Sunday.") == ["ETH 08 ERI"])
        #expect(roots("Egypt withdrew its troops from Libya.") == ["EGY 08 LBY"])
        // A place further on only locates the act.
        #expect(roots("Brazil held talks with officials in Geneva.").isEmpty)
    }

    @Test func coordinatedSubjectsOfACooperativeNoun() {
        #expect(Set(roots("Peru and Chile resumed negotiations on Monday.")) == ["PER 04 CHL", "CHL 04 PER"])
        #expect(Set(roots("Ghana and Togo restored diplomatic ties.")) == ["GHA 05 TGO", "TGO 05 GHA"])
    }

    @Test func threatOfUnspecifiedAction() {
        #expect(roots("Japan threatened further action against China.") == ["JPN 13 CHN"])
    }

    @Test func aTitlesStateAsTheObject() {
        #expect(roots("Putin offered on Friday to negotiate with the president of Moldova.") == ["RUS 03 MDA"])
    }

    @Test func receivingVisitorsAndAssurances() {
        // The visitors' side visits; the side that gives assurances expresses intent.
        #expect(roots("Bolivia received a delegation from Paraguay.") == ["PRY 04 BOL"])
        #expect(roots("Bolivia received assurances from Paraguay.") == ["PRY 03 BOL"])
    }

    @Test func exercisesNearAPlaceAreAShowOfForce() {
        #expect(roots("China conducted military exercises near Taiwan.") == ["CHN 15 TWN"])
    }

    @Test func travelAdvisoryReducesRelations() {
        #expect(roots("Britain advised against travel to Mali.") == ["GBR 16 MLI"])
    }

    @Test func aParticipleAfterItsNounIsNoActOnThePlace() {
        // The soldiers did not act on Sudan; killed there by no named author, they are the victims of
        // violence in Sudan (coded from the place's state, as an agentless passive is).
        #expect(roots("Two Chadian soldiers killed in Sudan were buried on Friday.") == ["SDN 19 TCD"])
    }

    @Test func agreementOfCoordinatedParties() {
        #expect(Set(roots("Chile and Peru agreed upon a new fisheries pact.")) == ["CHL 03 PER", "PER 03 CHL"])
        #expect(Set(roots("Chile and Peru reached a consensus on fishing rights.")) == ["CHL 03 PER", "PER 03 CHL"])
    }

    @Test func aTimePhraseIsNoPatternPreposition() {
        // "agreed on Thursday to ...": "on" dates the act; the pattern is "agree to".
        let ev = coded("Chile agreed on Thursday to send aid to Peru.").events
        #expect(ev.contains { $0.hasPrefix("CHL 03") && $0.hasSuffix(" PER") })
    }

    @Test func refusedOrThreatenedActInAPlace() {
        #expect(roots("Nepal refused to deploy soldiers in Yemen.") == ["NPL 12 YEM"])
        #expect(roots("The rebels threatened to resume attacks in Niger.").map { String($0.dropFirst($0.firstIndex(of: " ")!.utf16Offset(in: $0))) } == [" 13 NER"])
    }

    @Test func seekingCloserTiesIsMutual() {
        #expect(Set(roots("Ghana and Togo are seeking to deepen their partnership in energy.")) == ["GHA 03 TGO", "TGO 03 GHA"])
    }

    @Test func ceasefiresCancellationsAndEasedMeasures() {
        #expect(roots("The rebels declared a unilateral ceasefire on Friday in southern Chad.").map { String($0.suffix(6)) } == ["08 TCD"])
        #expect(roots("A French minister cancelled a planned visit to Haiti.") == ["FRA 16 HTI"])
        #expect(roots("Peru relaxed its emergency rule last week in Bolivia.") == ["PER 08 BOL"])
    }

    @Test func lightVerbsOfCompletion() {
        #expect(roots("Chile speeded up the withdrawal of its forces from Peru.") == ["CHL 08 PER"])
    }

    @Test func asOpensAClauseOfItsOwn() {
        // The opposition threatened, not the president who resigned.
        #expect(!roots("President Mikheil Saakashvili quit as the opposition threatened to occupy his office in Tbilisi.")
            .contains { $0.hasPrefix("GEO 13") })
    }

    @Test func boycottOfContactWithAState() {
        #expect(roots("Chile boycotted all official contact with Peru.") == ["CHL 16 PER"])
        // Announced for the future, a boycott is a threat to break relations.
        #expect(coded("Chile said it would boycott talks with Peru.").events == ["CHL 134 PER"])
    }

    @Test func curfewsAndEmergencies() {
        #expect(coded("Kenya imposed a curfew in Somalia.").events == ["KEN 1723 SOM"])
        // Announced for the future, it is a threat of the same measure.
        #expect(coded("Kenya said it would declare a state of emergency in Somalia.").events == ["KEN 1324 SOM"])
    }

    @Test func hyphenatedModifiersDoNotCountInAPatternGap() {
        #expect(roots("Chile fired anti-ship missiles at Peru.") == ["CHL 19 PER"])
    }

    @Test func protestsWithoutATargetAimAtTheirPlaceOrTheirOwnState() {
        // A civic group named by its demonym is an actor of that country.
        let (_, a) = coded("Kenyan students gathered early.")
        #expect(a.actors.contains { $0.kind == .group && $0.countryCode == "KEN" && $0.cameoCode == "KENCVL" })
        #expect(roots("Hundreds of Kenyan students demonstrated peacefully on Friday.") == ["KEN 14 KEN"])
        #expect(roots("Some Chilean farmers rioted near a border post in Peru.") == ["CHL 14 PER"])
        #expect(coded("Bolivian miners went on strike over pay cuts.").events == ["BOL 143 BOL"])
        #expect(coded("Several Peruvian teachers began an open-ended hunger strike.").events == ["PER 142 PER"])
        #expect(coded("Angry Chilean workers blocked two highways for hours.").events == ["CHL 144 CHL"])
        #expect(coded("Argentine teachers held a noisy rally outside the ministry.").events == ["ARG 141 ARG"])
    }

    @Test func protestVerbsThatAreNoProtests() {
        #expect(roots("Thai riot police cleared the square.").isEmpty)
        #expect(roots("Canada demonstrated its resolve to Mexico.").allSatisfy { !$0.contains(" 14 ") })
    }

    @Test func aThreatenedStrikeIsAThreatOfDissent() {
        #expect(roots("Argentine teachers threatened to stage a general strike next month.") == ["ARG 13 ARG"])
    }

    @Test func repressionOfAnUnnamedCrowd() {
        #expect(coded("Peruvian police dispersed the marchers with batons.").events == ["PER 175 PER"])
        #expect(coded("Chilean police fired tear gas at stone-throwing youths in Bolivia.").events == ["CHL 175 BOL"])
    }

    @Test func measuresAtHomeTargetTheCountryItself() {
        #expect(coded("Kenyan authorities imposed a curfew in Mombasa.").events == ["KEN 1723 KEN"])
        #expect(coded("Peru declared a state of siege in Peru after the floods.").events == ["PER 1724 PER"])
        // Other acts still need a second actor.
        #expect(roots("Kenyan authorities arrested a man in Mombasa.").isEmpty)
    }

    @Test func aViolentNounOfANamedAuthorInAPlace() {
        #expect(roots("Chilean artillery shelling in northern Bolivia killed three farmers overnight.") == ["CHL 19 BOL"])
        #expect(roots("Kenyan airstrikes in Somalia continued on Sunday.") == ["KEN 19 SOM"])
    }

    @Test func aidToPeopleInAStateReachesThatState() {
        #expect(roots("Japan sent humanitarian aid to displaced families in Chad.") == ["JPN 07 TCD"])
    }

    @Test func aBodyFollowedByItsState() {
        let (_, a) = coded("Rebels in Chad ambushed a convoy on Sunday.")
        #expect(a.actors.contains { $0.kind == .group && $0.countryCode == "TCD" && $0.cameoCode == "TCDREB" })
        #expect(roots("The United States met exiled dissidents from Chad.") == ["USA 04 TCD"])
        // Officials in a capital are left to the state itself.
        let (_, b) = coded("Officials in Nairobi met the envoy.")
        #expect(!b.actors.contains { $0.name == "Kenyan officials" })
    }
}

@Suite("Event recall rules, round 3")
struct EventRecallRound3Tests {
    @Test func aPeopleMarchingAtHomeProtestsToItsOwnState() {
        #expect(coded("Thousands of Egyptians marched through central Cairo on Friday.").events == ["EGY 141 EGY"])
        // Troops marching somewhere are no protesters, and a state's own protest is no domestic one.
        #expect(coded("Russian troops marched into the town before dawn.").events == [])
        #expect(coded("Hungary protested loudly on Monday.").events == [])
    }

    @Test func stonesThrownAtTroopsAreAViolentProtest() {
        #expect(coded("Palestinian youths threw stones at Israeli troops in Hebron.").events.contains("PSE 145 ISR"))
    }

    @Test func wantingAnotherActorToActIsAnAppeal() {
        #expect(coded("Canada wants Japan to lift its ban on beef imports.").events == ["CAN 020 JPN"])
    }

    @Test func refusedPermissionIsARejection() {
        #expect(coded("Germany would not give permission to Poland to send the tanks.").events == ["DEU 124 POL"])
    }

    @Test func aClaimOfResponsibilityIsAimedAtTheTargetOfTheClaimedAct() {
        #expect(coded("Al-Shabaab claimed responsibility for a deadly attack on Kenyan troops near the border.").events == ["SOM 015 KEN"])
    }

    @Test func theMayorOfAPlaceStandsForItsState() {
        #expect(coded("Israeli troops released the mayor of the city of Jenin.").events == ["ISR 084 PSE"])
        #expect(coded("Iraqi police detained the governor of Raqqa province.").events == ["IRQ 173 SYR"])
    }

    @Test func aThreatIsAimedAtTheActorOfItsCondition() {
        #expect(coded("Iran threatened to close the Strait of Hormuz unless Washington lifted its sanctions.").events == ["IRN 130 USA"])
    }

    @Test func anActAnnouncedUnlessAnotherActsIsAnUltimatum() {
        #expect(coded("Kenya will withdraw its troops from Somalia unless the African Union pays them.").events == ["KEN 139 SOM"])
    }

    @Test func aWarningAnnouncesTheActItNames() {
        #expect(coded("Turkey warned it would cut trade with Austria if Vienna did not apologize.").events == ["TUR 1313 AUT"])
    }

    @Test func violenceWithoutANamedAuthorComesFromThePlacesState() {
        #expect(coded("Five French soldiers were killed in Mali on Tuesday.").events == ["MLI 190 FRA"])
        #expect(coded("Two Canadian journalists were arrested in Iran last week.").events == ["IRN 173 CAN"])
        // At home, who acted is too open.
        #expect(coded("Three Kenyan activists were arrested in Nairobi on Monday.").events == [])
        // An accident is no one's act.
        #expect(coded("Two Turkish pilots were killed in a helicopter crash in Syria.").events == [])
    }

    @Test func withdrawingFromAPlaceOrPullingOutInspectors() {
        #expect(coded("Chinese troops withdrew from Bhutan on Friday.").events == ["CHN 087 BTN"])
        // Announced for the future, a withdrawal of international staff is a threat to halt involvement.
        #expect(coded("Sweden will withdraw its inspectors from Iran.").events == ["SWE 136 IRN"])
    }

    @Test func protestsAndCurfewsInAStateNamedAfterALocative() {
        #expect(coded("Afghan refugees rioted at a camp in eastern Iran.").events == ["AFG 145 IRN"])
        #expect(coded("Turkish authorities imposed a curfew in a village in southeastern Turkey.").events.first?.hasPrefix("TUR 172") == true)
        // "ethnic Hungarians" need not be Hungary's: they protest as residents of Romania.
        #expect(coded("About 400 ethnic Hungarians demonstrated in Romania on Sunday.").events == ["ROU 141 ROU"])
    }

    @Test func meetingPeopleFromAState() {
        #expect(coded("Biden met with exiled activists from Belarus.").events == ["USA 040 BLR"])
    }

    @Test func aPrepositionsObjectIsNoClauseSubject() {
        let ev = coded("After flying to Tokyo on Monday, President Biden will meet with exiled activists from Belarus.").events
        #expect(ev == ["USA 040 BLR"])
    }

    @Test func unitsOfAQuantityDoNotCountInAPatternGap() {
        #expect(coded("The World Food Programme will provide some 8,000 tonnes of emergency food aid to refugees in Chad.").events.first?.hasSuffix(" 033 TCD") == true)
        #expect(coded("Spain is ready to contribute up to 500 troops to a peacekeeping force in Mali.").events == ["ESP 0334 MLI"])
    }

    @Test func aProtestAimsAtTheProtestersStateNamedNowhereElse() {
        #expect(coded("Seven opposition parties in Kenya have organized a general strike.").events == ["KEN 143 KEN"])
        #expect(coded("Demonstrators in Tehran blocked a road near the parliament.").events == ["IRN 144 IRN"])
    }

    @Test func coordinatedPartiesAgreeWithEachOther() {
        #expect(Set(coded("Spanish and Portuguese officials agreed on Tuesday that their countries should cooperate.").events) == ["ESP 030 PRT", "PRT 030 ESP"])
    }

    @Test func refugeesFromAState() {
        #expect(coded("Indonesia opened its borders to refugees from Myanmar.").events == ["IDN 075 MMR"])
    }

    @Test func expelledStaffOfABody() {
        let ev = coded("Iran expelled two monitors of the International Atomic Energy Agency last week.").events
        #expect(ev.count == 1 && ev.first?.hasPrefix("IRN 166 ") == true)
    }

    @Test func suspendedLinksAndAid() {
        #expect(coded("Italy announced a suspension of flights to Libya.").events == ["ITA 161 LBY"])
        // A suspended delivery of aid is no aid.
        #expect(coded("The Red Cross suspended aid deliveries in Kabul.").events == [])
    }

    @Test func martialLawWithoutAPlaceIsImposedAtHome() {
        #expect(coded("The Thai government declared martial law on Tuesday.").events == ["THA 1724 THA"])
        // Announced as a readiness, it is a threat of repression.
        #expect(coded("The Thai government said it was prepared to impose martial law.").events == ["THA 1324 THA"])
    }

    @Test func mobilizingForWarAgainstAState() {
        #expect(coded("Russia mobilized reservists for an offensive against Ukraine.").events == ["RUS 154 UKR"])
    }

    @Test func openingAnEmbassyInACapital() {
        #expect(coded("Chile opened an embassy in Hanoi last year.").events == ["CHL 050 VNM"])
    }

    @Test func failingToReachAnAgreementIsMutual() {
        #expect(Set(coded("Serbia and Kosovo failed to reach agreement on Sunday.").events) == ["SRB 120 XKX", "XKX 120 SRB"])
    }

    @Test func agreedInPrincipleToAct() {
        #expect(coded("The European Union agreed in principle to provide 30 million euros of aid for Haiti.").events.first?.hasSuffix(" 033 HTI") == true)
    }

    @Test func aStatesAdjectiveBeforeAViolentNounIsItsAuthor() {
        #expect(coded("Three farmers died in Turkish artillery shelling in the north of Iraq on Monday.").events == ["TUR 194 IRQ"])
        #expect(coded("Two boys were killed in Russian shelling in the south of Ukraine.").events == ["RUS 194 UKR"])
    }

    @Test func aCrowdNamingNoActorProtestsInItsPlacesState() {
        #expect(coded("Hundreds of people blocked roads in Tbilisi on Sunday.").events == ["GEO 144 GEO"])
    }

    @Test func anAttackWithoutAnAuthorComesFromItsPlace() {
        #expect(coded("A car bombing near the town of Kirkuk killed two Turkish engineers.").events == ["IRQ 190 TUR"])
    }

    @Test func surrenderingRebelsYieldToTheirState() {
        #expect(coded("Some 300 Malian rebels surrendered near the town of Gao.").events == ["MLI 0874 MLI"])
    }

    @Test func evacuatingTheWoundedIsHumanitarianAid() {
        #expect(coded("UN helicopters evacuated wounded civilians from the besieged Syrian town of Madaya.").events.first?.hasSuffix(" 073 SYR") == true)
    }

    @Test func suicideBombersBlowingThemselvesUpInAPlace() {
        #expect(coded("Two Afghan militants blew themselves up in Islamabad.").events == ["AFG 1831 PAK"])
    }

    @Test func theActAMeasureIsTakenForIsNoNewReport() {
        #expect(coded("A Kenyan court jailed a Somali trader for helping smugglers reach Yemen.").events == ["KEN 173 SOM"])
    }

    @Test func anAgentNamingOnlyTheOwnerOfACrashIsNoAgent() {
        #expect(coded("Twelve Dutch tourists were killed by the Air Zimbabwe plane crash near Harare.").events == [])
    }
}

