import Foundation
import Testing
import VideoAI
import VideoCore

/// The plan's score: a plan made worse on purpose, in any one way, scores lower.
@Suite struct PlanEvaluatorTests {
    /// 24 s at 120 BPM, quiet then loud.
    private func music() -> AudioAnalysisProfile {
        let beats = stride(from: 0.25, to: 24, by: 0.5).map { $0 }
        return AudioAnalysisProfile(
            duration: 24, tempoBPM: 120, beats: beats,
            downbeats: beats.enumerated().filter { $0.offset % 4 == 0 }.map(\.element),
            energy: .init(hopSeconds: 0.1, values: (0..<240).map { $0 < 120 ? 0.3 : 0.9 }))
    }

    /// Photos in two moments, of varied quality, with distinct hashes.
    private func media() -> [AnalyzedMedia] {
        (0..<60).map { i -> AnalyzedMedia in
            let quality: Double = 0.4 + Double((i * 37) % 60) / 100
            return AnalyzedMedia(
                item: MediaItem(url: URL(fileURLWithPath: "/m/p\(i).jpg"), kind: .image, width: 400, height: 300),
                sharpness: 100, exposure: 0.8, quality: quality,
                hash: UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15, moment: i < 30 ? 0 : 1)
        }
    }

    private let settings = EditPlanner.Settings(
        videoID: "t", musicPath: "/m/song.wav", shortSide: 180, style: MontageStyle.named("natural")!)

    @Test func worsenedPlansScoreLower() throws {
        let media = media(), music = music(), evaluator = PlanEvaluator()
        let plan = try EditPlanner().plan(media: media, music: music, settings: settings)
        let good = evaluator.score(plan, music: music, media: media)
        #expect(good.beats == 1 && good.duplicates == 1 && good.chronology == 1 && good.coverage == 1, "\(good)")

        // Cuts moved off the beats.
        var offBeat = plan
        for k in offBeat.segments.indices.dropFirst() {
            offBeat.segments[k].startFrame += 4
            offBeat.segments[k - 1].endFrame += 4
        }
        // The same two photos over and over.
        var repeated = plan
        for k in repeated.segments.indices { repeated.segments[k].media = media[k % 2].item.url.path }
        // The order reversed, and one moment left out.
        var shuffled = plan
        let reversed = plan.segments.map(\.media).reversed().map { $0 }
        for k in shuffled.segments.indices { shuffled.segments[k].media = reversed[k] }
        var oneMoment = plan
        for k in oneMoment.segments.indices { oneMoment.segments[k].media = media[k % 30].item.url.path }
        // The weakest photos.
        var weak = plan
        let weakest = media.sorted { $0.quality < $1.quality }
        for k in weak.segments.indices { weak.segments[k].media = weakest[k % 5].item.url.path }
        // Long shots on the loud part, short on the quiet: pacing against the energy.
        let reversedMusic = AudioAnalysisProfile(
            duration: 24, tempoBPM: 120, beats: music.beats, downbeats: music.downbeats,
            energy: .init(hopSeconds: 0.1, values: music.energy.values.reversed()))

        let worse: [(String, PlanScore, KeyPath<PlanScore, Double>)] = [
            ("off-beat", evaluator.score(offBeat, music: music, media: media), \.beats),
            ("repeated", evaluator.score(repeated, music: music, media: media), \.duplicates),
            ("reversed", evaluator.score(shuffled, music: music, media: media), \.chronology),
            ("one moment", evaluator.score(oneMoment, music: music, media: media), \.coverage),
            ("weak", evaluator.score(weak, music: music, media: media), \.quality),
            ("against the energy", evaluator.score(plan, music: reversedMusic, media: media), \.pacing),
        ]
        for (name, score, measure) in worse {
            #expect(score[keyPath: measure] < good[keyPath: measure], "\(name): \(score) vs \(good)")
            #expect(score.total < good.total, "\(name): \(score.total) vs \(good.total)")
        }
    }

    @Test func autoRefineNeverScoresLowerAndRecordsTheScore() throws {
        let media = media(), music = music()
        let refiner = PlanRefiner()
        let plain = try refiner.refine(
            media: media, music: music, settings: settings, planner: EditPlanner(), rounds: 0)
        let refined = try refiner.refine(
            media: media, music: music, settings: settings, planner: EditPlanner(), rounds: 3)
        let plainScore = try #require(plain.score), refinedScore = try #require(refined.score)
        #expect(refinedScore.total >= plainScore.total)
        #expect(plainScore == PlanEvaluator().score(plain, music: music, media: media))
        try refined.validate()
        // Same input, same plan.
        let again = try refiner.refine(
            media: media, music: music, settings: settings, planner: EditPlanner(), rounds: 3)
        #expect(again == refined)
    }
}
