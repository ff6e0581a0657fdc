/// The typed content of one scene type: what a renderer draws and a template narrates.
///
/// Every built-in content struct (`TitleContent`, `ListContent`, …) conforms; an app adds a
/// scene type by declaring its own payload, wrapping it with `SceneContent(_:)` (it becomes
/// `.custom`), and registering a renderer whose `Content` is the payload.
///
/// ```swift
/// struct MetricContent: SceneContentPayload {
///     static let sceneType: SceneType = "metric"
///     var value: Int
///     var label: String
/// }
/// let content = try SceneContent(MetricContent(value: 3, label: "faster builds"))
/// let metric = content.payload(as: MetricContent.self)  // MetricContent(value: 3, …)
/// ```
///
/// # Contract
/// - `sceneType` names the payload's type, and only this payload uses it. A custom payload's
///   type must not be one of `SceneType.builtIn`.
/// - The payload encodes as a keyed container (a JSON object or YAML mapping of fields) and
///   decodes back from what it encoded into an equal value: custom content is stored as the
///   encoded fields (`CustomSceneContent`), so YAML specs, caches and task state hold only
///   those.
/// - Field values are text, numbers, booleans, `nil`, lists and nested keyed values, within
///   the limits `SceneContent.validate(field:)` checks (see `CustomSceneContent`). Numbers
///   are stored as `Double`: whole numbers are exact up to 2⁵³.
public protocol SceneContentPayload: Codable, Hashable, Sendable {
    /// The scene type this payload is the content of.
    static var sceneType: SceneType { get }
}

extension TitleContent: SceneContentPayload {
    /// `.title`.
    public static var sceneType: SceneType { .title }
}

extension ListContent: SceneContentPayload {
    /// `.list`.
    public static var sceneType: SceneType { .list }
}

extension CommandContent: SceneContentPayload {
    /// `.command`.
    public static var sceneType: SceneType { .command }
}

extension QuoteContent: SceneContentPayload {
    /// `.quote`.
    public static var sceneType: SceneType { .quote }
}

extension OutroContent: SceneContentPayload {
    /// `.outro`.
    public static var sceneType: SceneType { .outro }
}

extension CodeComparisonContent: SceneContentPayload {
    /// `.codeComparison`.
    public static var sceneType: SceneType { .codeComparison }
}

extension LearningObjectivesContent: SceneContentPayload {
    /// `.learningObjectives`.
    public static var sceneType: SceneType { .learningObjectives }
}

extension ProblemContent: SceneContentPayload {
    /// `.problem`.
    public static var sceneType: SceneType { .problem }
}

extension SolutionContent: SceneContentPayload {
    /// `.solution`.
    public static var sceneType: SceneType { .solution }
}

extension QuizContent: SceneContentPayload {
    /// `.quiz`.
    public static var sceneType: SceneType { .quiz }
}

extension CheckpointContent: SceneContentPayload {
    /// `.checkpoint`.
    public static var sceneType: SceneType { .checkpoint }
}

extension ExerciseContent: SceneContentPayload {
    /// `.exercise`.
    public static var sceneType: SceneType { .exercise }
}

extension ImageContent: SceneContentPayload {
    /// `.image`.
    public static var sceneType: SceneType { .image }
}

extension TableContent: SceneContentPayload {
    /// `.table`.
    public static var sceneType: SceneType { .table }
}

extension SceneContent {
    /// Wraps a payload: a built-in payload becomes its own case (`TitleContent` gives
    /// `.title`), any other becomes `.custom` holding its encoded fields.
    /// - Parameter payload: The content.
    /// - Throws: `VideoError` (`.invalidInput`, field `content`) when a custom payload does not
    ///   encode as keyed fields of JSON values (see `CustomSceneContent.init(_:)`).
    public init(_ payload: some SceneContentPayload) throws {
        switch payload {
        case let c as TitleContent: self = .title(c)
        case let c as ListContent: self = .list(c)
        case let c as CommandContent: self = .command(c)
        case let c as QuoteContent: self = .quote(c)
        case let c as OutroContent: self = .outro(c)
        case let c as CodeComparisonContent: self = .codeComparison(c)
        case let c as LearningObjectivesContent: self = .learningObjectives(c)
        case let c as ProblemContent: self = .problem(c)
        case let c as SolutionContent: self = .solution(c)
        case let c as QuizContent: self = .quiz(c)
        case let c as CheckpointContent: self = .checkpoint(c)
        case let c as ExerciseContent: self = .exercise(c)
        case let c as ImageContent: self = .image(c)
        case let c as TableContent: self = .table(c)
        default: self = .custom(try CustomSceneContent(payload))
        }
    }

    /// The content as a payload type: the built-in struct itself for a built-in case, or
    /// custom content decoded from its fields.
    /// - Parameter type: The payload type wanted.
    /// - Returns: The payload, or `nil` when the content is of another scene type or its
    ///   fields do not decode as `type`.
    public func payload<T: SceneContentPayload>(as type: T.Type) -> T? {
        try? decodedPayload(as: type)
    }

    /// `payload(as:)`, with the reason when the content is not a `T`.
    package func decodedPayload<T: SceneContentPayload>(as type: T.Type) throws -> T {
        guard T.sceneType == sceneType else {
            throw VideoError(.invalidInput, "its type is '\(sceneType)', not '\(T.sceneType)'")
        }
        switch self {
        case .title(let c as T), .list(let c as T), .command(let c as T), .quote(let c as T), .outro(let c as T),
            .codeComparison(let c as T), .learningObjectives(let c as T), .problem(let c as T),
            .solution(let c as T), .quiz(let c as T), .checkpoint(let c as T), .exercise(let c as T),
            .image(let c as T), .table(let c as T):
            return c
        case .custom(let c):
            return try c.decode(type)
        default:
            throw VideoError(.invalidInput, "its \(sceneType) content is not a \(T.self)")
        }
    }
}
