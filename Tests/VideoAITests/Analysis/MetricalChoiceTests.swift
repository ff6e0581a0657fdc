import Foundation
import Testing
import VideoAI
import VideoTestSupport

/// The tempo octave and phase on patterns whose subdivisions are strong enough to pass for beats.
/// Before `MetricalChoice`, both patterns were tracked at 200 BPM.
@Suite struct MetricalChoiceTests {
    /// The share of true beats with an estimate within 30 ms, and the estimates matching none.
    private func match(_ estimated: [Double], truth: [Double]) -> (hits: Double, extras: Int) {
        let inner = truth.filter { $0 > 1.5 && $0 < (truth.last ?? 0) - 1 }
        let hits = inner.filter { t in estimated.contains { abs($0 - t) <= 0.03 } }.count
        let extras = estimated.filter { e in
            e > 1.5 && e < (truth.last ?? 0) - 1 && !truth.contains { abs($0 - e) <= 0.03 }
        }
        return (Double(hits) / Double(max(1, inner.count)), extras.count)
    }

    private func silence(seconds: Double) -> SyntheticMusic {
        SyntheticMusic(
            samples: [Float](repeating: 0, count: Int(seconds * 22_050)),
            beats: SyntheticMusic.beatTimes(startBPM: 100, endBPM: 100, duration: seconds), sampleRate: 22_050)
    }

    /// Piano-like eighths at 100 BPM: bass note and chord on the beat, a softer bass note and
    /// chord on every off-beat (so the off-beats carry bass onsets too).
    @Test func pianoWithStrongOffBeatsIsTrackedAtItsTempo() throws {
        var music = silence(seconds: 20)
        for beat in music.beats {
            music.addPianoNote(at: beat, frequency: 110, amplitude: 0.7)
            music.addPianoNote(at: beat, frequency: 440, amplitude: 0.4)
            music.addPianoNote(at: beat + 0.3, frequency: 165, amplitude: 0.5)
            music.addPianoNote(at: beat + 0.3, frequency: 554, amplitude: 0.3)
        }
        music.addNoise(level: 0.01, seed: 3)
        let profile = try MusicAnalyzer().analyze(samples: music.samples, sampleRate: music.sampleRate)
        #expect(abs(profile.tempoBPM / 100 - 1) < 0.03, "tempo \(profile.tempoBPM)")
        let (hits, extras) = match(profile.beats, truth: music.beats)
        #expect(hits >= 0.95, "beats \(profile.beats.prefix(6))")
        #expect(extras <= 1)
    }

    /// The same piano note on every eighth at 100 BPM, only louder on the beat: the grid must sit
    /// on the accents, not on the off-beats between them.
    @Test func accentsDefineThePhase() throws {
        var music = silence(seconds: 20)
        for beat in music.beats {
            music.addPianoNote(at: beat, frequency: 147, amplitude: 0.8, length: 0.3)
            music.addPianoNote(at: beat + 0.3, frequency: 147, amplitude: 0.45, length: 0.3)
        }
        music.addNoise(level: 0.01, seed: 5)
        let profile = try MusicAnalyzer().analyze(samples: music.samples, sampleRate: music.sampleRate)
        #expect(abs(profile.tempoBPM / 100 - 1) < 0.03, "tempo \(profile.tempoBPM)")
        let (hits, extras) = match(profile.beats, truth: music.beats)
        #expect(hits >= 0.95, "beats \(profile.beats.prefix(6))")
        #expect(extras <= 1, "beats \(profile.beats.prefix(6))")
    }
}
