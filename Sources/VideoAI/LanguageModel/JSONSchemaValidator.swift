import VideoCore

/// Checks a JSON value against the subset of JSON Schema that vgen's prompts use.
///
/// Understood keywords: `type` (a name or an array of names; `integer` is a whole number),
/// `properties`, `required`, `additionalProperties` (`false`, or a schema for the other
/// members), `items`, `anyOf` (the value must match one branch; the problems reported are
/// those of the branch it comes closest to: fewest problems at its own level, then in all), `enum`, `minItems`, `maxItems`, `minLength` and `maxLength` (counted in
/// Unicode scalars, as JSON Schema counts characters). Other keywords (`description`,
/// `title`, …) are ignored, so a schema written for a provider's strict mode validates here
/// unchanged.
package struct JSONSchemaValidator: Sendable {
    /// The most problems one validation reports.
    package static let maxProblems = 5

    /// The schema answers are checked against.
    package let schema: JSONValue

    /// A validator for `schema`.
    /// - Parameter schema: A JSON schema object.
    package init(schema: JSONValue) { self.schema = schema }

    /// The ways `value` breaks the schema, each as `path: problem` (the root is `$`); empty
    /// when it conforms.
    /// - Parameter value: The value to check.
    /// - Returns: At most `maxProblems` problems, in document order.
    package func problems(in value: JSONValue) -> [String] {
        var found: [String] = []
        check(value, against: schema, at: "$", into: &found)
        return Array(found.prefix(Self.maxProblems))
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) {
        guard found.count < Self.maxProblems, case .object(let rules) = schema else { return }
        if let branches = rules["anyOf"]?.arrayValue, !branches.isEmpty {
            // The closest branch has the fewest problems at this level (its others are deeper
            // in: the value matched more of it), then the fewest in all.
            var closest: (score: [Int], problems: [String])?
            for branch in branches {
                var problems: [String] = []
                check(value, against: branch, at: path, into: &problems)
                if problems.isEmpty { return }
                let score = [problems.filter { $0.hasPrefix("\(path): ") }.count, problems.count]
                if closest == nil || score.lexicographicallyPrecedes(closest!.score) { closest = (score, problems) }
            }
            found += closest!.problems.prefix(Self.maxProblems - found.count)
            return
        }
        if let expected = rules["type"], !Self.matches(value, type: expected) {
            found.append("\(path): expected \(Self.describe(expected)), got \(value.typeName)")
            return
        }
        if let allowed = rules["enum"]?.arrayValue, !allowed.contains(value) {
            let list = allowed.prefix(8).map(\.jsonString).joined(separator: ", ")
            found.append("\(path): \(Self.excerpt(value)) is not one of \(list)")
        }
        switch value {
        case .string(let text):
            let length = text.unicodeScalars.count
            if let limit = Self.integer(rules["maxLength"]), length > limit {
                found.append("\(path): \(length) characters, more than the maximum \(limit)")
            }
            if let limit = Self.integer(rules["minLength"]), length < limit {
                found.append("\(path): \(length) characters, fewer than the minimum \(limit)")
            }
        case .array(let elements):
            if let limit = Self.integer(rules["maxItems"]), elements.count > limit {
                found.append("\(path): \(elements.count) items, more than the maximum \(limit)")
            }
            if let limit = Self.integer(rules["minItems"]), elements.count < limit {
                found.append("\(path): \(elements.count) items, fewer than the minimum \(limit)")
            }
            if let items = rules["items"] {
                for (i, element) in elements.enumerated() {
                    check(element, against: items, at: "\(path)[\(i)]", into: &found)
                }
            }
        case .object(let members):
            checkMembers(members, rules: rules, at: path, into: &found)
        default:
            break
        }
    }

    private func checkMembers(
        _ members: [String: JSONValue], rules: [String: JSONValue], at path: String, into found: inout [String]
    ) {
        let properties = rules["properties"]?.objectValue ?? [:]
        for name in (rules["required"]?.arrayValue ?? []).compactMap(\.stringValue) where members[name] == nil {
            found.append("\(path): missing required property \"\(name)\"")
        }
        for name in members.keys.sorted() {
            let member = members[name]!
            if let property = properties[name] {
                check(member, against: property, at: "\(path).\(name)", into: &found)
            } else if rules["additionalProperties"] == .bool(false) {
                found.append("\(path): unexpected property \"\(name)\"")
            } else if let other = rules["additionalProperties"], case .object = other {
                check(member, against: other, at: "\(path).\(name)", into: &found)
            }
        }
    }

    private static func matches(_ value: JSONValue, type: JSONValue) -> Bool {
        switch type {
        case .string(let name): matches(value, typeName: name)
        case .array(let names): names.contains { $0.stringValue.map { matches(value, typeName: $0) } ?? false }
        default: true
        }
    }

    private static func matches(_ value: JSONValue, typeName: String) -> Bool {
        switch (typeName, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    private static func describe(_ type: JSONValue) -> String {
        if let names = type.arrayValue { return names.compactMap(\.stringValue).joined(separator: " or ") }
        return type.stringValue ?? type.jsonString
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        guard let number = value?.numberValue, number.rounded() == number, number >= 0, number < 1e12 else {
            return nil
        }
        return Int(number)
    }

    private static func excerpt(_ value: JSONValue) -> String {
        let text = value.jsonString
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
