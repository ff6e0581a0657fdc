import Foundation
import VideoCore

/// Scores a montage plan against its music and media (`PlanScore`); deterministic, no model.
public struct PlanEvaluator: Sendable {
    /// Hashes this many bits apart or fewer count as near-duplicates.
    public var duplicateDistance: Int

    /// Creates an evaluator.
    /// - Parameter duplicateDistance: Hashes this many bits apart or fewer are near-duplicates.
    public init(duplicateDistance: Int = 6) { self.duplicateDistance = duplicateDistance }

    /// Scores `timeline`.
    /// - Parameters:
    ///   - timeline: The plan.
    ///   - music: The song's profile the plan was cut to.
    ///   - media: The analysed media, in their order (time, name or shuffle as chosen).
    /// - Returns: The score.
    public func score(_ timeline: MontageTimeline, music: AudioAnalysisProfile, media: [AnalyzedMedia]) -> PlanScore {
        let fps = Double(timeline.fps)
        let byPath = Dictionary(media.enumerated().map { ($1.item.url.path, $0) }, uniquingKeysWith: { a, _ in a })
        let segments = timeline.segments
        // Cuts on beats.
        let beatFrames = Set(music.beats.map { Int(($0 * fps).rounded()) })
        let cuts = timeline.cutFrames
        let onBeat =
            cuts.isEmpty
            ? 1
            : Double(cuts.filter { c in (c - 1...c + 1).contains { beatFrames.contains($0) } }.count)
                / Double(cuts.count)
        // Pacing: variety, and shorter shots where the music is louder.
        let lengths = segments.map { Double($0.frameCount) / fps }
        let energies = segments.map { music.energy.mean(from: $0.start, to: $0.end) }
        let mean = lengths.reduce(0, +) / Double(max(1, lengths.count))
        let deviation = (lengths.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, lengths.count)))
            .squareRoot()
        let variation = mean > 0 ? deviation / mean : 0
        let variety = max(0, 1 - abs(variation - 0.4) / 0.4)
        let fit = (1 - correlation(energies, lengths)) / 2
        let pacing = segments.count < 3 ? 0.5 : 0.5 * variety + 0.5 * fit
        // Repeats within three shots.
        var repeats = 0
        for k in segments.indices {
            let here = byPath[segments[k].media]
            let recent = segments[max(0, k - 3)..<k]
            if recent.contains(where: { previous in
                previous.media == segments[k].media
                    || (here.map { h in
                        byPath[previous.media].map {
                            MediaQuality.hammingDistance(media[h].hash, media[$0].hash) <= duplicateDistance
                        } ?? false
                    } ?? false)
            }) {
                repeats += 1
            }
        }
        let duplicates = 1 - Double(repeats) / Double(max(1, segments.count))
        // Quality, by screen time.
        let total = Double(max(1, timeline.durationFrames))
        let quality = segments.map { s in
            (byPath[s.media].map { media[$0].quality } ?? 0) * Double(s.frameCount) / total
        }
        .reduce(0, +)
        // Chronology: consecutive shots that keep the media's order (a repeat of the list restarts it).
        let indices = segments.compactMap { byPath[$0.media] }
        let pairs = zip(indices, indices.dropFirst())
        let inOrder = pairs.filter { $0 <= $1 || $1 == indices.first }.count
        let chronology = indices.count < 2 ? 1 : Double(inOrder) / Double(indices.count - 1)
        // Coverage of the moments.
        let moments = Set(media.map(\.moment))
        let shown = Set(indices.map { media[$0].moment })
        let coverage = moments.isEmpty ? 1 : Double(shown.count) / Double(moments.count)
        return PlanScore(
            beats: onBeat, pacing: pacing, duplicates: duplicates, quality: quality, chronology: chronology,
            coverage: coverage)
    }

    /// Pearson's correlation, 0 when either series is constant.
    private func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count == y.count, x.count > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 1e-12, syy > 1e-12 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }

}
