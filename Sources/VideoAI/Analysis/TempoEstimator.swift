import Foundation
import VideoCore

/// A tempo found in a piece: its value, how sure the estimator is, and how it moves.
public struct TempoEstimate: Sendable, Equatable {
    /// The dominant tempo, in beats per minute (0 when no pulse was found).
    public let bpm: Double
    /// How clearly one periodicity stands out, from 0 (none) to 1 (unambiguous).
    public let confidence: Double
    /// The local tempo every `curveHop` seconds, in beats per minute.
    public let curve: [Double]
    /// Seconds between the values of `curve`.
    public let curveHop: Double
}

/// Estimates the tempo from an onset envelope with a windowed autocorrelation tempogram.
///
/// Each window's autocorrelation is computed on FFTW. A candidate beat period scores its own
/// autocorrelation plus that of its multiples (the bar-level evidence), weighted by a
/// log-normal prior around a typical tapping tempo; this avoids the classic half- and
/// double-tempo errors. The local tempo is then tracked per window within the chosen tempo
/// octave, so gradual tempo changes are followed.
struct TempoEstimator {
    /// Estimation parameters.
    struct Settings: Sendable {
        var minBPM = 50.0
        var maxBPM = 220.0
        /// Centre of the log-normal tempo prior.
        var priorBPM = 110.0
        /// Width of the prior, in octaves.
        var priorOctaves = 0.9
        /// Window length in seconds (rounded up to a power of two frames).
        var windowSeconds = 8.0
        /// Weights of the autocorrelation at 1, 2, 3 and 4 times the candidate period.
        var harmonicWeights: [Double] = [1, 0.5, 0.33, 0.25]
        /// Local tempi may stray this factor from the global one.
        var localRange = 1.15
    }

    let settings: Settings

    init(settings: Settings = Settings()) { self.settings = settings }

    /// The tempo and the local beat period (in frames) for every frame.
    func estimate(_ envelope: OnsetEnvelope) -> (tempo: TempoEstimate, periods: [Double]) {
        let fps = envelope.frameRate
        let minLag = fps * 60 / settings.maxBPM
        let maxLag = fps * 60 / settings.minBPM
        let empty = TempoEstimate(bpm: 0, confidence: 0, curve: [], curveHop: 0)
        guard envelope.count > Int(minLag * 2) + 2 else { return (empty, []) }

        var windowLength = 1
        while Double(windowLength) < settings.windowSeconds * fps { windowLength *= 2 }
        windowLength = min(windowLength, max(envelope.count, Int(minLag * 2) + 2))
        let hop = max(1, windowLength / 4)
        let acfs = windowedAutocorrelations(envelope.strength, length: windowLength, hop: hop)
        guard !acfs.isEmpty else { return (empty, []) }

        let mean = averaged(acfs, length: windowLength)
        let lowMean = averaged(
            windowedAutocorrelations(envelope.lowStrength, length: windowLength, hop: hop), length: windowLength)
        let lagLimit = min(maxLag, Double(windowLength - 1))
        guard var best = bestLag(in: mean, from: minLag, to: lagLimit, fps: fps) else { return (empty, []) }
        // When a clean pulse at half the period is at least as strong, every beat of the slower
        // grid has an equal partner midway (a click track at 180 BPM, not eighths over 90): go
        // faster. The same holds for the bass band alone (a kick on every beat at 180 BPM under
        // a backbeat and hi-hats). Real recordings rarely show such clean periodicity; the prior
        // decides there.
        let half = best.lag / 2
        func cleanPulse(_ acf: [Double]) -> Bool { value(acf, at: half) >= max(0.6, value(acf, at: best.lag)) }
        if half >= minLag, cleanPulse(mean) || cleanPulse(lowMean),
            let faster = bestLag(in: mean, from: max(minLag, half - 1.5), to: half + 1.5, fps: nil)
        {
            best = (faster.lag, best.confidence)
        }

        // Local periods, constrained to the global tempo's octave.
        var localLags: [Double] = []
        for acf in acfs {
            let lo = max(minLag, best.lag / settings.localRange), hi = min(lagLimit, best.lag * settings.localRange)
            localLags.append(bestLag(in: acf, from: lo, to: hi, fps: nil)?.lag ?? best.lag)
        }
        localLags = medianFiltered(localLags, radius: 1)
        var periods = [Double](repeating: best.lag, count: envelope.count)
        for t in periods.indices {
            let position = (Double(t) - Double(windowLength) / 2) / Double(hop)
            let i = Int(position.rounded(.down))
            if i < 0 { periods[t] = localLags[0]; continue }
            if i >= localLags.count - 1 { periods[t] = localLags[localLags.count - 1]; continue }
            let f = position - Double(i)
            periods[t] = localLags[i] * (1 - f) + localLags[i + 1] * f
        }

        let bpm = 60 * fps / best.lag
        let tempo = TempoEstimate(
            bpm: bpm, confidence: best.confidence, curve: localLags.map { 60 * fps / $0 },
            curveHop: Double(hop) / fps)
        return (tempo, periods)
    }

    // MARK: - Tempogram

    private func windowedAutocorrelations(_ signal: [Float], length: Int, hop: Int) -> [[Double]] {
        let fft = RealFFT.shared(size: length * 2)
        let workspace = FFTWorkspace(size: length * 2)
        let taper = (0..<length).map { 0.5 - 0.5 * cos(2 * Double.pi * (Double($0) + 0.5) / Double(length)) }
        var result: [[Double]] = []
        var start = 0
        repeat {
            let end = min(signal.count, start + length)
            var x = signal[start..<end].map(Double.init)
            let mean = x.reduce(0, +) / Double(max(1, x.count))
            for i in x.indices { x[i] = (x[i] - mean) * taper[i] }
            let acf = fft.autocorrelation(of: x, workspace: workspace)
            if acf[0] > 1e-12 {
                var normalised = acf.map { $0 / acf[0] }
                if normalised.count < length { normalised += [Double](repeating: 0, count: length - normalised.count) }
                result.append(normalised)
            }
            start += hop
        } while start + length <= signal.count
        return result
    }

    /// The mean of equally long autocorrelations (zeros when there are none).
    private func averaged(_ acfs: [[Double]], length: Int) -> [Double] {
        var mean = [Double](repeating: 0, count: length)
        for acf in acfs { for i in acf.indices { mean[i] += acf[i] / Double(acfs.count) } }
        return mean
    }

    private func value(_ acf: [Double], at lag: Double) -> Double {
        let i = Int(lag.rounded(.down))
        guard i >= 0, i + 1 < acf.count else { return 0 }
        let f = lag - Double(i)
        return acf[i] * (1 - f) + acf[i + 1] * f
    }

    /// The best-scoring period between two lags, refined to a fraction of a frame.
    /// - Parameter fps: The frame rate, to weigh candidates by the tempo prior; `nil` for no prior.
    private func bestLag(in acf: [Double], from lo: Double, to hi: Double, fps: Double?)
        -> (lag: Double, confidence: Double)?
    {
        let first = Int(lo.rounded(.up)), last = Int(hi.rounded(.down))
        guard first >= 1, last > first else { return nil }
        var scores: [Double] = []
        for lag in first...last {
            var s = 0.0
            for (k, w) in settings.harmonicWeights.enumerated() {
                // The peak near each multiple, so slight tempo drift does not blur it.
                let centre = Double(lag * (k + 1))
                let spread = Double(k)
                var m = -Double.infinity
                var x = centre - spread
                while x <= centre + spread { m = max(m, value(acf, at: x)); x += 1 }
                s += w * m
            }
            scores.append(s)
        }
        var weighted = scores
        if let fps {
            for (i, lag) in (first...last).enumerated() {
                let bpm = 60 * fps / Double(lag)
                let z = log2(bpm / settings.priorBPM) / settings.priorOctaves
                weighted[i] = max(0, scores[i]) * exp(-0.5 * z * z)
            }
        }
        guard let bestIndex = weighted.indices.max(by: { weighted[$0] < weighted[$1] }) else { return nil }
        var lag = Double(first + bestIndex)
        if bestIndex > 0 && bestIndex < scores.count - 1 {
            let a = scores[bestIndex - 1], b = scores[bestIndex], c = scores[bestIndex + 1]
            let d = a - 2 * b + c
            if d < 0 { lag += max(-0.5, min(0.5, 0.5 * (a - c) / d)) }
        }
        // Confidence: the peak's height against the best rival outside its neighbourhood.
        let peak = weighted[bestIndex]
        var rival = 0.0
        for (i, w) in weighted.enumerated() where abs(Double(first + i) - lag) > lag * 0.1 { rival = max(rival, w) }
        let clarity = peak > 0 ? max(0, 1 - rival / peak) : 0
        let strength = max(0, min(1, scores[bestIndex] / settings.harmonicWeights.reduce(0, +)))
        return (lag, min(1, (clarity * 0.5 + 0.5) * strength.squareRoot()))
    }

    private func medianFiltered(_ values: [Double], radius: Int) -> [Double] {
        guard values.count > 2 * radius else { return values }
        return values.indices.map { i in
            let lo = max(0, i - radius), hi = min(values.count - 1, i + radius)
            let sorted = values[lo...hi].sorted()
            return sorted[sorted.count / 2]
        }
    }
}
