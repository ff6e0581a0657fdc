import Foundation
import VideoCore

/// The main colour of a photo, named, for feedback such as "more blue photos".
enum MediaColour {
    /// The name (`MediaMatch.colours`) of the mean colour of the photo at `url`, or `nil` for
    /// clips and files that do not decode.
    ///
    /// The picture is scaled to 16 × 16 in yuv420p; its mean Y′CbCr (BT.601, limited range)
    /// becomes R′G′B′, then a hue, saturation and value: low saturation names white, grey or
    /// black by value, otherwise the hue's sector does.
    static func name(of url: URL) -> String? {
        guard MediaItem.kind(forExtension: url.pathExtension) != .clip,
            let decoded = try? ImageDecoder.decode(url, covering: 64, 64),
            let frame = try? YUVFrame.filled(width: 16, height: 16)
        else { return nil }
        let picture = decoded.picture
        do {
            try PictureCompositor().draw(
                picture, crop: PixelRect(x: 0, y: 0, width: picture.width, height: picture.height), into: frame,
                at: PixelRect(x: 0, y: 0, width: 16, height: 16))
        } catch { return nil }
        func mean(_ plane: Int) -> Double {
            let values = frame.plane(plane)
            return Double(values.reduce(0) { $0 + Int($1) }) / Double(max(1, values.count))
        }
        return name(y: mean(0), cb: mean(1), cr: mean(2))
    }

    /// The colour name of one limited-range BT.601 Y′CbCr colour.
    static func name(y: Double, cb: Double, cr: Double) -> String {
        let l = (y - 16) / 219, u = (cb - 128) / 224, v = (cr - 128) / 224
        let r = min(1, max(0, l + 1.402 * v))
        let g = min(1, max(0, l - 0.344_136 * u - 0.714_136 * v))
        let b = min(1, max(0, l + 1.772 * u))
        let high = max(r, g, b), low = min(r, g, b)
        let saturation = high > 0 ? (high - low) / high : 0
        if saturation < 0.25 || high < 0.12 {
            return high < 0.2 ? "black" : high > 0.8 && saturation < 0.15 ? "white" : "grey"
        }
        var hue: Double
        if high == r {
            hue = 60 * ((g - b) / (high - low))
        } else if high == g {
            hue = 60 * ((b - r) / (high - low) + 2)
        } else {
            hue = 60 * ((r - g) / (high - low) + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case ..<15, 345...: return "red"
        case ..<45: return "orange"
        case ..<70: return "yellow"
        case ..<165: return "green"
        case ..<255: return "blue"
        case ..<295: return "purple"
        default: return "pink"
        }
    }
}
