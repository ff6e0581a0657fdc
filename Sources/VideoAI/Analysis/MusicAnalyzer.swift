import Foundation
import VideoCore

/// Finds the tempo, beats, downbeats and loudness curve of a piece of music.
///
/// The audio is decoded and resampled to 22 050 Hz mono as it streams (see `AudioDecoder`),
/// turned into an onset-strength envelope (log-compressed mel spectral flux on an FFTW
/// short-time Fourier transform), from which a tempogram gives the tempo (with a prior against
/// half- and double-tempo errors) and dynamic programming places the beats. Memory grows only
/// with the per-frame features, about 50 bytes per 12 ms, so an hour of audio stays well under
/// 200 MB.
///
/// ```swift
/// let profile = try MusicAnalyzer().analyze(fileAt: URL(fileURLWithPath: "song.mp3"))
/// print(profile.tempoBPM, profile.beats.prefix(4))
/// ```
///
/// # Thread safety
/// `MusicAnalyzer` is a value; analyses may run concurrently on different threads.
public struct MusicAnalyzer: Sendable {
    /// The slowest tempo considered, in beats per minute.
    public var minimumTempo: Double
    /// The fastest tempo considered, in beats per minute.
    public var maximumTempo: Double

    /// The rate audio files are decoded at for analysis, in hertz.
    public static let analysisSampleRate = 22_050

    /// Creates an analyzer.
    /// - Parameters:
    ///   - minimumTempo: The slowest tempo considered, in beats per minute.
    ///   - maximumTempo: The fastest tempo considered, in beats per minute.
    public init(minimumTempo: Double = 50, maximumTempo: Double = 220) {
        self.minimumTempo = minimumTempo
        self.maximumTempo = maximumTempo
    }

    /// Analyses an audio (or video) file, streaming it.
    /// - Parameter url: Any file libavformat reads that has an audio stream.
    /// - Returns: The profile of the piece.
    /// - Throws: `VideoError` (`.media`) when the file is missing, corrupt, truncated or has no
    ///   audio stream; `.invalidInput` for an empty tempo range.
    public func analyze(fileAt url: URL) throws -> AudioAnalysisProfile {
        try analysis(fileAt: url).profile
    }

    /// Analyses mono samples held in memory.
    /// - Parameters:
    ///   - samples: Mono samples, nominally between -1 and 1.
    ///   - sampleRate: Their rate, in hertz (8 000 to 192 000).
    /// - Returns: The profile of the samples.
    /// - Throws: `VideoError` (`.invalidInput`) for a sample rate out of range or an empty tempo range.
    public func analyze(samples: [Float], sampleRate: Int) throws -> AudioAnalysisProfile {
        try analysis(samples: samples, sampleRate: sampleRate).profile
    }

    /// Analyses an audio (or video) file, also returning the tempo estimate's details.
    /// - Parameter url: Any file libavformat reads that has an audio stream.
    /// - Returns: The profile and the tempo estimate.
    /// - Throws: As `analyze(fileAt:)`.
    public func analysis(fileAt url: URL) throws -> MusicAnalysis {
        try validateTempoRange()
        let decoder = try AudioDecoder(url: url, sampleRate: Self.analysisSampleRate)
        var frontEnd = SpectralFrontEnd(
            sampleRate: decoder.sampleRate, settings: Self.frontEndSettings(decoder.sampleRate))
        while let chunk = try decoder.read(maxSamples: 1 << 15) {
            frontEnd.consume(chunk)
        }
        return analyse(frontEnd.finish())
    }

    /// Analyses mono samples held in memory, also returning the tempo estimate's details.
    /// - Parameters:
    ///   - samples: Mono samples, nominally between -1 and 1.
    ///   - sampleRate: Their rate, in hertz (8 000 to 192 000).
    /// - Returns: The profile and the tempo estimate.
    /// - Throws: As `analyze(samples:sampleRate:)`.
    public func analysis(samples: [Float], sampleRate: Int) throws -> MusicAnalysis {
        try validateTempoRange()
        guard (8_000...192_000).contains(sampleRate) else {
            throw VideoError(
                .invalidInput, "sample rate \(sampleRate) Hz is outside 8000–192000 Hz", field: "sample_rate")
        }
        var frontEnd = SpectralFrontEnd(sampleRate: sampleRate, settings: Self.frontEndSettings(sampleRate))
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + (1 << 15))
            frontEnd.consume(samples[start..<end].map { $0.isFinite ? $0 : 0 })
            start = end
        }
        return analyse(frontEnd.finish())
    }

    // MARK: - Stages

    private func validateTempoRange() throws {
        guard minimumTempo >= 20, maximumTempo <= 400, minimumTempo * 1.5 <= maximumTempo else {
            throw VideoError(
                .invalidInput,
                "tempo range \(minimumTempo)–\(maximumTempo) BPM must lie within 20–400 BPM and span at least a factor of 1.5",
                field: "tempo")
        }
    }

    /// Front-end settings scaled so every sample rate gets about a 46 ms window and 11.6 ms hop.
    static func frontEndSettings(_ sampleRate: Int) -> SpectralFrontEnd.Settings {
        var settings = SpectralFrontEnd.Settings()
        let scale = Double(sampleRate) / Double(analysisSampleRate)
        var size = 256
        while Double(size) < 1024 * scale * 0.75 { size *= 2 }
        settings.fftSize = size
        settings.hop = max(1, Int((256 * scale).rounded()))
        return settings
    }

    private func analyse(_ envelope: OnsetEnvelope) -> MusicAnalysis {
        let loudest = envelope.energy.max() ?? 0
        let energy = AudioAnalysisProfile.EnergyCurve(
            hopSeconds: rounded(envelope.energyHop, 6),
            values: envelope.energy.map { loudest > 0 ? rounded(Double($0 / loudest), 3) : 0 })
        let silent = TempoEstimate(bpm: 0, confidence: 0, curve: [], curveHop: 0)
        // Below -70 dBFS RMS at its loudest there is nothing to track.
        guard loudest > 3e-4 else {
            let profile = AudioAnalysisProfile(
                duration: rounded(envelope.duration, 3), tempoBPM: 0, beats: [], downbeats: [], energy: energy)
            return MusicAnalysis(profile: profile, tempo: silent)
        }

        var tempoSettings = TempoEstimator.Settings()
        tempoSettings.minBPM = minimumTempo
        tempoSettings.maxBPM = maximumTempo
        var (tempo, periods) = TempoEstimator(settings: tempoSettings).estimate(envelope)
        let tracker = BeatTracker()
        var beatFrames = tempo.bpm > 0 ? tracker.track(envelope, periods: periods) : []
        // Octave check on the tracked grid: when the points midway between the beats carry at
        // least as much bass onset strength as the beats, the grid skips every other beat.
        if tempo.bpm * 2 <= maximumTempo, tracker.midpointBassRatio(beatFrames, envelope: envelope) >= 1 {
            tempo = TempoEstimate(
                bpm: tempo.bpm * 2, confidence: tempo.confidence, curve: tempo.curve.map { $0 * 2 },
                curveHop: tempo.curveHop)
            periods = periods.map { $0 / 2 }
            beatFrames = tracker.track(envelope, periods: periods)
        }
        // Tempo octave and phase: the tracked grid against its half-speed rivals (both parities).
        if tempo.bpm > 0 {
            let basePeriods = periods
            let choice = MetricalChoice().choose(
                beats: beatFrames, bpm: tempo.bpm, envelope: envelope, bpmRange: minimumTempo...maximumTempo,
                double: { tracker.track(envelope, periods: basePeriods.map { $0 / 2 }) })
            if choice.factor != 1 {
                tempo = TempoEstimate(
                    bpm: choice.bpm, confidence: tempo.confidence, curve: tempo.curve.map { $0 / choice.factor },
                    curveHop: tempo.curveHop)
                beatFrames = choice.beats
            }
        }

        // No beats where the music is silent (more than 40 dB below its loudest).
        beatFrames = beatFrames.filter { frame in
            let i = Int(envelope.time(ofFrame: frame) / envelope.energyHop)
            let lo = max(0, i - 1), hi = min(envelope.energy.count - 1, i + 1)
            guard lo <= hi else { return false }
            return envelope.energy[lo...hi].max()! > loudest * 0.01
        }
        beatFrames = beatFrames.filter { $0 >= 0 && envelope.time(ofFrame: $0) <= envelope.duration }
        let downbeatIndices = DownbeatEstimator().downbeats(beats: beatFrames, envelope: envelope)
        let beats = beatFrames.map { rounded(envelope.time(ofFrame: $0), 3) }
        let profile = AudioAnalysisProfile(
            duration: rounded(envelope.duration, 3),
            tempoBPM: rounded(tempo.bpm, 2),
            beats: beats,
            downbeats: downbeatIndices.map { beats[$0] },
            energy: energy,
            sections: SongStructureAnalyzer().sections(
                envelope.structure, beats: beats, energy: energy, duration: rounded(envelope.duration, 3)))
        return MusicAnalysis(profile: profile, tempo: tempo)
    }

    private func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
