import Foundation
import IRQuery
import Testing

/// Serves the fixture database with Datasette (installed by .ci/run; skipped when absent) and
/// asks every canned query's JSON endpoint, and full-text search on articles and quotes.
@Suite struct DatasetteServeTests {
    static let datasette: String? = {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["IRKB_DATASETTE"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/datasette"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Fetches each URL with Python's urllib (Python comes with Datasette), after waiting for
    /// the server to listen; prints {"url": [status, body]} as JSON.
    static let fetcher = """
        import json, sys, time, urllib.request, urllib.error
        base, urls = sys.argv[1], sys.argv[2:]
        for _ in range(240):
            try:
                urllib.request.urlopen(base + ".json", timeout=5).read()
                break
            except Exception:
                time.sleep(0.25)
        out = {}
        for u in urls:
            try:
                with urllib.request.urlopen(base + u, timeout=30) as r:
                    out[u] = [r.status, r.read().decode("utf-8")]
            except urllib.error.HTTPError as e:
                out[u] = [e.code, e.read().decode("utf-8", "replace")]
            except Exception as e:
                out[u] = [0, str(e)]
        print(json.dumps(out))
        """

    @Test(.enabled(if: datasette != nil, "datasette is not installed (.ci/run installs it)"))
    func cannedQueriesAndSearchAnswerInDatasette() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("irkb-datasette-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = scratch.appendingPathComponent("irkb.sqlite")
        try FileManager.default.copyItem(atPath: Fixtures.world, toPath: db.path)
        let metadata = scratch.appendingPathComponent("metadata.json")
        try DatasetteMetadata.json(databaseName: "irkb").write(to: metadata, atomically: true, encoding: .utf8)

        let port = 20000 + Int.random(in: 0..<20000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.datasette!)
        server.arguments = ["serve", db.path, "-m", metadata.path, "-h", "127.0.0.1", "-p", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            for _ in 0..<50 where server.isRunning { usleep(100_000) }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        }

        let kb = try Fixtures.worldKB()
        var expected: [String: Int] = [:]
        for q in CannedQueries.all {
            var components = URLComponents()
            components.path = "/" + q.name + ".json"
            var items = [URLQueryItem(name: "_shape", value: "objects")]
            var params: [String: String] = [:]
            for p in ShellTests.worldParameters[q.name] ?? [] {
                items.append(URLQueryItem(name: p.name, value: p.value))
                params[p.name] = p.value
            }
            components.queryItems = items
            expected[components.string!] = try kb.run(q, parameters: params).count
        }
        let searches = ["/articles.json?_search=shelled&_shape=objects", "/quotes.json?_search=pressure&_shape=objects"]
        let pages = ["/articles", "/quotes"]

        let python = Process()
        python.executableURL = URL(fileURLWithPath: Self.python)
        python.arguments = ["-c", Self.fetcher, "http://127.0.0.1:\(port)/irkb"] + expected.keys.sorted() + searches + pages
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        let answers = try #require(JSONSerialization.jsonObject(with: data) as? [String: [Any]], "no answers from the fetcher")

        func body(_ url: String) -> (Int, String) {
            let a = answers[url] ?? []
            return (a.first as? Int ?? 0, a.count > 1 ? a[1] as? String ?? "" : "")
        }
        func rows(_ url: String) -> Int? {
            let (_, text) = body(url)
            let obj = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            return (obj?["rows"] as? [Any])?.count
        }
        for (url, count) in expected {
            #expect(body(url).0 == 200, "\(url): \(body(url).1.prefix(300))")
            #expect(rows(url) == count, "\(url): Datasette and the library differ")
        }
        for url in searches { #expect(rows(url) == 1, "full-text search: \(url)") }
        for url in pages { #expect(body(url).1.contains("name=\"_search\""), "\(url) offers no search box") }
    }

    /// The Python beside datasette (its virtual environment), else python3 on the PATH.
    static var python: String {
        let sibling = URL(fileURLWithPath: datasette!).deletingLastPathComponent().appendingPathComponent("python3").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        return "/usr/bin/python3"
    }
}
