import Foundation

/// Generates test music in-process: click tracks and drum patterns with known beat times.
package struct SyntheticMusic: Sendable {
    /// The samples and the true beat times (seconds).
    package var samples: [Float]
    package var beats: [Double]
    package let sampleRate: Int

    /// Music from samples, with the beat times they hold.
    package init(samples: [Float], beats: [Double], sampleRate: Int) {
        self.samples = samples
        self.beats = beats
        self.sampleRate = sampleRate
    }

    /// The music as a mono WAV file.
    package var wav: Data { TestWAV.data(samples, sampleRate: sampleRate) }

    /// Beat times for a tempo that drifts linearly from `startBPM` to `endBPM`, with optional
    /// swing applied to off-beat eighths (handled by the instruments, not here).
    package static func beatTimes(startBPM: Double, endBPM: Double, duration: Double, offset: Double = 0.25) -> [Double]
    {
        var times: [Double] = []
        var t = offset
        while t < duration - 0.05 {
            times.append(t)
            let progress = t / duration
            let bpm = startBPM + (endBPM - startBPM) * progress
            t += 60 / bpm
        }
        return times
    }

    /// A click on every beat (accented on each bar's first beat), optionally with noise.
    package static func clickTrack(
        bpm: Double, endBPM: Double? = nil, duration: Double, sampleRate: Int = 22_050, noise: Float = 0,
        seed: UInt64 = 1
    ) -> SyntheticMusic {
        var music = SyntheticMusic(
            samples: [Float](repeating: 0, count: Int(duration * Double(sampleRate))),
            beats: beatTimes(startBPM: bpm, endBPM: endBPM ?? bpm, duration: duration), sampleRate: sampleRate)
        for (i, beat) in music.beats.enumerated() {
            music.addTone(
                at: beat, frequency: i % 4 == 0 ? 1_600 : 1_000, length: 0.03, amplitude: i % 4 == 0 ? 0.8 : 0.5)
        }
        if noise > 0 { music.addNoise(level: noise, seed: seed) }
        return music
    }

    /// Kick on beats 1 and 3 (on every beat with `fourOnTheFloor`), snare on 2 and 4, hi-hat on
    /// every eighth (off-beats delayed by `swing` of a beat: 0 straight, 1/6 a triplet swing),
    /// with tempo drift and noise.
    package static func drumPattern(
        bpm: Double, endBPM: Double? = nil, duration: Double, swing: Double = 0, fourOnTheFloor: Bool = false,
        sampleRate: Int = 22_050, noise: Float = 0, seed: UInt64 = 7
    ) -> SyntheticMusic {
        var music = SyntheticMusic(
            samples: [Float](repeating: 0, count: Int(duration * Double(sampleRate))),
            beats: beatTimes(startBPM: bpm, endBPM: endBPM ?? bpm, duration: duration), sampleRate: sampleRate)
        var rng = SplitMix(seed: seed)
        for (i, beat) in music.beats.enumerated() {
            if i % 2 == 0 || fourOnTheFloor { music.addKick(at: beat) }
            if i % 2 == 1 { music.addSnare(at: beat, rng: &rng) }
            music.addHat(at: beat, amplitude: 0.25, rng: &rng)
            if i + 1 < music.beats.count {
                let gap = music.beats[i + 1] - beat
                music.addHat(at: beat + gap * (0.5 + swing), amplitude: 0.15, rng: &rng)
            }
        }
        if noise > 0 { music.addNoise(level: noise, seed: seed &+ 1) }
        return music
    }

    // MARK: - Instruments

    package mutating func addTone(at time: Double, frequency: Double, length: Double, amplitude: Float) {
        let start = Int(time * Double(sampleRate)), count = Int(length * Double(sampleRate))
        for i in 0..<count where start + i < samples.count && start + i >= 0 {
            let t = Double(i) / Double(sampleRate)
            let envelope = exp(-t / (length / 4))
            samples[start + i] += amplitude * Float(envelope * sin(2 * Double.pi * frequency * t))
        }
    }

    package mutating func addKick(at time: Double) {
        let start = Int(time * Double(sampleRate)), count = Int(0.25 * Double(sampleRate))
        var phase = 0.0
        for i in 0..<count where start + i < samples.count {
            let t = Double(i) / Double(sampleRate)
            let frequency = 50 + 100 * exp(-t / 0.03)
            phase += 2 * Double.pi * frequency / Double(sampleRate)
            samples[start + i] += Float(0.9 * exp(-t / 0.08) * sin(phase))
        }
    }

    package mutating func addSnare(at time: Double, rng: inout SplitMix) {
        let start = Int(time * Double(sampleRate)), count = Int(0.18 * Double(sampleRate))
        for i in 0..<count where start + i < samples.count {
            let t = Double(i) / Double(sampleRate)
            let body = 0.3 * sin(2 * Double.pi * 190 * t) * exp(-t / 0.05)
            let rattle = 0.5 * rng.nextSigned() * exp(-t / 0.06)
            samples[start + i] += Float(body + rattle)
        }
    }

    package mutating func addHat(at time: Double, amplitude: Double, rng: inout SplitMix) {
        let start = Int(time * Double(sampleRate)), count = Int(0.05 * Double(sampleRate))
        var previous = 0.0
        for i in 0..<count where start + i < samples.count {
            let t = Double(i) / Double(sampleRate)
            let white = rng.nextSigned()
            let high = white - previous  // crude high-pass
            previous = white
            samples[start + i] += Float(amplitude * high * exp(-t / 0.012))
        }
    }

    /// A piano-like note: six harmonics of `frequency` (falling as 1/k) with a sharp attack and a
    /// 0.3 s decay, `length` seconds long.
    package mutating func addPianoNote(at time: Double, frequency: Double, amplitude: Float, length: Double = 0.6) {
        let start = Int(time * Double(sampleRate)), count = Int(length * Double(sampleRate))
        for i in 0..<count where start + i < samples.count && start + i >= 0 {
            let t = Double(i) / Double(sampleRate)
            var v = 0.0
            for k in 1...6 { v += sin(2 * Double.pi * frequency * Double(k) * t) / Double(k) }
            let envelope = min(1, t / 0.003) * exp(-t / 0.3)
            samples[start + i] += amplitude * Float(0.4 * envelope * v)
        }
    }

    package mutating func addNoise(level: Float, seed: UInt64) {
        var rng = SplitMix(seed: seed)
        for i in samples.indices { samples[i] += level * Float(rng.nextSigned()) }
    }
}
