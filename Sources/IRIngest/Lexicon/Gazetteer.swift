import IRStore

/// Places by name, from the lexicon: cities and regions of `places.tsv`, capitals and states
/// of `states.tsv`. The article parser uses it for datelines ("SOCHI, Russia" -> Sochi, RUS).
public final class Gazetteer: Sendable {
    public static let shared = Gazetteer(lexicon: .shared)

    let lexicon: Lexicon

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// The place of a name, case-insensitively; nil when the lexicon does not know it.
    public func place(named name: String) -> PlaceRow? { lexicon.place(named: name) }
}
