import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI
@testable import VideoRender

/// A generated talk directed: B-roll at the word that mentions it (±1 frame), a title card and
/// an outro around it, chapters and thumbnails in the output, and a 9:16 highlight within its
/// budget; thumbnails chosen from sharp frames.
@Suite struct TalkDirectionRenderTests {
    /// A 4 × 4 chequerboard, sharp edges, as a canvas.
    static func chequerboard(width: Int, height: Int) throws -> Canvas {
        let canvas = try Canvas(width: width, height: height)
        canvas.fill(RGBColor(hex: 0x101010))
        let (w, h) = (Double(width) / 4, Double(height) / 4)
        for k in 0..<16 where (k % 4 + k / 4) % 2 == 0 {
            canvas.fillRect(
                Canvas.Rect(x: Double(k % 4) * w, y: Double(k / 4) * h, width: w, height: h), color: .white)
        }
        return canvas
    }

    /// The spread of a frame signature's pixels: 0 for a flat frame.
    static func spread(_ signature: FrameSignature) -> Double {
        let mean = signature.mean
        let squares = signature.pixels.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        return (squares / Double(signature.pixels.count)).squareRoot()
    }

    /// One pipeline run checks the B-roll, the cards, the metadata, the thumbnails, the captions
    /// and the highlight together (two encodes of a 20 s 320×180 talk): about 7 s on a quiet
    /// machine, up to 19 s on a loaded one.
    @Test func brollAppearsAtTheMentionedWordBetweenTheCards() async throws {
        let folder = try TemporaryDirectory(prefix: "vgen-talk-direction")
        let talk = try await TalkFixture.make(in: folder.url)
        let transcriptFile = folder.file("talk.json")
        try talk.writeTranscriptJSON(to: transcriptFile)
        let broll = folder.file("broll")
        try FileManager.default.createDirectory(at: broll, withIntermediateDirectories: true)
        try Self.chequerboard(width: 320, height: 180).writePNG(to: broll.appendingPathComponent("video-editing.png"))
        let out = folder.file("out")
        let task = TalkTask(
            source: talk.url.path, transcript: transcriptFile.path, preset: "ultrafast", broll: broll.path,
            title: "Editing talks", cards: true, highlight: TalkHighlight(seconds: 8, platform: .shorts))
        let result = try await TalkPipeline().render(task, videoID: "talk", to: out)

        let placement = try #require(result.direction.broll.first)
        #expect(placement.file == "video-editing.png" && placement.keyword == "video editing")
        let word = try #require(talk.transcript.words.firstIndex { $0.text == "video" })
        #expect(placement.word == word)
        let intro = 2 * TalkFixture.fps
        let expected =
            intro + Int((try #require(result.edit.editedTime(talk.transcript.words[word].start)) * 30).rounded())

        let frames = try MediaProbe.videoFrameSignatures(result.videoURL)
        let talkFrames = result.edit.keptFrames.map(\.count).reduce(0, +)
        #expect(frames.count == talkFrames + 2 * intro)
        let shown = frames.indices.filter { $0 >= intro && $0 < intro + talkFrames && Self.spread(frames[$0]) > 40 }
        let first = try #require(shown.first)
        #expect(abs(first - expected) <= 1, "B-roll from frame \(first), the word at \(expected)")
        #expect(abs(shown.count - 3 * TalkFixture.fps) <= 1 && shown.last! - first == shown.count - 1)
        // The title card holds still before the talk and differs from it; so does the outro.
        #expect(
            frames[0].meanAbsoluteDifference(to: frames[intro - 1]) < 1
                && frames[0].meanAbsoluteDifference(to: frames[intro]) > 5)
        #expect(frames[frames.count - 1].meanAbsoluteDifference(to: frames[intro + talkFrames - 1]) > 5)
        let video = try MediaProbe.inspect(result.videoURL)
        #expect(abs(video.audioDuration - video.videoDuration) < 0.05)

        // Metadata: the title, chapters from 0:00, tags; three thumbnails; captions after the card.
        let metadata = try JSONDecoder().decode(
            VideoMetadata.self, from: Data(contentsOf: result.directory.appendingPathComponent("metadata.json")))
        #expect(metadata.title == "Editing talks" && metadata.chapters.first?.startTime == 0)
        #expect(!metadata.tags.isEmpty && metadata.titleVariants.original == "Editing talks")
        #expect(abs(metadata.duration - video.videoDuration) < 0.05)
        for k in 1...3 {
            let image = try ImageDecoder.decodeBGRA(
                result.directory.appendingPathComponent("thumbnail-\(k).png"), fitting: 1000, 1000)
            #expect(image.width == 320 && image.height == 180)
        }
        let cues = try TranscriptParser().parse(contentsOf: result.directory.appendingPathComponent("captions.srt"))
        #expect((cues.words.first?.start ?? 0) >= 2)

        // The highlight: 9:16, a centred crop at the recording's height, within its 8 s.
        let highlight = try MediaProbe.inspect(try #require(result.highlightURL))
        #expect(highlight.width == 100 && highlight.height == 180)
        #expect(highlight.videoDuration <= 8 + 1e-6 && highlight.videoDuration > 5, "\(highlight.videoDuration)")
        #expect(abs(highlight.audioDuration - highlight.videoDuration) < 0.05)
    }

    @Test func thumbnailsAreTheSharpestFramesWithTheTitle() throws {
        let folder = try TemporaryDirectory(prefix: "vgen-talk-thumbnails")
        let url = folder.file("sharp.mp4")
        let (width, height) = (320, 180)
        let converter = try FrameConverter(width: width, height: height)
        let sharp = try Self.chequerboard(width: width, height: height).withBGRA {
            try converter.convert(bgra: $0, stride: $1)
        }
        let blurred = try sharp.boxBlurred(radius: 8)
        let flat = try YUVFrame.filled(width: width, height: height, y: 90)
        let writer = try MP4Writer(
            url: url, width: width, height: height, fps: 30, sampleRate: 48_000, preset: "ultrafast", crf: 18,
            threads: 1)
        let sharpWindows = [10..<15, 45..<50, 75..<80]
        for k in 0..<90 {
            if sharpWindows.contains(where: { $0.contains(k) }) {
                try writer.writeVideo(sharp)
            } else if (25..<35).contains(k) || (60..<70).contains(k) {
                try writer.writeVideo(blurred)
            } else {
                try writer.writeVideo(flat)
            }
        }
        try writer.writeAudio([Float](repeating: 0, count: 48_000 * 3))
        try writer.finish()

        let thumbnails = TalkThumbnails(count: 3, step: 1)
        let chosen = try thumbnails.sharpest(in: url, frames: 0..<90, fps: 30)
        #expect(chosen.count == 3)
        for window in sharpWindows { #expect(chosen.filter { window.contains($0.frame) }.count == 1, "\(chosen)") }
        let names = try thumbnails.write(
            from: url, frames: chosen.map(\.frame), fps: 30, title: "Sharp", into: folder.url)
        #expect(names == ["thumbnail-1.png", "thumbnail-2.png", "thumbnail-3.png"])
        // The hook text is drawn in the band across the bottom: white letters on a darkened picture.
        let image = try ImageDecoder.decodeBGRA(folder.file("thumbnail-1.png"), fitting: 1000, 1000)
        var white = 0
        for y in Int(Double(height) * 0.65)..<height {
            for x in 0..<width {
                let i = y * image.stride + x * 4
                if image.pixels[i] > 240 && image.pixels[i + 1] > 240 && image.pixels[i + 2] > 240 { white += 1 }
            }
        }
        #expect(white > 50)
        #expect(!FileManager.default.fileExists(atPath: folder.file(".thumbnail-1.png.frame").path))
    }
}
