import IRQuery
import Testing

/// The questions asked of the hand-built database, whose answers are known.
@Suite struct QuestionTests {
    let kb: KnowledgeBase
    init() throws { kb = try Fixtures.worldKB() }

    func texts(_ t: ResultTable, _ column: String) -> [String] { t.column(column).map(\.description) }

    @Test func meetingsByNameSurnameAliasAndCode() throws {
        for who in ["Sergei Lavrov", "lavrov", "RUS", "rusgov"] {
            let t = try kb.meetings(actor: who)
            #expect(t.columns == ["date", "source_name", "target_name", "cameo_code", "event_label", "place_name", "mode",
                                  "article_id", "sentence_text"])
            #expect(texts(t, "date") == ["2024-01-10", "2022-03-01"], "actor \(who)")
        }
        let t = try kb.meetings(actor: "Lavrov")
        #expect(texts(t, "place_name") == ["", "Geneva"])
        #expect(texts(t, "cameo_code") == ["041", "040"])
        // A state's name is the state alone; its code takes in its people.
        #expect(try kb.meetings(actor: "Russia").isEmpty)
        #expect(try kb.meetings(actor: "Lavrov", other: "Blinken").count == 2)
        #expect(try kb.meetings(actor: "Blinken", other: "Lavrov").count == 2)
        #expect(try kb.meetings(actor: "Lavrov", other: "UKR").isEmpty)
        #expect(try kb.meetings(actor: "Lavrov", since: "2023").count == 1)
        #expect(try kb.meetings(until: "2022").count == 1)
        #expect(try kb.meetings(until: "2022-02").isEmpty)
        #expect(try kb.meetings().count == 2, "a meeting coded both ways is listed once")
        #expect(try kb.dyadTimeline("Lavrov", "Blinken").count == 3, "the timeline keeps every coded event")
    }

    @Test func dyadTimeline() throws {
        let t = try kb.dyadTimeline("RUS", "Kyiv")
        #expect(t.count == 1)
        #expect(t[0, "event_label"].description == "Fight with artillery and tanks")
        #expect(t[0, "quad_class"].description == "material conflict")
        let ukraine = try kb.dyadTimeline("Ukraine")
        #expect(texts(ukraine, "source_name") == ["Russia", "United States"])
        #expect(ukraine.columns.contains("sentence_text") && ukraine.columns.contains("goldstein"))
    }

    @Test func actorProfile() throws {
        let t = try kb.actorProfile(name: "Lavrov")
        #expect(t.columns == ["section", "item", "detail", "date", "count"])
        let sections = texts(t, "section")
        #expect(sections.first == "actor")
        #expect(t[0, "item"].description == "Sergei Lavrov")
        #expect(t[0, "detail"].description.contains("RUSGOV"))
        let role = try #require(t.rows.firstIndex { $0[0].description == "role" })
        #expect(t[role, "item"].description == "Foreign Minister")
        #expect(t[role, "date"].description == "2022-03-01 to 2024-01-10")
        let counterpart = try #require(t.rows.firstIndex { $0[0].description == "counterpart" })
        #expect(t[counterpart, "item"].description == "Antony Blinken")
        #expect(t[counterpart, "count"] == .int(3))
        #expect(sections.last == "quote")
        // An ISO code profiles the state itself, not one of its people.
        #expect(try kb.actorProfile(name: "rus")[0, "item"].description == "Russia")
        let russia = try kb.actorProfile(name: "Russia")
        #expect(russia.rows.contains { $0[0].description == "role holder" && $0[1].description == "Sergei Lavrov" })
        #expect(try kb.actorProfile(name: "Nobody Atall").isEmpty)
    }

    @Test func sanctionsInForce() throws {
        let t = try kb.sanctionsInForce(target: "Russia")
        #expect(t.count == 1)
        #expect(t[0, "imposer_name"].description == "European Union")
        #expect(t[0, "last_action"].description == "extend")
        #expect(t[0, "first_imposed_on"].description == "2022-03-01")
        #expect(t[0, "status"].description == "in force")
        #expect(t[0, "actions"] == .int(2))
        let earlier = try kb.sanctionsInForce(target: "RUS", asOf: "2022-12")
        #expect(texts(earlier, "last_action") == ["impose"])
        // Threats are not measures in force.
        #expect(try kb.sanctionsInForce(target: "Belarus").isEmpty)
    }

    @Test func sanctionsOnAndTimeline() throws {
        let on = try kb.sanctionsOn(target: "RUS")
        #expect(texts(on, "action") == ["lift", "extend", "impose"])
        #expect(texts(on, "target_name").contains("three Russian officials"))
        #expect(try kb.sanctionsOn(target: "Russia", since: "2023").count == 2)
        let tl = try kb.sanctionsTimeline(actor: "EU")
        #expect(texts(tl, "action") == ["impose", "extend", "lift", "threaten"])
        #expect(Set(texts(tl, "role")) == ["imposer"])
        let target = try kb.sanctionsTimeline(actor: "Belarus")
        #expect(texts(target, "role") == ["target"])
    }

    @Test func whoSanctionsWhom() throws {
        let t = try kb.whoSanctionsWhom()
        #expect(t.columns.starts(with: ["imposer_name", "imposer_country", "target_name", "target_country", "impose", "extend"]))
        let russia = try #require(t.rows.firstIndex { $0[2].description == "Russia" })
        #expect(t[russia, "impose"] == .int(1) && t[russia, "extend"] == .int(1) && t[russia, "total"] == .int(2))
        #expect(t[russia, "target_country"].description == "RUS")
        let officials = try #require(t.rows.firstIndex { $0[2].description == "three Russian officials" })
        #expect(t[officials, "target_country"].description == "RUS" && t[officials, "lift"] == .int(1))
        #expect(t.count == 3)
        #expect(try kb.whoSanctionsWhom(since: "2024").count == 1)
        #expect(try kb.whoSanctionsWhom(imposer: "USA").isEmpty)
    }

    @Test func conflictsAndTolls() throws {
        let c = try kb.conflicts()
        #expect(c.count == 1)
        #expect(c[0, "parties"].description == "Russia; Ukraine")
        #expect(c[0, "killed"] == .int(10000))
        #expect(c[0, "killed_qualifier"].description == "more than")
        #expect(c[0, "toll_as_of"].description == "2024-01-10")
        #expect(c[0, "reports"] == .int(2))
        #expect(try kb.conflicts(country: "Ukraine").count == 1)
        #expect(try kb.conflicts(country: "SDN").isEmpty)
        for name in ["ukraine", "UKR", "Russia-Ukraine war", "1"] {
            let toll = try kb.conflictToll(conflict: name)
            #expect(toll.column("killed") == [.int(40), .int(10000)], "conflict \(name)")
        }
        #expect(try kb.conflictToll(conflict: "Sudan").isEmpty)
    }

    @Test func backers() throws {
        let t = try kb.backers(conflict: "Ukraine")
        #expect(t.count == 1)
        #expect(t[0, "backer"].description == "United States")
        #expect(t[0, "party"].description == "Ukraine")
        #expect(try kb.backers().count == 1)
        #expect(try kb.backers(since: "2024").isEmpty)
        // It reads whole years from support_years (0013) and, for the year of a :since given to
        // the month or the day, the events of the pairs it names through events_target: never a
        // scan of the events.
        let sql = CannedQueries.named("backers")!.sql
        let body = sql[sql.range(of: "WITH p AS")!.lowerBound...]
        for since in ["", "2022-03"] {
            let plan = try kb.execute(sql: "EXPLAIN QUERY PLAN " + body, parameters: ["conflict": "Ukraine", "since": since])
            let details = plan.column("detail").map(\.description)
            #expect(details.contains { $0.contains("SEARCH y USING PRIMARY KEY") }, "\(details)")
            #expect(details.contains { $0.contains("INDEX events_target") }, "\(details)")
            #expect(!details.contains { $0.hasPrefix("SCAN e") || $0.contains("AUTOMATIC") && $0.contains(" e ") }, "\(details)")
        }
    }

    @Test func quotes() throws {
        #expect(try kb.quotes(speaker: "Lavrov").count == 1)
        #expect(try kb.quotes(speaker: "Lavrov", about: "Moscow").count == 1)
        #expect(try kb.quotes(speaker: "Lavrov", about: "Ukraine").isEmpty)
        #expect(try kb.quotes(speaker: "Lavrov", containing: "PRESSURE").count == 1)
        #expect(try kb.quotes(speaker: "Lavrov", containing: "ceasefire").isEmpty)
        // A country code takes in its anonymous officials too.
        let usa = try kb.quotes(speaker: "USA")
        #expect(texts(usa, "speaker_name") == ["senior U.S. official"])
        let anon = try kb.anonymousQuotes(country: "United States")
        #expect(anon.count == 1)
        #expect(anon[0, "quote_text"].description == "The talks were frank and useful,")
        #expect(try kb.anonymousQuotes(country: "RUS").isEmpty)
        #expect(try kb.anonymousQuotes().count == 1)
    }

    @Test func dyadCooperation() throws {
        let t = try kb.dyadCooperation(actor: "Ukraine")
        #expect(t.count == 2)
        let war = try #require(t.rows.firstIndex { $0[0].description == "Russia" })
        #expect(t[war, "material_conflict"] == .int(1))
        #expect(t[war, "mean_goldstein"].double == -10)
        let aid = try #require(t.rows.firstIndex { $0[1].description == "United States" || $0[0].description == "United States" })
        #expect(t[aid, "material_cooperation"] == .int(1))
        let lb = try kb.dyadCooperation(actor: "Lavrov", other: "Blinken")
        #expect(lb.count == 1 && lb[0, "verbal_cooperation"] == .int(3))
    }

    @Test func eventsByRoot() throws {
        let t = try kb.eventsByRoot(country: "RUS")
        #expect(texts(t, "month") == ["2022-03", "2023-06", "2024-01"])
        #expect(texts(t, "root") == ["04", "19", "04"])
        #expect(try kb.eventsByRoot(root: "4").count == 3)
        #expect(try kb.eventsByRoot(country: "Russia", root: "19").count == 1)
    }

    @Test func mentions() throws {
        let top = try kb.mostMentioned(limit: 2)
        #expect(top.count == 2)
        #expect(top[0, "actor_name"].description == "Russia")
        #expect(try kb.mostMentioned(kind: "person").column("kind").allSatisfy { $0.description == "person" })
        #expect(try kb.mostMentioned(since: "2024").count == 6)
        let pairs = try kb.coMentions(actor: "Blinken")
        #expect(pairs.columns == ["actor_a", "actor_b", "articles", "sentences"])
        let lavrov = try #require(pairs.rows.firstIndex { Set([$0[0].description, $0[1].description]) == ["Sergei Lavrov", "Antony Blinken"] })
        #expect(pairs[lavrov, "articles"] == .int(2))
        #expect(pairs[lavrov, "sentences"] == .int(2))
    }

    @Test func roleHolders() throws {
        let t = try kb.roleHolders(title: "foreign minister", country: "Russia", date: "2023")
        #expect(t.count == 1)
        #expect(t[0, "person"].description == "Sergei Lavrov")
        #expect(t[0, "held_on_date"].description == "seen then")
        #expect(t[0, "articles"] == .int(2))
        #expect(try kb.roleHolders(title: "Foreign Minister", date: "2025")[0, "held_on_date"].description == "seen before")
        #expect(try kb.roleHolders(title: "minister", country: "USA").isEmpty)
        #expect(try kb.roleHolders(title: "Secretary").count == 1)
    }

    @Test func actorLookup() throws {
        #expect(try kb.actors(matching: "rus").first?.name == "Russia")
        #expect(try kb.actors(matching: "Lavrov").first?.name == "Sergei Lavrov")
        #expect(try kb.actors(matching: "nobody").isEmpty)
        #expect(try kb.actorSuggestions("lav") == ["Sergei Lavrov"])
    }
}
