import Foundation

/// Temporary folders that remove themselves.

/// A fresh, empty folder under the system's temporary directory, removed with everything in it
/// when the last reference to it goes.
///
/// Keep it for as long as the test needs the files: in a suite's stored property (Swift
/// Testing makes a suite instance per test and drops it when the test ends) or in a local
/// `let` that the test uses again at its end.
package final class TemporaryDirectory: Sendable {
    /// The folder.
    package let url: URL

    /// Creates the folder, named `<prefix>-<UUID>`.
    /// - Throws: When the folder cannot be created.
    package init(prefix: String = "vgen-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A path inside the folder (nothing is created).
    package func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// A path inside the folder with a name no other call returned, for a file (with `ext`) or
    /// a folder (without) that the test or the code under test creates.
    package func uniquePath(extension ext: String? = nil) -> URL {
        url.appendingPathComponent(UUID().uuidString + (ext.map { ".\($0)" } ?? ""))
    }

    /// Creates a folder inside this one (and any missing folders on the way).
    /// - Throws: When it cannot be created.
    package func folder(_ name: String) throws -> URL {
        let folder = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `data` to a file inside the folder.
    /// - Returns: The file.
    /// - Throws: When it cannot be written.
    @discardableResult
    package func write(_ data: Data, to name: String) throws -> URL {
        let file = file(name)
        try data.write(to: file)
        return file
    }

    /// Writes `text` as UTF-8 to a file inside the folder.
    /// - Returns: The file.
    /// - Throws: When it cannot be written.
    @discardableResult
    package func write(_ text: String, to name: String) throws -> URL {
        try write(Data(text.utf8), to: name)
    }
}
