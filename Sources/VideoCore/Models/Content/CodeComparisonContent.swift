/// Before-and-after code: the same snippet as it was and as it should be.
///
/// YAML keys: `heading`, `before`, `after`, `language`, `before_label` (default `Before`),
/// `after_label` (default `After`).
public struct CodeComparisonContent: Hashable, Codable, Sendable {
    /// The heading above the two panels.
    public var heading: String
    /// The code as it was, lines separated by newlines.
    public var before: String
    /// The code as it should be.
    public var after: String
    /// The language of both snippets (`swift`, `python`, `shell`, …), when known.
    public var language: String?
    /// The label of the first panel, for example `Before` or `Callbacks`.
    public var beforeLabel: String
    /// The label of the second panel, for example `After` or `async/await`.
    public var afterLabel: String

    /// The label used when `before_label` is not given.
    public static let defaultBeforeLabel = "Before"
    /// The label used when `after_label` is not given.
    public static let defaultAfterLabel = "After"

    /// Creates a code comparison.
    public init(
        heading: String, before: String, after: String, language: String? = nil,
        beforeLabel: String = CodeComparisonContent.defaultBeforeLabel,
        afterLabel: String = CodeComparisonContent.defaultAfterLabel
    ) {
        self.heading = heading
        self.before = before
        self.after = after
        self.language = language
        self.beforeLabel = beforeLabel
        self.afterLabel = afterLabel
    }

    enum CodingKeys: String, CodingKey {
        case heading, before, after, language, beforeLabel = "before_label", afterLabel = "after_label"
    }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decode(String.self, forKey: .heading)
        before = try c.decode(String.self, forKey: .before)
        after = try c.decode(String.self, forKey: .after)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        beforeLabel = try c.decodeIfPresent(String.self, forKey: .beforeLabel) ?? Self.defaultBeforeLabel
        afterLabel = try c.decodeIfPresent(String.self, forKey: .afterLabel) ?? Self.defaultAfterLabel
    }
}
