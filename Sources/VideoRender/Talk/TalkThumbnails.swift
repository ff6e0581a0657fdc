import Foundation
import VideoCore

/// Thumbnail candidates of an edited talk: the sharpest frames, by the variance of the
/// Laplacian of their luma (Pech-Pacheco et al., "Diatom autofocusing in brightfield
/// microscopy", ICPR 2000; `Docs/Talks.md`), spread over the video, with the title as hook
/// text in a band across the bottom.
struct TalkThumbnails {
    /// How many candidates.
    var count = 3
    /// Frames scored: one every `step`.
    var step = 5

    /// The variance of the 4-neighbour Laplacian of a grey picture, rows of `width` bytes.
    static func sharpness(_ gray: [UInt8], width: Int, height: Int) -> Double {
        guard width > 2, height > 2 else { return 0 }
        var sum = 0.0
        var squares = 0.0
        var n = 0.0
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                let i = y * width + x
                let l =
                    4 * Double(gray[i]) - Double(gray[i - 1]) - Double(gray[i + 1]) - Double(gray[i - width])
                    - Double(gray[i + width])
                sum += l
                squares += l * l
                n += 1
            }
        }
        let mean = sum / n
        return squares / n - mean * mean
    }

    /// The sharpest frames of `video` within `frames`, best first, at least a sixth of the
    /// range apart.
    /// - Parameters:
    ///   - video: The MP4.
    ///   - frames: The frames that may be chosen (the talk's, not the cards').
    ///   - fps: Its frame rate.
    /// - Returns: Frame indices and their scores.
    /// - Throws: `VideoError` when the video cannot be decoded.
    func sharpest(in video: URL, frames: Range<Int>, fps: Int) throws -> [(frame: Int, score: Double)] {
        let decoder = try VideoClipDecoder(url: video, fast: true)
        var scored: [(frame: Int, score: Double)] = []
        var index = 0
        while let picture = try decoder.nextPicture() {
            defer { index += 1 }
            guard frames.contains(index), (index - frames.lowerBound) % step == 0 else { continue }
            let w = 160
            let h = max(2, w * picture.height / max(1, picture.width))
            scored.append((index, Self.sharpness(try picture.grayThumbnail(width: w, height: h), width: w, height: h)))
        }
        let spacing = max(1, frames.count / 6)
        var chosen: [(frame: Int, score: Double)] = []
        for candidate in scored.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.frame < $1.frame })
        where chosen.count < count && chosen.allSatisfy({ abs($0.frame - candidate.frame) >= spacing }) {
            chosen.append(candidate)
        }
        return chosen
    }

    /// Writes `thumbnail-1.png` … into `folder`: each chosen frame with the title across it.
    /// - Parameters:
    ///   - video: The MP4.
    ///   - frames: The chosen frames.
    ///   - fps: Its frame rate.
    ///   - title: The hook text.
    ///   - folder: The task folder.
    /// - Returns: The files' names.
    /// - Throws: `VideoError` when decoding or writing fails.
    func write(from video: URL, frames: [Int], fps: Int, title: String, into folder: URL) throws -> [String] {
        var names: [String] = []
        for (k, frame) in frames.enumerated() {
            let decoder = try VideoClipDecoder(url: video)
            guard let picture = try decoder.picture(at: (Double(frame) + 0.5) / Double(fps)) else {
                throw VideoError(.media, "\(video.lastPathComponent) has no frame \(frame)")
            }
            let name = "thumbnail-\(k + 1).png"
            let still = folder.appendingPathComponent(".\(name).frame")
            try AtomicFile.write(try ImageEncoder.encode(picture, format: .png), to: still)
            defer { try? FileManager.default.removeItem(at: still) }
            let image = try ImageDecoder.decodeBGRA(still, fitting: picture.width, picture.height)
            let canvas = try Canvas(width: image.width, height: image.height)
            let whole = Canvas.Rect(x: 0, y: 0, width: Double(image.width), height: Double(image.height))
            try canvas.draw(image, in: whole)
            let band = Canvas.Rect(x: 0, y: whole.height * 0.62, width: whole.width, height: whole.height * 0.38)
            canvas.fillRect(band, color: RGBColor(red: 0, green: 0, blue: 0, alpha: 0.6))
            let size = whole.height * 0.12
            canvas.drawText(
                title,
                in: Canvas.Rect(
                    x: whole.width * 0.05, y: band.y + band.height * 0.1, width: whole.width * 0.9,
                    height: band.height * 0.8),
                style: TextStyle(
                    size: size, minimumSize: size / 3, weight: .bold, color: .white, alignment: .center),
                verticalAlignment: .center)
            let partial = folder.appendingPathComponent(".\(name).partial")
            try canvas.writePNG(to: partial)
            try AtomicFile.replace(folder.appendingPathComponent(name), with: partial)
            names.append(name)
        }
        return names
    }
}
