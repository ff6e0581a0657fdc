import Foundation

/// The content of a scene type an app registered: its type and its payload's encoded fields.
///
/// Made from the app's payload (`init(_:)`, or `SceneContent(_:)`) and turned back into it
/// with `decode(_:)` (or `SceneContent.payload(as:)`). In YAML specs the fields sit next to
/// `scene_type`, nested lists and mappings included; in JSON they are an object under
/// `fields`.
///
/// Validation (`SceneContent.validate(field:)`) limits custom content like other content:
/// every text (string leaf or key) to `VideoLimits.maxTextLength` characters, every list and
/// mapping to `VideoLimits.maxItems` entries, the nesting to `VideoLimits.maxContentDepth` levels and
/// the whole content to `VideoLimits.maxContentValues` values.
public struct CustomSceneContent: Hashable, Codable, Sendable {
    /// The scene type; never one of `SceneType.builtIn`.
    public var type: SceneType
    /// The payload's fields, by key.
    public var fields: [String: JSONValue]

    /// Creates custom content from its fields.
    /// - Parameters:
    ///   - type: The app's scene type.
    ///   - fields: The fields, by key.
    public init(type: SceneType, fields: [String: JSONValue]) {
        self.type = type
        self.fields = fields
    }

    /// Creates custom content from an app's payload, encoding its fields.
    /// - Parameter payload: The content; its type is `P.sceneType`.
    /// - Throws: `VideoError` (`.invalidInput`, field `content`) when the payload cannot be
    ///   encoded (a number that is not finite) or does not encode as keyed fields.
    public init<P: SceneContentPayload>(_ payload: P) throws {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(payload))
        } catch {
            throw VideoError(.invalidInput, "the \(P.self) content cannot be encoded: \(error)", field: "content")
        }
        guard case .object(let fields) = value else {
            throw VideoError(
                .invalidInput, "the \(P.self) content must encode as keyed fields, not a single value",
                field: "content")
        }
        self.init(type: P.sceneType, fields: fields)
    }

    /// Decodes the fields as a payload (or any `Decodable`).
    /// - Parameter type: The type to decode.
    /// - Returns: The decoded value.
    /// - Throws: `VideoError` (`.invalidInput`) saying which field is missing or of the
    ///   wrong kind.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(fields))
        } catch let error as DecodingError {
            throw VideoError(.invalidInput, Self.describe(error, decoding: T.self))
        } catch {
            throw VideoError(.invalidInput, "the fields cannot be read: \(error)")
        }
    }

    /// Checks the type and every limit; `field` prefixes the field paths in errors.
    func validate(field: String) throws {
        guard !type.rawValue.isEmpty else { throw VideoError.invalid("\(field)", "the scene type must not be empty") }
        guard !SceneType.builtIn.contains(type) else {
            throw VideoError.invalid(
                "\(field)", "'\(type)' is a built-in scene type; use its own SceneContent case, not .custom")
        }
        // Breadth first without recursion, so hostile nesting cannot exhaust the stack.
        var queue: [(path: String, value: JSONValue, depth: Int)] = [(field, .object(fields), 1)]
        var index = 0
        while index < queue.count {
            let (path, value, depth) = queue[index]
            index += 1
            guard queue.count <= VideoLimits.maxContentValues else {
                throw VideoError.invalid(field, "holds more than \(VideoLimits.maxContentValues) values")
            }
            switch value {
            case .null, .bool: break
            case .number(let number):
                guard number.isFinite else { throw VideoError.invalid(path, "\(number) is not a finite number") }
            case .string(let text):
                try Self.check(text, at: path)
            case .array(let items):
                try Self.check(count: items.count, depth: depth, at: path)
                for (i, item) in items.enumerated() { queue.append(("\(path)[\(i)]", item, depth + 1)) }
            case .object(let entries):
                try Self.check(count: entries.count, depth: depth, at: path)
                for key in entries.keys.sorted() {
                    guard key.count <= VideoLimits.maxTextLength else {
                        throw VideoError.invalid(
                            path, "has a key of \(key.count) characters; the limit is \(VideoLimits.maxTextLength)")
                    }
                    queue.append(("\(path).\(key)", entries[key]!, depth + 1))
                }
            }
        }
    }

    private static func check(_ text: String, at path: String) throws {
        guard text.count <= VideoLimits.maxTextLength else {
            throw VideoError.invalid(path, "is \(text.count) characters; the limit is \(VideoLimits.maxTextLength)")
        }
    }

    private static func check(count: Int, depth: Int, at path: String) throws {
        guard depth <= VideoLimits.maxContentDepth else {
            throw VideoError.invalid(path, "nests deeper than \(VideoLimits.maxContentDepth) levels")
        }
        guard count <= VideoLimits.maxItems else {
            throw VideoError.invalid(path, "has \(count) items; the limit is \(VideoLimits.maxItems)")
        }
    }

    /// A one-line reason for a decoding failure: which field, and what is wrong with it.
    static func describe(_ error: DecodingError, decoding type: Any.Type) -> String {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            let names = all.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return names.hasPrefix(".") ? String(names.dropFirst()) : names
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(path(context.codingPath, key))'"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' is not \(Self.kind(type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' is null, not \(Self.kind(type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // The JSON is ours, so only a number can be at fault (swift-corelibs-foundation
            // reports 2.5 for an Int as invalid JSON, without a path).
            return "a number does not fit its field in \(type) (a fraction where a whole number belongs, or too large)"
        case .dataCorrupted(let context):
            let at = context.codingPath.isEmpty ? "" : "field '\(path(context.codingPath))': "
            return at + context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        default: return "a \(type)"
        }
    }
}
