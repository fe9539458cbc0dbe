/// The analysts' questions as typed calls, one per canned query. Each runs the query of
/// the same name in `Queries/` and returns its `ResultTable`; nil arguments are left unset.
///
///     try kb.meetings(actor: "Putin", since: "2015")
///     try kb.sanctionsInForce(target: "RUS")
///     try kb.roleHolders(title: "Foreign Minister", country: "RUS", date: "2015-05-12")
///
/// Actor arguments take a name, an alias, a surname or an ISO 3166-1 alpha-3 code,
/// case-insensitively; a code takes in every actor of that country.
extension KnowledgeBase {
    func ask(_ name: String, _ parameters: [String: String?]) throws -> ResultTable {
        try run(name, parameters: parameters.compactMapValues { $0 })
    }

    /// 1. Who met whom, when and where (CAMEO 04), optionally for one actor or a pair.
    public func meetings(actor: String? = nil, other: String? = nil, since: String? = nil, until: String? = nil) throws -> ResultTable {
        try ask("meetings", ["actor": actor, "other": other, "since": since, "until": until])
    }

    /// 2. Every event between two actors (or of one actor) in date order, with its sentence.
    public func dyadTimeline(_ actor: String, _ other: String? = nil, since: String? = nil, until: String? = nil) throws -> ResultTable {
        try ask("dyad-timeline", ["actor": actor, "other": other, "since": since, "until": until])
    }

    /// 3. One actor's kinds, codes, aliases, roles over time, top counterparts and recent quotes,
    /// as rows of (section, item, detail, date, count).
    public func actorProfile(name: String) throws -> ResultTable {
        try ask("actor-profile", ["actor": name])
    }

    /// 4. Sanctions in force on a target: the latest action per imposer, kind and sanctioned party.
    public func sanctionsInForce(target: String, asOf date: String? = nil) throws -> ResultTable {
        try ask("sanctions-in-force", ["target": target, "date": date])
    }

    /// Every sanctions measure on a target, newest first.
    public func sanctionsOn(target: String, since: String? = nil) throws -> ResultTable {
        try ask("sanctions-on", ["target": target, "since": since])
    }

    /// 5. Who sanctions whom: imposer x target counts per action over a period, the busiest pairs
    /// first (100 of them unless `limit` says otherwise; 0 for all).
    public func whoSanctionsWhom(since: String? = nil, until: String? = nil, imposer: String? = nil, limit: Int? = nil) throws -> ResultTable {
        try ask("who-sanctions-whom", ["since": since, "until": until, "imposer": imposer, "limit": limit.map(String.init)])
    }

    /// 6. The sanctions timeline of an imposer or target, oldest first.
    public func sanctionsTimeline(actor: String, since: String? = nil, until: String? = nil) throws -> ResultTable {
        try ask("sanctions-timeline", ["actor": actor, "since": since, "until": until])
    }

    /// 7. Each conflict with its parties, latest reported toll and when it was reported.
    public func conflicts(country: String? = nil, since: String? = nil) throws -> ResultTable {
        try ask("conflicts", ["country": country, "since": since])
    }

    /// 8. Every casualty report of a conflict (name, part of it, id or country), oldest first.
    public func conflictToll(conflict: String) throws -> ResultTable {
        try ask("conflict-toll", ["conflict": conflict])
    }

    /// 9. Who supports which party of a conflict (aid and support events): per conflict the
    /// backer-party rows with the most events first (25 of them unless `limit` says otherwise; 0 for all).
    public func backers(conflict: String? = nil, since: String? = nil, limit: Int? = nil) throws -> ResultTable {
        try ask("backers", ["conflict": conflict, "since": since, "limit": limit.map(String.init)])
    }

    /// 10. Quotes by a speaker, optionally about an actor or containing words.
    public func quotes(speaker: String, about: String? = nil, containing: String? = nil) throws -> ResultTable {
        try ask("quotes-by-speaker", ["speaker": speaker, "about": about, "containing": containing])
    }

    /// 11. What anonymous officials (of a country) said.
    public func anonymousQuotes(country: String? = nil, containing: String? = nil) throws -> ResultTable {
        try ask("anonymous-quotes", ["country": country, "containing": containing])
    }

    /// 12. Cooperation vs conflict per dyad: events per QuadClass and mean Goldstein.
    public func dyadCooperation(actor: String? = nil, other: String? = nil, since: String? = nil, until: String? = nil) throws -> ResultTable {
        try ask("dyad-cooperation", ["actor": actor, "other": other, "since": since, "until": until])
    }

    /// 13. Events by CAMEO root per country per month.
    public func eventsByRoot(country: String? = nil, root: String? = nil, since: String? = nil, until: String? = nil) throws -> ResultTable {
        try ask("events-by-root", ["country": country, "root": root, "since": since, "until": until])
    }

    /// 14. The most mentioned actors in a period.
    public func mostMentioned(since: String? = nil, until: String? = nil, kind: String? = nil, limit: Int? = nil) throws -> ResultTable {
        try ask("most-mentioned", ["since": since, "until": until, "kind": kind, "limit": limit.map(String.init)])
    }

    /// 14. Co-mentioned actor pairs: articles and sentences naming both.
    public func coMentions(actor: String? = nil, since: String? = nil, until: String? = nil, limit: Int? = nil) throws -> ResultTable {
        try ask("co-mentions", ["actor": actor, "since": since, "until": until, "limit": limit.map(String.init)])
    }

    /// 15. Who held a role (e.g. Foreign Minister of RUS), optionally on a date.
    public func roleHolders(title: String, country: String? = nil, date: String? = nil) throws -> ResultTable {
        try ask("role-holders", ["title": title, "country": country, "date": date])
    }
}

/// An actor as stored, for lookups and suggestions.
public struct ActorSummary: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var countryCode: String?
    public var cameoCode: String?
    public var mentions: Int
}

extension KnowledgeBase {
    /// The actors a name, alias, surname or ISO code designates, best match first (the
    /// order the actor profile uses to pick one).
    public func actors(matching text: String) throws -> [ActorSummary] {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return [] }
        let table = try execute(sql: """
            SELECT a.id, a.name, a.kind, a.country_code, a.cameo_code,
                   (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions
            FROM actors a
            WHERE lower(a.name) = lower(:t)
               OR a.id IN (SELECT al.actor_id FROM actor_aliases al WHERE lower(al.alias) = lower(:t))
               OR a.country_code = upper(:t)
               OR a.cameo_code = upper(:t)
               OR (a.kind = 'person' AND lower(substr(a.name, -(length(:t) + 1))) = ' ' || lower(:t))
            ORDER BY CASE
                       WHEN lower(a.name) = lower(:t) THEN 0
                       WHEN a.id IN (SELECT al.actor_id FROM actor_aliases al WHERE lower(al.alias) = lower(:t)) THEN 1
                       WHEN a.kind = 'state' AND a.country_code = upper(:t) THEN 2
                       WHEN a.cameo_code = upper(:t) THEN 3
                       WHEN a.kind = 'person' AND lower(substr(a.name, -(length(:t) + 1))) = ' ' || lower(:t) THEN 4
                       ELSE 5
                     END, mentions DESC, a.id
            """, parameters: ["t": t], label: "actor lookup")
        return table.rows.map { r in
            ActorSummary(id: r[0].int ?? 0, name: r[1].description, kind: r[2].description, countryCode: r[3].string,
                         cameoCode: r[4].string, mentions: Int(r[5].int ?? 0))
        }
    }

    /// Actor names that look like `text` (substring, case-insensitive), most mentioned first:
    /// for "no actor named X; did you mean ...".
    public func actorSuggestions(_ text: String, limit: Int = 5) throws -> [String] {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return [] }
        return try execute(sql: """
            SELECT a.name FROM actors a
            WHERE instr(lower(a.name), lower(:t)) > 0
               OR a.id IN (SELECT al.actor_id FROM actor_aliases al WHERE instr(lower(al.alias), lower(:t)) > 0)
            ORDER BY (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) DESC, a.name
            LIMIT CAST(:n AS INTEGER)
            """, parameters: ["t": t, "n": String(limit)], label: "actor suggestions").column("name").map(\.description)
    }
}
