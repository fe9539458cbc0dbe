@testable import IRIngest
import IRStore
import Testing

@Suite struct SanctionExtractorTests {
    typealias F = QSCFixture

    func sanctions(_ f: QSCFixture) -> [SanctionRow] {
        SanctionExtractor().extract(f.doc, actors: f.analysis, context: f.context)
    }

    @Test func imposeByCoordinatedSubjects() {
        let f = F("Canada and Australia imposed financial sanctions on Myanmar after the coup.",
                  [(F.state("Canada", "CAN"), ["Canada"]), (F.state("Australia", "AUS"), ["Australia"]), (F.state("Myanmar", "MMR"), ["Myanmar"])])
        let s = sanctions(f)
        #expect(s.count == 2)
        #expect(Set(s.compactMap(\.imposer)) == [0, 1])
        #expect(s.allSatisfy { $0.target == 2 && $0.action == .impose && $0.kind == .financial && !$0.conditional })
    }

    @Test func newSanctionsIsImpose() {
        let f = F("Washington announced new sanctions against Caracas on Friday.",
                  [(F.state("United States", "USA"), ["Washington"]), (F.state("Venezuela", "VEN"), ["Caracas"])])
        let s = sanctions(f)
        #expect(s.count == 1)
        #expect(s.first?.action == .impose)
        #expect(s.first?.imposer == 0)
        #expect(s.first?.target == 1)
    }

    @Test func extendWithPronounAndConditional() {
        let text = "Several member states doubt the value of the sanctions against Minsk. It is unclear whether the bloc will renew them in January."
        let f = F(text, [(F.org("European Union", nil), ["the bloc"]), (F.state("Belarus", "BLR"), ["Minsk"])])
        let s = sanctions(f)
        let ext = s.first { $0.action == .extend }
        #expect(ext != nil)
        #expect(ext?.target == 1)
        #expect(ext?.imposer == 0)
        #expect(ext?.conditional == true)
    }

    @Test func easeConditionalPassive() {
        let text = "Britain imposed an asset freeze on the company in March. A British official said they could be eased if the company cooperated."
        let f = F(text, [(F.state("United Kingdom", "GBR"), ["Britain", "British"]), (F.org("Orion Shipping", "PAN"), ["the company"])])
        let s = sanctions(f)
        #expect(s.contains { $0.action == .impose && $0.imposer == 0 && $0.target == 1 && $0.kind == .financial })
        let ease = s.first { $0.action == .ease }
        #expect(ease?.conditional == true)
        #expect(ease?.target == 1)
        #expect(ease?.imposer == 0)
    }

    @Test func sanctionsReliefTargetsTheSubject() {
        let f = F("Pyongyang agreed to freeze its missile tests in exchange for partial sanctions relief.",
                  [(F.state("North Korea", "PRK"), ["Pyongyang"])])
        let s = sanctions(f)
        #expect(s.count == 1)
        #expect(s.first?.action == .ease)
        #expect(s.first?.target == 0)
        #expect(s.first?.imposer == nil)
    }

    @Test func liftArmsEmbargo() {
        let f = F("The Security Council lifted the arms embargo on Eritrea.",
                  [(F.org("United Nations Security Council", nil), ["Security Council"]), (F.state("Eritrea", "ERI"), ["Eritrea"])])
        let s = sanctions(f)
        #expect(s.count == 1)
        #expect(s.first?.action == .lift)
        #expect(s.first?.kind == .arms)
        #expect(s.first?.imposer == 0)
    }

    @Test func threaten() {
        let f = F("Germany threatened sanctions against Ankara over the drilling.",
                  [(F.state("Germany", "DEU"), ["Germany"]), (F.state("Turkey", "TUR"), ["Ankara"])])
        let s = sanctions(f)
        #expect(s.first?.action == .threaten)
        #expect(s.first?.imposer == 0)
        #expect(s.first?.target == 1)
    }

    @Test func describedTargetWithCountry() {
        let f = F("The Treasury imposed sanctions on 22 individuals and two Iranian entities.",
                  [(F.org("U.S. Treasury Department", "USA"), ["Treasury"])])
        let s = sanctions(f)
        #expect(s.count >= 1)
        #expect(s.contains { $0.targetCountry == "IRN" && $0.target == nil })
    }

    @Test func passiveWithAgentAndInForceMerged() {
        let text = "The energy and banking sanctions against Moscow, introduced by Brussels in 2014, expire in July. Officials discussed Moscow sanctions again."
        let f = F(text, [(F.state("Russia", "RUS"), ["Moscow"]), (F.org("European Union", nil), ["Brussels"])])
        let s = sanctions(f)
        #expect(s.count == 1)
        #expect(s.first?.action == .impose)
        #expect(s.first?.imposer == 1)
        #expect(s.first?.target == 0)
        #expect(s.first?.kind == .sectoral)
    }

    @Test func blacklistVerb() {
        let f = F("The Commerce Department blacklisted Huawei last year.",
                  [(F.org("U.S. Commerce Department", "USA"), ["Commerce Department"]), (F.org("Huawei", "CHN"), ["Huawei"])])
        let s = sanctions(f)
        #expect(s.first?.action == .impose)
        #expect(s.first?.target == 1)
        #expect(s.first?.imposer == 0)
    }

    @Test func noMeasureNoRow() {
        let f = F("The two ministers discussed trade and energy cooperation.", [])
        #expect(sanctions(f).isEmpty)
    }

    @Test func targetAfterPassiveAction() {
        let f = F("Sanctions imposed on Tehran by Washington in 2018 remain in force.",
                  [(F.state("Iran", "IRN"), ["Tehran"]), (F.state("United States", "USA"), ["Washington"])])
        let s = sanctions(f)
        #expect(s.count == 1)
        #expect(s.first?.target == 0)
        #expect(s.first?.imposer == 1)
        #expect(s.first?.action == .impose)
    }

    @Test func threatenedToImposeIsThreaten() {
        let f = F("Paris threatened to impose sanctions on Bamako if the elections were delayed.",
                  [(F.state("France", "FRA"), ["Paris"]), (F.state("Mali", "MLI"), ["Bamako"])])
        let s = sanctions(f)
        #expect(s.count == 1)
        #expect(s.first?.action == .threaten)
        #expect(s.first?.imposer == 0)
        #expect(s.first?.conditional == true)
    }

    @Test func pronounSubjectIsTheSpeaker() {
        let f = F("Japan said it would extend its sanctions against Pyongyang for two more years.",
                  [(F.state("Japan", "JPN"), ["Japan"]), (F.state("North Korea", "PRK"), ["Pyongyang"])])
        let s = sanctions(f)
        #expect(s.first?.action == .extend)
        #expect(s.first?.imposer == 0)
        #expect(s.first?.target == 1)
    }
}
