import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Captions drawn into the picture, judged on the decoded MP4 (frames read back by the ffmpeg CLI).
@Suite struct BurnedCaptionTests {
    static let size = (width: 480, height: 270)
    static let fps = 10

    static func config() throws -> VideoConfig {
        try VideoConfig(
            videoID: "cap", title: "Captions", resolution: Resolution(width: size.width, height: size.height), fps: fps,
            transition: .cut,
            scenes: [
                try SceneConfig(
                    sceneID: "a", content: .title(TitleContent(title: "Captions")),
                    narration: "Every word is spoken, shown and lit up on time."),
                try SceneConfig(
                    sceneID: "b", content: .quote(QuoteContent(text: "Quiet")),
                    narration: "A second scene starts its own cues."),
            ])
    }

    static func render(_ mode: CaptionMode, to out: URL) async throws -> RenderResult {
        try await VideoPipeline(
            registry: .standard, synthesizer: ToneSynthesizer(),
            options: RenderOptions(preset: "ultrafast", captions: mode)
        ).render(try config(), to: out)
    }

    /// Every frame's luma, as the ffmpeg CLI decodes the file.
    static func frames(_ url: URL) async throws -> [[UInt8]] {
        let ffmpeg = try #require(Subprocess.find("ffmpeg"), "no ffmpeg on the PATH: run scripts/install-deps.sh")
        let raw = url.deletingPathExtension().appendingPathExtension("gray")
        let outcome = try await Subprocess.run(
            ffmpeg, ["-v", "error", "-y", "-i", url.path, "-f", "rawvideo", "-pix_fmt", "gray", raw.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let bytes = [UInt8](try Data(contentsOf: raw))
        let frame = size.width * size.height
        return stride(from: 0, to: bytes.count - frame + 1, by: frame).map { Array(bytes[$0..<($0 + frame)]) }
    }

    /// How many pixels' luma differs by more than 12 between two frames, inside (or outside) `rect`.
    static func difference(_ a: [UInt8], _ b: [UInt8], in rect: Canvas.Rect, inside: Bool = true) -> Int {
        var count = 0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for y in 0..<size.height {
                    let rowInside = Double(y) >= rect.minY && Double(y) < rect.maxY
                    for x in 0..<size.width {
                        let within = rowInside && Double(x) >= rect.minX && Double(x) < rect.maxX
                        guard within == inside else { continue }
                        let i = y * size.width + x
                        if abs(Int(a[i]) - Int(b[i])) > 12 { count += 1 }
                    }
                }
            }
        }
        return count
    }

    @Test func burnedAndKaraokeCaptionsAppearInTheSafeAreaAndFollowTheWords() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-burn")
        let off = try await Self.render(.off, to: temporary.uniquePath())
        let burn = try await Self.render(.burn, to: temporary.uniquePath())
        let karaoke = try await Self.render(.karaoke, to: temporary.uniquePath())
        let (plain, burned, lit) = (
            try await Self.frames(off.videoURL), try await Self.frames(burn.videoURL),
            try await Self.frames(karaoke.videoURL)
        )
        #expect(plain.count == off.manifest.totalFrames && burned.count == plain.count && lit.count == plain.count)
        let band = CaptionOverlay.band(width: Self.size.width, height: Self.size.height)
        #expect(band.minX >= 0.05 * Double(Self.size.width) && band.maxX <= 0.95 * Double(Self.size.width))
        #expect(band.maxY <= 0.95 * Double(Self.size.height), "inside the graphics-safe area")
        // Outside the band (with a macroblock of slack) the picture is the same as without captions.
        let slack = Canvas.Rect(x: band.x - 16, y: band.y - 16, width: band.width + 32, height: band.height + 32)
        let cues = burn.captions
        #expect(cues == off.captions && cues == karaoke.captions, "the same cues in every mode")
        for cue in cues {
            let frame = Int(((cue.start + cue.end) / 2 * Double(Self.fps)).rounded())
            #expect(Self.difference(plain[frame], burned[frame], in: band) > 500, "cue \(cue.lines) burned in")
            #expect(Self.difference(plain[frame], burned[frame], in: slack, inside: false) == 0)
        }
        // Karaoke: inside a cue the band changes exactly on the frames where words start, and the
        // burned band does not change at all while the cue is up.
        var matched = 0
        for cue in cues {
            let first = Int((cue.start * Double(Self.fps)).rounded()) + 1
            let last = Int((cue.end * Double(Self.fps)).rounded()) - 1
            guard first < last else { continue }
            let wordFrames = Set(cue.words.dropFirst().map { Int(($0.startTime * Double(Self.fps)).rounded()) })
            for f in first...last {
                let litChange = Self.difference(lit[f - 1], lit[f], in: band)
                let burnChange = Self.difference(burned[f - 1], burned[f], in: band)
                #expect(burnChange < 10, "frame \(f): burned captions hold still inside a cue")
                // The manifest's word start, to the frame (the issue allows ±1).
                #expect((litChange > 20) == wordFrames.contains(f), "frame \(f): highlight change \(litChange) px")
                if litChange > 20 { matched += 1 }
            }
        }
        #expect(matched >= 5, "the highlight moved \(matched) times")
        // The sidecars are written in every mode, from the same cues.
        for result in [off, burn, karaoke] {
            let srt = try String(contentsOf: result.directory.appendingPathComponent("captions.srt"), encoding: .utf8)
            #expect(srt.components(separatedBy: " --> ").count - 1 == cues.count)
        }
    }

    @Test func captionsAreInTheSegmentKeys() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-capkeys")
        let out = temporary.uniquePath()
        func rendered(_ result: RenderResult) throws -> Int {
            try JSONDecoder().decode(
                EncodedVideo.self, from: Data(contentsOf: result.directory.appendingPathComponent("stage-video.json"))
            ).renderedSegments
        }
        let off = try await Self.render(.off, to: out)
        #expect(try rendered(off) > 0)
        #expect(try rendered(try await Self.render(.burn, to: out)) > 0, "burning captions redraws")
        #expect(try rendered(try await Self.render(.burn, to: out)) == 0, "unchanged captions reuse the segments")
        #expect(try rendered(try await Self.render(.karaoke, to: out)) > 0, "karaoke redraws")
    }
}
