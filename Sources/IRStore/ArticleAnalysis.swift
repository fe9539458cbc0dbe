/// Everything ingest derives from one article, ready to be written in one transaction.
///
/// Rows refer to each other by index into the arrays of this value (an event's
/// `source` is an index into `actors`), never by database id: the store assigns ids.
/// Character offsets are code-point offsets into `article.body`.
public struct ArticleAnalysis: Sendable, Equatable {
    public var article: ArticleFields
    public var sentences: [SentenceRow] = []
    public var actors: [ActorRow] = []
    public var mentions: [MentionRow] = []
    public var roles: [RoleRow] = []
    public var places: [PlaceRow] = []
    public var events: [EventRow] = []
    public var sanctions: [SanctionRow] = []
    public var conflicts: [ConflictRow] = []
    public var conflictReports: [ConflictReportRow] = []
    public var quotes: [QuoteRow] = []
    /// The pairs of its actors (indices into `actors`) and the sentences that name each pair, for
    /// co_mentions (0014): made where the article is analysed (`pairActors`), off the writer's
    /// thread; the writer makes them itself when they are missing. Call `pairActors` again after
    /// changing the mentions of an analysed article.
    public var actorPairs: CoMentionTally?

    /// Counts the pairs of the article's actors (`actorPairs`).
    public mutating func pairActors() { actorPairs = CoMentionTally(pairing: self) }

    public init(article: ArticleFields) { self.article = article }

    /// Rows this analysis writes, all tables together (for summaries and benchmarks).
    public var rowCount: Int {
        1 + sentences.count + actors.count + mentions.count + roles.count + places.count + events.count
            + sanctions.count + conflicts.count + conflictReports.count + quotes.count
    }
}

/// Where an article's publication date came from.
public enum DateSource: String, Sendable, Codable {
    case input, dateline, caption, text, none
}

/// The `articles` row.
public struct ArticleFields: Sendable, Equatable {
    /// The input's id, else `sha256:` + content hash.
    public var externalID: String
    public var url: String?
    public var outlet: String?
    public var headline: String
    public var datelinePlace: String?
    /// ISO date at the precision known.
    public var publishedOn: String?
    public var publishedSource: DateSource
    public var body: String
    /// SHA-256 hex of the fields above: an unchanged hash means an unchanged article.
    public var contentHash: String
    /// File (and line) the article was read from.
    public var source: String?

    public init(externalID: String, url: String? = nil, outlet: String? = nil, headline: String,
                datelinePlace: String? = nil, publishedOn: String? = nil, publishedSource: DateSource = .none,
                body: String, contentHash: String, source: String? = nil) {
        self.externalID = externalID
        self.url = url
        self.outlet = outlet
        self.headline = headline
        self.datelinePlace = datelinePlace
        self.publishedOn = publishedOn
        self.publishedSource = publishedSource
        self.body = body
        self.contentHash = contentHash
        self.source = source
    }
}

public struct SentenceRow: Sendable, Equatable {
    public var paragraph: Int
    public var startChar: Int
    public var endChar: Int
    public var text: String
    public var isCaption: Bool
    public init(paragraph: Int, startChar: Int, endChar: Int, text: String, isCaption: Bool = false) {
        self.paragraph = paragraph; self.startChar = startChar; self.endChar = endChar
        self.text = text; self.isCaption = isCaption
    }
}

/// Actor kinds, the `actor_kinds` vocabulary.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case person, state, organization, group
}

/// One actor identity. Across articles, `name` + `kind` + `countryCode` decide identity.
public struct ActorRow: Sendable, Equatable, Hashable {
    public var name: String { didSet { identityKey = ActorRow.identityKey(name: name, kind: kind, countryCode: countryCode) } }
    public var kind: ActorKind { didSet { identityKey = ActorRow.identityKey(name: name, kind: kind, countryCode: countryCode) } }
    /// ISO 3166-1 alpha-3; nil for bodies of no one state.
    public var countryCode: String? { didSet { identityKey = ActorRow.identityKey(name: name, kind: kind, countryCode: countryCode) } }
    /// CAMEO actor code, e.g. USAGOV.
    public var cameoCode: String?
    /// Surface forms seen for this actor in the article.
    public var aliases: [String]
    /// The identity key stored in `actors.identity_key`, kept with the row: it is made where the
    /// article is analysed (in parallel), not on the writer's thread.
    public private(set) var identityKey: String

    public init(name: String, kind: ActorKind, countryCode: String?, cameoCode: String?, aliases: [String] = []) {
        self.name = name; self.kind = kind; self.countryCode = countryCode
        self.cameoCode = cameoCode; self.aliases = aliases
        self.identityKey = ActorRow.identityKey(name: name, kind: kind, countryCode: countryCode)
    }

    public static func identityKey(name: String, kind: ActorKind, countryCode: String?) -> String {
        name.lowercased() + "|" + kind.rawValue + "|" + (countryCode ?? "")
    }
}

public struct MentionRow: Sendable, Equatable {
    /// Index into `ArticleAnalysis.actors`.
    public var actor: Int
    /// Index into `ArticleAnalysis.sentences`.
    public var sentence: Int
    public var startChar: Int
    public var endChar: Int
    public var text: String
    public var rule: String
    public init(actor: Int, sentence: Int, startChar: Int, endChar: Int, text: String, rule: String = "") {
        self.actor = actor; self.sentence = sentence; self.startChar = startChar
        self.endChar = endChar; self.text = text; self.rule = rule
    }
}

public struct RoleRow: Sendable, Equatable {
    /// The person: index into `actors`.
    public var actor: Int
    public var title: String
    public var countryCode: String?
    /// The state or body served: index into `actors`.
    public var ofActor: Int?
    public var sentence: Int?
    public init(actor: Int, title: String, countryCode: String?, ofActor: Int? = nil, sentence: Int? = nil) {
        self.actor = actor; self.title = title; self.countryCode = countryCode
        self.ofActor = ofActor; self.sentence = sentence
    }
}

public struct PlaceRow: Sendable, Equatable, Hashable {
    public var name: String
    public var countryCode: String?
    public var kind: String
    public init(name: String, countryCode: String?, kind: String = "place") {
        self.name = name; self.countryCode = countryCode; self.kind = kind
    }
}

/// Event modes, the `events.mode` vocabulary.
public enum EventMode: String, Sendable, Codable, CaseIterable {
    case asserted, negated, denied, hypothetical, conditional, future
}

public enum DatePrecision: String, Sendable, Codable {
    case day, month, year

    /// The precision of an ISO date string by its length.
    public static func of(_ iso: String?) -> DatePrecision? {
        guard let iso else { return nil }
        switch iso.utf8.count {
        case 10: return .day
        case 7: return .month
        case 4: return .year
        default: return nil
        }
    }
}

/// Where an event's date came from.
public enum EventDateSource: String, Sendable, Codable {
    case text, relative, published, dateline
}

public struct EventRow: Sendable, Equatable {
    public var sentence: Int
    public var source: Int?
    public var target: Int?
    /// CAMEO event code, e.g. "040"; must exist in `cameo_codes`.
    public var cameoCode: String
    public var occurredOn: String?
    public var dateSource: EventDateSource?
    /// Index into `places`.
    public var place: Int?
    public var mode: EventMode
    public var triggerText: String
    public var startChar: Int
    public var endChar: Int
    public var rule: String
    public var lexiconEntry: String
    public init(sentence: Int, source: Int?, target: Int?, cameoCode: String, occurredOn: String? = nil,
                dateSource: EventDateSource? = nil, place: Int? = nil, mode: EventMode = .asserted,
                triggerText: String = "", startChar: Int, endChar: Int, rule: String = "", lexiconEntry: String = "") {
        self.sentence = sentence; self.source = source; self.target = target; self.cameoCode = cameoCode
        self.occurredOn = occurredOn; self.dateSource = dateSource; self.place = place; self.mode = mode
        self.triggerText = triggerText; self.startChar = startChar; self.endChar = endChar
        self.rule = rule; self.lexiconEntry = lexiconEntry
    }
}

public enum SanctionAction: String, Sendable, Codable, CaseIterable {
    case impose, extend, ease, lift, threaten
}

public enum SanctionKind: String, Sendable, Codable, CaseIterable {
    case economic, financial, trade, arms, travel, diplomatic, sectoral, other
}

public struct SanctionRow: Sendable, Equatable {
    public var sentence: Int
    public var imposer: Int?
    public var target: Int?
    public var targetDescription: String?
    public var targetCountry: String?
    public var action: SanctionAction
    public var kind: SanctionKind
    public var statedOn: String?
    public var conditional: Bool
    public var triggerText: String
    public var startChar: Int
    public var endChar: Int
    public var rule: String
    public init(sentence: Int, imposer: Int?, target: Int?, targetDescription: String? = nil, targetCountry: String? = nil,
                action: SanctionAction, kind: SanctionKind = .other, statedOn: String? = nil, conditional: Bool = false,
                triggerText: String = "", startChar: Int, endChar: Int, rule: String = "") {
        self.sentence = sentence; self.imposer = imposer; self.target = target
        self.targetDescription = targetDescription; self.targetCountry = targetCountry
        self.action = action; self.kind = kind; self.statedOn = statedOn; self.conditional = conditional
        self.triggerText = triggerText; self.startChar = startChar; self.endChar = endChar; self.rule = rule
    }
}

public struct ConflictRow: Sendable, Equatable {
    public var name: String
    public var countryCode: String?
    /// Identity across articles, e.g. "war|UKR"; the store keeps one row per key.
    public var identityKey: String
    /// Parties: indices into `actors`.
    public var parties: [Int]
    public init(name: String, countryCode: String?, identityKey: String, parties: [Int] = []) {
        self.name = name; self.countryCode = countryCode; self.identityKey = identityKey; self.parties = parties
    }
}

public enum ConflictReportScope: String, Sendable, Codable {
    case overall, incident, mention
}

public struct ConflictReportRow: Sendable, Equatable {
    /// Index into `conflicts`.
    public var conflict: Int
    public var sentence: Int
    public var scope: ConflictReportScope
    public var killed: Int?
    /// "more than", "at least", "about", "exactly", "up to", "nearly".
    public var killedQualifier: String?
    public var wounded: Int?
    public var since: String?
    public var asOf: String?
    public var startChar: Int
    public var endChar: Int
    public init(conflict: Int, sentence: Int, scope: ConflictReportScope, killed: Int? = nil, killedQualifier: String? = nil,
                wounded: Int? = nil, since: String? = nil, asOf: String? = nil, startChar: Int, endChar: Int) {
        self.conflict = conflict; self.sentence = sentence; self.scope = scope; self.killed = killed
        self.killedQualifier = killedQualifier; self.wounded = wounded; self.since = since; self.asOf = asOf
        self.startChar = startChar; self.endChar = endChar
    }
}

public struct QuoteRow: Sendable, Equatable {
    public var sentence: Int
    public var speaker: Int?
    public var speakerDescription: String?
    public var speakerCountry: String?
    public var speakerRole: String?
    public var anonymous: Bool
    public var text: String
    public var startChar: Int
    public var endChar: Int
    public var saidOn: String?
    public var rule: String
    public init(sentence: Int, speaker: Int?, speakerDescription: String? = nil, speakerCountry: String? = nil,
                speakerRole: String? = nil, anonymous: Bool = false, text: String, startChar: Int, endChar: Int,
                saidOn: String? = nil, rule: String = "") {
        self.sentence = sentence; self.speaker = speaker; self.speakerDescription = speakerDescription
        self.speakerCountry = speakerCountry; self.speakerRole = speakerRole; self.anonymous = anonymous
        self.text = text; self.startChar = startChar; self.endChar = endChar; self.saidOn = saidOn; self.rule = rule
    }
}
