import Foundation
import IRQuery
import Testing

@Suite struct CannedQueryTests {
    /// The questions of the issue, by file name.
    static let expectedNames = [
        "actor-profile", "anonymous-quotes", "backers", "co-mentions", "conflict-toll", "conflicts", "dyad-cooperation",
        "dyad-timeline", "events-by-root", "meetings", "most-mentioned", "quotes-by-speaker", "role-holders",
        "sanctions-in-force", "sanctions-on", "sanctions-timeline", "who-sanctions-whom",
    ]

    @Test func everyQuestionHasAQuery() {
        #expect(CannedQueries.all.map(\.name) == Self.expectedNames)
    }

    @Test func headersAreComplete() {
        for q in CannedQueries.all {
            #expect(q.title != q.name && !q.title.isEmpty, "\(q.name) lacks a title")
            #expect(q.description.count > 20, "\(q.name) lacks a description")
            #expect(q.sql.contains("In sqlite3:"), "\(q.name) does not say how to run it in sqlite3")
            for p in q.parameters {
                #expect(!p.help.isEmpty, "\(q.name): parameter \(p.name) has no help")
            }
        }
    }

    /// Every :name in the SQL is declared in the header, and every declared parameter is used.
    @Test func declaredParametersAreTheUsedOnes() {
        for q in CannedQueries.all {
            let used = Set(SQLParameters.names(in: q.statement))
            let declared = Set(q.parameters.map(\.name))
            #expect(used == declared, "\(q.name): SQL uses \(used.sorted()), header declares \(declared.sorted())")
        }
    }

    @Test func headerParsing() {
        let q = CannedQuery(name: "x", sql: """
            -- title: Sanctions on a target
            -- description: Every measure on :target.
            -- param: target  actor name or ISO code, e.g. Russia or RUS
            -- param: since  (optional) first date, ISO
            -- In sqlite3: .read Queries/x.sql
            SELECT :target, :since;
            """)
        #expect(q.title == "Sanctions on a target")
        #expect(q.description == "Every measure on :target.")
        #expect(q.parameters == [
            .init(name: "target", help: "actor name or ISO code, e.g. Russia or RUS", isOptional: false),
            .init(name: "since", help: "first date, ISO", isOptional: true),
        ])
        #expect(q.statement == "SELECT :target, :since")
        #expect(q.usage == "x -p target VALUE [-p since VALUE]")
    }

    @Test func parameterScannerSkipsStringsAndComments() {
        let names = SQLParameters.names(in: """
            SELECT ':a', ":b", [c:d] -- :e
            /* :f */ FROM t WHERE x = :g AND y = @h AND z = :g AND w = $i
            """)
        #expect(names == ["g", "h", "i"])
    }

    @Test func lookupByName() throws {
        #expect(CannedQueries.named("meetings")?.name == "meetings")
        #expect(CannedQueries.named("meetings.sql")?.name == "meetings")
        #expect(CannedQueries.named("nope") == nil)
        #expect(throws: QueryError.self) { try CannedQueries.require("meeting") }
        do {
            _ = try CannedQueries.require("meeting")
        } catch {
            #expect("\(error)".contains("Did you mean 'meetings'?"))
        }
    }

    /// The binary carries the files of Queries/ exactly (python3 scripts/embed.py regenerates them).
    @Test func embeddedQueriesMatchTheFiles() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == CannedQueries.all.map(\.name))
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            #expect(CannedQueries.named(f)?.sql == text, "\(f) changed: run python3 scripts/embed.py")
        }
    }
}
