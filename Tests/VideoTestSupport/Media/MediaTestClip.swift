import Foundation
import VideoCore

/// Pictures and tones the media tests draw their clips from.

/// Builds the pictures and tones the media tests share.
package enum MediaTestClip {
    package static let width = 320
    package static let height = 240
    package static let fps = 30
    package static let sampleRate = 22050

    /// A BGRA picture of one colour.
    package static func solid(red: UInt8, green: UInt8, blue: UInt8, width: Int = width, height: Int = height)
        -> [UInt8]
    {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for index in stride(from: 0, to: pixels.count, by: 4) {
            pixels[index] = blue
            pixels[index + 1] = green
            pixels[index + 2] = red
        }
        return pixels
    }

    /// A BGRA picture going from black on the left to light blue on the right.
    package static func gradient(width: Int = width, height: Int = height) -> [UInt8] {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * 4
                let level = UInt8(x * 255 / (width - 1))
                pixels[index] = level
                pixels[index + 1] = level / 2
                pixels[index + 2] = UInt8(y * 64 / height)
            }
        }
        return pixels
    }

    /// A sine tone.
    package static func tone(
        frequency: Double = 440, seconds: Double, sampleRate: Int = sampleRate, amplitude: Float = 0.5
    )
        -> [Float]
    {
        (0..<Int(seconds * Double(sampleRate))).map {
            amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / Double(sampleRate)))
        }
    }

    /// Converts a BGRA picture of the converter's size to a frame.
    package static func convert(_ converter: FrameConverter, _ pixels: [UInt8]) throws -> YUVFrame {
        try pixels.withUnsafeBytes { try converter.convert(bgra: $0.baseAddress!, stride: converter.width * 4) }
    }
}
