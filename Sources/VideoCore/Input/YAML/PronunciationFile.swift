import Foundation
import Yams

/// The lexicon file beside a document: `pronunciations.yaml` in the document's folder, a YAML
/// mapping of written word → spoken form, the same as a spec's `pronunciations:`.
///
/// ```yaml
/// vgen: vee gen
/// nginx: engine x
/// SwiftPM: Swift P M
/// ```
enum PronunciationFile {
    /// The file's name.
    static let name = "pronunciations.yaml"

    /// The lexicon beside `document`, or an empty one when the folder has no such file.
    /// - Throws: `VideoError` (`.invalidInput`, located in the file) when it is not a mapping
    ///   of words to spoken forms, `.io` when it cannot be read.
    static func read(besideDocument document: URL) throws -> PronunciationLexicon {
        let url = document.deletingLastPathComponent().appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return .empty }
        let shown =
            document.deletingLastPathComponent().relativePath == "."
            ? name : "\(document.deletingLastPathComponent().relativePath)/\(name)"
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VideoError(.io, "cannot be read", location: VideoError.Location(file: shown), underlying: error)
        }
        guard data.count <= 1 << 20, let text = String(data: data, encoding: .utf8), !text.contains("\0") else {
            throw VideoError(
                .invalidInput, "is not UTF-8 text of at most 1 MiB", location: VideoError.Location(file: shown))
        }
        let context = YAMLContext(fileName: shown)
        try YAMLNestingGuard.check(text, fileName: shown)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw YAMLAdapter.syntaxError(error, context: context)
        }
        guard let root, !YAMLMapping.isNull(root) else { return .empty }
        return try lexicon(root, path: "pronunciations", context: context)
    }

    /// Reads `node` as a mapping of word → spoken form.
    /// - Throws: `VideoError` (`.invalidInput`) located at the offending entry.
    static func lexicon(_ node: Node, path: String, context: YAMLContext) throws -> PronunciationLexicon {
        let mapping = try YAMLMapping(node, path: path, what: "pronunciations", context: context)
        var entries: [String: String] = [:]
        for entry in mapping.entries {
            guard case .scalar(let spoken) = entry.value else {
                throw context.error(
                    entry.value.mark, "\(path).\(entry.key)",
                    "the spoken form must be text, not \(YAMLMapping.describe(entry.value))")
            }
            entries[entry.key] = spoken.string
        }
        return try context.located(mapping.mark, "") { try PronunciationLexicon(entries) }
    }
}
