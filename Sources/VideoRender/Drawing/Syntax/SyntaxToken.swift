import VideoCore

/// A run of source text with the role the highlighter gave it.
struct SyntaxToken: Hashable, Sendable {
    /// What a run of text is, for colouring.
    enum Kind: Hashable, Sendable {
        /// Identifiers, operators, white space: the text colour.
        case plain
        /// Language keywords, literals such as `true`, attributes and decorators.
        case keyword
        /// String literals, quotes included.
        case string
        /// Comments.
        case comment
        /// Number literals.
        case number
        /// JSON and YAML keys, shell variables.
        case key
    }

    var kind: Kind
    var text: String
}
