import Foundation

/// How words are spoken when the voice would say them wrong: "vgen" → "vee gen",
/// "nginx" → "engine x", "SwiftPM" → "Swift P M".
///
/// Applied to a narration just before synthesis and never shown: captions, the timing
/// manifest and the slides keep the written words. A written word (a run of non-whitespace)
/// matches an entry when the word without its leading and trailing punctuation equals the
/// entry's word, ignoring case ("vgen", "Vgen," and "VGEN." all match `vgen`); an exact-case
/// entry wins over one that differs only in case. Punctuation around the word is kept, so
/// pauses stay where they were. Words inside a word ("vgen-cli") do not match.
public struct PronunciationLexicon: Hashable, Sendable, Codable {
    /// Written word → spoken form.
    public private(set) var entries: [String: String]
    /// The entries by lower-cased word, for case-insensitive matches.
    private var folded: [String: String]

    /// The most entries one lexicon may hold.
    public static let maxEntries = 1000
    /// The longest word or spoken form, in characters.
    public static let maxLength = 200

    /// An empty lexicon.
    public static let empty = PronunciationLexicon()

    private init() {
        entries = [:]
        folded = [:]
    }

    /// Creates and validates a lexicon.
    /// - Parameter entries: Written word → spoken form.
    /// - Throws: `VideoError` (`.invalidInput`, field `pronunciations.WORD`) for an empty word or
    ///   spoken form, a word holding whitespace, either longer than `maxLength` characters or
    ///   holding a control character, or more than `maxEntries` entries.
    public init(_ entries: [String: String]) throws {
        guard entries.count <= Self.maxEntries else {
            throw VideoError.invalid(
                "pronunciations", "has \(entries.count) entries; the limit is \(Self.maxEntries)")
        }
        for (word, spoken) in entries {
            let field = "pronunciations.\(word)"
            guard !word.isEmpty, !word.contains(where: \.isWhitespace) else {
                throw VideoError.invalid(field, "a word must be one non-empty word without spaces")
            }
            guard !spoken.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw VideoError.invalid(field, "the spoken form must not be empty")
            }
            guard word.count <= Self.maxLength, spoken.count <= Self.maxLength else {
                throw VideoError.invalid(field, "is longer than \(Self.maxLength) characters")
            }
            guard !(word + spoken).unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw VideoError.invalid(field, "must not hold control characters or line breaks")
            }
        }
        self.entries = entries
        folded = [:]
        for word in entries.keys.sorted() where folded[word.lowercased()] == nil {
            folded[word.lowercased()] = entries[word]
        }
    }

    /// Whether the lexicon has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// This lexicon with `other`'s entries added, `other` winning where both have a word.
    /// - Parameter other: The entries that take precedence.
    /// - Returns: The merged lexicon.
    /// - Throws: `VideoError` when the merged lexicon has more than `maxEntries` entries.
    public func merging(_ other: PronunciationLexicon) throws -> PronunciationLexicon {
        try PronunciationLexicon(entries.merging(other.entries) { _, new in new })
    }

    /// The spoken form of one written word without its punctuation, if the lexicon has it.
    func spoken(_ core: Substring) -> String? {
        entries[String(core)] ?? folded[core.lowercased()]
    }

    /// Decodes a mapping of word → spoken form, validated.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode([String: String].self))
    }

    /// Encodes the mapping `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// Equal when the entries are.
    public static func == (a: Self, b: Self) -> Bool { a.entries == b.entries }
    /// Hashes the entries.
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}
