import Foundation
import Synchronization
import VideoCore

/// The language-model calls made for one video, kept in its task folder as `llm-usage.json`
/// so that stages run in different processes (a resume) add up: each purpose holds one entry
/// per request (by the hash of provider, model and request), so asking the same again — a
/// re-run answered from the response cache — replaces its entry instead of counting twice.
/// The output stage sums them per purpose into `metadata.json`. It holds no key.
package struct UsageLedger: Sendable {
    /// The ledger's file name in the task folder.
    package static let fileName = "llm-usage.json"

    private struct Entry: Codable, Hashable {
        var provider: String
        var model: String
        var inputTokens: Int
        var outputTokens: Int
        enum CodingKeys: String, CodingKey {
            case provider, model, inputTokens = "input_tokens", outputTokens = "output_tokens"
        }
    }

    /// Purpose → request hash → entry.
    private typealias Book = [String: [String: Entry]]

    /// One lock for every ledger of the process: stages of several videos may write at once.
    private static let lock = Mutex(())

    /// The task folder.
    package let directory: URL

    /// The ledger of the task folder `directory`.
    package init(directory: URL) { self.directory = directory }

    private var file: URL { directory.appendingPathComponent(Self.fileName) }

    /// Forgets the calls of `purpose` (a stage that runs again records them afresh); does
    /// nothing when there is no ledger.
    /// - Throws: `VideoError(.io)` when the file cannot be rewritten.
    package func reset(_ purpose: String) throws {
        try Self.lock.withLock { _ in
            guard FileManager.default.fileExists(atPath: file.path) else { return }
            var book = load()
            guard book.removeValue(forKey: purpose) != nil else { return }
            try AtomicFile.writeJSON(book, to: file)
        }
    }

    /// Records one answered call.
    /// - Parameters:
    ///   - purpose: What it was for.
    ///   - request: What was asked (its hash names the entry).
    ///   - response: The answer, with its model and tokens.
    ///   - provider: The wire format.
    /// - Throws: `VideoError(.io)` when the file cannot be written.
    package func record(
        _ purpose: String, request: LanguageModelRequest, response: LanguageModelResponse, provider: String
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var material = Data("\(provider)\n\(response.model)\n".utf8)
        material.append((try? encoder.encode(request)) ?? Data())
        let key = ContentHash.hex(material)
        try Self.lock.withLock { _ in
            var book = load()
            book[purpose, default: [:]][key] = Entry(
                provider: provider, model: response.model, inputTokens: response.inputTokens,
                outputTokens: response.outputTokens)
            try AtomicFile.makeDirectory(directory)
            try AtomicFile.writeJSON(book, to: file)
        }
    }

    /// The calls summed per purpose, in purpose order; empty without a ledger.
    package func summary() -> [LanguageModelUsage] {
        let book = Self.lock.withLock { _ in load() }
        return book.keys.sorted().compactMap { purpose in
            let entries = Array(book[purpose]!.values)
            guard !entries.isEmpty else { return nil }
            return LanguageModelUsage(
                purpose: purpose, provider: Set(entries.map(\.provider)).sorted().joined(separator: ", "),
                model: Set(entries.map(\.model)).sorted().joined(separator: ", "), calls: entries.count,
                inputTokens: entries.map(\.inputTokens).reduce(0, +),
                outputTokens: entries.map(\.outputTokens).reduce(0, +))
        }
    }

    /// The ledger as stored; empty when missing or unreadable.
    private func load() -> Book {
        guard let data = try? Data(contentsOf: file) else { return [:] }
        return (try? JSONDecoder().decode(Book.self, from: data)) ?? [:]
    }
}
