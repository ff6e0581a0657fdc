import Foundation

/// What a scene shows: typed visual content, one case per scene type.
///
/// Each built-in case holds its `SceneContentPayload` struct; scene types registered by an
/// app carry their payload's encoded fields in `.custom`. `init(_:)` wraps any payload in the
/// right case and `payload(as:)` takes it out again.
public enum SceneContent: Hashable, Codable, Sendable {
    /// A title card.
    case title(TitleContent)
    /// A heading with bullet items.
    case list(ListContent)
    /// Commands or code in a terminal panel.
    case command(CommandContent)
    /// A quotation.
    case quote(QuoteContent)
    /// The closing card.
    case outro(OutroContent)
    /// Before-and-after code.
    case codeComparison(CodeComparisonContent)
    /// What the viewer will learn.
    case learningObjectives(LearningObjectivesContent)
    /// A problem statement with its constraints.
    case problem(ProblemContent)
    /// A worked solution: steps and/or code.
    case solution(SolutionContent)
    /// A multiple-choice question whose answer is revealed after a pause.
    case quiz(QuizContent)
    /// What has been covered and what comes next.
    case checkpoint(CheckpointContent)
    /// A task for the viewer with hints and starter code.
    case exercise(ExerciseContent)
    /// A picture with its caption.
    case image(ImageContent)
    /// A table with a header row.
    case table(TableContent)
    /// The content of a scene type an app registered.
    case custom(CustomSceneContent)

    /// The scene type this content is drawn as.
    public var sceneType: SceneType {
        switch self {
        case .title: return .title
        case .list: return .list
        case .command: return .command
        case .quote: return .quote
        case .outro: return .outro
        case .codeComparison: return .codeComparison
        case .learningObjectives: return .learningObjectives
        case .problem: return .problem
        case .solution: return .solution
        case .quiz: return .quiz
        case .checkpoint: return .checkpoint
        case .exercise: return .exercise
        case .image: return .image
        case .table: return .table
        case .custom(let c): return c.type
        }
    }

    /// Checks every text against its length limit, every list against `VideoLimits.maxItems`, and
    /// the rules of each type (a quiz's option count and answer index, a solution's steps or
    /// code); custom content also against `VideoLimits.maxContentDepth` and
    /// `VideoLimits.maxContentValues` (see `CustomSceneContent`).
    /// - Parameter field: The prefix of field names in errors, for example `scenes[2].content`.
    /// - Throws: `VideoError` (`.invalidInput`) naming the field, for example
    ///   `scenes[2].content.answer_index`.
    public func validate(field: String) throws {
        for (name, count) in itemCounts where count > VideoLimits.maxItems {
            throw VideoError.invalid("\(field).\(name)", "has \(count) items; the limit is \(VideoLimits.maxItems)")
        }
        for text in textFields where text.text.count > text.limit {
            throw VideoError.invalid(
                "\(field).\(text.field)", "is \(text.text.count) characters; the limit is \(text.limit)")
        }
        switch self {
        case .quiz(let c):
            guard (QuizContent.minOptions...QuizContent.maxOptions).contains(c.options.count) else {
                throw VideoError.invalid(
                    "\(field).options",
                    "has \(c.options.count) options; a quiz needs \(QuizContent.minOptions)–\(QuizContent.maxOptions)")
            }
            guard c.options.indices.contains(c.answerIndex) else {
                throw VideoError.invalid(
                    "\(field).answer_index",
                    "\(c.answerIndex) is not an option; valid: 0–\(c.options.count - 1) (zero-based)")
            }
            if let reveal = c.revealAfter, !(reveal.isFinite && reveal >= 0 && reveal <= VideoLimits.maxSceneDuration) {
                throw VideoError.invalid(
                    "\(field).reveal_after", "\(reveal) is outside 0–\(Int(VideoLimits.maxSceneDuration)) seconds")
            }
        case .custom(let c):
            try c.validate(field: field)
        case .image(let c):
            guard !c.path.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw VideoError.invalid("\(field).path", "is empty; an image scene needs an image file")
            }
        case .table(let c):
            guard c.columnCount > 0 else {
                throw VideoError.invalid("\(field).header", "a table needs at least one column")
            }
            guard c.columnCount <= TableContent.maxColumns else {
                throw VideoError.invalid(
                    "\(field).header", "has \(c.columnCount) columns; the limit is \(TableContent.maxColumns)")
            }
        case .solution(let c):
            let hasCode = !(c.code ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            guard hasCode || !c.steps.isEmpty else {
                throw VideoError.invalid("\(field).steps", "a solution needs steps, code or both")
            }
        default: break
        }
    }

    /// The length of every list, by field name.
    private var itemCounts: [(String, Int)] {
        switch self {
        case .list(let c): return [("items", c.items.count)]
        case .learningObjectives(let c): return [("objectives", c.objectives.count)]
        case .problem(let c): return [("constraints", c.constraints.count)]
        case .solution(let c): return [("steps", c.steps.count)]
        case .quiz(let c): return [("options", c.options.count)]
        case .checkpoint(let c): return [("completed", c.completed.count), ("next", c.next.count)]
        case .exercise(let c): return [("hints", c.hints.count)]
        case .table(let c): return [("rows", c.rows.count), ("header", c.header.count)]
        case .title, .image, .custom, .command, .quote, .outro, .codeComparison: return []
        }
    }

    private static func items(_ name: String, _ values: [String]) -> [(field: String, text: String, limit: Int)] {
        values.enumerated().map { ("\(name)[\($0.offset)]", $0.element, VideoLimits.maxTextLength) }
    }

    /// Every piece of on-screen text with a field path, for validation.
    var textFields: [(field: String, text: String, limit: Int)] {
        let t = VideoLimits.maxTextLength
        switch self {
        case .title(let c): return [("title", c.title, t), ("subtitle", c.subtitle ?? "", t)]
        case .list(let c): return [("heading", c.heading, t)] + Self.items("items", c.items)
        case .command(let c):
            return [
                ("heading", c.heading, t), ("code", c.code, VideoLimits.maxCodeLength), ("caption", c.caption ?? "", t),
            ]
        case .quote(let c): return [("text", c.text, t), ("attribution", c.attribution ?? "", t)]
        case .outro(let c): return [("title", c.title, t), ("subtitle", c.subtitle ?? "", t)]
        case .codeComparison(let c):
            return [
                ("heading", c.heading, t), ("before", c.before, VideoLimits.maxCodeLength),
                ("after", c.after, VideoLimits.maxCodeLength),
                ("language", c.language ?? "", t), ("before_label", c.beforeLabel, t), ("after_label", c.afterLabel, t),
            ]
        case .learningObjectives(let c): return [("heading", c.heading, t)] + Self.items("objectives", c.objectives)
        case .problem(let c):
            return [("title", c.title, t), ("statement", c.statement, t)] + Self.items("constraints", c.constraints)
        case .solution(let c):
            return [
                ("title", c.title, t), ("code", c.code ?? "", VideoLimits.maxCodeLength),
                ("language", c.language ?? "", t),
            ]
                + Self.items("steps", c.steps)
        case .quiz(let c):
            return [("question", c.question, t), ("explanation", c.explanation ?? "", t)]
                + Self.items("options", c.options)
        case .checkpoint(let c):
            return [("heading", c.heading, t)] + Self.items("completed", c.completed) + Self.items("next", c.next)
        case .exercise(let c):
            return [
                ("title", c.title, t), ("instructions", c.instructions, t),
                ("starter_code", c.starterCode ?? "", VideoLimits.maxCodeLength),
                ("language", c.language ?? "", t),
            ] + Self.items("hints", c.hints)
        case .image(let c): return [("path", c.path, t), ("caption", c.caption ?? "", t)]
        case .table(let c):
            return [("heading", c.heading, t)] + Self.items("header", c.header)
                + c.rows.enumerated().flatMap { Self.items("rows[\($0.offset)]", $0.element) }
        case .custom: return []  // checked by CustomSceneContent.validate
        }
    }
}

/// A title card.
public struct TitleContent: Hashable, Codable, Sendable {
    /// The title, drawn large.
    public var title: String
    /// A subtitle under the title.
    public var subtitle: String?
    /// Creates a title card.
    public init(title: String, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }
}

/// A heading with bullet items.
public struct ListContent: Hashable, Codable, Sendable {
    /// The heading above the items.
    public var heading: String
    /// The items, in order.
    public var items: [String]
    /// Creates a list.
    public init(heading: String, items: [String]) {
        self.heading = heading
        self.items = items
    }
}

/// Commands or code shown in a terminal-like panel.
public struct CommandContent: Hashable, Codable, Sendable {
    /// The heading above the panel.
    public var heading: String
    /// The code or commands, lines separated by newlines.
    public var code: String
    /// The language of the code (`shell`, `swift`, …), when known.
    public var language: String?
    /// A line of explanation under the panel.
    public var caption: String?
    /// Creates a command scene's content.
    public init(heading: String, code: String, language: String? = nil, caption: String? = nil) {
        self.heading = heading
        self.code = code
        self.language = language
        self.caption = caption
    }
}

/// A quotation.
public struct QuoteContent: Hashable, Codable, Sendable {
    /// The quoted text.
    public var text: String
    /// Who said it, or where it is from.
    public var attribution: String?
    /// Creates a quote.
    public init(text: String, attribution: String? = nil) {
        self.text = text
        self.attribution = attribution
    }
}

/// The closing card.
public struct OutroContent: Hashable, Codable, Sendable {
    /// The main line, for example "Thanks for watching".
    public var title: String
    /// A line under it, for example where to learn more.
    public var subtitle: String?
    /// Creates an outro.
    public init(title: String, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }
}
