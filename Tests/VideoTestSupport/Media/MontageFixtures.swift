import Foundation
import VideoCore
import VideoRender

/// Generated media for the montage tests: patterned photos, a corrupt file, clips and a beat track.
package enum MontageFixtures {
    /// Distinct, clearly different colours (luma far apart from one to the next).
    package static let colors: [RGBColor] = [
        RGBColor(red: 0.9, green: 0.1, blue: 0.1), RGBColor(red: 0.1, green: 0.8, blue: 0.2),
        RGBColor(red: 0.1, green: 0.2, blue: 0.9),
        RGBColor(red: 0.95, green: 0.9, blue: 0.2), RGBColor(red: 0.05, green: 0.05, blue: 0.05),
        RGBColor(red: 0.9, green: 0.5, blue: 0.9),
    ]

    /// Writes `count` PNG photos (a colour with a few white and black bars, so zooms show) of `width × height`.
    package static func writePhotos(
        count: Int, to folder: URL, width: Int = 400, height: Int = 300, prefix: String = "photo"
    )
        throws -> [URL]
    {
        try (0..<count).map { i in
            let canvas = try Canvas(width: width, height: height)
            canvas.fill(colors[i % colors.count])
            for bar in 0..<4 {
                let x = Double(width) * (0.1 + 0.2 * Double(bar))
                canvas.fillRect(
                    Canvas.Rect(x: x, y: Double(height) * 0.2, width: 6, height: Double(height) * 0.6),
                    color: bar % 2 == 0 ? .white : .black)
            }
            let url = folder.appendingPathComponent("\(prefix)\(i + 1).png")
            try canvas.writePNG(to: url)
            return url
        }
    }

    /// A file named like a JPEG holding garbage.
    package static func writeCorruptImage(to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("broken.jpg")
        try Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: url)
        return url
    }

    /// A beat track: a decaying low thump and a click on every beat at `bpm`, accented on bar starts.
    /// With `rightGain`, a stereo file whose right channel is the left one times that gain.
    package static func writeBeatTrack(
        to url: URL, bpm: Double = 120, seconds: Double = 6, sampleRate: Int = 22_050, rightGain: Float? = nil
    ) throws -> [Double] {
        var samples = [Float](repeating: 0, count: Int(seconds * Double(sampleRate)))
        var beats: [Double] = []
        var t = 0.25
        while t < seconds - 0.05 {
            beats.append(t)
            t += 60 / bpm
        }
        for (i, beat) in beats.enumerated() {
            let start = Int(beat * Double(sampleRate))
            for k in 0..<Int(0.35 * Double(sampleRate)) where start + k < samples.count {
                let s = Double(k) / Double(sampleRate)
                let thump = 0.6 * exp(-s / 0.12) * sin(2 * .pi * 90 * s)
                let click = (i % 4 == 0 ? 0.6 : 0.4) * exp(-s / 0.01) * sin(2 * .pi * 1600 * s)
                samples[start + k] += Float(thump + click)
            }
        }
        if let rightGain {
            try wavData(samples: samples.flatMap { [$0, $0 * rightGain] }, sampleRate: sampleRate, channels: 2)
                .write(to: url)
        } else {
            try wavData(samples: samples, sampleRate: sampleRate).write(to: url)
        }
        return beats
    }

    /// A clip of solid colours changing every half second, with a tone, written by `MP4Writer`.
    package static func writeClip(to url: URL, width: Int = 320, height: Int = 240, seconds: Double = 2, fps: Int = 30)
        throws
    {
        let writer = try MP4Writer(url: url, width: width, height: height, fps: fps, sampleRate: 22_050)
        let frames = Int(seconds * Double(fps))
        for f in 0..<frames {
            let level = UInt8(40 + (f / (fps / 2)) * 50 % 200)
            try writer.writeVideo(try YUVFrame.filled(width: width, height: height, y: level, u: 100, v: 160))
        }
        try writer.writeAudio(
            (0..<Int(seconds * 22_050)).map { 0.3 * Float(sin(2 * Double.pi * 330 * Double($0) / 22_050)) })
        try writer.finish()
    }

    /// Frames where the picture changes sharply (mean absolute luma difference above `threshold`).
    package static func cutFrames(of url: URL, threshold: Double = 18) throws -> [Int] {
        let signatures = try MediaProbe.videoFrameSignatures(url, width: 32, height: 18)
        return (1..<signatures.count).filter {
            signatures[$0].meanAbsoluteDifference(to: signatures[$0 - 1]) > threshold
        }
    }
}
