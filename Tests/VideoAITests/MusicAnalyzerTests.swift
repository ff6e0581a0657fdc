import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

@Suite struct MusicAnalyzerTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-music") }

    /// The share of true beats (away from the edges) with an estimate within `tolerance` seconds.
    private func hitRate(_ estimated: [Double], truth: [Double], tolerance: Double = 0.02) -> Double {
        let inner = truth.filter { $0 > 1.5 && $0 < (truth.last ?? 0) - 1 }
        guard !inner.isEmpty else { return 0 }
        let hits = inner.filter { t in estimated.contains { abs($0 - t) <= tolerance } }
        return Double(hits.count) / Double(inner.count)
    }

    /// Estimated beats within the truth's span that match no true beat (double-tempo or off-beat errors).
    private func extras(_ estimated: [Double], truth: [Double], tolerance: Double = 0.02) -> Int {
        estimated.filter { e in e > 1.5 && e < (truth.last ?? 0) - 1 && !truth.contains { abs($0 - e) <= tolerance } }
            .count
    }

    private func check(_ music: SyntheticMusic, bpm expected: Double) throws {
        let profile = try MusicAnalyzer().analyze(samples: music.samples, sampleRate: music.sampleRate)
        #expect(abs(profile.tempoBPM / expected - 1) < 0.02, "tempo \(profile.tempoBPM) vs \(expected)")
        #expect(hitRate(profile.beats, truth: music.beats) >= 0.95, "beats \(profile.beats.prefix(8))")
        #expect(extras(profile.beats, truth: music.beats) <= 1)
        #expect(profile.beats == profile.beats.sorted())
        #expect(Set(profile.downbeats).isSubset(of: Set(profile.beats)))
    }

    @Test(arguments: [60.0, 90.0, 120.0, 150.0, 180.0])
    func clickTracks(bpm: Double) throws {
        try check(SyntheticMusic.clickTrack(bpm: bpm, duration: 16, noise: 0.05), bpm: bpm)
    }

    @Test(arguments: [(75.0, 0.0), (100.0, 1.0 / 6.0), (128.0, 0.0), (140.0, 1.0 / 6.0)])
    func drumPatterns(bpm: Double, swing: Double) throws {
        try check(SyntheticMusic.drumPattern(bpm: bpm, duration: 16, swing: swing, noise: 0.03), bpm: bpm)
    }

    /// Fast drum patterns with a kick on every beat: the slower grid (every other beat, which
    /// the tempo prior favours) must give way to the clean pulse in the bass.
    @Test(arguments: [(160.0, 1.0 / 6.0), (180.0, 0.0)])
    func fastDrumPatterns(bpm: Double, swing: Double) throws {
        try check(
            SyntheticMusic.drumPattern(bpm: bpm, duration: 16, swing: swing, fourOnTheFloor: true, noise: 0.03),
            bpm: bpm)
    }

    @Test func followsTempoDrift() throws {
        let music = SyntheticMusic.drumPattern(bpm: 110, endBPM: 124, duration: 24, swing: 1.0 / 6.0, noise: 0.05)
        let profile = try MusicAnalyzer().analyze(samples: music.samples, sampleRate: music.sampleRate)
        let intervals = zip(music.beats, music.beats.dropFirst()).map { $1 - $0 }.sorted()
        let medianBPM = 60 / intervals[intervals.count / 2]
        #expect(abs(profile.tempoBPM / medianBPM - 1) < 0.02, "tempo \(profile.tempoBPM) vs \(medianBPM)")
        #expect(hitRate(profile.beats, truth: music.beats) >= 0.95)
        #expect(extras(profile.beats, truth: music.beats) <= 1)
    }

    /// An ending where the drums drop and loud off-beats (an open hi-hat) take over, the audio stopping
    /// just after one: the beats must stay on the beat to the end, not follow a chain of
    /// off-beats back from the last onset.
    @Test func offBeatEndingKeepsThePhase() throws {
        var music = SyntheticMusic.drumPattern(bpm: 120, duration: 16, noise: 0.02)
        for i in Int(11 * Double(music.sampleRate))..<music.samples.count { music.samples[i] *= 0.5 }
        var rng = SplitMix(seed: 3)
        let tail = music.beats.filter { $0 > 11 }
        for beat in tail { music.addHat(at: beat + 0.25, amplitude: 0.6, rng: &rng) }
        music.samples = Array(music.samples.prefix(Int((tail.last! + 0.3) * Double(music.sampleRate))))
        music.beats = music.beats.filter { $0 <= tail.last! }
        let profile = try MusicAnalyzer().analyze(samples: music.samples, sampleRate: music.sampleRate)
        let ending = profile.beats.filter { $0 > 8 }
        #expect(ending.count >= music.beats.filter { $0 > 8 }.count - 1, "ending \(ending)")
        let off = ending.filter { e in !music.beats.contains { abs($0 - e) <= 0.03 } }
        #expect(off.isEmpty, "off-beat estimates \(off) among \(ending)")
    }

    @Test func downbeatsFollowTheAccent() throws {
        let music = SyntheticMusic.clickTrack(bpm: 120, duration: 16)
        let profile = try MusicAnalyzer().analyze(samples: music.samples, sampleRate: music.sampleRate)
        let accented = music.beats.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        let matched = profile.downbeats.filter { d in accented.contains { abs($0 - d) < 0.03 } }
        #expect(profile.downbeats.count >= 6)
        #expect(Double(matched.count) >= 0.9 * Double(profile.downbeats.count))
    }

    @Test func silenceHasNoBeats() throws {
        let profile = try MusicAnalyzer().analyze(samples: [Float](repeating: 0, count: 22_050 * 5), sampleRate: 22_050)
        #expect(profile.beats.isEmpty && profile.downbeats.isEmpty)
        #expect(profile.tempoBPM == 0)
        #expect(abs(profile.duration - 5) < 0.01)
        #expect(profile.energy.values.allSatisfy { $0 == 0 })
    }

    @Test func energyIsNormalisedAndFollowsLoudness() throws {
        var samples = SyntheticMusic.clickTrack(bpm: 120, duration: 6).samples
        for i in samples.indices where i < samples.count / 2 { samples[i] *= 0.1 }
        let profile = try MusicAnalyzer().analyze(samples: samples, sampleRate: 22_050)
        let values = profile.energy.values
        #expect(abs(profile.energy.hopSeconds - 0.1) < 1e-6)
        #expect(abs(values.count - 60) <= 1)
        #expect(values.max() == 1 && values.allSatisfy { $0 >= 0 && $0 <= 1 })
        let quiet = values.prefix(25).reduce(0, +), loud = values.suffix(25).reduce(0, +)
        #expect(loud > quiet * 5)
    }

    @Test func oneSecondFileAnalyses() throws {
        let music = SyntheticMusic.clickTrack(bpm: 120, duration: 1)
        let url = try temporaryWAV(music)
        let profile = try MusicAnalyzer().analyze(fileAt: url)
        #expect(abs(profile.duration - 1) < 0.01)
        #expect(profile.beats.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func analysesAWAVFileLikeItsSamples() throws {
        let music = SyntheticMusic.drumPattern(bpm: 96, duration: 12, noise: 0.02)
        let fromFile = try MusicAnalyzer().analyze(fileAt: try temporaryWAV(music))
        #expect(abs(fromFile.tempoBPM / 96 - 1) < 0.02)
        #expect(hitRate(fromFile.beats, truth: music.beats) >= 0.95)
        let again = try MusicAnalyzer().analyze(fileAt: try temporaryWAV(music))
        #expect(again == fromFile)
    }

    @Test func badInputIsAClearError() throws {
        let rate = #expect(throws: VideoError.self) { try MusicAnalyzer().analyze(samples: [0, 0], sampleRate: 10) }
        #expect(rate?.code == .invalidInput)
        let missing = #expect(throws: VideoError.self) {
            try MusicAnalyzer().analyze(fileAt: URL(fileURLWithPath: "/nonexistent/song.flac"))
        }
        #expect(missing?.code == .media)
    }

    @Test func profileEncodesToTheDocumentedJSON() throws {
        let profile = AudioAnalysisProfile(
            duration: 2, tempoBPM: 120, beats: [0.5, 1, 1.5], downbeats: [0.5],
            energy: .init(hopSeconds: 0.1, values: [0, 1]))
        let data = try JSONEncoder().encode(profile)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["duration", "tempo_bpm", "beats", "downbeats", "energy", "sections"])
        let energy = try #require(object["energy"] as? [String: Any])
        #expect(Set(energy.keys) == ["hop_seconds", "values"])
        #expect(try JSONDecoder().decode(AudioAnalysisProfile.self, from: data) == profile)
    }

    /// Ten minutes streamed from a file: the analysis keeps per-frame features only.
    @Test func tenMinuteFileStreams() throws {
        let rate = 8_000
        let minutes = 10.0
        var samples = [Float](repeating: 0, count: Int(minutes * 60) * rate)
        var t = 0.3
        while t < minutes * 60 - 0.1 {
            let start = Int(t * Double(rate))
            for i in 0..<160 where start + i < samples.count {
                samples[start + i] = Float(0.6 * sin(Double(i) * 0.9) * exp(-Double(i) / 40))
            }
            t += 0.5
        }
        let url = try temporaryWAV(SyntheticMusic(samples: samples, beats: [], sampleRate: rate))
        samples = []
        let profile = try MusicAnalyzer().analyze(fileAt: url)
        #expect(abs(profile.duration - 600) < 0.1)
        #expect(abs(profile.tempoBPM - 120) < 2.4)
        #expect(abs(profile.beats.count - 1199) <= 4)
    }

    private func temporaryWAV(_ music: SyntheticMusic) throws -> URL {
        try temporary.write(music.wav, to: "\(UUID().uuidString).wav")
    }
}
