import Foundation

/// Resolves media paths written in a spec against the spec's folder, refusing any that lead
/// out of it (`..`, absolute paths elsewhere, symbolic links pointing outside).
struct MediaPathResolver: Sendable {
    /// The folder paths must stay inside.
    let baseDirectory: URL

    /// The file `path` names, symbolic links resolved.
    /// - Throws: `VideoError` (`.invalidInput`) when it escapes the folder, `.io` when it does
    ///   not exist.
    func resolve(_ path: String) throws -> URL {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty, !path.contains("\0") else {
            throw VideoError(.invalidInput, "media path '\(path)' is empty or not a valid path")
        }
        let base = baseDirectory.standardizedFileURL.resolvingSymlinksInPath()
        let candidate = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        let lexical = candidate.standardizedFileURL
        guard Self.isInside(lexical, base) else {
            throw VideoError(.invalidInput, "media path '\(path)' leads outside the spec's folder \(base.path)")
        }
        guard FileManager.default.fileExists(atPath: lexical.path) else {
            throw VideoError(.io, "media path '\(path)': no such file in \(base.path)")
        }
        let real = lexical.resolvingSymlinksInPath()
        guard Self.isInside(real, base) else {
            throw VideoError(.invalidInput, "media path '\(path)' is a symbolic link leading outside the spec's folder")
        }
        return real
    }

    private static func isInside(_ url: URL, _ folder: URL) -> Bool {
        let inner = url.standardizedFileURL.pathComponents, outer = folder.standardizedFileURL.pathComponents
        return inner.count > outer.count && Array(inner.prefix(outer.count)) == outer
    }
}
