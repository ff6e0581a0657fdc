import Foundation
import Synchronization
import VideoCore

/// Pictures for image-scene tests, generated in code: a PNG of four coloured quarters and an
/// SVG drawing of shapes. Only VideoCore is needed (the sanitizer builds
/// of `VideoCoreTests` compile no other library).
package enum TestPictures {
    /// The PNG's quarter colours as `0xRRGGBB`: top left, top right, bottom left, bottom right.
    package static let quarters: [UInt32] = [0xE53935, 0x43A047, 0x1E88E5, 0xFDD835]
    /// The colour (`0xRRGGBB`) the SVG fills its circle with.
    package static let svgCircle: UInt32 = 0x8E24AA

    /// Writes a `width × height` PNG of four coloured quarters.
    package static func writePNG(to url: URL, width: Int = 400, height: Int = 300) throws {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let color = quarters[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]
                let i = (y * width + x) * 4
                pixels[i] = UInt8(color & 0xFF)
                pixels[i + 1] = UInt8(color >> 8 & 0xFF)
                pixels[i + 2] = UInt8(color >> 16 & 0xFF)
            }
        }
        let image = BGRAImage(width: width, height: height, stride: width * 4, pixels: pixels)
        try ImageEncoder.write(try DecodedPicture(image), to: url, format: .png)
    }

    /// The text of an SVG drawing: a light panel, a purple circle and a dark bar, 300 × 200.
    package static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
          <rect x="0" y="0" width="300" height="200" fill="#ECEFF1"/>
          <circle cx="100" cy="100" r="70" fill="#8E24AA"/>
          <rect x="190" y="40" width="70" height="120" fill="#263238"/>
        </svg>
        """

    /// Writes the SVG drawing.
    package static func writeSVG(to url: URL) throws {
        try Data(svg.utf8).write(to: url, options: .atomic)
    }

    /// A folder holding `picture.png` and `drawing.svg`, made once per test process in the
    /// temporary folder.
    package static var sampleFolder: URL {
        get throws { try shared.withLock { try $0.folder() } }
    }

    private static let shared = Mutex(Samples())

    private struct Samples {
        var directory: TemporaryDirectory?
        mutating func folder() throws -> URL {
            if let directory { return directory.url }
            let made = try TemporaryDirectory(prefix: "vgen-pictures")
            try writePNG(to: made.file("picture.png"))
            try writeSVG(to: made.file("drawing.svg"))
            directory = made
            return made.url
        }
    }
}
