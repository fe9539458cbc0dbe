import IRStore

/// What the stages know about an article besides its text.
public struct ArticleContext: Sendable, Equatable {
    /// Publication date, ISO 8601 at the precision known ("2015-05-12", "2015-05", "2015"), or nil.
    public var publishedOn: String?
    /// The dateline's place ("SOCHI, Russia" -> Sochi, RUS), if the article has one.
    public var datelinePlace: PlaceRow?
    /// The outlet from the input or the dateline ("Reuters").
    public var outlet: String?
    /// Bytes of the dateline prefix of the body ("SOCHI, Russia (Reuters) -"): stages skip them.
    public var datelineRange: Range<Int>?

    public init(publishedOn: String? = nil, datelinePlace: PlaceRow? = nil, outlet: String? = nil, datelineRange: Range<Int>? = nil) {
        self.publishedOn = publishedOn
        self.datelinePlace = datelinePlace
        self.outlet = outlet
        self.datelineRange = datelineRange
    }
}

/// A resolved actor mention: tokens of a `Document` that name an actor.
public struct ActorMention: Sendable, Equatable {
    /// Index into `ActorAnalysis.actors`.
    public var actor: Int
    /// Token indices of the mention in `Document.tokens` (half-open).
    public var tokenRange: Range<Int>
    /// Index into `Document.sentences`.
    public var sentence: Int
    /// The recognizer rule that found it: "lexicon", "title+name", "apposition", "capital", "anaphor", ...
    public var rule: String
    /// True for anaphors resolved to an earlier actor ("he", "the ministry", "the bloc").
    public var isAnaphor: Bool

    public init(actor: Int, tokenRange: Range<Int>, sentence: Int, rule: String, isAnaphor: Bool = false) {
        self.actor = actor; self.tokenRange = tokenRange; self.sentence = sentence
        self.rule = rule; self.isAnaphor = isAnaphor
    }
}

/// A place named in the text ("in Sochi", "Idlib province").
public struct PlaceMention: Sendable, Equatable {
    public var place: PlaceRow
    public var tokenRange: Range<Int>
    public var sentence: Int
    public init(place: PlaceRow, tokenRange: Range<Int>, sentence: Int) {
        self.place = place; self.tokenRange = tokenRange; self.sentence = sentence
    }
}

/// The output of actor recognition and resolution for one article.
public struct ActorAnalysis: Sendable, Equatable {
    /// Distinct actors of the article, canonical names, kinds, countries and CAMEO codes.
    public var actors: [ActorRow] = []
    /// Every mention, in text order, including resolved anaphors.
    public var mentions: [ActorMention] = []
    /// Roles of persons ("Foreign Minister" of Russia).
    public var roles: [RoleRow] = []
    /// Places named in the text.
    public var places: [PlaceMention] = []
    /// States named only to say where something is ("the Syrian town of", "Iraqi villages"): the
    /// state's adjective token, as a place of kind "country".
    public var locationHints: [PlaceMention] = []
    public init() {}
}
