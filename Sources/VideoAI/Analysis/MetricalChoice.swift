import Foundation
import VideoCore

/// Checks the tempo octave and phase of a tracked beat grid against its rivals: the same grid
/// at half speed (either parity of its beats) and, optionally, at double speed.
///
/// Each candidate is scored by its beat salience (the mean onset strength at its beats over the
/// piece's mean), a log-normal tempo prior and a metrical prior: the onset envelope's
/// periodicity at the bar level (its autocorrelation at two, three and four beats of the
/// candidate). A grid that doubles the true tempo puts every other beat on a weaker
/// subdivision: its two parities differ (the alternation test), and the accented parity's
/// salience beats the tracked grid's by more than the prior takes away. Taking the accented
/// parity also fixes the phase. A half-speed rival must pass both tests.
struct MetricalChoice {
    /// Scoring parameters.
    struct Settings: Sendable {
        /// Centre of the tempo prior, in beats per minute.
        var priorBPM = 110.0
        /// Width of the tempo prior, in octaves.
        var priorOctaves = 0.9
        /// Weight of the bar-level periodicity (0 ignores it).
        var barWeight = 0.5
        /// Whether the double-speed grid competes too (off: on the GTZAN tuning half it changed
        /// nothing, or lost).
        var tryDouble = false
        /// How much better a rival must score than the tracked grid to replace it.
        var margin = 1.0
        /// A half-speed rival competes only when the other parity's salience is below this share
        /// of its own: a grid at double the tempo alternates strong and weak beats, a right one
        /// does not. Chosen on the tuning half of the GTZAN set (flat from 0.85 to 0.90).
        var alternation = 0.88
        /// The same test in the bass band. Stricter: a kick on every beat under a snare on every
        /// other one (whose body reaches the bass band) alternates at about 0.86 there.
        var bassAlternation = 0.75
    }

    /// A candidate grid with the parts of its score.
    struct Candidate {
        /// Beat positions, in frames.
        var beats: [Double]
        /// Its tempo, in beats per minute.
        var bpm: Double
        /// How many times the tracked grid's period it has.
        var factor: Double
        /// Mean onset strength at its beats over the piece's mean.
        var salience: Double
        /// The onset envelope's autocorrelation at two, three or four of its beats, the highest.
        var bar: Double
        /// For a half-speed grid, the salience of the other parity over its own (0 otherwise).
        var contrast = 0.0
        /// Mean bass onset strength at its beats over the piece's mean.
        var bass = 0.0
        /// For a half-speed grid, the bass salience of the other parity over its own (0 otherwise).
        var bassContrast = 0.0
    }

    let settings: Settings

    init(settings: Settings = Settings()) { self.settings = settings }

    /// A candidate's score under these settings (higher is better).
    func score(_ c: Candidate) -> Double {
        let z = log2(c.bpm / settings.priorBPM) / settings.priorOctaves
        return c.salience * exp(-0.5 * z * z) * (1 + settings.barWeight * max(0, c.bar))
    }

    /// The best of the candidates (the first is the tracked grid, which rivals must beat by the margin).
    func best(of candidates: [Candidate]) -> Candidate {
        var best = candidates[0]
        var top = score(best) * settings.margin
        for rival in candidates.dropFirst()
        where (rival.factor != 2 || alternates(rival)) && score(rival) > top {
            best = rival
            top = score(rival)
        }
        return best
    }

    /// The best grid among the tracked one and its rivals.
    /// - Parameters: As `candidates(beats:bpm:envelope:bpmRange:double:)`.
    func choose(
        beats: [Double], bpm: Double, envelope: OnsetEnvelope, bpmRange: ClosedRange<Double>,
        double: () -> [Double]
    ) -> Candidate {
        best(of: candidates(beats: beats, bpm: bpm, envelope: envelope, bpmRange: bpmRange, double: double))
    }

    /// Whether a half-speed grid's beats stand out from the other parity's in the full band and
    /// in the bass alike. A backbeat (kick on one parity, snare on the other) disagrees, and a
    /// kick on every beat shows no bass alternation: neither is a double-tempo grid.
    private func alternates(_ c: Candidate) -> Bool {
        c.contrast < settings.alternation && c.bassContrast < settings.bassAlternation
    }

    /// The tracked grid followed by its rivals.
    /// - Parameters:
    ///   - beats: The tracked beats, in frames.
    ///   - bpm: Their tempo.
    ///   - envelope: The onset envelope they were tracked on.
    ///   - bpmRange: The tempi allowed.
    ///   - double: Tracks the grid at twice the tempo (called only when `tryDouble` is set).
    func candidates(
        beats: [Double], bpm: Double, envelope: OnsetEnvelope, bpmRange: ClosedRange<Double>,
        double: () -> [Double]
    ) -> [Candidate] {
        let acf = autocorrelation(envelope.strength, maxLag: Int(4 * 60 * envelope.frameRate / bpmRange.lowerBound) + 2)
        let mean = Double(envelope.strength.reduce(0, +)) / Double(max(1, envelope.count))
        let lowMean = Double(envelope.lowStrength.reduce(0, +)) / Double(max(1, envelope.lowStrength.count))
        func make(_ grid: [Double], _ tempo: Double, _ factor: Double) -> Candidate {
            let salience =
                grid.count >= 4 && mean > 0
                ? grid.reduce(0) { $0 + peak(envelope.strength, at: $1) } / Double(grid.count) / mean : 0
            let period = 60 * envelope.frameRate / tempo
            let bar = [2.0, 3, 4].map { value(acf, at: $0 * period) }.max() ?? 0
            let bass =
                grid.count >= 4 && lowMean > 0
                ? grid.reduce(0) { $0 + peak(envelope.lowStrength, at: $1) } / Double(grid.count) / lowMean : 0
            return Candidate(beats: grid, bpm: tempo, factor: factor, salience: salience, bar: bar, bass: bass)
        }
        var result = [make(beats, bpm, 1)]
        if bpm / 2 >= bpmRange.lowerBound && beats.count >= 8 {
            var halves = (0..<2).map { parity in
                make(beats.enumerated().filter { $0.offset % 2 == parity }.map(\.element), bpm / 2, 2)
            }
            for i in 0..<2 where halves[i].salience > 0 {
                halves[i].contrast = halves[1 - i].salience / halves[i].salience
                halves[i].bassContrast = halves[i].bass > 0 ? halves[1 - i].bass / halves[i].bass : 1
            }
            result += halves
        }
        if settings.tryDouble && bpm * 2 <= bpmRange.upperBound {
            result.append(make(double(), bpm * 2, 0.5))
        }
        return result
    }

    /// The onset strength's peak within two frames of a position.
    private func peak(_ strength: [Float], at t: Double) -> Double {
        let i = Int(t.rounded())
        guard i + 2 >= 0, i - 2 < strength.count else { return 0 }
        var m: Float = 0
        for u in max(0, i - 2)...min(strength.count - 1, i + 2) { m = max(m, strength[u]) }
        return Double(m)
    }

    /// The mean-removed autocorrelation up to `maxLag`, normalised to 1 at lag 0, on FFTW.
    private func autocorrelation(_ signal: [Float], maxLag: Int) -> [Double] {
        guard signal.count > 1 else { return [] }
        var size = 1
        while size < signal.count * 2 { size *= 2 }
        let mean = signal.reduce(0, +) / Float(signal.count)
        let x = signal.map { Double($0 - mean) }
        let acf = RealFFT.shared(size: size).autocorrelation(of: x, workspace: FFTWorkspace(size: size))
        guard let zero = acf.first, zero > 1e-12 else { return [] }
        return acf.prefix(min(acf.count, maxLag + 2)).enumerated().map { lag, v in
            // Unbiased: each lag's sum covers count - lag products.
            v / zero * Double(signal.count) / Double(max(1, signal.count - lag))
        }
    }

    private func value(_ acf: [Double], at lag: Double) -> Double {
        let i = Int(lag.rounded(.down))
        guard i >= 0, i + 1 < acf.count else { return 0 }
        let f = lag - Double(i)
        return acf[i] * (1 - f) + acf[i + 1] * f
    }
}
