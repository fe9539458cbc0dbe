import Testing
import IRStore
@testable import IRIngest

/// Runs the article parser and the actor recognizer over a text the tests wrote.
private func actors(_ text: String, published: String? = "2024-03-05") -> (analysis: ActorAnalysis, doc: Document) {
    let parsed = ArticleParser.parse(RawArticle(title: "t", text: text, published: published, location: "test"),
                                     places: { Gazetteer.shared.place(named: $0) })
    return (ActorRecognizer().analyze(parsed.document, context: parsed.context), parsed.document)
}

private extension ActorAnalysis {
    func actor(_ name: String) -> ActorRow? { actors.first { $0.name == name } }
    var names: Set<String> { Set(actors.map(\.name)) }
    func role(of name: String) -> RoleRow? {
        guard let k = actors.firstIndex(where: { $0.name == name }) else { return nil }
        return roles.first { $0.actor == k }
    }
}

@Suite("ActorRecognizer")
struct ActorRecognizerTests {
    // MARK: title + name

    @Test func titleAndNameWithDemonym() {
        let (a, _) = actors("Brazilian Foreign Minister Carlos Mendes arrived in Lima on Monday for talks.")
        let p = a.actor("Carlos Mendes")
        #expect(p?.kind == .person)
        #expect(p?.countryCode == "BRA")
        #expect(p?.cameoCode == "BRAGOV")
        #expect(a.role(of: "Carlos Mendes")?.title == "Foreign Minister")
        #expect(a.role(of: "Carlos Mendes")?.countryCode == "BRA")
        // The adjective names the state too.
        #expect(a.actor("Brazil")?.kind == .state)
        let ofActor = a.role(of: "Carlos Mendes")?.ofActor
        #expect(ofActor.map { a.actors[$0].name } == "Brazil")
        // "in Lima" only locates the visit.
        #expect(a.actor("Peru") == nil)
    }

    @Test func multiWordTitleAfterStateAbbreviation() {
        let (a, _) = actors("U.S. Secretary of State Laura Whitman will travel to Nairobi next week.")
        #expect(a.actor("Laura Whitman")?.countryCode == "USA")
        #expect(a.role(of: "Laura Whitman")?.title == "Secretary of State")
        #expect(a.actor("United States") != nil)
    }

    @Test func surnameJoinsFullName() {
        let (a, _) = actors("Kenyan President Samuel Otieno met aid groups on Tuesday. Otieno said the talks went well.")
        let people = a.actors.filter { $0.kind == .person }
        #expect(people.count == 1)
        #expect(people.first?.name == "Samuel Otieno")
        let k = a.actors.firstIndex { $0.name == "Samuel Otieno" }!
        #expect(a.mentions.filter { $0.actor == k }.count == 2)
    }

    @Test func particlesAndHyphens() {
        let (a, _) = actors("Syrian President Bashar al-Assad spoke by phone with Jordanian Foreign Minister Hassan bin Talal. Assad thanked him.")
        #expect(a.actor("Bashar al-Assad")?.countryCode == "SYR")
        #expect(a.actor("Hassan bin Talal")?.countryCode == "JOR")
        #expect(a.actors.filter { $0.kind == .person }.count == 2)
    }

    // MARK: apposition and possessive roles

    @Test func appositionGivesRoleAndCountry() {
        let (a, _) = actors("\"We will not accept this,\" said Olga Petrenko, the Ukrainian deputy foreign minister.")
        let p = a.actor("Olga Petrenko")
        #expect(p?.countryCode == "UKR")
        #expect(a.role(of: "Olga Petrenko") != nil)
    }

    @Test func possessiveRoleTakesCountryOfThePerson() {
        let (a, _) = actors("Turkish President Mehmet Kaya called the vote unfair. Kaya's spokesman, Emre Demir, told reporters the result would be challenged.")
        #expect(a.actor("Emre Demir")?.countryCode == "TUR")
        #expect(a.role(of: "Emre Demir")?.title == "spokesman")
    }

    @Test func organizationBeforeTitle() {
        let (a, _) = actors("United Nations spokesman Peter Lang said the convoy had been stopped.")
        let p = a.actor("Peter Lang")
        #expect(p?.countryCode == nil)
        #expect(p?.cameoCode == "IGOUNO")
        #expect(a.actor("United Nations")?.countryCode == nil)
    }

    @Test func titleOfBodyThenName() {
        let (a, _) = actors("The secretary of Georgia's Security Council, Levan Beridze, said the border was calm.")
        #expect(a.actor("Levan Beridze")?.countryCode == "GEO")
        #expect(a.actor("Georgian Security Council")?.countryCode == "GEO")
        #expect(a.actor("United Nations Security Council") == nil)
    }

    @Test func bodyEmploysTheTitledPerson() {
        let (a, _) = actors("WASHINGTON (Reuters) - Iran's foreign ministry spokesman Reza Karimi rejected the report.")
        #expect(a.actor("Reza Karimi")?.countryCode == "IRN")
        #expect(a.actor("Reza Karimi")?.cameoCode == "IRNGOV")
    }

    @Test func demonymNounCommaName() {
        let (a, _) = actors("Greek Foreign Minister Eleni Pappa met her Cypriot counterpart, Andreas Loizou, in Nicosia.")
        #expect(a.actor("Andreas Loizou")?.countryCode == "CYP")
        #expect(a.actor("Eleni Pappa")?.countryCode == "GRC")
    }

    @Test func surnameFirstThenFullName() {
        let (a, _) = actors("Ms Odhiambo, the U.N. resident coordinator, visited the camp. Later, Grace Odhiambo said aid was blocked.")
        #expect(a.actor("Grace Odhiambo") != nil)
        #expect(a.actors.filter { $0.kind == .person }.count == 1)
    }

    @Test func pronounPrefersTheSubject() {
        let (a, doc) = actors("Dutch Prime Minister Pieter de Vries met Belgian Prime Minister Luc Peeters before he flew home.")
        let he = a.mentions.first { doc.lower($0.tokenRange.lowerBound) == "he" }
        #expect(he.map { a.actors[$0.actor].name } == "Pieter de Vries")
    }

    // MARK: metonymy

    @Test func capitalsAsGovernmentsAndAsPlaces() {
        let (a, _) = actors("Beijing accused Tokyo of provoking tensions. The talks were held in Hanoi.")
        #expect(a.actor("China") != nil)
        #expect(a.actor("Japan") != nil)
        #expect(a.actor("Vietnam") == nil)
        #expect(a.places.contains { $0.place.countryCode == "VNM" })
    }

    @Test func seatOfPowerIsTheState() {
        let (a, _) = actors("The Kremlin said it had received no request for a meeting.")
        #expect(a.actor("Russia")?.aliases.contains("Kremlin") == true)
    }

    // MARK: demonym phrases

    @Test func demonymAndBodyMakeAnOrganization() {
        let (a, _) = actors("The Iranian foreign ministry summoned the envoy, and Iraqi troops closed the crossing.")
        #expect(a.actor("Iranian Foreign Ministry")?.countryCode == "IRN")
        #expect(a.actor("Iranian Foreign Ministry")?.cameoCode == "IRNGOV")
        #expect(a.actor("Iraqi military")?.cameoCode == "IRQMIL")
        #expect(a.actor("Iran") != nil)
        #expect(a.actor("Iraq") != nil)
    }

    @Test func governmentIsTheStateItself() {
        let (a, _) = actors("The Malian government rejected the report.")
        #expect(a.actor("Mali")?.kind == .state)
        #expect(!a.names.contains { $0.contains("government") })
    }

    @Test func coordinatedDemonymsShareTheHead() {
        let (a, _) = actors("The Egyptian and Saudi defense ministries issued a joint statement.")
        #expect(a.actor("Egyptian Defense Ministry") != nil)
        #expect(a.actor("Saudi Defense Ministry") != nil)
    }

    @Test func proGroupsTakeTheirCountryFromContext() {
        let (a, _) = actors("Moscow has armed pro-Russian separatists in eastern Moldova, officials say.")
        let g = a.actor("pro-Russian separatists")
        #expect(g?.kind == .group)
        #expect(g?.countryCode == "MDA")
        #expect(g?.cameoCode == "MDAREB")
    }

    @Test func adjectiveThatOnlyLocatesIsNoActor() {
        let (a, _) = actors("Fighting resumed near the Swiss border overnight.")
        #expect(a.actor("Switzerland") == nil)
    }

    @Test func lexiconGroupsAndOrganizations() {
        let (a, _) = actors("The Taliban and the European Union held talks, and NATO said the alliance would wait.")
        #expect(a.actor("Taliban")?.countryCode == "AFG")
        #expect(a.actor("European Union")?.countryCode == nil)
        #expect(a.actors.contains { $0.cameoCode == "IGONAT" })
    }

    // MARK: exclusions

    @Test func outletsAndBylinesAreNotActors() {
        let text = """
        MOSCOW (Reuters) - Russia's foreign ministry said on Friday it would respond, the Interfax news agency reported.

        Reporting by Jonathan Hale; Editing by Mary Stone
        """
        let (a, _) = actors(text)
        #expect(!a.names.contains("Reuters"))
        #expect(!a.names.contains { $0.contains("Interfax") })
        #expect(a.actor("Jonathan Hale") == nil)
        #expect(a.actor("Mary Stone") == nil)
        #expect(a.actor("Russian Foreign Ministry")?.countryCode == "RUS")
    }

    @Test func reportersAndCaptionsAreNotActors() {
        let text = """
        Greek Prime Minister Nikos Andreou waves to supporters in Athens, Greece, May 3, 2024. REUTERS/Paul Quinn

        Correspondent Anna Fischer asked whether the plan would survive.
        """
        let (a, _) = actors(text)
        #expect(a.actor("Anna Fischer") == nil)
        #expect(a.actor("Nikos Andreou") == nil)
        #expect(a.actor("Paul Quinn") == nil)
    }

    @Test func genericVictimsAreNotActors() {
        let (a, _) = actors("Shelling killed 12 civilians and wounded dozens of people in the city.")
        #expect(a.actors.isEmpty)
    }

    // MARK: anaphors

    @Test func pronounsResolveWithoutAddingActors() {
        let (a, doc) = actors("Chilean President Ana Rojas arrived late. She said the talks would continue.")
        let she = a.mentions.first { doc.lower($0.tokenRange.lowerBound) == "she" }
        #expect(she?.isAnaphor == true)
        #expect(she.map { a.actors[$0.actor].name } == "Ana Rojas")
    }

    @Test func blocResolvesToTheEuropeanUnion() {
        let (a, doc) = actors("The European Union extended its measures. The 27-nation bloc will review them in July.")
        let bloc = a.mentions.first { doc.lower($0.tokenRange.upperBound - 1) == "bloc" }
        #expect(bloc.map { a.actors[$0.actor].name } == "European Union")
        #expect(a.actors.count == 1)
    }

    // MARK: identity across articles

    @Test func sameActorSameIdentityAcrossArticles() {
        let (a1, _) = actors("Japanese Prime Minister Kenji Sato met Indian officials in Delhi.")
        let (a2, _) = actors("Sato's government, led by Prime Minister Kenji Sato of Japan, said it would respond. Tokyo denied the claim.")
        let k1 = a1.actor("Kenji Sato")?.identityKey
        #expect(k1 != nil)
        #expect(k1 == a2.actor("Kenji Sato")?.identityKey)
        #expect(a1.actor("Japan")?.identityKey == a2.actor("Japan")?.identityKey)
    }
}

@Suite("ActorRecognizer robustness")
struct ActorRecognizerRobustnessTests {
    @Test(arguments: [
        "", "   ", "\"", "U.S.", "the", "President", "Mr", "al-", "pro-", "-", "Russian Russian Russian",
        "The Kremlin's. Moscow's, Washington -- Kabul", "He said she said he.", "Foreign Minister ,",
        "SOCHI, Russia (Reuters) -", "President Jean-Pierre", "Çağlar Ünal, Türkiye’s envoy, met Élysée officials.",
        "the bloc the ministry the military the alliance", "pro-Russian pro-Russian separatists separatists",
    ])
    func oddInputsGiveConsistentMentions(_ text: String) {
        let parsed = ArticleParser.parse(RawArticle(title: "t", text: text, location: "test"))
        let a = ActorRecognizer().analyze(parsed.document, context: parsed.context)
        for m in a.mentions {
            #expect(m.actor >= 0 && m.actor < a.actors.count)
            #expect(!m.tokenRange.isEmpty && m.tokenRange.upperBound <= parsed.document.tokens.count)
            #expect(m.sentence >= 0 && m.sentence < parsed.document.sentences.count)
        }
        for r in a.roles {
            #expect(r.actor < a.actors.count && a.actors[r.actor].kind == .person)
            #expect(r.ofActor.map { $0 < a.actors.count } ?? true)
        }
        // Every actor is named at least once without an anaphor.
        for k in a.actors.indices { #expect(a.mentions.contains { $0.actor == k && !$0.isAnaphor }) }
    }
}
