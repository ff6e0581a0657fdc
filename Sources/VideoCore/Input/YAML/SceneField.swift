/// One content field of a scene type, as written in YAML specs: the catalogue behind the
/// YAML adapter's checks, the YAML writer's key order and `vgen scenes`.
public struct SceneField: Hashable, Sendable {
    /// What a field holds.
    public enum Kind: String, Hashable, Sendable {
        /// One line or paragraph of text.
        case text
        /// Code or commands, usually several lines (a YAML block scalar `|` reads best).
        case code
        /// A list of texts; a single text is read as a one-item list.
        case list
        /// A whole number.
        case integer
        /// A number of seconds.
        case number
        /// `true` or `false`.
        case flag
        /// A list of rows, each a list of texts (a table's body).
        case rows
    }

    /// The key, for example `answer_index`.
    public let name: String
    /// What the field holds.
    public let kind: Kind
    /// Whether a scene of this type must give the field.
    public let isRequired: Bool
    /// A one-line explanation for listings.
    public let summary: String

    /// Creates a field description.
    public init(_ name: String, _ kind: Kind, required: Bool = false, _ summary: String) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.summary = summary
    }
}

extension SceneType {
    /// The content fields of a built-in type, in the order the YAML writer emits them; empty
    /// for a custom type (whose fields are free-form text).
    public var contentFields: [SceneField] { Self.fieldCatalog[self] ?? [] }

    private static let fieldCatalog: [SceneType: [SceneField]] = [
        .title: [
            SceneField("title", .text, required: true, "The title, drawn large"),
            SceneField("subtitle", .text, "A line under the title"),
        ],
        .command: [
            SceneField("heading", .text, required: true, "The heading above the panel"),
            SceneField("code", .code, required: true, "The commands or code, one per line"),
            SceneField("language", .text, "shell, swift, python, javascript, typescript, json or yaml"),
            SceneField("caption", .text, "A line of explanation under the panel"),
        ],
        .list: [
            SceneField("heading", .text, required: true, "The heading above the items"),
            SceneField("items", .list, required: true, "The bullet items, in order"),
        ],
        .codeComparison: [
            SceneField("heading", .text, required: true, "The heading above the two panels"),
            SceneField("before", .code, required: true, "The code as it was"),
            SceneField("after", .code, required: true, "The code as it should be"),
            SceneField("language", .text, "The language of both snippets"),
            SceneField("before_label", .text, "The first panel's label (default Before)"),
            SceneField("after_label", .text, "The second panel's label (default After)"),
        ],
        .quote: [
            SceneField("text", .text, required: true, "The quotation"),
            SceneField("attribution", .text, "Who said it, or where it is from"),
        ],
        .outro: [
            SceneField("title", .text, required: true, "The closing line"),
            SceneField("subtitle", .text, "A line under it, for example where to learn more"),
        ],
        .learningObjectives: [
            SceneField("heading", .text, "The heading (default What you will learn)"),
            SceneField("objectives", .list, "The objectives, each starting with a verb"),
        ],
        .problem: [
            SceneField("title", .text, required: true, "The problem's name"),
            SceneField("statement", .text, required: true, "What is asked"),
            SceneField("constraints", .list, "Constraints or givens"),
        ],
        .solution: [
            SceneField("title", .text, required: true, "The solution's title"),
            SceneField("steps", .list, "The explanation, one step per item (steps, code or both)"),
            SceneField("code", .code, "The solution's code"),
            SceneField("language", .text, "The language of the code"),
        ],
        .quiz: [
            SceneField("question", .text, required: true, "The question"),
            SceneField("options", .list, required: true, "2 to 6 possible answers"),
            SceneField("answer_index", .integer, required: true, "The correct option, from 0"),
            SceneField("explanation", .text, "Why the answer is right, shown with it"),
            SceneField("reveal_after", .number, "Seconds into the scene when the answer appears"),
        ],
        .checkpoint: [
            SceneField("heading", .text, "The heading (default Checkpoint)"),
            SceneField("completed", .list, "What has been covered"),
            SceneField("next", .list, "What comes next"),
        ],
        .exercise: [
            SceneField("title", .text, required: true, "The exercise's title"),
            SceneField("instructions", .text, required: true, "What to do"),
            SceneField("hints", .list, "Hints, in the order they help"),
            SceneField("starter_code", .code, "Code to start from"),
            SceneField("language", .text, "The language of the starter code"),
        ],
        .image: [
            SceneField(
                "path", .text, required: true, "The image file (PNG, JPEG, WebP or SVG), inside the spec's folder"),
            SceneField("caption", .text, "A line under the picture"),
            SceneField("zoom", .flag, "true for a slow zoom in over the scene (default false)"),
        ],
        .table: [
            SceneField("heading", .text, required: true, "The heading above the table"),
            SceneField("header", .list, required: true, "The column names"),
            SceneField("rows", .rows, "The body rows, each a list of cells"),
        ],
    ]
}
