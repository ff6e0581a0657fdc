import Foundation
import VideoCore

/// Reading and writing `JSONValue` (VideoCore's JSON value, shared with custom scene content)
/// for language-model requests and answers.
extension JSONValue {
    /// Parses JSON text.
    /// - Parameter data: UTF-8 JSON.
    /// - Returns: The value.
    /// - Throws: `VideoError(.invalidInput)` saying where the text is not JSON.
    public static func parse(_ data: Data) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw VideoError(.invalidInput, "not valid JSON: \(underlying ?? context.debugDescription)")
        } catch {
            throw VideoError(.invalidInput, "not valid JSON: \(error)")
        }
    }

    /// The value as compact JSON with sorted keys: the same value always gives the same bytes.
    /// - Returns: UTF-8 JSON.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Only non-finite numbers fail to encode; no parsed or literal value holds one.
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// The value as compact JSON text with sorted keys.
    public var jsonString: String { String(decoding: jsonData(), as: UTF8.self) }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    /// - Parameter key: The member's name.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, when this is one.
    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The JSON type name: `null`, `boolean`, `number` (`integer` for a whole number),
    /// `string`, `array` or `object`.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let value): value.rounded() == value ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// A boolean.
    /// - Parameter value: The boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A whole number.
    /// - Parameter value: The number.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A number.
    /// - Parameter value: The number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string.
    /// - Parameter value: The string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array.
    /// - Parameter elements: The elements.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object; a repeated key keeps its last value.
    /// - Parameter elements: The members.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
