import Foundation

/// A JSON value: what the fields of a custom scene's content hold (see
/// `CustomSceneContent`).
///
/// Numbers are `Double`s; whole numbers are written without a fraction (`3`, not `3.0`), so
/// a payload's `Int` fields decode from them, and are exact up to 2⁵³.
public enum JSONValue: Hashable, Codable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A text.
    case string(String)
    /// A list of values.
    case array([JSONValue])
    /// Values by key.
    case object([String: JSONValue])

    /// Decodes any JSON value.
    /// - Throws: `DecodingError.dataCorrupted` when the value is none of the cases.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let bool = try? c.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? c.decode(Double.self) {
            self = .number(number)
        } else if let string = try? c.decode(String.self) {
            self = .string(string)
        } else if let array = try? c.decode([JSONValue].self) {
            self = .array(array)
        } else if let object = try? c.decode([String: JSONValue].self) {
            self = .object(object)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a JSON value"))
        }
    }

    /// Encodes the value; a whole number as an integer.
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let value): try c.encode(value)
        case .number(let value):
            if let whole = Self.wholeNumber(value) { try c.encode(whole) } else { try c.encode(value) }
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }

    /// `value` as an integer when it is a whole number that a `Double` holds exactly.
    static func wholeNumber(_ value: Double) -> Int64? {
        guard value.rounded() == value, abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int64(value)
    }
}
