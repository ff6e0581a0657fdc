import Foundation
import Testing
import VideoCore
import VideoRender
import VideoTestSupport

@testable import VideoAI

/// A fast, bright montage, decoded by the ffmpeg CLI: at most three flashes in any one second
/// (WCAG 2.3.1's general flash threshold, counted on the whole frame's relative luminance).
@Suite struct PhotosensitivityEndToEndTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-flash") }

    /// Per-frame mean relative luminance of the video, as the ffmpeg CLI decodes it (32×18 grey).
    private func luminance(of video: URL) async throws -> [Double] {
        let program = try #require(Subprocess.find("ffmpeg"), "no ffmpeg on the PATH: run scripts/install-deps.sh")
        let outcome = try await Subprocess.run(
            program,
            ["-nostdin", "-v", "error", "-i", video.path, "-vf", "scale=32:18,format=gray", "-f", "rawvideo", "-"])
        try #require(outcome.status == 0, "ffmpeg: \(outcome.stderr)")
        let bytes = [UInt8](outcome.stdoutData), size = 32 * 18
        return stride(from: 0, to: bytes.count - size + 1, by: size).map { start in
            var sum = 0.0
            for value in bytes[start..<(start + size)] {
                let v = Double(value) / 255
                sum += v <= 0.040_45 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            }
            return sum / Double(size)
        }
    }

    @Test func fastBrightMontageFlashesAtMostThreeTimesASecond() async throws {
        let media = try temporary.folder("media")
        let colors = [
            RGBColor(red: 1, green: 1, blue: 1), RGBColor(red: 0.45, green: 0.45, blue: 0.5),
            RGBColor(red: 1, green: 0.95, blue: 0.4), RGBColor(red: 0.35, green: 0.3, blue: 0.3),
        ]
        for i in 0..<12 {
            let canvas = try Canvas(width: 320, height: 180)
            canvas.fill(colors[i % colors.count])
            try canvas.writePNG(to: media.appendingPathComponent(String(format: "p%02d.png", i)))
        }
        typealias Part = SyntheticSong.Part
        let song = SyntheticSong(
            parts: [Part(notes: [53, 57, 60], harmonics: Part.saw, fourOnTheFloor: true, gain: 1, beats: 20)],
            bpm: 180)
        let songURL = temporary.file("song.wav")
        try song.music.wav.write(to: songURL)
        let pipeline = MontagePipeline(
            plan: EditPlanStage(planner: EditPlanner(minimumShotSeconds: 0.3)),
            render: MontageRenderStage(preset: "ultrafast"))
        let settings = EditPlanner.Settings(
            videoID: "flash", musicPath: "", shortSide: 180, fps: 30, style: MontageStyle.named("natural")!,
            duration: 6, transition: .fade)
        let result = try await pipeline.render(
            media: [media], music: songURL, order: .name, settings: settings, to: temporary.folder("out"))

        let series = try await luminance(of: result.videoURL)
        #expect(series.count == 180)
        let counter = FlashCounter()
        let flashes = counter.maximumFlashes(series, windowFrames: 30)
        #expect(flashes <= 3, "\(flashes) flashes in one second")
        // It is a fast, bright montage: shots change several times a second somewhere, and it flashes.
        #expect(result.timeline.segments.count >= 8, "\(result.timeline.segments.map(\.frameCount))")
        #expect(!counter.transitions(series).isEmpty)
    }
}
