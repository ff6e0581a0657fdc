import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

/// Each refinement edit changes what it asks for, measured on the plan: the average shot
/// length, a file's screen time, the first and last shot, the grade, the length, transitions.
@Suite struct MontageRefinementTests {
    private let music: AudioAnalysisProfile = {
        let beats = stride(from: 0.25, to: 20, by: 0.5).map { ($0 * 1000).rounded() / 1000 }
        return AudioAnalysisProfile(
            duration: 20, tempoBPM: 120, beats: beats,
            downbeats: beats.enumerated().filter { $0.offset % 4 == 0 }.map(\.element),
            energy: .init(hopSeconds: 0.1, values: Array(repeating: 0.5, count: 200)))
    }()

    private let names = ["beach1", "city1", "beach2", "park", "city2", "sunset", "market", "harbour"]

    private func media(folder: String = "/m/trip") -> [AnalyzedMedia] {
        names.enumerated().map { n, name in
            AnalyzedMedia(
                item: MediaItem(
                    url: URL(fileURLWithPath: "\(folder)/\(n < 4 ? "day1" : "day2")/\(name).jpg"), kind: .image,
                    width: 400, height: 300,
                    captureDate: Date(timeIntervalSince1970: 1_717_200_000 + Double(n) * 86_400 * 20)),
                sharpness: 100, exposure: 0.8, quality: 0.5 + 0.01 * Double(n),
                hash: UInt64(n + 1) &* 0x9E37_79B9_7F4A_7C15)
        }
    }

    private let settings = EditPlanner.Settings(videoID: "t", musicPath: "/m/song.wav", shortSide: 180)

    private func plan(_ feedback: String..., media: [AnalyzedMedia]? = nil) throws -> MontageTimeline {
        var refinement = MontageRefinement()
        for text in feedback {
            for edit in try FeedbackGrammar().edits(for: text) { refinement.apply(edit, baseStyle: "natural") }
        }
        return try refinement.plan(
            media: media ?? self.media(), music: music, settings: settings, colour: { _ in nil })
    }

    private func averageShot(_ t: MontageTimeline) -> Double { Double(t.durationFrames) / Double(t.segments.count) }

    private func screenTime(_ t: MontageTimeline, _ word: String) -> Int {
        t.segments.filter { URL(fileURLWithPath: $0.media).lastPathComponent.contains(word) }.map(\.frameCount)
            .reduce(0, +)
    }

    @Test func paceChangesTheAverageShotLength() throws {
        let base = try plan()
        let faster = try plan("faster cuts")
        let slower = try plan("slower")
        #expect(averageShot(faster) < 0.75 * averageShot(base), "\(averageShot(faster)) vs \(averageShot(base))")
        #expect(averageShot(slower) > 1.5 * averageShot(base), "\(averageShot(slower)) vs \(averageShot(base))")
        // Cuts stay on beats.
        let beatFrames = Set(music.beats.map { Int(($0 * 30).rounded()) })
        #expect(faster.cutFrames.allSatisfy(beatFrames.contains))
        #expect(base.score != nil && faster.score != nil)
    }

    @Test func favourAndExcludeChangeAFilesScreenTime() throws {
        let base = try plan()
        #expect(screenTime(try plan("more beach photos"), "beach") > screenTime(base, "beach"))
        #expect(screenTime(try plan("no beach photos"), "beach") == 0)
        #expect(screenTime(base, "beach") > 0)
        // By folder and by date.
        #expect(screenTime(try plan("without the folder day1"), "beach") == 0)
        let june = try plan("no photos from 2024-06")  // beach1 (1 June 2024) only
        #expect(screenTime(june, "beach1") == 0 && screenTime(june, "beach2") > 0)
        // With fewer shots than media, "include" keeps a left-out item.
        var many = media()
        for n in 0..<30 {
            many.append(
                AnalyzedMedia(
                    item: MediaItem(url: URL(fileURLWithPath: "/m/extra/x\(n).jpg"), kind: .image, width: 4, height: 3),
                    sharpness: 100, exposure: 0.8, quality: 0.9, hash: UInt64(n + 50) &* 0xD1B5_4A32_D192_ED03))
        }
        #expect(screenTime(try plan(media: many), "harbour") == 0)
        #expect(screenTime(try plan("include harbour", media: many), "harbour") > 0)
    }

    @Test func firstAndLastShots() throws {
        let base = try plan()
        #expect(!base.segments.last!.media.hasSuffix("sunset.jpg"))
        let ended = try plan("end on the sunset")
        #expect(ended.segments.last!.media.hasSuffix("sunset.jpg"))
        #expect(ended.segments.map(\.frameCount) == base.segments.map(\.frameCount))
        let opened = try plan("start with the harbour")
        #expect(opened.segments.first!.media.hasSuffix("harbour.jpg"))
        #expect(throws: VideoError.self) { try plan("end on the volcano") }
    }

    @Test func gradeLengthAndTransitions() throws {
        let warmer = try plan("warmer")
        #expect(MontageStyle.named(warmer.style)!.grade.warmth > 0.3)
        let cooler = try plan("warmer", "cooler", "cooler")
        #expect(MontageStyle.named(cooler.style)!.grade.warmth < -0.3)
        #expect(try plan("black and white").style == "mono")
        #expect(try plan("10 seconds").durationFrames == 300)
        #expect(try plan("shorter").durationFrames == 450)
        let fades = try plan("crossfades")
        #expect(fades.segments.dropFirst().allSatisfy { $0.transition == .crossfade })
        #expect(try plan("only cuts").segments.allSatisfy { $0.transition == .cut })
    }

    @Test func colourMatchesTheMainColourOfRealPictures() throws {
        let folder = try TemporaryDirectory(prefix: "vgen-refine-colour")
        // Red, green, blue, yellow, black, pink.
        let urls = try MontageFixtures.writePhotos(count: 6, to: folder.url, width: 64, height: 48)
        let media = urls.enumerated().map { n, url in
            AnalyzedMedia(
                item: MediaItem(url: url, kind: .image, width: 64, height: 48), sharpness: 100, exposure: 0.8,
                quality: 0.5, hash: UInt64(n + 1) &* 0x9E37_79B9_7F4A_7C15)
        }
        var refinement = MontageRefinement()
        refinement.apply(.exclude(MediaMatch(.colour, "blue")), baseStyle: "natural")
        refinement.apply(.last(MediaMatch(.colour, "red")), baseStyle: "natural")
        let timeline = try refinement.plan(media: media, music: music, settings: settings)
        #expect(!timeline.segments.contains { $0.media.hasSuffix("photo3.png") })
        #expect(timeline.segments.contains { $0.media.hasSuffix("photo2.png") })
        #expect(timeline.segments.last!.media.hasSuffix("photo1.png"))
    }
}
