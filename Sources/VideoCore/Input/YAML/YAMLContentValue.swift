import Foundation
import Yams

/// Custom scene content in YAML: any mapping, lists and nested mappings included, read into
/// `JSONValue`s and written back so that reading the output gives the same values.
///
/// Plain scalars are typed the way YAML types them (`3` and `2.5` are numbers, `true` and
/// `yes` booleans, `~` and `null` null); quoted and block scalars are always text.
enum YAMLContentValue {
    /// Reads the custom fields of a scene: every entry of `map` except `skipping`.
    /// - Throws: `VideoError` (`.invalidInput`) at the offending node when a value nests
    ///   deeper than `VideoLimits.maxContentDepth`, the fields hold more than
    ///   `VideoLimits.maxContentValues` values (aliases count each time they are used), a number
    ///   is not finite, or a mapping repeats a key or has a key that is not text.
    static func fields(of map: YAMLMapping, skipping: [String]) throws -> [String: JSONValue] {
        var budget = VideoLimits.maxContentValues
        var fields: [String: JSONValue] = [:]
        for entry in map.entries where !skipping.contains(entry.key) {
            fields[entry.key] = try value(of: entry.value, key: entry.key, depth: 2, budget: &budget, in: map)
        }
        return fields
    }

    /// `node` as a value; `depth` is the level a list or mapping here would be at.
    private static func value(
        of node: Node, key: String, depth: Int, budget: inout Int, in map: YAMLMapping
    ) throws -> JSONValue {
        budget -= 1
        guard budget >= 0 else {
            throw map.context.error(
                node.mark, map.path, "the fields hold more than \(VideoLimits.maxContentValues) values")
        }
        switch node {
        case .scalar(let scalar):
            return try self.scalar(scalar, node: node, key: key, in: map)
        case .sequence(let sequence):
            try check(depth, node, key, in: map)
            return .array(
                try sequence.enumerated().map {
                    try value(of: $0.element, key: "\(key)[\($0.offset)]", depth: depth + 1, budget: &budget, in: map)
                })
        case .mapping:
            try check(depth, node, key, in: map)
            var nested = try YAMLMapping(node, path: map.path, what: "'\(key)'", context: map.context)
            nested.path = map.path
            var object: [String: JSONValue] = [:]
            for entry in nested.entries {
                object[entry.key] = try value(
                    of: entry.value, key: "\(key).\(entry.key)", depth: depth + 1, budget: &budget, in: map)
            }
            return .object(object)
        }
    }

    private static func check(_ depth: Int, _ node: Node, _ key: String, in map: YAMLMapping) throws {
        guard depth <= VideoLimits.maxContentDepth else {
            throw map.context.error(
                node.mark, map.path, "'\(key)' nests deeper than \(VideoLimits.maxContentDepth) levels")
        }
    }

    private static func scalar(_ scalar: Node.Scalar, node: Node, key: String, in map: YAMLMapping) throws -> JSONValue
    {
        // The parser tags quoted and block scalars as text; plain ones resolve by their value.
        switch Tag.Name(rawValue: node.tag.description) {
        case .null: return .null
        case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
        case .int, .float:
            guard let number = node.int.map(Double.init) ?? node.float else { return .string(scalar.string) }
            guard number.isFinite else {
                throw map.context.error(node.mark, map.path, "'\(key)' \(scalar.string) is not a finite number")
            }
            return .number(number)
        default: return .string(scalar.string)
        }
    }

    /// A value as a YAML node that reads back as the same value.
    /// - Throws: `VideoError` (`.invalidInput`) for a number that is not finite.
    static func node(for value: JSONValue, field: String) throws -> Node {
        switch value {
        case .null: return Node("null")
        case .bool(let bool): return Node(bool ? "true" : "false")
        case .number(let number):
            guard number.isFinite else {
                throw VideoError(.invalidInput, "field '\(field)' holds \(number), which YAML specs cannot express")
            }
            return Node(JSONValue.wholeNumber(number).map { String($0) } ?? String(number))
        case .string(let text): return YAMLSpecWriter.text(text)
        case .array(let items):
            return Node(try items.enumerated().map { try node(for: $0.element, field: "\(field)[\($0.offset)]") })
        case .object(let entries):
            return Node(
                try entries.keys.sorted().map {
                    (YAMLSpecWriter.text($0), try node(for: entries[$0]!, field: "\(field).\($0)"))
                })
        }
    }
}
