import Foundation
import VideoCore

/// A clip with one sharp motion peak, for the speed-ramp tests.
extension MontageFixtures {
    /// Writes a still dark-grey clip in which a white square (half the frame's height) appears
    /// in the middle at frame `peakFrame` and stays, with a tone, by `MP4Writer`.
    /// - Returns: The peak's time in seconds (`peakFrame / fps`).
    @discardableResult
    package static func writePeakClip(
        to url: URL, peakFrame: Int, width: Int = 320, height: Int = 240, seconds: Double = 2, fps: Int = 30
    ) throws -> Double {
        let writer = try MP4Writer(url: url, width: width, height: height, fps: fps, sampleRate: 22_050)
        let converter = try FrameConverter(width: width, height: height)
        let plain = MediaTestClip.solid(red: 50, green: 50, blue: 50, width: width, height: height)
        var square = plain
        let side = height / 2
        for y in (height - side) / 2..<(height + side) / 2 {
            for x in (width - side) / 2..<(width + side) / 2 {
                let index = (y * width + x) * 4
                square[index] = 255
                square[index + 1] = 255
                square[index + 2] = 255
            }
        }
        let before = try MediaTestClip.convert(converter, plain), after = try MediaTestClip.convert(converter, square)
        for f in 0..<Int(seconds * Double(fps)) { try writer.writeVideo(f < peakFrame ? before : after) }
        try writer.writeAudio(MediaTestClip.tone(frequency: 330, seconds: seconds, amplitude: 0.3))
        try writer.finish()
        return Double(peakFrame) / Double(fps)
    }
}
