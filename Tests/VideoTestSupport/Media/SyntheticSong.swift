import Foundation

/// A generated song made of sections with known boundaries: each section its own chord, timbre,
/// drum pattern and loudness, on one steady beat grid.
package struct SyntheticSong: Sendable {
    /// How a section sounds.
    package struct Part: Sendable {
        /// MIDI notes of the sustained chord.
        package var notes: [Int]
        /// Relative amplitude of harmonics 1, 2, 3 … of every note.
        package var harmonics: [Double]
        /// Kick on every beat instead of beats 1 and 3.
        package var fourOnTheFloor: Bool
        /// Overall gain of the section.
        package var gain: Float
        /// Length, in beats.
        package var beats: Int

        /// Creates a part.
        package init(notes: [Int], harmonics: [Double], fourOnTheFloor: Bool = false, gain: Float, beats: Int = 16) {
            self.notes = notes
            self.harmonics = harmonics
            self.fourOnTheFloor = fourOnTheFloor
            self.gain = gain
            self.beats = beats
        }

        /// A soft sine-like pad.
        package static let pad = [1.0, 0.2]
        /// A bright sawtooth-like tone.
        package static let saw = (1...10).map { 1 / Double($0) }
        /// A hollow square-like tone.
        package static let square = (1...10).map { $0 % 2 == 1 ? 1 / Double($0) : 0 }
    }

    /// The music, its beats and where each section after the first starts (seconds).
    package var music: SyntheticMusic
    package var boundaries: [Double]

    /// Renders `parts` one after another at `bpm`, each an exact number of beats long.
    package init(parts: [Part], bpm: Double = 120, sampleRate: Int = 22_050, seed: UInt64 = 5) {
        let beat = 60 / bpm
        var samples: [Float] = []
        var beats: [Double] = []
        var boundaries: [Double] = []
        for (k, part) in parts.enumerated() {
            let seconds = Double(part.beats) * beat
            let start = Double(samples.count) / Double(sampleRate)
            if k > 0 { boundaries.append(start) }
            var section = SyntheticMusic.drumPattern(
                bpm: bpm, duration: seconds + 0.06, fourOnTheFloor: part.fourOnTheFloor, sampleRate: sampleRate,
                noise: 0.01, seed: seed &+ UInt64(k))
            section.samples = Array(section.samples.prefix(Int((seconds * Double(sampleRate)).rounded())))
            Self.addChord(part, into: &section.samples, sampleRate: sampleRate)
            for i in section.samples.indices { section.samples[i] *= part.gain }
            beats += section.beats.filter { $0 < seconds }.map { start + $0 }
            samples += section.samples
        }
        music = SyntheticMusic(samples: samples, beats: beats, sampleRate: sampleRate)
        self.boundaries = boundaries
    }

    private static func addChord(_ part: Part, into samples: inout [Float], sampleRate: Int) {
        let total = part.harmonics.reduce(0, +)
        for note in part.notes {
            let f0 = 440 * pow(2, Double(note - 69) / 12)
            for (h, amplitude) in part.harmonics.enumerated() where amplitude > 0 {
                let step = 2 * Double.pi * f0 * Double(h + 1) / Double(sampleRate)
                guard step < Double.pi else { continue }
                let a = Float(0.12 * amplitude / total)
                // A rotating phasor instead of a sine per sample.
                var (c, s) = (1.0, 0.0)
                let (dc, ds) = (cos(step), sin(step))
                for i in samples.indices {
                    samples[i] += a * Float(s)
                    (c, s) = (c * dc - s * ds, s * dc + c * ds)
                }
            }
        }
    }
}
