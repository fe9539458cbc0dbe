import IRQuery
import Testing

@Suite struct ParameterTests {
    @Test func missingRequiredParameterSaysWhichAndWhat() throws {
        let kb = try Fixtures.worldKB()
        do {
            _ = try kb.run("sanctions-on")
            Issue.record("a missing parameter must fail")
        } catch let e as QueryError {
            guard case let .missingParameter(query, parameter, help, _) = e else { Issue.record("\(e)"); return }
            #expect(query == "sanctions-on" && parameter == "target")
            #expect(help.contains("ISO code"))
            #expect(e.description.contains("-p target VALUE"))
        }
        // An empty value is no value.
        #expect(throws: QueryError.self) { try kb.run("sanctions-on", parameters: ["target": "  "]) }
    }

    @Test func unknownParameterIsRefused() throws {
        let kb = try Fixtures.worldKB()
        do {
            _ = try kb.run("meetings", parameters: ["actr": "Putin"])
            Issue.record("an unknown parameter must fail")
        } catch let e as QueryError {
            #expect(e.description.contains("Did you mean 'actor'?"))
            #expect(e.description.contains("actor, other, since, until"))
        }
    }

    @Test func optionalParametersMayBeLeftOutOrEmpty() throws {
        let kb = try Fixtures.worldKB()
        #expect(try kb.run("meetings").count == 2)
        #expect(try kb.run("meetings", parameters: ["actor": "", ":since": ""]).count == 2)
        #expect(try kb.run("meetings", parameters: [":actor": "Lavrov"]).count == 2)
    }

    /// Values are bound, never spliced: SQL in a value is just text.
    @Test func valuesAreBoundNotSpliced() throws {
        let kb = try Fixtures.worldKB()
        for evil in ["'; DROP TABLE actors; --", "Russia' OR '1'='1", "\"Russia\"", ":since"] {
            #expect(try kb.sanctionsOn(target: evil).isEmpty, "\(evil)")
        }
        #expect(try kb.execute(sql: "SELECT count(*) AS n FROM actors")[0, "n"].int! > 0)
    }

    @Test func executeBindsNullForMissingParameters() throws {
        let kb = try Fixtures.worldKB()
        let t = try kb.execute(sql: "SELECT :a AS a, :b AS b", parameters: ["a": "x"])
        #expect(t.rows == [[.text("x"), .null]])
        #expect(throws: QueryError.self) { try kb.execute(sql: "SELEC 1") }
    }

    @Test func readOnlyDatabaseRefusesWrites() throws {
        let kb = try Fixtures.worldKB()
        #expect(throws: (any Error).self) { try kb.execute(sql: "DELETE FROM actors") }
    }
}
