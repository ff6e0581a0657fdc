/// What a scene type is and which content fields it takes: what a planner tells a language
/// model about the scene types it may use (`RendererRegistry.sceneDescriptions` lists the
/// registered ones), and what `vgen scenes` lists.
public struct SceneTypeDescription: Hashable, Sendable {
    /// The scene type.
    public var type: SceneType
    /// One sentence on what the scene shows and when to use it.
    public var summary: String
    /// Its content fields, in the order they are written.
    public var fields: [SceneField]

    /// Creates a description.
    /// - Parameters:
    ///   - type: The scene type.
    ///   - summary: One sentence on what the scene shows and when to use it.
    ///   - fields: Its content fields.
    public init(type: SceneType, summary: String, fields: [SceneField]) {
        self.type = type
        self.summary = summary
        self.fields = fields
    }

    /// The description of a built-in type (its catalogue fields and summary); for a custom
    /// type, a generic summary and no fields.
    /// - Parameter type: The scene type.
    /// - Returns: The description.
    public static func builtIn(_ type: SceneType) -> SceneTypeDescription {
        SceneTypeDescription(
            type: type, summary: summaries[type] ?? "A scene of type \(type.rawValue).", fields: type.contentFields)
    }

    private static let summaries: [SceneType: String] = [
        .title: "The opening title card: the video's title and a subtitle saying what it is about.",
        .command: "Shell commands or a short code listing in a terminal-like panel, with a heading.",
        .list: "A heading and two to six short bullet points.",
        .codeComparison: "Two short code snippets side by side: before and after a change.",
        .quote: "A quotation or a key sentence with its attribution.",
        .outro: "The closing card: a last line and where to learn more.",
        .learningObjectives: "What the viewer will learn, each objective starting with a verb.",
        .problem: "A problem statement with its constraints.",
        .solution: "A worked solution: steps, code or both.",
        .quiz: "A multiple-choice question whose answer is revealed after a pause.",
        .checkpoint: "A recap: what has been covered and what comes next.",
        .exercise: "Instructions and hints for the viewer to try on their own.",
        .image: "A picture from a file beside the spec, fitted, with a caption.",
        .table: "A table: a header row and up to eight body rows of short cells.",
    ]
}
