import Foundation

/// Atomic file output: write to a temporary file beside the target, then rename.
package enum AtomicFile {
    /// Writes `data` to `url` atomically.
    /// - Throws: `VideoError(.io)` naming the file.
    package static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw VideoError(.io, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Encodes `value` as pretty, key-sorted JSON and writes it atomically.
    package static func writeJSON(_ value: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(try encoder.encode(value), to: url)
    }

    /// Moves a finished temporary file over `url`.
    package static func replace(_ url: URL, with temporary: URL) throws {
        guard rename(temporary.path, url.path) == 0 else {
            throw VideoError(
                .io, "cannot move \(temporary.lastPathComponent) to \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates a folder (and its parents), with a clear error.
    package static func makeDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw VideoError(.io, "cannot create folder \(url.path): \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: url.path) else {
            throw VideoError(.io, "folder \(url.path) is not writable")
        }
    }
}
