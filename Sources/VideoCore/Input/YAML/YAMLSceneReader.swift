import Foundation
import Yams

/// Reads one entry of a spec's `scenes:` list: the scene keys and, at the same level, the
/// content fields of its `scene_type`.
struct YAMLSceneReader {
    /// The keys every scene may have besides its content fields.
    static let sceneKeys = [
        "scene_id", "scene_type", "narration", "voice", "min_duration", "max_duration", "transition",
    ]

    let context: YAMLContext
    /// Scene types beyond the built-in twelve that the caller accepts (free-form fields: any
    /// mapping, see `YAMLContentValue`).
    let customTypes: Set<SceneType>

    /// A scene read but not yet given an id.
    struct Draft {
        var id: String?
        var content: SceneContent
        var narration: String?
        var narrations: [String: String]?
        var voice: Voice?
        var minDuration: Double?
        var maxDuration: Double?
        var transition: SceneTransition?
        var mapping: YAMLMapping
    }

    /// Reads scene `index` from `node`.
    /// - Parameter prefix: The path of the video in a set, for example `videos[1].`.
    func read(_ node: Node, index: Int, prefix: String = "") throws -> Draft {
        var map = try YAMLMapping(node, path: "\(prefix)scenes[\(index)]", what: "a scene", context: context)
        let id = try map.string("scene_id")
        if let id { map.path = "\(prefix)scenes[\(index)] (\(id))" }
        guard let typeName = try map.string("scene_type") else {
            throw context.error(
                map.mark, map.path,
                "missing required field 'scene_type'; valid types: \(validTypeNames.joined(separator: ", "))")
        }
        let type = SceneType(rawValue: typeName)
        guard SceneType.builtIn.contains(type) || customTypes.contains(type) else {
            var message = "unknown scene type '\(typeName)'"
            if let near = YAMLMapping.nearest(typeName, in: validTypeNames) { message += " (did you mean '\(near)'?)" }
            throw context.error(
                map.value("scene_type")?.mark, map.path,
                message + "; valid types: \(validTypeNames.joined(separator: ", "))")
        }
        let content: SceneContent
        if SceneType.builtIn.contains(type) {
            let fields = type.contentFields
            try map.checkKeys(allowed: Self.sceneKeys + fields.map(\.name), for: "a \(type) scene")
            content = try builtInContent(type, fields: fields, map: map)
        } else {
            let fields = try YAMLContentValue.fields(of: map, skipping: Self.sceneKeys)
            content = .custom(CustomSceneContent(type: type, fields: fields))
        }
        let voice = try map.string("voice").map { name in
            try context.located(map.value("voice")?.mark, map.path) { try Self.voice(name) }
        }
        let transition = try map.string("transition").map { name in
            try context.located(map.value("transition")?.mark, map.path) { try SceneTransition(validating: name) }
        }
        var narration: String?
        var narrations: [String: String]?
        if let node = map.value("narration"), let entries = node.mapping {
            // `narration: {en: …, es: …}`: one text per language.
            var texts: [String: String] = [:]
            for (key, value) in entries {
                let tag = key.string ?? ""
                let language = try context.located(key.mark, map.path) {
                    try Language(validating: tag, field: "narration.\(tag)")
                }
                guard let text = value.string else {
                    throw context.error(value.mark, map.path, "'narration.\(tag)' must be text")
                }
                texts[language.tag] = text
            }
            narrations = texts
        } else {
            narration = try map.string("narration")
        }
        return Draft(
            id: id, content: content, narration: narration, narrations: narrations, voice: voice,
            minDuration: try map.double("min_duration"), maxDuration: try map.double("max_duration"),
            transition: transition, mapping: map)
    }

    /// Builds and validates the scene, pointing validation errors at the field's key.
    func scene(_ draft: Draft, id: String) throws -> SceneConfig {
        do {
            var scene = try SceneConfig(
                sceneID: id, content: draft.content, narration: draft.narration, voice: draft.voice,
                minDuration: draft.minDuration, maxDuration: draft.maxDuration, transition: draft.transition)
            scene.narrations = draft.narrations
            try scene.validate(field: "scene")
            return scene
        } catch let error as VideoError {
            // Fields look like `scene.content.options[3]` or `scene.min_duration`.
            var field = error.field ?? ""
            for prefix in ["scene.content.", "scene."] where field.hasPrefix(prefix) {
                field.removeFirst(prefix.count)
                break
            }
            let key = String(field.prefix { $0 != "[" && $0 != "." })
            throw context.error(draft.mapping.mark(of: key), draft.mapping.path, "'\(field)' \(error.message)")
        }
    }

    /// The names accepted for `scene_type`, built-in first.
    var validTypeNames: [String] {
        SceneType.builtIn.map(\.rawValue) + customTypes.map(\.rawValue).sorted()
    }

    private func builtInContent(_ type: SceneType, fields: [SceneField], map: YAMLMapping) throws -> SceneContent {
        var values: [String: Any] = [:]
        for field in fields {
            guard map.value(field.name) != nil else {
                if field.isRequired {
                    throw context.error(
                        map.mark, map.path, "missing required field '\(field.name)' for a \(type) scene")
                }
                continue
            }
            switch field.kind {
            case .text, .code: values[field.name] = try map.string(field.name)
            case .list: values[field.name] = try map.stringList(field.name)
            case .integer: values[field.name] = try map.int(field.name)
            case .number: values[field.name] = try map.double(field.name)
            case .flag: values[field.name] = try map.bool(field.name)
            case .rows: values[field.name] = try map.rowList(field.name)
            }
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: ["type": type.rawValue, "fields": values])
            return try JSONDecoder().decode(ContentBox.self, from: data).content
        } catch let error as DecodingError {
            throw context.error(map.mark, map.path, "the \(type) fields could not be read: \(error)")
        }
    }

    /// Parses a voice: a portable name, or something shaped like an espeak-ng voice name
    /// (`en-us`, `de`, `fr+f2`), which the synthesizer checks when it speaks.
    static func voice(_ name: String) throws -> Voice {
        let voice = Voice(name)
        if Voice.portable.contains(voice) { return voice }
        // espeak-ng voices (`en-gb`, `fr+f2`), flite voices (`cmu_us_slt`, `kal16`) and an HTTP
        // voice server's names (`nova`, `af_bella`).
        let pattern = #"^[a-z][a-z0-9_]{1,31}(-[a-z0-9]{1,8})*(\+[a-z0-9_]{1,16})?$"#
        guard name.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil else {
            throw VideoError(
                .invalidInput,
                "unknown voice '\(name)'; valid: \(Voice.portable.map(\.name).joined(separator: ", ")), "
                    + "a flite voice such as cmu_us_slt, or an espeak-ng voice such as en-us, en-gb, de or fr+f2")
        }
        return voice
    }
}

/// Decodes `{"type": …, "fields": {…}}` into scene content.
private struct ContentBox: Decodable {
    let content: SceneContent
    enum CodingKeys: String, CodingKey { case type, fields }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = SceneType(rawValue: try c.decode(String.self, forKey: .type))
        content = try SceneContent(type: type, fieldsFrom: try c.superDecoder(forKey: .fields))
    }
}
