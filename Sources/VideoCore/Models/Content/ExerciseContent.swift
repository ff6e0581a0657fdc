/// A task for the viewer to try: instructions, hints and optional starter code.
///
/// YAML keys: `title`, `instructions`, `hints` (optional list; a single string is read as a
/// one-item list), `starter_code`, `language`.
public struct ExerciseContent: Hashable, Codable, Sendable {
    /// The exercise's title, for example "Your turn: reverse a string".
    public var title: String
    /// What to do, in a sentence or a short paragraph.
    public var instructions: String
    /// Hints, in the order they help; may be empty.
    public var hints: [String]
    /// Code to start from, lines separated by newlines; `nil` when there is none.
    public var starterCode: String?
    /// The language of the starter code, when known.
    public var language: String?

    /// Creates an exercise.
    public init(
        title: String, instructions: String, hints: [String] = [], starterCode: String? = nil, language: String? = nil
    ) {
        self.title = title
        self.instructions = instructions
        self.hints = hints
        self.starterCode = starterCode
        self.language = language
    }

    enum CodingKeys: String, CodingKey { case title, instructions, hints, starterCode = "starter_code", language }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        instructions = try c.decode(String.self, forKey: .instructions)
        hints = try c.decodeStringList(forKey: .hints)
        starterCode = try c.decodeIfPresent(String.self, forKey: .starterCode)
        language = try c.decodeIfPresent(String.self, forKey: .language)
    }
}
