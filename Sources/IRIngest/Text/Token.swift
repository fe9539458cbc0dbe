/// What a token is, decided from its bytes.
public enum TokenKind: UInt8, Sendable {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("al-Assad", "U.S.", "O'Neill").
    case word
    /// Digits, possibly with thousands separators or decimals ("6,100", "4.5", "2015").
    case number
    /// A quotation mark: straight or curly, single or double.
    case quote
    /// Any other punctuation or symbol, one scalar per token.
    case punct
}

/// One token of a `Document`, as a byte range into its UTF-8 text.
///
/// Tokens carry no strings: `Document.lower(_:)` and `Document.text(_:)` slice them.
public struct Token: Sendable, Equatable {
    /// Byte offset of the first byte in `Document.bytes`.
    public var start: Int
    /// Byte offset one past the last byte.
    public var end: Int
    public var kind: TokenKind
    /// The first letter is uppercase ("Putin", "U.S.", "NATO").
    public var isCapitalized: Bool
    /// Every letter is uppercase and there are at least two ("NATO", "UN", "U.S.").
    public var isAllCaps: Bool
    /// For quote tokens: the mark opens (true) or closes (false) a quotation, as far as its
    /// shape and neighbours tell; straight marks are decided by whitespace around them.
    public var opensQuote: Bool

    public var byteRange: Range<Int> { start..<end }
}
