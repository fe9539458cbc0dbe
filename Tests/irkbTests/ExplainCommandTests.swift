import Foundation
import Testing

/// `irkb explain EVENT` against the built binary, on the small database of `ReadCommandsTests`.
@Suite(.serialized) struct ExplainCommandTests {
    @Test(.enabled(if: ReadCommandsTests.hasShell)) func marksTriggerSourceAndTarget() throws {
        let s = Scratch()
        let db = try ReadCommandsTests.database(s)
        let r = try CLI.run(["explain", "1", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<<Lavrov>> [met] {Blinken} in Geneva."))
        #expect(r.stdout.contains("source << >>   Sergei Lavrov (RUS, RUSGOV)"))
        #expect(r.stdout.contains("code           040 Consult (root 04; QuadClass 1 verbal cooperation"))
        #expect(r.stdout.contains("grammar rule"))
        let second = try CLI.run(["explain", "2", "--db", db])
        #expect(second.stdout.contains("<<Russia>> [shelled] {Ukraine}."))
    }

    @Test(.enabled(if: ReadCommandsTests.hasShell)) func explicitFormatGivesTheFields() throws {
        let s = Scratch()
        let db = try ReadCommandsTests.database(s)
        let r = try CLI.run(["explain", "2", "--db", db, "--tsv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("event_id\tarticle\tsentence\tcameo_code") == true)
        #expect(lines.last?.contains("\t194\t") == true)
    }

    @Test(.enabled(if: ReadCommandsTests.hasShell)) func unknownEventSaysWhereToLook() throws {
        let s = Scratch()
        let db = try ReadCommandsTests.database(s)
        let r = try CLI.run(["explain", "99", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no event has id 99"))
        #expect(r.stdout.isEmpty)
    }
}
