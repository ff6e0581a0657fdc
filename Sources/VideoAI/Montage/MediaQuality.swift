import VideoCore

/// Picture-quality measures on small grayscale images: sharpness, exposure and a perceptual hash.

/// A grayscale image: `width × height` luma values, row-major.
package struct GrayImage: Sendable, Equatable {
    /// Width in pixels.
    package var width: Int
    /// Height in pixels.
    package var height: Int
    /// Luma, 0–255, row-major.
    package var pixels: [UInt8]

    /// Creates an image.
    package init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a \(width)x\(height) image needs \(width * height) pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// Quality measures used to rank photos and clip frames.
package enum MediaQuality {
    /// Variance of the 4-neighbour Laplacian: high for crisp detail, near 0 for blur or flat areas.
    package static func sharpness(_ image: GrayImage) -> Double {
        let w = image.width, h = image.height
        guard w >= 3, h >= 3 else { return 0 }
        var sum = 0.0, squares = 0.0
        image.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) {
                    let i = y * w + x
                    let l = Double(Int(p[i - 1]) + Int(p[i + 1]) + Int(p[i - w]) + Int(p[i + w]) - 4 * Int(p[i]))
                    sum += l
                    squares += l * l
                }
            }
        }
        let n = Double((w - 2) * (h - 2))
        let mean = sum / n
        return max(0, squares / n - mean * mean)
    }

    /// How well exposed, 0–1: 1 for a mid-grey mean with no clipped shadows or highlights.
    package static func exposure(_ image: GrayImage) -> Double {
        guard !image.pixels.isEmpty else { return 0 }
        var total = 0, clipped = 0
        for value in image.pixels {
            total += Int(value)
            if value < 8 || value > 247 { clipped += 1 }
        }
        let mean = Double(total) / Double(image.pixels.count) / 255
        let clippedFraction = Double(clipped) / Double(image.pixels.count)
        return max(0, 1 - abs(mean - 0.5) * 1.6) * (1 - clippedFraction)
    }

    /// A 64-bit difference hash: each bit says whether a pixel of a 9×8 reduction is brighter
    /// than its right neighbour. Near-identical pictures differ in few bits.
    package static func differenceHash(_ image: GrayImage) -> UInt64 {
        guard image.width > 0, image.height > 0 else { return 0 }
        var small = [Double](repeating: 0, count: 72)
        for cy in 0..<8 {
            for cx in 0..<9 {
                let x0 = cx * image.width / 9, x1 = max(x0 + 1, (cx + 1) * image.width / 9)
                let y0 = cy * image.height / 8, y1 = max(y0 + 1, (cy + 1) * image.height / 8)
                var sum = 0, count = 0
                for y in y0..<min(y1, image.height) {
                    for x in x0..<min(x1, image.width) {
                        sum += Int(image.pixels[y * image.width + x])
                        count += 1
                    }
                }
                small[cy * 9 + cx] = count > 0 ? Double(sum) / Double(count) : 0
            }
        }
        var hash: UInt64 = 0
        for cy in 0..<8 {
            for cx in 0..<8 where small[cy * 9 + cx] > small[cy * 9 + cx + 1] {
                hash |= 1 << UInt64(cy * 8 + cx)
            }
        }
        return hash
    }

    /// Mean absolute difference between two images of the same size, 0–255 (motion between frames).
    package static func difference(_ a: GrayImage, _ b: GrayImage) -> Double {
        guard a.pixels.count == b.pixels.count, !a.pixels.isEmpty else { return 0 }
        var total = 0
        for i in a.pixels.indices { total += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
        return Double(total) / Double(a.pixels.count)
    }

    /// Bits that differ between two hashes.
    package static func hammingDistance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// A 0–1 score from sharpness (saturating around a Laplacian variance of 400) and exposure.
    package static func score(sharpness: Double, exposure: Double) -> Double {
        let sharp = sharpness / (sharpness + 120)
        return 0.6 * sharp + 0.4 * exposure
    }
}
