import ArgumentParser
import IRQuery

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why an event was coded: its sentence with trigger and actors marked, the lexicon entry and the grammar rule.",
        discussion: """
            EVENT is an event id (the event_id column of v_events). The sentence is printed with \
            the trigger in [brackets], the source in <<angle quotes>> and the target in {braces}; \
            then the CAMEO code with its root, QuadClass, Goldstein score and PLOVER category, \
            the date and where it came from, the place, the mode, the verb-lexicon entry that \
            matched and the grammar rules that assigned source and target.

              irkb explain 12
              irkb explain 12 --json

            Find ids with: irkb sql "SELECT event_id, source_name, cameo_code, target_name FROM v_events"
            """)

    @Argument(help: "The event id.") var event: Int
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    static let sql = """
        SELECT e.id AS event_id, a.external_id AS article, se.ordinal AS sentence,
               e.cameo_code, c.description AS event_label, c.root, c.quad_class, q.label AS quad_label,
               c.goldstein, c.plover, e.mode,
               s.name AS source_name, s.country_code AS source_country, s.cameo_code AS source_cameo,
               t.name AS target_name, t.country_code AS target_country, t.cameo_code AS target_cameo,
               e.occurred_on, e.date_precision, e.date_source, a.published_on,
               p.name AS place_name, p.country_code AS place_country,
               e.trigger_text, e.lexicon_entry, e.rule,
               e.start_char - se.start_char AS trigger_start, e.end_char - se.start_char AS trigger_end,
               se.text AS sentence_text,
               (SELECT group_concat((m.start_char - se.start_char) || ':' || (m.end_char - se.start_char), ' ')
                  FROM mentions m WHERE m.sentence_id = e.sentence_id AND m.actor_id = e.source_actor_id) AS source_spans,
               (SELECT group_concat((m.start_char - se.start_char) || ':' || (m.end_char - se.start_char), ' ')
                  FROM mentions m WHERE m.sentence_id = e.sentence_id AND m.actor_id = e.target_actor_id) AS target_spans
        FROM events e
        JOIN articles a ON a.id = e.article_id
        JOIN sentences se ON se.id = e.sentence_id
        JOIN cameo_codes c ON c.code = e.cameo_code
        LEFT JOIN quad_classes q ON q.quad_class = c.quad_class
        LEFT JOIN actors s ON s.id = e.source_actor_id
        LEFT JOIN actors t ON t.id = e.target_actor_id
        LEFT JOIN places p ON p.id = e.place_id
        WHERE e.id = :event
        """

    func run() throws {
        let kb = KnowledgeBase(store: try database.openReadOnly())
        let table = try withQueryErrors { try kb.execute(sql: ExplainCommand.sql, parameters: ["event": String(event)], label: "explain") }
        guard !table.isEmpty else {
            throw CLIError("no event has id \(event). Event ids are the event_id column of v_events: irkb sql \"SELECT event_id, source_name, cameo_code, target_name FROM v_events\"")
        }
        // An explicit output format gets the fields as one row; otherwise the marked-up explanation.
        if output.json || output.nl || output.csv || output.tsv || output.markdown || output.table {
            output.render(table)
            return
        }
        print(ExplainCommand.explanation(table.records[0]), terminator: "")
    }

    /// The human-readable explanation of one event row.
    static func explanation(_ r: [String: Cell]) -> String {
        func s(_ k: String) -> String { r[k]?.string ?? "" }
        func spans(_ k: String) -> [(Int, Int)] {
            s(k).split(separator: " ").compactMap { p -> (Int, Int)? in
                let ab = p.split(separator: ":")
                guard ab.count == 2, let a = Int(ab[0]), let b = Int(ab[1]) else { return nil }
                return (a, b)
            }
        }
        let marked = mark(s("sentence_text"), trigger: (Int(s("trigger_start")) ?? -1, Int(s("trigger_end")) ?? -1),
                          source: spans("source_spans"), target: spans("target_spans"))
        func actor(_ p: String) -> String {
            let name = s(p + "_name")
            guard !name.isEmpty else { return "(none)" }
            let codes = [s(p + "_country"), s(p + "_cameo")].filter { !$0.isEmpty }
            return codes.isEmpty ? name : name + " (" + codes.joined(separator: ", ") + ")"
        }
        var date = s("occurred_on").isEmpty ? "(unknown)" : s("occurred_on")
        if !s("date_precision").isEmpty { date += ", " + s("date_precision") + " precision" }
        switch s("date_source") {
        case "text": date += ", stated in the sentence"
        case "relative": date += ", a relative expression resolved against the publication date " + s("published_on")
        case "published": date += ", the publication date (the sentence gives none)"
        case "dateline": date += ", the dateline's date"
        default: break
        }
        var place = s("place_name").isEmpty ? "(none)" : s("place_name")
        if !s("place_country").isEmpty { place += " (" + s("place_country") + ")" }
        var lines: [String] = []
        lines.append("Event \(s("event_id")) in article \(s("article")), sentence \(s("sentence")):")
        lines.append("")
        lines.append("  " + marked)
        lines.append("")
        lines.append("  trigger [ ]    " + s("trigger_text"))
        lines.append("  source << >>   " + actor("source"))
        lines.append("  target { }     " + actor("target"))
        lines.append("  code           \(s("cameo_code")) \(s("event_label")) (root \(s("root")); QuadClass \(s("quad_class")) \(s("quad_label")); Goldstein \(s("goldstein")); PLOVER \(s("plover").isEmpty ? "-" : s("plover")))")
        lines.append("  mode           " + s("mode"))
        lines.append("  date           " + date)
        lines.append("  place          " + place)
        lines.append("  lexicon entry  " + s("lexicon_entry") + "   (Sources/IRIngest/Lexicon/Data/verbs.tsv)")
        lines.append("  grammar rule   " + s("rule") + "   (source rule | target rule)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sentence with the trigger in [brackets], source mentions in <<...>> and target mentions in {...}.
    /// Offsets are code points into the sentence.
    static func mark(_ text: String, trigger: (Int, Int), source: [(Int, Int)], target: [(Int, Int)]) -> String {
        let scalars = Array(text.unicodeScalars)
        var opens = [Int: [String]](), closes = [Int: [String]]()
        func add(_ r: (Int, Int), _ o: String, _ c: String) {
            guard r.0 >= 0, r.1 <= scalars.count, r.0 < r.1 else { return }
            opens[r.0, default: []].append(o)
            closes[r.1, default: []].insert(c, at: 0)
        }
        add(trigger, "[", "]")
        for r in source { add(r, "<<", ">>") }
        for r in target { add(r, "{", "}") }
        var out = String.UnicodeScalarView()
        for i in 0...scalars.count {
            for c in closes[i] ?? [] { out.append(contentsOf: c.unicodeScalars) }
            for o in opens[i] ?? [] { out.append(contentsOf: o.unicodeScalars) }
            if i < scalars.count { out.append(scalars[i]) }
        }
        return String(out)
    }
}
