import Foundation

extension MediaQuality {
    /// Where the picture's detail is: the centroid of its edge density, as fractions (0–1) of
    /// its width and height; the centre for a featureless picture.
    ///
    /// Each pixel's gradient (central differences, |gx| + |gy|) above the picture's mean gradient
    /// is weighted by its square, so a textured subject outweighs a plain or softly shaded
    /// background and a few stray edges.
    package static func salientPoint(_ image: GrayImage) -> (x: Double, y: Double) {
        let w = image.width, h = image.height
        guard w >= 3, h >= 3 else { return (0.5, 0.5) }
        var gradients = [Double](repeating: 0, count: w * h)
        var sum = 0.0
        image.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) {
                    let gx = abs(Int(p[y * w + x + 1]) - Int(p[y * w + x - 1]))
                    let gy = abs(Int(p[(y + 1) * w + x]) - Int(p[(y - 1) * w + x]))
                    let g = Double(gx + gy)
                    gradients[y * w + x] = g
                    sum += g
                }
            }
        }
        let mean = sum / Double((w - 2) * (h - 2))
        var total = 0.0, cx = 0.0, cy = 0.0
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let excess = gradients[y * w + x] - mean
                guard excess > 0 else { continue }
                let weight = excess * excess
                total += weight
                cx += weight * (Double(x) + 0.5)
                cy += weight * (Double(y) + 0.5)
            }
        }
        guard total > 1e-9 else { return (0.5, 0.5) }
        func r(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
        return (r(cx / total / Double(w)), r(cy / total / Double(h)))
    }
}
