import VideoCore

/// The default narration writer: one deterministic template per scene type, written to be
/// spoken (whole sentences, an ordinal for each list item, no symbols read aloud).
///
/// An app adds a template for its own scene type with `register(_:template:)`.
public struct TemplateNarrationWriter: NarrationWriter {
    /// Writes the narration of one scene of an app's own type.
    public typealias Template = @Sendable (SceneConfig, VideoConfig) -> String

    private var custom: [SceneType: Template] = [:]

    /// Creates the writer.
    public init() {}

    /// `templates v1`, plus the custom types registered.
    public var identifier: String {
        (["templates v1"] + custom.keys.map(\.rawValue).sorted()).joined(separator: " + ")
    }

    /// Adds (or replaces) the template for `type`.
    public mutating func register(_ type: SceneType, template: @escaping Template) {
        custom[type] = template
    }

    /// Writes the scene's narration from its content.
    public func narration(for scene: SceneConfig, at index: Int, in video: VideoConfig) async throws -> String {
        if let template = custom[scene.sceneType] {
            return String(template(scene, video).prefix(VideoLimits.maxNarrationLength))
        }
        return Self.narration(for: scene.content, videoTitle: video.title)
    }

    /// The template text for `content`.
    public static func narration(for content: SceneContent, videoTitle: String) -> String {
        let text: String
        switch content {
        case .title(let c):
            let subtitle = c.subtitle.map { " " + SpeechText.sentence($0) } ?? ""
            text = "Welcome to \(SpeechText.clean(c.title))." + subtitle
        case .list(let c):
            text = listNarration(heading: c.heading, items: c.items)
        case .command(let c):
            text = commandNarration(c)
        case .quote(let c):
            let quote = SpeechText.sentence(c.text)
            if let who = c.attribution.map(SpeechText.clean), !who.isEmpty {
                text = "As \(who) put it: \(quote)"
            } else {
                text = "Consider this: \(quote)"
            }
        case .outro(let c):
            let subtitle = c.subtitle.map { " " + SpeechText.sentence($0) } ?? ""
            text = SpeechText.sentence(c.title) + subtitle
        case .codeComparison(let c): text = codeComparisonNarration(c)
        case .learningObjectives(let c): text = objectivesNarration(c)
        case .problem(let c): text = problemNarration(c)
        case .solution(let c): text = solutionNarration(c)
        case .quiz(let c): text = quizNarration(c)
        case .checkpoint(let c): text = checkpointNarration(c)
        case .exercise(let c): text = exerciseNarration(c)
        case .image(let c): text = imageNarration(c)
        case .table(let c): text = tableNarration(c)
        case .custom(let c): text = customNarration(c)
        }
        return String(text.prefix(VideoLimits.maxNarrationLength))
    }

    /// A custom scene without a template: each text of its fields as a sentence, in key order
    /// (nested lists and mappings in order too).
    static func customNarration(_ content: CustomSceneContent) -> String {
        var sentences: [String] = []
        var pending = content.fields.keys.sorted(by: >).map { content.fields[$0]! }
        while let value = pending.popLast() {
            switch value {
            case .string(let text): sentences.append(SpeechText.sentence(text))
            case .array(let items): pending += items.reversed()
            case .object(let entries): pending += entries.keys.sorted(by: >).map { entries[$0]! }
            case .null, .bool, .number: break
            }
        }
        return sentences.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The caption as a sentence, or a pointer to the picture when it has none.
    static func imageNarration(_ c: ImageContent) -> String {
        let caption = c.caption.map(SpeechText.sentence) ?? ""
        return caption.isEmpty ? "Take a look at this picture." : caption
    }

    /// The heading, the columns, then each row cell by cell.
    static func tableNarration(_ c: TableContent) -> String {
        var parts = [SpeechText.sentence(c.heading)]
        let columns = c.header.map(SpeechText.clean).filter { !$0.isEmpty }
        if !columns.isEmpty { parts.append("The table shows \(columns.joined(separator: ", ")).") }
        for row in c.rows {
            let cells = row.map(SpeechText.clean).filter { !$0.isEmpty }
            if !cells.isEmpty { parts.append(cells.joined(separator: ", ") + ".") }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static let ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"]

    static func listNarration(heading: String, items: [String], intro: (Int) -> String = { "Here are \($0) points." })
        -> String
    {
        let head = SpeechText.sentence(heading)
        let spoken = items.map(SpeechText.clean).filter { !$0.isEmpty }
        switch spoken.count {
        case 0: return head
        case 1: return "\(head) \(SpeechText.sentence(spoken[0]))"
        default:
            var parts = ["\(head) \(intro(spoken.count))"]
            for (i, item) in spoken.enumerated() {
                let lead = i == spoken.count - 1 ? "Finally" : (i < ordinals.count ? ordinals[i] : "Next")
                parts.append("\(lead), \(SpeechText.sentence(SpeechText.lowercasingFirst(item)))")
            }
            return parts.joined(separator: " ")
        }
    }

    static func commandNarration(_ c: CommandContent) -> String {
        let heading = SpeechText.sentence(c.heading)
        let lines = c.code.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let language = c.language?.lowercased() ?? "shell"
        let caption = c.caption.map { " " + SpeechText.sentence($0) } ?? ""
        if ["shell", "sh", "bash", "zsh", "console", "terminal", "shell-session"].contains(language) {
            let what = lines.count == 1 ? "this command" : "these \(lines.count) commands"
            return "\(heading) Run \(what) in your terminal.\(caption)"
        }
        let name = SpeechText.languageName(language)
        let size = lines.count == 1 ? "one line" : "\(lines.count) lines"
        return "\(heading) Here is the \(name) code, \(size) long.\(caption)"
    }
}
