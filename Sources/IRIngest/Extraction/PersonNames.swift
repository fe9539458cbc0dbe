/// Word lists the person-name grammar needs: particles inside names, capitalized words
/// that never start a name, speech verbs.
enum PersonNames {
    /// Lowercase particles that may stand between the parts of a name ("Ursula von der Leyen").
    static let particles: WordSet = [
        "al", "el", "bin", "bint", "ibn", "von", "van", "der", "den", "de", "da", "di", "du", "la", "le",
        "dos", "das", "del", "della", "ter", "ten", "y", "ould", "ben", "abu", "abd", "st.",
    ]

    /// Prefixes glued by a hyphen to a capitalized name part ("al-Assad", "el-Sisi", "bin-Salman").
    static let gluedPrefixes: [String] = ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-", "bin-", "ibn-", "abu-", "abd-"]

    /// Capitalized words that start sentences or clauses and are never part of a name.
    static let stopwords: WordSet = [
        "the", "a", "an", "in", "on", "at", "to", "of", "for", "from", "by", "with", "and", "or", "but", "as", "if",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "this", "that",
        "these", "those", "there", "here", "when", "while", "after", "before", "since", "during", "under", "over",
        "who", "what", "where", "why", "how", "which", "both", "all", "some", "many", "most", "more", "no", "not",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "last", "next",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "according", "however", "meanwhile", "also", "still", "yet", "so", "then", "now", "earlier", "later",
        "today", "yesterday", "tomorrow", "tonight", "although", "though", "because", "until", "despite", "amid",
        "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west", "new", "old",
        "said", "says", "told", "asked", "read", "more", "less", "several", "other", "another", "such", "each", "every",
        "god", "allah", "islamic", "muslim", "christian", "jewish", "arab", "kurdish", "european", "african", "asian",
        "international", "national", "state", "government", "ministry", "department", "office", "council", "committee",
        "university", "institute", "center", "centre", "forum", "project", "program", "programme", "group", "party",
        "army", "forces", "force", "police", "court", "bank", "house", "union", "agency", "news", "press", "times",
        "post", "daily", "media", "tv", "radio", "online", "war", "crisis", "conflict", "operation", "plan", "deal",
        "covid", "coronavirus", "internet", "twitter", "facebook", "telegram", "whatsapp", "youtube", "instagram",
        "cold", "world", "day", "week", "month", "year", "black", "red", "white", "sea", "gulf", "river", "mount",
        "lake", "island", "islands", "street", "road", "airport", "square", "palace", "hall", "city", "province",
        "region", "oblast", "district", "county", "village", "town", "camp", "base", "border", "zone", "strip",
    ]

    /// Verbs of speech whose subject is often a bare name ("Peskov told reporters").
    static let speechVerbs: WordSet = [
        "said", "says", "told", "tells", "added", "adds", "stated", "noted", "warned", "wrote", "writes", "tweeted",
        "declared", "announced", "insisted", "stressed", "explained", "argued", "acknowledged", "urged", "asked",
        "claimed", "confirmed", "denied", "accused", "praised", "criticized", "criticised", "condemned", "called",
        "responded", "replied", "commented", "suggested", "posted", "indicated", "admitted", "emphasized",
        "emphasised", "remarked", "recalled", "predicted", "estimated", "cautioned", "vowed", "pledged", "promised",
        "met", "visited", "spoke", "described", "welcomed", "rejected", "dismissed",
    ]

    /// Words before a name that introduce its speech ("said Avi Bell", "according to Jane Doe").
    static let speechBefore: WordSet = ["said", "says", "added", "wrote", "asked"]

    /// Generational suffixes that end a name but are not its surname ("Ferdinand Marcos Jr.").
    static let suffixes: WordSet = ["jr", "sr", "ii", "iii", "iv", "jr.", "sr."]

    /// Pronouns resolved to the last person mentioned.
    static let personPronouns: WordSet = ["he", "she"]

    /// The part of a token after a glued Arabic article ("al-Assad" -> "assad"), or nil.
    static func strippedParticle(_ lower: String) -> String? {
        // Fast exit: the glued prefixes put a hyphen at byte 2, 3 or 4.
        var k = 0
        var hyphen = false
        for b in lower.utf8 {
            if k >= 2 && b == 0x2D { hyphen = true; break }
            k += 1
            if k > 4 { break }
        }
        guard hyphen else { return nil }
        for p in gluedPrefixes where lower.hasPrefix(p) && lower.utf8.count > p.utf8.count + 1 {
            return String(lower.dropFirst(p.count))
        }
        return nil
    }
}
