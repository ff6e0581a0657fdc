/// A tiny grayscale thumbnail and content hash of one decoded video frame, for comparing frames.

/// A small grayscale thumbnail of one video frame plus a hash of its full-resolution luma.
///
/// Thumbnails tell *how much* two frames differ (scene changes, motion); the hash tells whether
/// two frames are bit-for-bit the same picture.
package struct FrameSignature: Sendable, Equatable {
    /// Thumbnail width, in pixels.
    package let width: Int
    /// Thumbnail height, in pixels.
    package let height: Int
    /// Row-major 8-bit luma of the thumbnail, `width × height` values.
    package let pixels: [UInt8]
    /// FNV-1a (64-bit) of the frame's full-resolution Y plane, row padding excluded.
    package let hash: UInt64

    /// Creates a signature from its parts.
    package init(width: Int, height: Int, pixels: [UInt8], hash: UInt64) {
        precondition(pixels.count == width * height, "a \(width)x\(height) thumbnail needs \(width * height) pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.hash = hash
    }

    /// Mean brightness of the thumbnail, 0...255.
    package var mean: Double {
        guard !pixels.isEmpty else { return 0 }
        return Double(pixels.reduce(0) { $0 + Int($1) }) / Double(pixels.count)
    }

    /// Mean absolute per-pixel difference from another thumbnail of the same size, 0...255.
    ///
    /// About 0 for the same picture; tens for a different scene.
    package func meanAbsoluteDifference(to other: FrameSignature) -> Double {
        precondition(pixels.count == other.pixels.count, "thumbnails of different sizes cannot be compared")
        guard !pixels.isEmpty else { return 0 }
        var total = 0
        for index in pixels.indices { total += abs(Int(pixels[index]) - Int(other.pixels[index])) }
        return Double(total) / Double(pixels.count)
    }
}
