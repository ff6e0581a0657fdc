import Foundation

/// Reading a document's bytes safely and preparing its text.
enum DocumentText {
    /// Reads a regular, UTF-8, text file of at most `VideoLimits.maxDocumentBytes`.
    /// - Throws: `VideoError` located at the file: `.io` when it is missing or unreadable,
    ///   `.invalidInput` when it is a directory, not a regular file, too large or binary.
    static func read(_ url: URL, name: String) throws -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw error(.io, name, "no such file")
        }
        guard !isDirectory.boolValue else { throw error(.invalidInput, name, "is a directory, not a document") }
        let attributes = try? manager.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw error(.invalidInput, name, "is not a regular file")
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > VideoLimits.maxDocumentBytes {
            throw tooLarge(name, bytes: size)
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: VideoLimits.maxDocumentBytes + 1) ?? Data()
        } catch {
            throw VideoError(.io, "cannot be read", location: VideoError.Location(file: name), underlying: error)
        }
        guard data.count <= VideoLimits.maxDocumentBytes else { throw tooLarge(name, bytes: data.count) }
        guard !data.contains(0) else {
            throw error(.invalidInput, name, "looks like a binary file (it contains NUL bytes); expected UTF-8 text")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.elementsEqual(data) else {
            throw error(.invalidInput, name, "is not valid UTF-8 text (a binary file?)")
        }
        return text
    }

    /// The error for a document over the size limit.
    static func tooLarge(_ name: String, bytes: Int) -> VideoError {
        error(.invalidInput, name, "is \(bytes) bytes; the limit is \(VideoLimits.maxDocumentBytes)")
    }

    /// An error about the whole document `name`: `README.md: is empty`.
    static func error(_ code: VideoError.Code, _ name: String, _ message: String) -> VideoError {
        VideoError(code, message, location: VideoError.Location(file: name))
    }

    /// The text with `\n` line endings, without a byte-order mark or YAML front matter.
    /// - Throws: `VideoError(.invalidInput)` when the text holds NUL characters or nothing but
    ///   white space.
    static func normalized(_ text: String, name: String) throws -> String {
        var scalars = String.UnicodeScalarView()
        var afterCR = false
        for s in text.unicodeScalars {
            if s == "\0" {
                throw error(.invalidInput, name, "looks like a binary file (it contains NUL characters)")
            }
            if s == "\r" {
                scalars.append("\n")
                afterCR = true
                continue
            }
            if !(s == "\n" && afterCR), !(s == "\u{FEFF}" && scalars.isEmpty) { scalars.append(s) }
            afterCR = false
        }
        var result = String(scalars)
        guard !result.allSatisfy(\.isWhitespace) else { throw error(.invalidInput, name, "is empty") }
        // YAML front matter: "---" on the first line, "key: value" lines, a closing "---" or "...".
        if result.hasPrefix("---\n") {
            let lines = result.split(separator: "\n", maxSplits: 200, omittingEmptySubsequences: false)
            if let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }), close > 1,
                lines[1].contains(":")
            {
                result = lines[(close + 1)...].joined(separator: "\n")
                guard !result.allSatisfy(\.isWhitespace) else {
                    throw error(.invalidInput, name, "has only front matter")
                }
            }
        }
        return result
    }

    /// A readable title from a file's base name: `getting_started` gives `getting started`.
    static func title(fromFileName base: String) -> String {
        let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" || $0.isWhitespace })
        return words.isEmpty ? "Untitled" : words.joined(separator: " ")
    }
}
