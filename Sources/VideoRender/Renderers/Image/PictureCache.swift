import Foundation
import Synchronization
import VideoCore

/// The pictures of image scenes, decoded (raster files through libav) or drawn (SVG through
/// librsvg) to the size they are shown at, kept for the next keyframe of the same scene.
///
/// # Thread safety
/// Safe to share: entries are immutable `BGRAImage`s and the table is guarded by a `Mutex`;
/// decoding happens outside it (two scenes may decode the same picture once each).
final class PictureCache: Sendable {
    /// The cache image scenes share.
    static let shared = PictureCache()

    private struct Key: Hashable {
        var path: String
        var width: Int
        var height: Int
    }

    private let capacity = 4
    /// Least recently used first.
    private let entries = Mutex<[(key: Key, image: BGRAImage)]>([])

    /// The picture at `path`, scaled to fit within `width × height` (raster pictures are never
    /// scaled up; SVG is drawn at the size).
    /// - Throws: `VideoError` (`.render`) naming the file when it cannot be read.
    func picture(at path: String, fitting width: Int, _ height: Int) throws -> BGRAImage {
        let key = Key(path: path, width: max(1, width), height: max(1, height))
        let hit = entries.withLock { entries -> BGRAImage? in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.image
        }
        if let hit { return hit }
        let image: BGRAImage
        do {
            image = try Self.load(URL(fileURLWithPath: path), fitting: key.width, key.height)
        } catch let error as VideoError {
            throw VideoError(.render, "image scene: \(error.message)")
        }
        entries.withLock { entries in
            entries.append((key, image))
            if entries.count > capacity { entries.removeFirst() }
        }
        return image
    }

    private static func load(_ url: URL, fitting width: Int, _ height: Int) throws -> BGRAImage {
        guard url.pathExtension.lowercased() == "svg" else {
            return try ImageDecoder.decodeBGRA(url, fitting: width, height)
        }
        let svg = try SVGDocument(url: url)
        let scale = min(Double(width) / svg.size.width, Double(height) / svg.size.height)
        let w = max(1, Int((svg.size.width * scale).rounded())), h = max(1, Int((svg.size.height * scale).rounded()))
        let canvas = try Canvas(width: w, height: h)
        try svg.draw(in: canvas.bounds, on: canvas)
        return canvas.withBGRA { data, stride in
            BGRAImage(
                width: w, height: h, stride: stride,
                pixels: [UInt8](UnsafeRawBufferPointer(start: data, count: stride * h)))
        }
    }
}
