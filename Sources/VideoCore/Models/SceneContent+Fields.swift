extension SceneContent {
    /// Decodes a scene's content from its fields alone, given its type: the shape YAML specs
    /// use (`scene_type: quiz` next to `content: {question: …, options: […]}`).
    ///
    /// Each built-in type decodes its content struct, whose keys are snake_case (see
    /// `Docs/SceneTypes.md`); any other type decodes its fields, whatever they hold, into
    /// `.custom`.
    /// - Parameters:
    ///   - type: The scene type, which picks the content struct.
    ///   - decoder: A decoder positioned at the content's fields.
    /// - Throws: The decoder's error when a field is missing or of the wrong kind.
    public init(type: SceneType, fieldsFrom decoder: any Decoder) throws {
        switch type {
        case .title: self = .title(try TitleContent(from: decoder))
        case .list: self = .list(try ListContent(from: decoder))
        case .command: self = .command(try CommandContent(from: decoder))
        case .quote: self = .quote(try QuoteContent(from: decoder))
        case .outro: self = .outro(try OutroContent(from: decoder))
        case .codeComparison: self = .codeComparison(try CodeComparisonContent(from: decoder))
        case .learningObjectives: self = .learningObjectives(try LearningObjectivesContent(from: decoder))
        case .problem: self = .problem(try ProblemContent(from: decoder))
        case .solution: self = .solution(try SolutionContent(from: decoder))
        case .quiz: self = .quiz(try QuizContent(from: decoder))
        case .checkpoint: self = .checkpoint(try CheckpointContent(from: decoder))
        case .exercise: self = .exercise(try ExerciseContent(from: decoder))
        case .image: self = .image(try ImageContent(from: decoder))
        case .table: self = .table(try TableContent(from: decoder))
        default: self = .custom(CustomSceneContent(type: type, fields: try [String: JSONValue](from: decoder)))
        }
    }

    /// Encodes only the content's fields (the inverse of `init(type:fieldsFrom:)`); the scene
    /// type is written separately.
    /// - Throws: The encoder's error.
    public func encodeFields(to encoder: any Encoder) throws {
        switch self {
        case .title(let c): try c.encode(to: encoder)
        case .list(let c): try c.encode(to: encoder)
        case .command(let c): try c.encode(to: encoder)
        case .quote(let c): try c.encode(to: encoder)
        case .outro(let c): try c.encode(to: encoder)
        case .codeComparison(let c): try c.encode(to: encoder)
        case .learningObjectives(let c): try c.encode(to: encoder)
        case .problem(let c): try c.encode(to: encoder)
        case .solution(let c): try c.encode(to: encoder)
        case .quiz(let c): try c.encode(to: encoder)
        case .checkpoint(let c): try c.encode(to: encoder)
        case .exercise(let c): try c.encode(to: encoder)
        case .image(let c): try c.encode(to: encoder)
        case .table(let c): try c.encode(to: encoder)
        case .custom(let c): try c.fields.encode(to: encoder)
        }
    }
}
