import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI
@testable import VideoRender

/// A generated talk cut clean: pauses and fillers gone, every other word kept, A/V in sync,
/// no click at any cut (Docs/Talks.md).
@Suite struct TalkCutTests {
    @Test func cleanCutOfAGeneratedTalk() async throws {
        let folder = try TemporaryDirectory()
        let talk = try await TalkFixture.make(in: folder.url)
        let info = try MediaProbe.inspect(talk.url)
        let source = try MediaProbe.decodeAudio(talk.url)
        let edit = CutPlanner().plan(
            samples: source.samples, sampleRate: source.sampleRate, fps: TalkFixture.fps, duration: info.videoDuration,
            transcript: talk.transcript, source: "talk.mp4")
        try edit.validate(fps: TalkFixture.fps, sourceDuration: info.videoDuration)
        #expect(edit.removed.contains { $0.reason == .filler && $0.text == "um" })
        #expect(edit.removed.contains { $0.reason == .filler && $0.text == "uh" })
        #expect(edit.removed.filter { $0.reason == .silence }.count == 2)

        let output = folder.file("video.mp4")
        let result = try TalkCutRenderer(preset: "ultrafast").render(
            source: talk.url, edit: edit, to: output, flag: CancellationFlag())
        let edited = try MediaProbe.inspect(output)
        let decoded = try MediaProbe.decodeAudio(output)

        // The duration shrank by what was inserted, ±0.2 s; picture and sound end together.
        let shrink = info.videoDuration - edited.videoDuration
        #expect(abs(shrink - talk.inserted) <= 0.2, "shrank \(shrink) s, inserted \(talk.inserted) s")
        #expect(abs(edited.videoDuration - edit.duration) < 1e-6)
        let perRange = edit.keptFrames.map {
            TalkCutRenderer.sample($0.upperBound, fps: TalkFixture.fps, rate: result.sampleRate)
                - TalkCutRenderer.sample($0.lowerBound, fps: TalkFixture.fps, rate: result.sampleRate)
        }
        #expect(result.samples == perRange.reduce(0, +))
        #expect(abs(Double(result.samples) - edit.duration * Double(result.sampleRate)) <= Double(perRange.count))
        #expect(abs(edited.audioDuration - edited.videoDuration) < 0.05)

        // No pause longer than 0.6 s is left in the decoded sound.
        let pauses = EnergyVAD().pauses(decoded.samples, sampleRate: decoded.sampleRate, minimum: 0.6)
        #expect(pauses.isEmpty, "pauses left: \(pauses)")

        // Every word but the fillers is still there: its time is kept, and the sound there is its sound.
        for word in talk.transcript.words {
            let middle = (word.start + word.end) / 2
            if word.isFiller {
                #expect(edit.editedTime(middle) == nil, "\(word.text) kept")
                continue
            }
            let start = try #require(edit.editedTime(word.start + 0.02), "\(word.text) at \(word.start) was cut")
            let end = try #require(edit.editedTime(word.end - 0.02), "\(word.text) at \(word.end) was cut")
            #expect(abs((end - start) - (word.end - word.start - 0.04)) < 1e-6, "\(word.text) lost sound inside")
            // Compared by loudness envelope (AAC changes sibilants' waveforms): it matches best
            // where the cut list says the word went, give or take 5 ms.
            let rate = Double(source.sampleRate)
            let match = Self.bestEnvelopeLag(
                source.samples, at: Int(word.start * rate), decoded.samples, at: Int((start - 0.02) * rate),
                count: Int((word.end - word.start) * rate), hop: source.sampleRate / 200)
            #expect(abs(match.lag) <= 1 && match.correlation > 0.9, "\(word.text): \(match)")
        }

        // The picture shows the kept source frames, in order, frame for frame.
        let sourceFrames = try MediaProbe.videoFrameSignatures(talk.url)
        let editedFrames = try MediaProbe.videoFrameSignatures(output)
        let expected = edit.keptFrames.flatMap { Array($0) }
        #expect(editedFrames.count == expected.count)
        for (j, k) in expected.enumerated() where j < editedFrames.count {
            let nearest = (max(0, k - 3)...min(sourceFrames.count - 1, k + 3)).min {
                abs(sourceFrames[$0].mean - editedFrames[j].mean) < abs(sourceFrames[$1].mean - editedFrames[j].mean)
            }
            #expect(nearest == k, "edited frame \(j) shows source frame \(nearest ?? -1), not \(k)")
        }

        // No sample jump at a cut larger than the source's own largest.
        let biggest = zip(source.samples, source.samples.dropFirst()).map { abs($1 - $0) }.max() ?? 0
        var join = 0
        for range in edit.keptFrames.dropLast() {
            join +=
                TalkCutRenderer.sample(range.upperBound, fps: TalkFixture.fps, rate: decoded.sampleRate)
                - TalkCutRenderer.sample(range.lowerBound, fps: TalkFixture.fps, rate: decoded.sampleRate)
            let around = decoded.samples[max(1, join - 200)..<min(decoded.samples.count, join + 200)]
            let jump = zip(around, around.dropFirst()).map { abs($1 - $0) }.max() ?? 0
            #expect(
                jump <= biggest * 1.1 + 0.01,
                "a jump of \(jump) at the cut at sample \(join) (source's largest \(biggest))")
        }
    }

    @Test func splicesCrossfadeWithoutChangingTheLength() {
        // A 440 Hz tone cut mid-wave: the hard cut jumps, the spliced one does not.
        let rate = 48_000
        let tone = (0..<rate).map { Float(sin(2 * Double.pi * 440 * Double($0) / Double(rate))) * 0.5 }
        let ranges = [0..<10_017, 20_000..<30_000, 30_000..<40_000]
        let spliced = AudioSplicer.splice(tone, ranges: ranges, fade: 480)
        #expect(spliced.count == 30_017)
        let hard = ranges.flatMap { tone[$0] }
        let step = Float(2 * Double.pi * 440 / Double(rate)) * 0.5
        #expect(abs(hard[10_017] - hard[10_016]) > 4 * step)
        for k in 1..<spliced.count { #expect(abs(spliced[k] - spliced[k - 1]) <= 2 * step) }
        // Contiguous ranges are copied untouched.
        #expect(Array(spliced[20_017..<30_017]) == Array(tone[30_000..<40_000]))
    }

    @Test func editedCutListsAreChecked() throws {
        let good = CutPlanner.edit(
            [.init(start: 1.01, end: 2.0, reason: .silence)], fps: 30, duration: 5, source: "talk.mp4")
        #expect(good.kept == [TalkEdit.Range(start: 0, end: 1), TalkEdit.Range(start: 2, end: 5)])
        #expect(good.editedTime(2.5) == 1.5 && good.editedTime(1.5) == nil)
        var bad = good
        bad.kept[1].start = 2.01
        #expect(throws: VideoError.self) { try bad.validate(fps: 30, sourceDuration: 5) }
        do { try bad.validate(fps: 30, sourceDuration: 5) } catch let error as VideoError {
            #expect(error.description == "edit.json: kept[1].start: 2.01 is not on a frame boundary (1/30 s)")
        }
        bad = good
        bad.kept[1].start = 0.5
        #expect(throws: VideoError.self) { try bad.validate(fps: 30, sourceDuration: 5) }
        bad = good
        bad.kept[1].end = 9
        #expect(throws: VideoError.self) { try bad.validate(fps: 30, sourceDuration: 5) }
        #expect(throws: VideoError.self) { try good.validate(fps: 25, sourceDuration: 5) }
        let folder = try TemporaryDirectory()
        let file = folder.file("edit.json")
        try JSONEncoder().encode(good).write(to: file)
        #expect(try TalkEdit.read(file, fps: 30, sourceDuration: 5) == good)
        try Data(#"{"format": "vgen-edit"}"#.utf8).write(to: file)
        #expect(throws: VideoError.self) { try TalkEdit.read(file, fps: 30, sourceDuration: 5) }
    }

    /// The lag (in hops, −10…10) at which the loudness envelope of `b` from `j` best matches that
    /// of `a` from `i`, and the Pearson correlation there.
    static func bestEnvelopeLag(_ a: [Float], at i: Int, _ b: [Float], at j: Int, count: Int, hop: Int)
        -> (lag: Int, correlation: Double)
    {
        func envelope(_ x: [Float], _ from: Int, _ n: Int) -> [Double] {
            (0..<n).map { f in
                let lo = max(0, from + f * hop), hi = min(x.count, from + (f + 1) * hop)
                guard hi > lo else { return 0 }
                return (x[lo..<hi].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(hi - lo)).squareRoot()
            }
        }
        func pearson(_ x: [Double], _ y: [Double]) -> Double {
            let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
            var xy = 0.0, xx = 0.0, yy = 0.0
            for (p, q) in zip(x, y) { xy += (p - mx) * (q - my); xx += (p - mx) * (p - mx); yy += (q - my) * (q - my) }
            return xy / max(1e-12, (xx * yy).squareRoot())
        }
        let frames = max(2, count / hop)
        let reference = envelope(a, i, frames)
        return (-10...10).map { lag in (lag, pearson(reference, envelope(b, j + lag * hop, frames))) }
            .max { $0.1 < $1.1 }!
    }
}
