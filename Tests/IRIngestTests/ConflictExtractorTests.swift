@testable import IRIngest
import IRStore
import Testing

@Suite struct ConflictExtractorTests {
    typealias F = QSCFixture

    func conflicts(_ text: String, published: String? = "2016-03-10") -> (conflicts: [ConflictRow], reports: [ConflictReportRow]) {
        let f = F(text, [], published: published)
        return ConflictExtractor().extract(f.doc, actors: f.analysis, context: f.context)
    }

    func killed(_ r: (conflicts: [ConflictRow], reports: [ConflictReportRow]), _ iso: String) -> Int? {
        guard let ci = r.conflicts.firstIndex(where: { $0.countryCode == iso }) else { return nil }
        return r.reports.filter { $0.conflict == ci }.compactMap(\.killed).max()
    }

    @Test func overallTollWithQualifierAndSince() {
        let r = conflicts("At least 4,300 people have died since March 2015 in Yemen's civil war, the agency said.")
        #expect(r.conflicts.count == 1)
        #expect(r.conflicts.first?.countryCode == "YEM")
        #expect(r.conflicts.first?.identityKey == "conflict|YEM")
        #expect(r.conflicts.first?.name == "Yemeni civil war")
        let rep = r.reports.first
        #expect(rep?.killed == 4300)
        #expect(rep?.killedQualifier == "at least")
        #expect(rep?.since == "2015-03")
        #expect(rep?.asOf == "2016-03-10")
        #expect(rep?.scope == .overall)
    }

    @Test func activeVerbAndNumberWords() {
        let r = conflicts("The war in Somalia has killed more than two dozen aid workers this month.")
        #expect(killed(r, "SOM") == 24)
        #expect(r.reports.first?.killedQualifier == "more than")
    }

    @Test func vagueNumbersLeaveKilledEmpty() {
        let r = conflicts("Tens of thousands of people have died in the war in Sudan, aid groups say.")
        #expect(r.conflicts.first?.countryCode == "SDN")
        #expect(r.reports.count == 1)
        #expect(r.reports.first?.killed == nil)
    }

    @Test func incidentTollIsNotTheConflictToll() {
        let text = """
        A mortar attack on a market in the Syrian city of Aleppo killed nine people on Monday.

        More than 250,000 people have been killed in Syria's civil war since 2011.
        """
        let r = conflicts(text)
        #expect(r.conflicts.count == 1)
        #expect(killed(r, "SYR") == 250_000)
        #expect(r.reports.contains { $0.scope == .incident && $0.killed == 9 })
        #expect(r.reports.contains { $0.scope == .overall && $0.since == "2011" })
    }

    @Test func mentionWithoutFigure() {
        let r = conflicts("Talks on ending the war in Afghanistan resumed in Doha on Saturday.")
        #expect(r.conflicts.map(\.countryCode) == ["AFG"])
        #expect(r.reports.first?.scope == .mention)
        #expect(r.reports.first?.killed == nil)
    }

    @Test func evidentFromFighting() {
        let text = """
        Rebels overran the northern Malian town of Kidal on Sunday.

        Government troops launched an offensive to retake the town, residents said.
        """
        let r = conflicts(text)
        #expect(r.conflicts.map(\.countryCode) == ["MLI"])
    }

    @Test func notWars() {
        let text = """
        The trade war between the two economies deepened as the political crisis in Rome dragged on.

        Historians compare it to the Cold War and to the Six-Day War of 1967.
        """
        #expect(conflicts(text).conflicts.isEmpty)
    }

    @Test func hyphenatedPairTakesTheSecondState() {
        let r = conflicts("Settlements are among the hardest issues of the Israeli-Palestinian conflict.")
        #expect(r.conflicts.first?.countryCode == "PSE")
    }

    @Test func passiveTollWithNounPhrase() {
        let r = conflicts("Three Kenyan soldiers were killed in an ambush near the Somali border, the army said.")
        #expect(r.reports.first?.killed == 3)
        #expect(r.reports.first?.scope == .incident)
    }

    @Test func deathTollAndDead() {
        let r = conflicts("The death toll from the fighting in Tigray rose to 1,200, while 40 dead were counted in Mekelle alone.")
        #expect(r.reports.contains { $0.killed == 1200 })
        #expect(r.reports.contains { $0.killed == 40 })
    }

    @Test func yearsAreNotTolls() {
        let r = conflicts("The war in Iraq that began in 2003 killed civilians across the country.")
        #expect(r.reports.allSatisfy { $0.killed != 2003 })
    }

    @Test func numberWordParsing() {
        let doc = Document(text: "two dozen; 6,100; 1.4 million; twenty-five; a hundred; hundreds of; tens of thousands")
        func at(_ word: String) -> NumberWords.Value? {
            guard let i = doc.tokens.indices.first(where: { doc.lower($0) == word }) else { return nil }
            return NumberWords.parse(doc, at: i, end: doc.tokens.count)?.value
        }
        #expect(at("two") == .exact(24))
        #expect(at("6,100") == .exact(6100))
        #expect(at("1.4") == .exact(1_400_000))
        #expect(at("twenty-five") == .exact(25))
        #expect(at("a") == .exact(100))
        #expect(at("hundreds") == .vague)
        #expect(at("tens") == .vague)
    }

    @Test func warFoughtInAnotherCountry() {
        let r = conflicts("Russia's war in Ukraine entered its third year as shelling hit Kharkiv.")
        #expect(r.conflicts.map(\.countryCode) == ["UKR"])
    }

    @Test func pastWarTollElsewhereIsLeftOut() {
        let text = """
        Fighting in the Sudanese city of El Fasher killed 30 people on Sunday.

        Officials recalled the genocide in Rwanda, which killed 800,000 people in 1994.
        """
        let r = conflicts(text)
        #expect(r.conflicts.map(\.countryCode) == ["SDN"])
        #expect(killed(r, "SDN") == 30)
    }

    @Test func fightingBetweenTakesTheFirstSidesCountry() {
        let r = conflicts("Nearly 400 people have died in fighting between Congolese troops and M23 rebels this year.")
        #expect(r.conflicts.map(\.countryCode) == ["COD"])
        #expect(r.reports.first?.killed == 400)
        #expect(r.reports.first?.killedQualifier == "nearly")
    }

    @Test func tollLocatesTheFighting() {
        let r = conflicts("More than 900 Somali civilians have died in fighting so far this year, a UN agency said.")
        #expect(r.conflicts.map(\.countryCode) == ["SOM"])
        #expect(r.reports.first?.since == "2016")
        #expect(r.reports.first?.scope == .overall)
    }

    @Test func weaponsProgramIsNoConflict() {
        let r = conflicts("The Treasury blacklisted firms that supplied parts for the ballistic missile program of Iran.")
        #expect(r.conflicts.isEmpty)
    }

    @Test func placeOutranksTheSidesOfAWar() {
        let r = conflicts("It was a six-week war fought between Armenian fighters and Azeri troops over Nagorno-Karabakh which killed some 7,000 people.")
        #expect(r.conflicts.map(\.countryCode) == ["AZE"])
        #expect(killed(r, "AZE") == 7000)
        #expect(r.reports.first?.killedQualifier == "about")
    }
}
