import ArgumentParser
import Foundation
import GRDB
import IRStore

/// `irkb actors`: the analyst's own view and corrections of the actor table.
struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List actors with mention counts and codes; add actors and aliases of your own.",
        discussion: """
            Without a subcommand, lists actors, most mentioned first.

              irkb actors --kind person --country RUS
              irkb actors add "Wagner Group" --kind group --country RUS --alias Wagner --alias PMC Wagner
              irkb actors alias "Volodymyr Zelensky" "Volodymyr Zelenskyy"

            An alias added here redirects later ingests: an actor the text names ALIAS is stored as NAME.
            """,
        subcommands: [List.self, Add.self, Alias.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Actors with their kind, country, CAMEO code, mentions and articles.")

        @Option(help: ArgumentHelp("Only this kind: person, state, organization or group.", valueName: "kind")) var kind: String?
        @Option(help: ArgumentHelp("Only this ISO 3166-1 alpha-3 country, e.g. RUS.", valueName: "iso3")) var country: String?
        @Option(help: "At most this many rows.") var limit: Int = 100
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let kind { _ = try ActorsCommand.kind(kind) }
            if let country { _ = try ActorsCommand.iso3(country) }
            if limit < 1 { throw ValidationError("--limit takes a positive number.") }
        }

        func run() throws {
            let store = try database.openReadOnly()
            var filters: [String] = []
            var args = StatementArguments()
            if let kind { filters.append("a.kind = :kind"); args += ["kind": try ActorsCommand.kind(kind).rawValue] }
            if let country { filters.append("a.country_code = :country"); args += ["country": try ActorsCommand.iso3(country)] }
            args += ["limit": limit]
            let sql = """
                SELECT a.id, a.name, a.kind, a.country_code, a.cameo_code,
                       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
                       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = a.id) AS articles,
                       (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM actor_aliases al WHERE al.actor_id = a.id ORDER BY alias LIMIT 8)) AS aliases,
                       a.user_defined
                FROM actors a
                \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
                ORDER BY mentions DESC, a.name
                LIMIT :limit
                """
            let table = try withQueryErrors { try store.read { db in try Store.table(db, sql: sql, arguments: args) } }
            output.render(table)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an actor (or mark an existing one as yours), with aliases.")

        @Argument(help: "The canonical name, e.g. \"Wagner Group\".") var name: String
        @Option(help: ArgumentHelp("person, state, organization or group.", valueName: "kind")) var kind: String
        @Option(help: ArgumentHelp("ISO 3166-1 alpha-3 of the state it belongs to; leave out for bodies of no one state.", valueName: "iso3"))
        var country: String?
        @Option(help: ArgumentHelp("CAMEO actor code, e.g. RUSMIL (default: the country code).", valueName: "code")) var cameo: String?
        @Option(help: ArgumentHelp("Another name for it; repeat for more.", valueName: "alias")) var alias: [String] = []
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            _ = try ActorsCommand.kind(kind)
            if let country { _ = try ActorsCommand.iso3(country) }
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("NAME must not be empty.") }
        }

        func run() throws {
            let k = try ActorsCommand.kind(kind)
            let iso = try country.map(ActorsCommand.iso3)
            let key = ActorRow.identityKey(name: name, kind: k, countryCode: iso)
            let store = try database.openForEdit()
            let id: Int64 = try withQueryErrors {
                try store.write { db in
                    let id = try Int64.fetchOne(db, sql: """
                        INSERT INTO actors(name, kind, country_code, cameo_code, identity_key, user_defined)
                        VALUES (?, ?, ?, ?, ?, 1)
                        ON CONFLICT(identity_key) DO UPDATE SET user_defined = 1,
                            cameo_code = COALESCE(excluded.cameo_code, actors.cameo_code)
                        RETURNING id
                        """, arguments: [name, k.rawValue, iso, cameo ?? iso, key])!
                    for a in alias where !a.isEmpty {
                        try db.execute(sql: """
                            INSERT INTO actor_aliases(actor_id, alias, source) VALUES (?, ?, 'user')
                            ON CONFLICT(actor_id, alias) DO UPDATE SET source = 'user'
                            """, arguments: [id, a])
                    }
                    return id
                }
            }
            print("actor \(id): \(name) (\(k.rawValue)\(iso.map { ", " + $0 } ?? ""))")
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias",
            abstract: "Record ALIAS as another name of the actor NAME.")

        @Argument(help: "The actor's name (case-insensitive; the most mentioned one when several share it).") var name: String
        @Argument(help: "The other name.") var alias: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.openForEdit()
            let id: Int64? = try withQueryErrors {
                try store.write { db in
                    guard let id = try Int64.fetchOne(db, sql: """
                        SELECT a.id FROM actors a WHERE a.name = ? COLLATE NOCASE
                        ORDER BY a.user_defined DESC, (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) DESC, a.id
                        LIMIT 1
                        """, arguments: [name]) else { return nil }
                    try db.execute(sql: """
                        INSERT INTO actor_aliases(actor_id, alias, source) VALUES (?, ?, 'user')
                        ON CONFLICT(actor_id, alias) DO UPDATE SET source = 'user'
                        """, arguments: [id, alias])
                    return id
                }
            }
            guard let id else {
                throw CLIError("no actor is named '\(name)'. 'irkb actors' lists them; 'irkb actors add' adds one.")
            }
            print("actor \(id): \(name) also '\(alias)'")
        }
    }

    static func kind(_ s: String) throws -> ActorKind {
        guard let k = ActorKind(rawValue: s.lowercased()) else {
            throw ValidationError("'\(s)' is not an actor kind; use person, state, organization or group.")
        }
        return k
    }

    static func iso3(_ s: String) throws -> String {
        let u = s.uppercased()
        guard u.utf8.count == 3, u.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw ValidationError("'\(s)' is not an ISO 3166-1 alpha-3 code (three letters, e.g. RUS).")
        }
        return u
    }
}
