import Testing
import IRStore
@testable import IRIngest

/// Events of a sentence written for the test, as "SOURCE-COUNTRY code TARGET-COUNTRY".
private func coded(_ text: String, published: String? = "2016-04-12") -> [String] {
    let parsed = ArticleParser.parse(RawArticle(title: "t", text: text, published: published, location: "test"),
                                     places: { Gazetteer.shared.place(named: $0) })
    var a = ActorRecognizer().analyze(parsed.document, context: parsed.context)
    var places: [PlaceRow] = []
    let ev = EventCoder().code(parsed.document, actors: &a, context: parsed.context, places: &places)
    return ev.map { e -> String in
        let s = e.source.map { a.actors[$0].countryCode ?? a.actors[$0].cameoCode ?? "-" } ?? "-"
        let t = e.target.map { a.actors[$0].countryCode ?? a.actors[$0].cameoCode ?? "-" } ?? "-"
        return "\(s) \(e.cameoCode) \(t)"
    }
}

@Suite("Event recall rules, round 4")
struct EventRecallRound4Tests {
    @Test func anEthnicMinorityProtestsAsResidentsOfItsHostState() {
        #expect(coded("Several hundred ethnic Hungarians demonstrated on Saturday in Slovakia.") == ["SVK 141 SVK"])
        // Their namesake state is no party to the protest, and nothing else is coded for them.
        #expect(coded("Ethnic Russians demonstrated in Russia on Sunday.") == [])
        #expect(coded("Ethnic Serbs attacked a police station in Kosovo.") == [])
    }

    @Test func aCrowdProtestsInTheStateNamedAfterALocative() {
        #expect(coded("Inmates rioted at a prison in Ecuador's largest city overnight.") == ["ECU 145 ECU"])
        #expect(coded("Hundreds of farmers demonstrated outside a ministry in Chile's capital.") == ["CHL 141 CHL"])
        // A crowd located only before the protest protests at home.
        #expect(coded("Thousands of nurses across Peru staged demonstrations on Friday.") == ["PER 141 PER"])
    }

    @Test func aidCutBackOrForbiddenReducesAid() {
        #expect(coded("The World Food Programme cut food deliveries to a Somali refugee settlement.").contains { $0.hasSuffix("162 SOM") })
        #expect(coded("Japan reduced its aid to Myanmar last year.") == ["JPN 162 MMR"])
        #expect(coded("Canada banned all aid to Eritrea in March.") == ["CAN 162 ERI"])
    }

    @Test func theStateReceivingObserversIsTheSource() {
        #expect(coded("Georgia received a team of observers from the OSCE on Friday.").first?.hasPrefix("GEO 0862") == true)
    }

    @Test func aWelcomeGivenToAVisitorIsAHostedVisit() {
        #expect(coded("Chancellor Angela Merkel gave a cordial welcome to the Chilean president in Berlin.") == ["DEU 043 CHL"])
    }

    @Test func sharedExpertiseIsSharedInformation() {
        #expect(coded("Iran has been sharing missile expertise with Venezuela.") == ["IRN 064 VEN"])
    }

    @Test func permittedPoliticalActivityEasesRestrictions() {
        #expect(coded("The Egyptian government allowed Ayman Nour to run for president.").contains { $0.hasPrefix("EGY 0811") })
    }

    @Test func anActorForcedOutIsExpelled() {
        #expect(coded("Burundi forced the UN human rights office out of the country.").contains { $0.hasPrefix("BDI 166") })
    }

    @Test func whatWasHackedBelongsToTheTarget() {
        #expect(coded("North Korea hacked into the computers of Japanese officials.") == ["PRK 170 JPN"])
        #expect(coded("Russian agents hacked the email accounts of German lawmakers.").contains { $0.hasPrefix("RUS 170") })
    }

    @Test func aProtestsPurposeNamedByAProtestIsTheProtest() {
        #expect(coded("Thousands of Kenyans gathered in Nairobi to protest the new tax.") == ["KEN 140 KEN"])
        #expect(coded("Ethnic Uzbeks began a sit-in on Friday to protest against Kyrgyzstan's language law.").contains("KGZ 140 KGZ"))
        // A purpose of some other act is still only a purpose.
        #expect(coded("Thousands of Kenyans travelled to Nairobi to protest the new tax.") == [])
    }

    @Test func stonesThrownAtNoNamedTargetAreARiot() {
        #expect(coded("Iranian students resorted to throwing stones during the protests.") == ["IRN 145 IRN"])
    }

    @Test func theMediatorMediatesWithBothParties() {
        let e = coded("Norway launched a mediation effort on Monday between Colombia and Venezuela.")
        #expect(e.contains("NOR 045 COL") && e.contains("NOR 045 VEN"))
        #expect(!e.contains("COL 045 VEN"))
    }

    @Test func allowingInspectorsBackReceivesThem() {
        #expect(coded("Iran allowed the entry of IAEA inspectors on Monday.") == ["IRN 0862 IGOIAEA"]
                || coded("Iran allowed the entry of IAEA inspectors on Monday.").first?.hasPrefix("IRN 0862") == true)
        // Announced, it is an intent to allow them (0355).
        #expect(coded("Syria announced that it would permit the entry of U.N. chemical inspectors without conditions.").first?.hasPrefix("SYR 0355") == true)
    }
}
