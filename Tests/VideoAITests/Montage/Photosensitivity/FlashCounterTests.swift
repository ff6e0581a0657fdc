import Foundation
import Testing
import VideoCore

@testable import VideoAI

/// WCAG 2.3.1 flash counting on known luminance series, and the planner's guard.
@Suite struct FlashCounterTests {
    private let counter = FlashCounter()

    /// `period` frames dark, `period` frames light, repeated over `frames` frames.
    private func square(dark: Double, light: Double, period: Int, frames: Int) -> [Double] {
        (0..<frames).map { ($0 / period) % 2 == 0 ? dark : light }
    }

    @Test func fastBlackWhiteAlternationFlashes() {
        // A change every 3 frames at 30 fps: 10 transitions a second, 5 flashes.
        #expect(counter.maximumFlashes(square(dark: 0, light: 1, period: 3, frames: 90), windowFrames: 30) == 5)
        // Every 15 frames: two transitions a second, one flash.
        #expect(counter.maximumFlashes(square(dark: 0, light: 1, period: 15, frames: 90), windowFrames: 30) == 1)
    }

    @Test func brightPairsAndSmallChangesDoNotCount() {
        // Both images at or above 0.8: not a flash, however fast.
        #expect(counter.transitions(square(dark: 0.82, light: 1, period: 2, frames: 60)).isEmpty)
        // Changes under a tenth of the range: not a flash.
        #expect(counter.transitions(square(dark: 0.3, light: 0.38, period: 2, frames: 60)).isEmpty)
        // Noise below the threshold does not split one slow rise into several.
        let ramp: [Double] = (0..<60).map { f in
            let wiggle: Double = f % 2 == 0 ? 0.04 : 0
            return Double(f) / 60 + wiggle
        }
        #expect(counter.transitions(ramp).count == 1)
    }

    @Test func gradualFadesCountAsTransitions() {
        // Down to black and back over ten frames each, twice a second: four transitions, two flashes.
        let wave = (0..<60).map { f -> Double in
            let phase = f % 15
            return phase < 8 ? 1 - Double(phase) / 8 : Double(phase - 7) / 7
        }
        #expect(counter.maximumFlashes(wave, windowFrames: 30) == 2)
    }

    private func photo(_ i: Int, luminance: Double) -> AnalyzedMedia {
        AnalyzedMedia(
            item: MediaItem(url: URL(fileURLWithPath: "/m/p\(i).png"), kind: .image, width: 400, height: 300),
            sharpness: 100, exposure: 0.8, quality: 0.5, hash: UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15,
            luminance: luminance)
    }

    /// 240 BPM, loud: quarter-second shots of bright photos, each fading through black.
    @Test func plannerKeepsAFastBrightMontageUnderThreeFlashes() throws {
        let beats = stride(from: 0.25, to: 10, by: 0.25).map { $0 }
        let music = AudioAnalysisProfile(
            duration: 10, tempoBPM: 240, beats: beats, downbeats: [],
            energy: .init(hopSeconds: 0.1, values: Array(repeating: 0.9, count: 100)))
        let media = (0..<40).map { photo($0, luminance: $0 % 2 == 0 ? 0.6 : 0.95) }
        let settings = EditPlanner.Settings(
            videoID: "t", musicPath: "/m/song.wav", shortSide: 180, style: MontageStyle.named("natural")!,
            transition: .fade)
        var planner = EditPlanner(minimumShotSeconds: 0.2)
        planner.limitsFlashes = false
        let raw = try planner.plan(media: media, music: music, settings: settings)
        planner.limitsFlashes = true
        let guarded = try planner.plan(media: media, music: music, settings: settings)
        let luminance = Dictionary(uniqueKeysWithValues: media.map { ($0.item.url.path, $0.luminance!) })
        func flashes(_ t: MontageTimeline) -> Int {
            counter.maximumFlashes(
                FlashGuard().luminanceSeries(t.segments, luminance: { luminance[$0]! }), windowFrames: 30)
        }
        #expect(flashes(raw) > 3, "the unguarded plan should flash too often to prove anything")
        #expect(flashes(guarded) <= 2)
        #expect(guarded.segments.count < raw.segments.count)
        try guarded.validate()
        let beatFrames = Set(beats.map { Int(($0 * 30).rounded()) })
        #expect(guarded.cutFrames.allSatisfy { beatFrames.contains($0) })
    }
}
