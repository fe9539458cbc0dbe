import Foundation
import IRQuery
import Testing

/// Every Queries/*.sql runs in the sqlite3 shell after .param set, and answers as the library does.
@Suite struct ShellTests {
    static let sqlite3 = "/usr/bin/sqlite3"

    /// Shell parameters (as typed after `.param set :name`) and the same values for the library.
    static let worldParameters: [String: [(name: String, shell: String, value: String)]] = [
        "meetings": [("actor", "Lavrov", "Lavrov")],
        "dyad-timeline": [("actor", "RUS", "RUS"), ("other", "Kyiv", "Kyiv")],
        "actor-profile": [("actor", "Lavrov", "Lavrov")],
        "sanctions-in-force": [("target", "Russia", "Russia"), ("date", "\"'2022-12'\"", "2022-12")],
        "sanctions-on": [("target", "RUS", "RUS"), ("since", "2023", "2023")],
        "who-sanctions-whom": [],
        "sanctions-timeline": [("actor", "EU", "EU")],
        "conflicts": [],
        "conflict-toll": [("conflict", "Ukraine", "Ukraine")],
        "backers": [("conflict", "Ukraine", "Ukraine")],
        "quotes-by-speaker": [("speaker", "Lavrov", "Lavrov"), ("about", "Russia", "Russia")],
        "anonymous-quotes": [("country", "'United States'", "United States")],
        "dyad-cooperation": [("actor", "Ukraine", "Ukraine")],
        "events-by-root": [("root", "04", "04")],
        "most-mentioned": [("limit", "3", "3")],
        "co-mentions": [("actor", "Blinken", "Blinken")],
        "role-holders": [("title", "'Foreign Minister'", "Foreign Minister"), ("country", "RUS", "RUS"), ("date", "2023", "2023")],
    ]

    struct ShellResult { var status: Int32; var output: String; var error: String }

    static func runShell(database: String, script: String) throws -> ShellResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: sqlite3)
        p.arguments = ["-init", "/dev/null", "-bail", "-batch", database]
        let input = Pipe(), output = Pipe(), error = Pipe()
        p.standardInput = input; p.standardOutput = output; p.standardError = error
        try p.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return ShellResult(status: p.terminationStatus, output: String(decoding: out, as: UTF8.self),
                           error: String(decoding: err, as: UTF8.self))
    }

    static func script(query: String, parameters: [(name: String, shell: String, value: String)]) -> String {
        var s = ".headers on\n.mode csv\n"
        for p in parameters { s += ".param set :\(p.name) \(p.shell)\n" }
        s += ".read '\(Fixtures.packageRoot.appendingPathComponent("Queries/\(query).sql").path)'\n"
        return s
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sqlite3), "needs /usr/bin/sqlite3"))
    func everyQueryRunsInTheShellAsInTheLibrary() throws {
        let kb = try Fixtures.worldKB()
        #expect(Set(Self.worldParameters.keys) == Set(CannedQueries.all.map(\.name)))
        for q in CannedQueries.all {
            let params = Self.worldParameters[q.name] ?? []
            let r = try Self.runShell(database: Fixtures.world, script: Self.script(query: q.name, parameters: params))
            #expect(r.status == 0 && r.error.isEmpty, "\(q.name): \(r.error)")
            let library = try kb.run(q, parameters: Dictionary(uniqueKeysWithValues: params.map { ($0.name, $0.value) }))
            #expect(!library.isEmpty, "\(q.name): the fixture should answer")
            let records = parseCSV(r.output)
            #expect(records.first == library.columns, "\(q.name): columns differ")
            let shellFirst = records.dropFirst().map { $0.first ?? "" }
            #expect(shellFirst == library.rows.map { $0.first?.description ?? "" }, "\(q.name): rows differ")
        }
    }

    /// Optional parameters may stay unset in the shell: every query with only its required ones set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sqlite3), "needs /usr/bin/sqlite3"))
    func requiredParametersAreEnoughInTheShell() throws {
        for q in CannedQueries.all {
            let params = (Self.worldParameters[q.name] ?? []).filter { p in q.parameter(p.name)?.isOptional == false }
            let r = try Self.runShell(database: Fixtures.samples, script: Self.script(query: q.name, parameters: params))
            #expect(r.status == 0 && r.error.isEmpty, "\(q.name): \(r.error)")
            #expect(parseCSV(r.output).first.map { !$0.isEmpty } ?? true, "\(q.name)")
        }
    }

    /// The settings file the README points shell users to loads and sets up the shell.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sqlite3), "needs /usr/bin/sqlite3"))
    func sqlitercWorks() throws {
        let rc = Fixtures.packageRoot.appendingPathComponent("SampleData/irkb.sqliterc").path
        let r = try Self.runShell(database: Fixtures.world, script: ".read '\(rc)'\n.param set :actor Lavrov\n.read '\(Fixtures.packageRoot.appendingPathComponent("Queries/meetings.sql").path)'\n")
        #expect(r.status == 0 && r.error.isEmpty, "\(r.error)")
        #expect(r.output.contains("Antony Blinken"))
    }
}
