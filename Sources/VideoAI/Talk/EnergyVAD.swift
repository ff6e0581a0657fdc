import Foundation

/// Finds pauses by energy: 10 ms frames whose RMS level lies more than `dynamicRange` dB
/// under the loud speech (the 95th percentile of the frames' levels), or under `floor` dBFS,
/// count as silent.
public struct EnergyVAD: Sendable, Hashable {
    /// The frame length in seconds.
    public static let frameSeconds = 0.01
    /// How far under the loud speech a silent frame lies, in dB.
    public var dynamicRange: Double
    /// The level under which a frame is always silent, in dBFS.
    public var floor: Double
    /// The level above which a frame is never silent, in dBFS (quiet recordings keep their words).
    public var ceiling: Double

    /// Creates a detector.
    /// - Parameters:
    ///   - dynamicRange: dB under the loud speech that count as silence (default 35).
    ///   - floor: dBFS under which a frame is always silent (default −60).
    ///   - ceiling: dBFS above which a frame is never silent (default −30).
    public init(dynamicRange: Double = 35, floor: Double = -60, ceiling: Double = -30) {
        self.dynamicRange = dynamicRange
        self.floor = floor
        self.ceiling = ceiling
    }

    /// Whether each 10 ms frame is silent.
    /// - Parameters:
    ///   - samples: Mono samples.
    ///   - sampleRate: Their rate in hertz.
    /// - Returns: One flag a frame (the last frame may be short).
    public func silentFrames(_ samples: [Float], sampleRate: Int) -> [Bool] {
        let hop = max(1, Int((Double(sampleRate) * Self.frameSeconds).rounded()))
        let levels = stride(from: 0, to: samples.count, by: hop).map { start -> Double in
            let end = min(samples.count, start + hop)
            var sum = 0.0
            for k in start..<end { sum += Double(samples[k]) * Double(samples[k]) }
            return 10 * log10(max(sum / Double(end - start), 1e-12))
        }
        guard !levels.isEmpty else { return [] }
        let loud = levels.sorted()[min(levels.count - 1, Int(Double(levels.count) * 0.95))]
        let threshold = min(ceiling, max(floor, loud - dynamicRange))
        return levels.map { $0 < threshold }
    }

    /// The pauses at least `minimum` seconds long.
    /// - Parameters:
    ///   - samples: Mono samples.
    ///   - sampleRate: Their rate in hertz.
    ///   - minimum: The shortest pause reported, in seconds.
    ///   - alsoSilent: Source-time ranges to count as silent as well (filler words).
    /// - Returns: The pauses, in order, in seconds.
    public func pauses(
        _ samples: [Float], sampleRate: Int, minimum: Double, alsoSilent: [ClosedRange<Double>] = []
    ) -> [ClosedRange<Double>] {
        var silent = silentFrames(samples, sampleRate: sampleRate)
        for range in alsoSilent {
            let first = max(0, Int((range.lowerBound / Self.frameSeconds).rounded(.down)))
            let last = min(silent.count - 1, Int((range.upperBound / Self.frameSeconds).rounded(.up)) - 1)
            if first <= last { for k in first...last { silent[k] = true } }
        }
        let total = Double(samples.count) / Double(sampleRate)
        var pauses: [ClosedRange<Double>] = []
        var runStart: Int?
        for k in 0...silent.count {
            let isSilent = k < silent.count && silent[k]
            if isSilent, runStart == nil { runStart = k }
            if !isSilent, let start = runStart {
                let from = Double(start) * Self.frameSeconds
                let to = min(total, Double(k) * Self.frameSeconds)
                if to - from >= minimum { pauses.append(from...to) }
                runStart = nil
            }
        }
        return pauses
    }
}
