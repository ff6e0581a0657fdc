import Foundation
import Yams

/// Where YAML errors point: the file's name for messages.
struct YAMLContext: Sendable {
    /// The file name shown in messages, for example `course.yaml`.
    let fileName: String

    /// The file, with the line and column of `mark` when there is one.
    func location(_ mark: Mark?) -> VideoError.Location {
        VideoError.Location(file: fileName, line: mark?.line, column: mark?.column)
    }

    /// An `.invalidInput` error reading `file.yaml:12:5: scenes[2] (intro): message`: located
    /// at `mark`, with `path` (when not empty) as its field.
    func error(_ mark: Mark?, _ path: String, _ message: String, cause: String? = nil) -> VideoError {
        VideoError(.invalidInput, message, field: path.isEmpty ? nil : path, location: location(mark), cause: cause)
    }

    /// Runs `body`, re-raising a `VideoError` it throws with the YAML position in front.
    func located<T>(_ mark: Mark?, _ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as VideoError {
            throw self.error(mark, path, (error.field.map { "\($0): " } ?? "") + error.message, cause: error.cause)
        }
    }
}

/// A YAML mapping with scalar keys, read field by field with errors that carry the position
/// of the offending key or value.
struct YAMLMapping {
    /// A key, where it is, and its value.
    struct Entry {
        let key: String
        let keyMark: Mark?
        let value: Node
    }

    let entries: [Entry]
    let mark: Mark?
    /// The path of this mapping in messages, for example `scenes[2] (intro)`.
    var path: String
    let context: YAMLContext

    /// Reads `node` as a mapping; refuses other nodes, non-text keys and repeated keys.
    init(_ node: Node, path: String, what: String, context: YAMLContext) throws {
        guard case .mapping(let mapping) = node else {
            throw context.error(
                node.mark, path, "\(what) must be a mapping of keys to values, not \(Self.describe(node))")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw context.error(key.mark, path, "keys must be plain names, not \(Self.describe(key))")
            }
            guard seen.insert(scalar.string).inserted else {
                throw context.error(key.mark, path, "key '\(scalar.string)' is given twice")
            }
            entries.append(Entry(key: scalar.string, keyMark: key.mark, value: value))
        }
        self.entries = entries
        self.mark = node.mark
        self.path = path
        self.context = context
    }

    /// Refuses keys outside `allowed`, suggesting the nearest valid key for a typo.
    func checkKeys(allowed: [String], for what: String) throws {
        for entry in entries where !allowed.contains(entry.key) {
            var message = "unknown key '\(entry.key)'"
            if let near = Self.nearest(entry.key, in: allowed) { message += " (did you mean '\(near)'?)" }
            message += "; valid keys for \(what): \(allowed.joined(separator: ", "))"
            throw context.error(entry.keyMark, path, message)
        }
    }

    /// Whether the key is present (even with an empty value).
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The key's value; `nil` when it is missing or written as null (`~`, `null` or nothing).
    func value(_ key: String) -> Node? {
        guard let node = entries.first(where: { $0.key == key })?.value else { return nil }
        return Self.isNull(node) ? nil : node
    }

    /// Where the key is written; the mapping's own position when it is missing.
    func mark(of key: String) -> Mark? {
        entries.first(where: { $0.key == key })?.keyMark ?? mark
    }

    /// A text value.
    func string(_ key: String) throws -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            throw context.error(node.mark, path, "'\(key)' must be text, not \(Self.describe(node))")
        }
        return scalar.string
    }

    /// A text value that must be given.
    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key) else { throw context.error(mark, path, "missing required field '\(key)'") }
        return value
    }

    /// A whole-number value.
    func int(_ key: String) throws -> Int? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces))
        else {
            throw context.error(node.mark, path, "'\(key)' must be a whole number, not \(Self.describe(node))")
        }
        return value
    }

    /// A numeric value.
    func double(_ key: String) throws -> Double? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
            value.isFinite
        else {
            throw context.error(node.mark, path, "'\(key)' must be a number, not \(Self.describe(node))")
        }
        return value
    }

    /// A list of texts; a single text is a one-item list.
    func stringList(_ key: String) throws -> [String]? {
        guard let node = value(key) else { return nil }
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            return try sequence.map { item in
                guard case .scalar(let scalar) = item, !Self.isNull(item) else {
                    throw context.error(
                        item.mark, path, "'\(key)' must be a list of texts; this item is \(Self.describe(item))")
                }
                return scalar.string
            }
        case .mapping:
            throw context.error(node.mark, path, "'\(key)' must be a list of texts, not \(Self.describe(node))")
        }
    }

    /// A `true` or `false` value.
    func bool(_ key: String) throws -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node,
            let value = ["true": true, "false": false][scalar.string.lowercased().trimmingCharacters(in: .whitespaces)]
        else {
            throw context.error(node.mark, path, "'\(key)' must be true or false, not \(Self.describe(node))")
        }
        return value
    }

    /// A list of rows, each a list of texts.
    func rowList(_ key: String) throws -> [[String]]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let rows) = node else {
            throw context.error(node.mark, path, "'\(key)' must be a list of rows, not \(Self.describe(node))")
        }
        return try rows.map { row in
            guard case .sequence(let cells) = row else {
                throw context.error(
                    row.mark, path, "each of '\(key)' must be a list of cells, not \(Self.describe(row))")
            }
            return try cells.map { cell in
                guard case .scalar(let scalar) = cell else {
                    throw context.error(cell.mark, path, "a cell of '\(key)' must be text, not \(Self.describe(cell))")
                }
                return Self.isNull(cell) ? "" : scalar.string
            }
        }
    }

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar; quoted ones are text.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of a node for messages: `a list`, `a mapping` or `'text'`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        }
    }

    /// The valid key closest to `key` (edit distance at most 2), for "did you mean".
    static func nearest(_ key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
