import Testing
@testable import IRIngest
import IRStore

@Suite struct DateResolverTests {
    // 2015-05-12 was a Tuesday.
    let resolver = DateResolver(anchor: CalendarDate(year: 2015, month: 5, day: 12))

    func first(_ text: String, future: Bool = false) -> DateResolver.Match? {
        let doc = Document(text: text)
        return resolver.matches(inSentence: 0, of: doc, future: future).first
    }

    @Test func explicitFullDate() {
        #expect(first("The ministers met on May 3, 2014 in Geneva.")?.date.iso == "2014-05-03")
        #expect(first("The ministers met on May 3, 2014 in Geneva.")?.source == .text)
        #expect(first("Talks resumed on 4 February 2013.")?.date.iso == "2013-02-04")
    }

    @Test func dayAndMonthTakeTheAnchorYear() {
        #expect(first("The envoy arrived on April 30.")?.date.iso == "2015-04-30")
        // A month far after publication in a past report belongs to the year before.
        #expect(first("The border was closed on November 2.")?.date.iso == "2014-11-02")
    }

    @Test func monthAndYear() {
        #expect(first("The region was seized in March 2014.")?.date.iso == "2014-03")
        let m = first("Sanctions have been in force since April 2014.")
        #expect(m?.date.iso == "2014-04")
        #expect(m?.preposition == "since")
    }

    @Test func bareYearNeedsACue() {
        #expect(first("The deal was signed in 2009.")?.date.iso == "2009")
        #expect(first("Fighting has gone on since 2011.")?.date.iso == "2011")
        #expect(first("The army deployed 2000 soldiers.") == nil)
    }

    @Test func monthAloneUsesTheAnchor() {
        #expect(first("The two leaders spoke in March.")?.date.iso == "2015-03")
        #expect(first("The summit took place in August.")?.date.iso == "2014-08")
        #expect(first("The summit will take place in August.", future: true)?.date.iso == "2015-08")
    }

    @Test func mayAsAVerbIsNoDate() {
        #expect(first("Officials said sanctions May be extended.") == nil)
        #expect(first("They said talks may resume.") == nil)
        #expect(first("The talks ended in May.")?.date.iso == "2015-05")
    }

    @Test func weekdays() {
        #expect(first("The minister spoke on Sunday.")?.date.iso == "2015-05-10")
        #expect(first("The minister spoke on Tuesday.")?.date.iso == "2015-05-12")
        #expect(first("The minister spoke Wednesday night.")?.date.iso == "2015-05-06")
        #expect(first("The minister will travel on Friday.", future: true)?.date.iso == "2015-05-15")
    }

    @Test func relativeWords() {
        #expect(first("Rebels attacked the town yesterday.")?.date.iso == "2015-05-11")
        #expect(first("The ceasefire collapsed last month.")?.date.iso == "2015-04")
        #expect(first("The ceasefire collapsed last year.")?.date.iso == "2014")
        #expect(first("Troops withdrew earlier this month.")?.date.iso == "2015-05")
        #expect(first("Troops withdrew last week.")?.date.iso == "2015-05")
        #expect(first("The talks opened a month earlier.")?.date.iso == "2015-04")
        #expect(first("The envoy was expelled two years ago.")?.date.iso == "2013")
        #expect(first("The envoy was expelled three days ago.")?.date.iso == "2015-05-09")
        #expect(first("Protests erupted last summer.")?.date.iso == "2014")
    }

    @Test func relativeWordsCrossTheYear() {
        let january = DateResolver(anchor: CalendarDate(year: 2020, month: 1, day: 2))
        let doc = Document(text: "The embassy closed last month.")
        #expect(january.matches(inSentence: 0, of: doc).first?.date.iso == "2019-12")
    }

    @Test func sentenceDateFallsBackToPublication() {
        let doc = Document(text: "Moscow and Kyiv exchanged prisoners.")
        let d = resolver.date(inSentence: 0, of: doc)
        #expect(d?.0.iso == "2015-05-12")
        #expect(d?.1 == .published)
        #expect(DateResolver(anchor: nil).date(inSentence: 0, of: doc) == nil)
    }

    @Test func resolveAtAToken() {
        let doc = Document(text: "Sanctions imposed since April 2014 remain.")
        let r = resolver.resolve(doc, at: 2)
        #expect(r?.date.iso == "2014-04")
        #expect(r?.next == 5)
    }

    @Test func contextAnchor() {
        let r = DateResolver(context: ArticleContext(publishedOn: "2019-11-19"))
        #expect(r.anchor == CalendarDate(year: 2019, month: 11, day: 19))
        #expect(DateResolver(context: ArticleContext(publishedOn: nil)).anchor == nil)
    }
}
