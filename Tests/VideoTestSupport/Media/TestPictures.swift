import Foundation
import Synchronization
import VideoCore
import VideoRender

/// Pictures for image-scene tests, generated in code: a PNG with coloured quarters and a
/// diagonal bar, and an SVG drawing of shapes.
package enum TestPictures {
    /// The PNG's quarter colours: top left, top right, bottom left, bottom right.
    package static let quarters: [RGBColor] = [
        RGBColor(hex: 0xE53935), RGBColor(hex: 0x43A047), RGBColor(hex: 0x1E88E5), RGBColor(hex: 0xFDD835),
    ]
    /// The colour the SVG fills its circle with.
    package static let svgCircle = RGBColor(hex: 0x8E24AA)

    /// Writes a `width × height` PNG of four coloured quarters.
    package static func writePNG(to url: URL, width: Int = 400, height: Int = 300) throws {
        let canvas = try Canvas(width: width, height: height)
        let w = Double(width) / 2, h = Double(height) / 2
        for (i, color) in quarters.enumerated() {
            canvas.fillRect(
                Canvas.Rect(x: Double(i % 2) * w, y: Double(i / 2) * h, width: w, height: h), color: color)
        }
        try canvas.writePNG(to: url)
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
