import VideoCore

/// The JSON schema of a video plan, generated from the scene types a planner may use (a
/// renderer registry's `sceneDescriptions`): a title, a description and scenes, each scene an
/// object with one member named after its type (`{"quiz": {"question": …, "narration": …}}`)
/// holding that type's content fields and its narration. It follows OpenAI's strict
/// mode: every property required (optional fields may be `null`), no other properties, and no
/// string-length keywords (strict mode does not support them; the YAML validation checks
/// every length the plan must keep).
enum PlanSchema {
    /// The schema for plans of at most `maxScenes` scenes of `types`.
    static func schema(for types: [SceneTypeDescription], maxScenes: Int) -> JSONValue {
        [
            "type": "object",
            "properties": [
                "title": ["type": "string", "description": "The video's title, at most 100 characters."],
                "description": [
                    "type": "string", "description": "Two or three sentences on what the video covers.",
                ],
                "scenes": [
                    "type": "array", "minItems": 1, "maxItems": .number(Double(maxScenes)),
                    "items": ["anyOf": .array(types.map(scene))],
                ],
            ],
            "required": ["title", "description", "scenes"],
            "additionalProperties": false,
        ]
    }

    /// One scene type's branch: an object with one member named after the type (a tagged
    /// union: OpenAI's strict mode refuses `anyOf` branches whose first keys are the same),
    /// holding the type's content fields and the narration.
    static func scene(_ type: SceneTypeDescription) -> JSONValue {
        var properties: [String: JSONValue] = [
            "narration": [
                "type": "string",
                "description": "What the narrator says over this scene: plain spoken sentences, no Markdown.",
            ]
        ]
        for field in type.fields { properties[field.name] = schema(of: field) }
        let content: JSONValue = [
            "type": "object",
            "description": .string(type.summary),
            "properties": .object(properties),
            "required": .array((type.fields.map(\.name) + ["narration"]).map { .string($0) }),
            "additionalProperties": false,
        ]
        return [
            "type": "object",
            "properties": [type.type.rawValue: content],
            "required": [.string(type.type.rawValue)],
            "additionalProperties": false,
        ]
    }

    /// One field's schema; an optional field may also be `null`.
    static func schema(of field: SceneField) -> JSONValue {
        var rules: [String: JSONValue]
        let name: String
        switch field.kind {
        case .text, .code:
            name = "string"
            rules = [:]
        case .list:
            name = "array"
            rules = ["items": ["type": "string"], "maxItems": .number(Double(VideoLimits.maxItems))]
        case .integer: name = "integer"; rules = [:]
        case .number: name = "number"; rules = [:]
        case .flag: name = "boolean"; rules = [:]
        case .rows:
            name = "array"
            rules = [
                "items": ["type": "array", "items": ["type": "string"]],
                "maxItems": .number(Double(VideoLimits.maxItems)),
            ]
        }
        rules["type"] = field.isRequired ? .string(name) : [.string(name), "null"]
        rules["description"] = .string(field.summary)
        return .object(rules)
    }
}
