import Foundation
import Yams

/// Writes videos as YAML specs in the schema `YAMLAdapter` reads (`Docs/YAMLSchema.md`):
/// the inverse of the adapter, so reading the output gives equal `VideoConfig`s.
///
/// Multi-line text (code, long narration) is written as a literal block (`|`) where YAML
/// allows it; text YAML would read as something else (`yes`, `3.0`, `null`, leading spaces)
/// is quoted.
enum YAMLSpecWriter {
    /// The YAML of one video, or of a set when there are several.
    static func yaml(for videos: [YAMLVideo]) throws -> String {
        let root: Node
        if videos.count == 1 {
            root = try node(for: videos[0])
        } else {
            root = Node([(Node("videos"), Node(try videos.map(node(for:))))])
        }
        return try Yams.serialize(node: root, allowUnicode: true)
    }

    /// One video as a mapping.
    static func node(for video: YAMLVideo) throws -> Node {
        let config = video.config
        var pairs: [(Node, Node)] = [("video_id", text(config.videoID)), ("title", text(config.title))]
        if !config.description.isEmpty { pairs.append(("description", text(config.description))) }
        pairs += [
            ("accent_color", Node(config.accentColor.rawValue)), ("voice", text(config.voice.name)),
            ("resolution", Node(config.resolution.description)), ("fps", Node(String(config.fps))),
            ("transition", Node(config.transition.rawValue)),
        ]
        if let theme = video.theme { pairs.append(("theme", Node(theme.rawValue))) }
        if let duration = config.duration { pairs.append(("duration", Node(duration.description))) }
        if config.language != .english { pairs.append(("language", Node(config.language.tag))) }
        if !config.pronunciations.isEmpty {
            let entries = config.pronunciations.entries.sorted { $0.key < $1.key }
            pairs.append(("pronunciations", Node(entries.map { (text($0.key), text($0.value)) })))
        }
        pairs.append(("scenes", Node(try config.scenes.map(node(for:)))))
        return Node(pairs)
    }

    /// One scene: its keys, then its content fields in catalogue order (a custom type's in
    /// key order).
    static func node(for scene: SceneConfig) throws -> Node {
        var pairs: [(Node, Node)] = [("scene_id", text(scene.sceneID)), ("scene_type", text(scene.sceneType.rawValue))]
        if case .custom(let custom) = scene.content {
            for key in custom.fields.keys.sorted() {
                guard !YAMLSceneReader.sceneKeys.contains(key) else {
                    throw VideoError(
                        .invalidInput,
                        "the \(custom.type) scene '\(scene.sceneID)' has a field '\(key)', which YAML specs read as "
                            + "the scene's own key")
                }
                pairs.append((text(key), try YAMLContentValue.node(for: custom.fields[key]!, field: key)))
            }
        } else {
            let data = try JSONEncoder().encode(FieldsBox(content: scene.content))
            let fields = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            for field in scene.sceneType.contentFields {
                guard let value = fields[field.name] else { continue }
                pairs.append((Node(field.name), try node(value, kind: field.kind, field: field.name)))
            }
        }
        if let narration = scene.narration { pairs.append(("narration", text(narration))) }
        if let voice = scene.voice { pairs.append(("voice", text(voice.name))) }
        if let min = scene.minDuration { pairs.append(("min_duration", Node(String(min)))) }
        if let max = scene.maxDuration { pairs.append(("max_duration", Node(String(max)))) }
        if let transition = scene.transition { pairs.append(("transition", Node(transition.rawValue))) }
        return Node(pairs)
    }

    private static func node(_ value: Any, kind: SceneField.Kind, field: String) throws -> Node {
        switch value {
        case let string as String: return text(string)
        case let rows as [[Any]] where kind == .rows:
            return Node(rows.map { Node($0.map { text($0 as? String ?? "\($0)") }) })
        case let list as [Any]: return Node(list.map { text($0 as? String ?? "\($0)") })
        case let number as NSNumber where kind == .flag: return Node(number.boolValue ? "true" : "false")
        case let number as NSNumber:
            return Node(kind == .integer ? String(number.intValue) : String(number.doubleValue))
        default: throw VideoError(.invalidInput, "field '\(field)' holds a value YAML specs cannot express")
        }
    }

    /// A text scalar in a style that reads back as exactly `string`.
    static func text(_ string: String) -> Node {
        let scalars = string.unicodeScalars
        // A reader turns \r, \r\n, NEL and the Unicode separators in a block into \n: quote those.
        if scalars.contains(where: { ["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }) {
            return Node(string, Tag(.str), .doubleQuoted)
        }
        if scalars.contains("\n") { return Node(string, Tag(.str), .literal) }
        let safe =
            !string.isEmpty && Resolver.default.resolveTag(of: Node(string)) == .str
            && string.first?.isWhitespace != true
            && string.last?.isWhitespace != true
        return Node(string, Tag(.str), safe ? .any : .doubleQuoted)
    }
}

/// Encodes only a content's fields.
private struct FieldsBox: Encodable {
    let content: SceneContent
    func encode(to encoder: any Encoder) throws { try content.encodeFields(to: encoder) }
}

extension VideoConfig {
    /// This video as a YAML spec that `YAMLAdapter` reads back into an equal `VideoConfig`.
    /// - Parameter theme: A theme to record in the spec, if any.
    /// - Throws: `VideoError` when a value cannot be written.
    public func yamlString(theme: ThemeName? = nil) throws -> String {
        try YAMLSpecWriter.yaml(for: [YAMLVideo(config: self, theme: theme)])
    }
}
