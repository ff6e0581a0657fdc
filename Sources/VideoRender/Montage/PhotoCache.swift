import Foundation
import Synchronization
import VideoCore

/// The last few photos decoded for a montage, shared by the chunks rendering in parallel.

/// Keeps the most recently decoded photos so the chunk that starts with a crossfade out of a
/// photo does not decode again the picture the chunk before it just decoded (a 3000×2000 JPEG
/// costs about 60 ms).
///
/// # Thread safety
/// Safe to share: entries are immutable `DecodedImage`s and the table is guarded by a `Mutex`
/// (decoding happens outside it, so two chunks may decode the same photo once each).
final class PhotoCache: Sendable {
    private struct Key: Hashable {
        var path: String
        var width: Int
        var height: Int
    }

    private let capacity: Int
    /// Least recently used first.
    private let entries = Mutex<[(key: Key, image: ImageDecoder.DecodedImage)]>([])

    /// Creates a cache of `capacity` photos.
    init(capacity: Int = 4) { self.capacity = max(1, capacity) }

    /// The photo at `url` decoded to cover `width`×`height` (see `ImageDecoder.decode`).
    /// - Throws: `VideoError` (`.media`) when it cannot be decoded.
    func decoded(_ url: URL, covering width: Int, _ height: Int) throws -> ImageDecoder.DecodedImage {
        let key = Key(path: url.path, width: width, height: height)
        let hit = entries.withLock { entries -> ImageDecoder.DecodedImage? in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.image
        }
        if let hit { return hit }
        let image = try ImageDecoder.decode(url, covering: width, height)
        entries.withLock { entries in
            if !entries.contains(where: { $0.key == key }) { entries.append((key, image)) }
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
        return image
    }
}
