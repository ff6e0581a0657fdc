import Foundation
import VideoCore

/// Answers kept in a folder, so a resumed or re-rendered task never pays for the same request
/// twice.
///
/// An entry is named by the content hash of the provider, the model and the exact request body
/// (the body never holds the key; headers do), and holds the validated answer as JSON, written
/// atomically. A file that cannot be read or decoded is a miss and is overwritten.
struct ResponseCache: Sendable {
    /// The cache's folder.
    let directory: URL

    /// The entry name for a request body sent to `model` of `provider`.
    static func key(provider: LanguageModelProvider, model: String, body: Data) -> String {
        var material = Data("vgen-llm-cache v1\n\(provider.rawValue)\n\(model)\n".utf8)
        material.append(body)
        return ContentHash.hex(material)
    }

    /// The file of entry `key`.
    func file(for key: String) -> URL { directory.appendingPathComponent("llm-\(key).json") }

    /// The stored answer for `key`, marked as coming from the cache; nil on a miss.
    func load(_ key: String) -> LanguageModelResponse? {
        guard let data = try? Data(contentsOf: file(for: key)),
            var response = try? JSONDecoder().decode(LanguageModelResponse.self, from: data)
        else { return nil }
        response.fromCache = true
        return response
    }

    /// Stores `response` under `key`.
    /// - Throws: `VideoError(.io)` naming the file.
    func store(_ response: LanguageModelResponse, as key: String) throws {
        try AtomicFile.makeDirectory(directory)
        var stored = response
        stored.fromCache = false
        try AtomicFile.writeJSON(stored, to: file(for: key))
    }
}
