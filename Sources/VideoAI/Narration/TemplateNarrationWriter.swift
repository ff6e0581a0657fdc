import VideoCore

/// The default narration writer: one deterministic template per scene type, written to be
/// spoken (whole sentences, an ordinal for each list item, no symbols read aloud), in the
/// video's language: the phrases come from `Phrases` (the `phrases.json` resource).
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
        return Self.narration(for: scene.content, videoTitle: video.title, language: video.language)
    }

    /// The template text for `content`.
    /// - Parameters:
    ///   - content: What the scene shows.
    ///   - videoTitle: The video's title.
    ///   - language: The language to write in (English by default).
    /// - Returns: The narration, at most `VideoLimits.maxNarrationLength` characters.
    public static func narration(for content: SceneContent, videoTitle: String, language: Language = .english)
        -> String
    {
        let p = Phrases(language)
        let text: String
        switch content {
        case .title(let c):
            let subtitle = c.subtitle.map { " " + SpeechText.sentence($0) } ?? ""
            text = p.text(.welcome, ["title": SpeechText.clean(c.title)]) + subtitle
        case .list(let c):
            text = listNarration(heading: c.heading, items: c.items, p)
        case .command(let c):
            text = commandNarration(c, p)
        case .quote(let c):
            let quote = SpeechText.sentence(c.text)
            if let who = c.attribution.map(SpeechText.clean), !who.isEmpty {
                text = p.text(.quoteBy, ["who": who, "quote": quote])
            } else {
                text = p.text(.quotePlain, ["quote": quote])
            }
        case .outro(let c):
            let subtitle = c.subtitle.map { " " + SpeechText.sentence($0) } ?? ""
            text = SpeechText.sentence(c.title) + subtitle
        case .codeComparison(let c): text = codeComparisonNarration(c, p)
        case .learningObjectives(let c): text = objectivesNarration(c, p)
        case .problem(let c): text = problemNarration(c, p)
        case .solution(let c): text = solutionNarration(c, p)
        case .quiz(let c): text = quizNarration(c, p)
        case .checkpoint(let c): text = checkpointNarration(c, p)
        case .exercise(let c): text = exerciseNarration(c, p)
        case .image(let c): text = imageNarration(c, p)
        case .table(let c): text = tableNarration(c, p)
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
    static func imageNarration(_ c: ImageContent, _ p: Phrases = .english) -> String {
        let caption = c.caption.map(SpeechText.sentence) ?? ""
        return caption.isEmpty ? p.text(.picture) : caption
    }

    /// The heading, the columns, then each row cell by cell.
    static func tableNarration(_ c: TableContent, _ p: Phrases = .english) -> String {
        var parts = [SpeechText.sentence(c.heading)]
        let columns = c.header.map(SpeechText.clean).filter { !$0.isEmpty }
        let separator = p.text(.listSeparator)
        if !columns.isEmpty { parts.append(p.text(.tableShows, ["columns": columns.joined(separator: separator)])) }
        for row in c.rows {
            let cells = row.map(SpeechText.clean).filter { !$0.isEmpty }
            if !cells.isEmpty { parts.append(cells.joined(separator: separator) + ".") }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func listNarration(
        heading: String, items: [String], _ p: Phrases = .english, intro: Phrases.Key = .points
    ) -> String {
        let head = SpeechText.sentence(heading)
        let spoken = items.map(SpeechText.clean).filter { !$0.isEmpty }
        switch spoken.count {
        case 0: return head
        case 1: return "\(head) \(SpeechText.sentence(spoken[0]))"
        default:
            var parts = ["\(head) \(p.text(intro, ["n": String(spoken.count)]))"]
            let ordinals = p.ordinals
            for (i, item) in spoken.enumerated() {
                let lead =
                    i == spoken.count - 1 ? p.text(.finally) : (i < ordinals.count ? ordinals[i] : p.text(.next))
                let said = SpeechText.sentence(lowercasingFirst(item, p))
                parts.append(p.text(.listItem, ["lead": lead, "item": said]))
            }
            return parts.joined(separator: " ")
        }
    }

    static func commandNarration(_ c: CommandContent, _ p: Phrases = .english) -> String {
        let heading = SpeechText.sentence(c.heading)
        let lines = c.code.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let language = c.language?.lowercased() ?? "shell"
        let caption = c.caption.map { " " + SpeechText.sentence($0) } ?? ""
        if ["shell", "sh", "bash", "zsh", "console", "terminal", "shell-session"].contains(language) {
            let run = lines.count == 1 ? p.text(.runOne) : p.text(.runMany, ["n": String(lines.count)])
            return "\(heading) \(run)\(caption)"
        }
        let code = p.text(.codeNamed, ["language": SpeechText.languageName(language)])
        return "\(heading) \(p.text(.codeListing, ["code": code, "lines": self.lines(lines.count, p)]))\(caption)"
    }
}
