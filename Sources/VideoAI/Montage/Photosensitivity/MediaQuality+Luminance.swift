import Foundation

extension MediaQuality {
    /// sRGB-decoded relative luminance of each 8-bit luma value (WCAG's formula applied to the
    /// grey level: `v/12.92` up to 0.04045, else `((v + 0.055)/1.055)^2.4`).
    private static let linear: [Double] = (0..<256).map { i in
        let v = Double(i) / 255
        return v <= 0.040_45 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    /// The picture's mean relative luminance, 0 (black) – 1 (white), for the flash guard.
    package static func relativeLuminance(_ image: GrayImage) -> Double {
        guard !image.pixels.isEmpty else { return 0 }
        var sum = 0.0
        for value in image.pixels { sum += linear[Int(value)] }
        return ((sum / Double(image.pixels.count)) * 1000).rounded() / 1000
    }
}
