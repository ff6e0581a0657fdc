import Foundation
import Testing
import VideoAI
import VideoCore

/// Edit planner, quality measures and timeline format tests.
@Suite struct MontagePlannerTests {
    private func profile(bpm: Double = 120, seconds: Double = 20, energy: Double = 0.8) -> AudioAnalysisProfile {
        let beats = stride(from: 0.25, to: seconds, by: 60 / bpm).map { ($0 * 1000).rounded() / 1000 }
        return AudioAnalysisProfile(
            duration: seconds, tempoBPM: bpm, beats: beats,
            downbeats: beats.enumerated().filter { $0.offset % 4 == 0 }.map(\.element),
            energy: .init(hopSeconds: 0.1, values: Array(repeating: energy, count: Int(seconds * 10))))
    }

    private func photo(_ name: String, quality: Double, hash: UInt64) -> AnalyzedMedia {
        AnalyzedMedia(
            item: MediaItem(url: URL(fileURLWithPath: "/m/\(name)"), kind: .image, width: 400, height: 300),
            sharpness: 100,
            exposure: 0.8, quality: quality, hash: hash)
    }

    private func settings(duration: Double? = nil, style: String = "natural") -> EditPlanner.Settings {
        EditPlanner.Settings(
            videoID: "t", musicPath: "/m/song.wav", shortSide: 180, style: MontageStyle.named(style)!,
            duration: duration)
    }

    @Test func everyBoundaryIsABeatFrameAndDurationIsExact() throws {
        let music = profile()
        let media = (0..<8).map { photo("p\($0).jpg", quality: 0.5, hash: UInt64($0) &* 0x0F0F_F0F0_1234_5678) }
        let timeline = try EditPlanner().plan(media: media, music: music, settings: settings(duration: 12.4))
        #expect(timeline.durationFrames == 372)
        #expect(timeline.segments.last?.endFrame == 372)
        let beatFrames = Set(music.beats.map { Int(($0 * 30).rounded()) })
        #expect(!timeline.cutFrames.isEmpty)
        for cut in timeline.cutFrames { #expect(beatFrames.contains(cut), "cut \(cut) is not a beat frame") }
        #expect(timeline.width == 320 && timeline.height == 180)
    }

    @Test func moreEnergyMeansShorterShots() throws {
        let media = (0..<40).map { photo("p\($0).jpg", quality: 0.5, hash: UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        let loud = try EditPlanner().plan(media: media, music: profile(energy: 0.9), settings: settings())
        let quiet = try EditPlanner().plan(media: media, music: profile(energy: 0.1), settings: settings())
        #expect(loud.segments.count > 2 * quiet.segments.count)
        // Quiet music cuts every 8 beats, on downbeats.
        let downbeats = Set(profile().downbeats.map { Int(($0 * 30).rounded()) })
        #expect(quiet.cutFrames.allSatisfy { downbeats.contains($0) })
    }

    @Test func duplicatesAndWeakestGoFirst() throws {
        let planner = EditPlanner()
        let media = [
            photo("a.jpg", quality: 0.9, hash: 0xFFFF_0000_FFFF_0000),
            photo("a-copy.jpg", quality: 0.8, hash: 0xFFFF_0000_FFFF_0001),
            photo("blurry.jpg", quality: 0.1, hash: 0x0000_FFFF_0000_FFFF),
            photo("b.jpg", quality: 0.6, hash: 0x00FF_00FF_00FF_00FF),
        ]
        #expect(
            planner.selectMedia(media, count: 3).map(\.item.url.lastPathComponent) == ["a.jpg", "blurry.jpg", "b.jpg"])
        #expect(planner.selectMedia(media, count: 2).map(\.item.url.lastPathComponent) == ["a.jpg", "b.jpg"])
        #expect(planner.selectMedia(media, count: 9).count == 4)
    }

    @Test func clipsPlayTheirBestWindow() throws {
        var clip = AnalyzedMedia(
            item: MediaItem(url: URL(fileURLWithPath: "/m/c.mp4"), kind: .clip, width: 320, height: 240, duration: 10),
            sharpness: 1,
            exposure: 1, quality: 0.5, hash: 1)
        clip.samples = stride(from: 0.0, to: 10, by: 0.25).map { .init(time: $0, score: ($0 >= 6 && $0 < 8) ? 1 : 0.1) }
        #expect(abs(clip.bestWindowStart(length: 2) - 6) < 0.3)
        let timeline = try EditPlanner().plan(
            media: [clip], music: profile(seconds: 4), settings: settings(duration: 2))
        #expect(timeline.segments.allSatisfy { $0.kind == .clip && $0.outPoint > $0.inPoint })
    }

    @Test func timelineRoundTripsThroughJSON() throws {
        let media = (0..<5).map { photo("p\($0).jpg", quality: 0.5, hash: UInt64($0) << 20) }
        let timeline = try EditPlanner().plan(
            media: media, music: profile(), settings: settings(duration: 8, style: "cinematic"))
        let data = try JSONEncoder().encode(timeline)
        #expect(try JSONDecoder().decode(MontageTimeline.self, from: data) == timeline)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"start_frame\"") && text.contains("\"transition\"") && text.contains("\"in\""))
        var broken = timeline
        broken.segments[1].startFrame += 1
        #expect(throws: VideoError.self) { try broken.validate() }
    }

    @Test func silentMusicFallsBackToAGrid() throws {
        let silent = AudioAnalysisProfile(
            duration: 10, tempoBPM: 0, beats: [], downbeats: [], energy: .init(hopSeconds: 0.1, values: []))
        let media = (0..<5).map { photo("p\($0).jpg", quality: 0.5, hash: UInt64($0) << 30) }
        let timeline = try EditPlanner().plan(media: media, music: silent, settings: settings())
        #expect(timeline.durationFrames == 300)
        #expect(timeline.cutFrames.allSatisfy { $0 % 60 == 0 })
    }

    @Test func qualityMeasures() {
        let flat = GrayImage(width: 32, height: 32, pixels: Array(repeating: 128, count: 1024))
        let checker = GrayImage(
            width: 32, height: 32, pixels: (0..<1024).map { (($0 % 32) / 2 + ($0 / 32) / 2) % 2 == 0 ? 40 : 210 })
        #expect(MediaQuality.sharpness(checker) > 100 * max(MediaQuality.sharpness(flat), 1))
        #expect(
            MediaQuality.exposure(flat)
                > MediaQuality.exposure(GrayImage(width: 32, height: 32, pixels: Array(repeating: 250, count: 1024))))
        let shifted = GrayImage(width: 32, height: 32, pixels: checker.pixels.map { $0 &+ 5 })
        #expect(
            MediaQuality.hammingDistance(MediaQuality.differenceHash(checker), MediaQuality.differenceHash(shifted))
                == 0)
        let falling = GrayImage(width: 36, height: 32, pixels: (0..<1152).map { UInt8(250 - ($0 % 36) * 6) })
        #expect(
            MediaQuality.hammingDistance(MediaQuality.differenceHash(falling), MediaQuality.differenceHash(flat)) > 60)
    }
}
