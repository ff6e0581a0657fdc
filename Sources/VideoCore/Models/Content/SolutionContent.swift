/// A worked solution: the steps of the explanation, the code, or both.
///
/// YAML keys: `title`, `steps` (list), `code`, `language`. At least one of `steps` and `code`
/// must be given.
public struct SolutionContent: Hashable, Codable, Sendable {
    /// The solution's title, for example "Solution: a hash map".
    public var title: String
    /// The explanation, one step per item; may be empty when there is code.
    public var steps: [String]
    /// The solution's code, lines separated by newlines; `nil` when there is none.
    public var code: String?
    /// The language of the code (`swift`, `python`, …), when known.
    public var language: String?

    /// Creates a solution.
    public init(title: String, steps: [String] = [], code: String? = nil, language: String? = nil) {
        self.title = title
        self.steps = steps
        self.code = code
        self.language = language
    }

    enum CodingKeys: String, CodingKey { case title, steps, code, language }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        steps = try c.decodeStringList(forKey: .steps)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        language = try c.decodeIfPresent(String.self, forKey: .language)
    }
}
