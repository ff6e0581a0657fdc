/// The kind of a scene: it picks the renderer that draws it and the template that narrates it.
///
/// The fourteen built-in types are static members; a downstream app may register its own type
/// by name together with a renderer and a narration template.
public struct SceneType: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The type's name as written in YAML, for example `code_comparison`.
    public let rawValue: String

    /// Creates a scene type from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a scene type from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A title card: title and subtitle.
    public static let title: SceneType = "title"
    /// Shell commands or code in a terminal-like panel.
    public static let command: SceneType = "command"
    /// A heading and bullet items.
    public static let list: SceneType = "list"
    /// Before and after code side by side.
    public static let codeComparison: SceneType = "code_comparison"
    /// A quotation with its attribution.
    public static let quote: SceneType = "quote"
    /// The closing card.
    public static let outro: SceneType = "outro"
    /// What the viewer will learn.
    public static let learningObjectives: SceneType = "learning_objectives"
    /// A problem statement.
    public static let problem: SceneType = "problem"
    /// A worked solution.
    public static let solution: SceneType = "solution"
    /// A multiple-choice question whose answer is revealed after a pause.
    public static let quiz: SceneType = "quiz"
    /// Completed items and what comes next.
    public static let checkpoint: SceneType = "checkpoint"
    /// Instructions and hints for the viewer to try.
    public static let exercise: SceneType = "exercise"
    /// A picture with its caption.
    public static let image: SceneType = "image"
    /// A table with a header row.
    public static let table: SceneType = "table"

    /// The fourteen built-in types.
    public static let builtIn: [SceneType] = [
        .title, .command, .list, .codeComparison, .quote, .outro, .learningObjectives, .problem, .solution,
        .quiz, .checkpoint, .exercise, .image, .table,
    ]

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Encodes the value in the form `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// The name.
    public var description: String { rawValue }
}
