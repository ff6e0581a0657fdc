import Foundation
import VideoCore

/// A task folder's cache of encoded segments (`segments/`), named by content hash.
enum SegmentCache {
    /// Prepares `folder` for a render that uses the files `wanted`: creates it, removes
    /// everything else in it (stale temporary files, segments no longer used; the caller holds
    /// the task's lock) and returns the wanted files that are not there yet.
    /// - Throws: `VideoError` (`.io`) when the folder cannot be created.
    static func prepare(_ folder: URL, keeping wanted: Set<String>) throws -> Set<String> {
        try AtomicFile.makeDirectory(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where !wanted.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        return wanted.filter { !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }
}
