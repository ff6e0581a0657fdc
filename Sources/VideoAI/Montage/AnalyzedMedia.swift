import Foundation
import VideoCore

/// A media item with its quality measures, near-duplicate hash, moment and (for clips) per-moment scores.

/// What the media analysis found about one photo or clip.
public struct AnalyzedMedia: Codable, Sendable, Equatable {
    /// A score for one sampled moment of a clip.
    public struct ClipSample: Codable, Sendable, Equatable {
        /// Seconds from the clip's start.
        public var time: Double
        /// 0–1: sharp, well-exposed frames with lively (not shaky) motion score high.
        public var score: Double

        /// Creates a sample.
        public init(time: Double, score: Double) {
            self.time = time
            self.score = score
        }
    }

    /// The file and its facts.
    public var item: MediaItem
    /// Laplacian variance of the analysis thumbnail (median over a clip's samples).
    public var sharpness: Double
    /// Exposure score, 0–1.
    public var exposure: Double
    /// Overall quality, 0–1 (see `MediaQuality.score`).
    public var quality: Double
    /// 64-bit difference hash of the picture (a clip's middle sample).
    public var hash: UInt64
    /// Index of the moment (a run of media taken close together in time), from 0.
    public var moment: Int
    /// A clip's sampled scores, in time order (empty for images).
    public var samples: [ClipSample]
    /// Mean relative luminance of the picture (median over a clip's samples), 0–1, for the flash
    /// guard; `nil` in a media.json written before it was measured.
    public var luminance: Double?
    /// The picture's salient point (centroid of its edge density), as fractions of its width
    /// and height, for the smart crop; `nil` for clips and in an older media.json.
    public var salientX: Double?
    /// The salient point's height fraction, 0 (top) – 1 (bottom).
    public var salientY: Double?

    /// Creates an analysis.
    public init(
        item: MediaItem, sharpness: Double, exposure: Double, quality: Double, hash: UInt64, moment: Int = 0,
        samples: [ClipSample] = [], luminance: Double? = nil
    ) {
        self.luminance = luminance
        self.item = item
        self.sharpness = sharpness
        self.exposure = exposure
        self.quality = quality
        self.hash = hash
        self.moment = moment
        self.samples = samples
    }

    /// The start of the best `length`-second window of a clip (highest mean sample score),
    /// starting at or after `notBefore` when such a window fits; 0 for images and short clips.
    public func bestWindowStart(length: Double, notBefore: Double = 0) -> Double {
        let duration = item.duration
        guard item.kind == .clip, duration > length, !samples.isEmpty else { return 0 }
        let latest = duration - length
        let earliest = notBefore <= latest ? notBefore : 0
        var best = earliest, bestScore = -Double.infinity
        let step = max(0.1, length / 8)
        var start = earliest
        while start <= latest + 1e-9 {
            let inside = samples.filter { $0.time >= start && $0.time < start + length }
            let score = inside.isEmpty ? 0 : inside.reduce(0) { $0 + $1.score } / Double(inside.count)
            if score > bestScore + 1e-9 {
                bestScore = score
                best = start
            }
            start += step
        }
        return (best * 1000).rounded() / 1000
    }
}
