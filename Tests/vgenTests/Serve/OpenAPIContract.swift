import Foundation
import Yams

/// Docs/openapi.yaml, read with Yams, as a judge of the server's replies: the status must be
/// one the operation lists, the content type one its response lists, and a JSON body must
/// hold every field its schema requires (following `$ref`s, into arrays' items).
struct OpenAPIContract {
    private let document: [String: Any]

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Docs/openapi.yaml"), encoding: .utf8)
        document = try Yams.load(yaml: text) as? [String: Any] ?? [:]
    }

    /// The document's `openapi` version.
    var version: String? { document["openapi"] as? String }

    /// The paths and methods the document describes.
    var operations: [String] {
        let paths = document["paths"] as? [String: Any] ?? [:]
        return paths.keys.sorted().flatMap { path in
            ((paths[path] as? [String: Any]) ?? [:]).keys.filter { $0 != "parameters" }.sorted().map {
                "\($0.uppercased()) \(path)"
            }
        }
    }

    /// What is wrong with `reply` as an answer to `method` on the path `template`; empty when nothing is.
    func problems(_ method: String, _ template: String, _ reply: HTTPTestClient.Reply) -> [String] {
        let where_ = "\(method) \(template) \(reply.status)"
        guard let path = (document["paths"] as? [String: Any])?[template] as? [String: Any],
            let operation = path[method.lowercased()] as? [String: Any]
        else { return ["\(method) \(template) is not in the document"] }
        guard let declared = (operation["responses"] as? [String: Any])?[String(reply.status)] else {
            return ["\(where_): status not listed"]
        }
        let response = resolve(declared)
        guard let content = response["content"] as? [String: Any] else { return [] }
        let type = (reply.headers["content-type"] ?? "").split(separator: ";").first.map(String.init) ?? ""
        guard let media = content[type] as? [String: Any] else {
            return ["\(where_): content type '\(type)' not in \(content.keys.sorted())"]
        }
        guard type == "application/json", let schema = media["schema"] else { return [] }
        let body = try? JSONSerialization.jsonObject(with: reply.body)
        return check(body as Any, against: schema, at: where_)
    }

    private func check(_ value: Any, against schema: Any, at place: String) -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        if let required = schema["required"] as? [String] {
            guard let object = value as? [String: Any] else { return ["\(place): not an object"] }
            for field in required where object[field] == nil { problems.append("\(place): no '\(field)'") }
        }
        if let properties = schema["properties"] as? [String: Any], let object = value as? [String: Any] {
            for (name, property) in properties {
                guard let field = object[name] else { continue }
                let property = resolve(property)
                if let items = property["items"], let array = field as? [Any] {
                    for element in array { problems += check(element, against: items, at: "\(place).\(name)[]") }
                } else if property["$ref"] != nil || property["required"] != nil {
                    problems += check(field, against: property, at: "\(place).\(name)")
                }
                if let values = property["enum"] as? [Any], let text = field as? String,
                    !values.contains(where: { "\($0)" == text })
                {
                    problems.append("\(place).\(name): '\(text)' not in \(values)")
                }
            }
        }
        return problems
    }

    /// The object a `$ref` points at (or the object itself).
    private func resolve(_ value: Any) -> [String: Any] {
        guard let object = value as? [String: Any] else { return [:] }
        guard let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return object }
        var node: Any = document
        for key in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(key)] ?? [:] }
        return resolve(node)
    }
}
