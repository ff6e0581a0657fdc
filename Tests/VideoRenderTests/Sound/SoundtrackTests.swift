import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// The document video's soundtrack, measured on the decoded MP4: music ducked under the
/// narration, and the mix at the loudness asked for, as our meter and ffmpeg's ebur128 read it.
@Suite struct SoundtrackTests {
    static let musicFrequency = 1_000.0

    /// Three scenes of tone "speech" (180–320 Hz) with a second of silence between them.
    static func config(id: String) throws -> VideoConfig {
        let words = "one two three four five six seven eight nine ten"
        return try VideoConfig(
            videoID: id, title: "Sound", resolution: Resolution(width: 160, height: 90), fps: 10, transition: .cut,
            scenes: (0..<3).map {
                try SceneConfig(sceneID: "s\($0)", content: .title(TitleContent(title: "S\($0)")), narration: words)
            })
    }

    /// A 3-second music loop: a steady 1 kHz tone with a little noise, at 22.05 kHz.
    static func writeMusic(in directory: TemporaryDirectory) throws -> URL {
        var rng = SplitMix(seed: 3)
        let rate = 22_050
        let samples = (0..<(rate * 3)).map { n in
            Float(0.3 * sin(2 * Double.pi * musicFrequency * Double(n) / Double(rate)) + 0.01 * rng.nextSigned())
        }
        let url = directory.uniquePath(extension: "wav")
        try TestWAV.data(samples, sampleRate: rate).write(to: url)
        return url
    }

    static func render(_ config: VideoConfig, sound: SoundOptions, to out: URL) async throws -> RenderResult {
        let options = RenderOptions(preset: "ultrafast", sound: sound)
        return try await VideoPipeline(registry: .standard, synthesizer: ToneSynthesizer(), options: options)
            .render(config, to: out)
    }

    /// ffmpeg's ebur128 filter on the file: its integrated loudness and true peak.
    static func ffmpegEBUR128(_ url: URL) async throws -> (integrated: Double, peak: Double) {
        let ffmpeg = try #require(Subprocess.find("ffmpeg"), "no ffmpeg on the PATH: run scripts/install-deps.sh")
        let outcome = try await Subprocess.run(
            ffmpeg, ["-nostats", "-hide_banner", "-i", url.path, "-af", "ebur128=peak=true", "-f", "null", "-"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // The summary at the end: "I:  -14.0 LUFS" … "Peak:  -1.8 dBFS".
        let summary = outcome.stderr.components(separatedBy: "Summary:").last ?? ""
        func value(_ label: String) -> Double? {
            summary.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }
                .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Double($0) } }
        }
        return (try #require(value("I:")), try #require(value("Peak:")))
    }

    /// The music tone's level in dB over `range` seconds (Goertzel with a Hann window).
    static func toneLevel(_ samples: [Float], rate: Int, range: ClosedRange<Double>) -> Double {
        let slice = Array(samples[Int(range.lowerBound * Double(rate))..<Int(range.upperBound * Double(rate))])
        let w = 2 * Double.pi * musicFrequency / Double(rate)
        var (s1, s2) = (0.0, 0.0)
        for (n, x) in slice.enumerated() {
            let window = 0.5 - 0.5 * cos(2 * Double.pi * Double(n) / Double(slice.count - 1))
            let s = Double(x) * window + 2 * cos(w) * s1 - s2
            (s2, s1) = (s1, s)
        }
        let power = s1 * s1 + s2 * s2 - 2 * cos(w) * s1 * s2
        return 10 * log10(max(power, 1e-30))
    }

    @Test func musicIsDuckedUnderTheNarrationAndTheMixMeetsR128() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-sound")
        let music = try Self.writeMusic(in: temporary)
        let result = try await Self.render(
            try Self.config(id: "ducked"), sound: SoundOptions(music: music.path), to: temporary.uniquePath())
        let rate = result.manifest.sampleRate
        let decoded = try AudioDecoder.decodeAll(url: result.videoURL, sampleRate: rate)
        let meter = LoudnessMeter(sampleRate: rate)
        let ours = meter.integratedLoudness(decoded)
        let judge = try await Self.ffmpegEBUR128(result.videoURL)
        print(
            "document mix: ours \(String(format: "%.2f", ours)) LUFS, ffmpeg ebur128 \(judge.integrated) LUFS; "
                + "true peak ours \(String(format: "%.2f", meter.truePeak(decoded))) dBTP, ffmpeg \(judge.peak) dBTP")
        #expect(abs(ours - -14) < 0.5, "integrated loudness \(ours) LUFS")
        #expect(abs(ours - judge.integrated) < 0.5, "ours \(ours), ffmpeg ebur128 \(judge.integrated)")
        #expect(meter.truePeak(decoded) <= -1, "true peak \(meter.truePeak(decoded)) dBTP")
        #expect(judge.peak <= -1, "ffmpeg's true peak \(judge.peak) dBTP")
        // Ducking depth: the music's level in the middle of each scene's speech against the
        // silences between scenes (released 400 ms after, attacking 100 ms before the speech).
        var depths: [Double] = []
        for (scene, next) in zip(result.manifest.scenes, result.manifest.scenes.dropFirst()) {
            let speechEnd = scene.words.last!.endTime
            let speechStart = scene.words.first!.startTime
            let during = Self.toneLevel(decoded, rate: rate, range: (speechStart + 0.5)...(speechEnd - 0.5))
            let between = Self.toneLevel(
                decoded, rate: rate, range: (speechEnd + 0.45)...(next.words.first!.startTime - 0.15))
            // Per second of window, so the two lengths compare.
            let perSecond = { (level: Double, seconds: Double) in level - 20 * log10(seconds) }
            depths.append(
                perSecond(during, speechEnd - speechStart - 1)
                    - perSecond(between, next.words.first!.startTime - 0.15 - speechEnd - 0.45))
        }
        print("ducking depth on the decoded output: \(depths.map { String(format: "%.2f dB", $0) })")
        for depth in depths { #expect(abs(depth - -15) < 1.5, "\(depth) dB") }
    }

    @Test func theNarrationAloneIsNormalisedToTheTargetAsked() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-loud")
        let result = try await Self.render(
            try Self.config(id: "quiet"), sound: SoundOptions(loudness: -20), to: temporary.uniquePath())
        let decoded = try AudioDecoder.decodeAll(url: result.videoURL, sampleRate: result.manifest.sampleRate)
        let ours = LoudnessMeter(sampleRate: result.manifest.sampleRate).integratedLoudness(decoded)
        let judge = try await Self.ffmpegEBUR128(result.videoURL)
        #expect(abs(ours - -20) < 0.5 && abs(ours - judge.integrated) < 0.5, "ours \(ours), ffmpeg \(judge)")
    }

    @Test func aSoundChangeReencodesOnlyTheSoundtrackAndRendersAreRepeatable() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-sndcache")
        let music = try Self.writeMusic(in: temporary)
        let out = temporary.uniquePath()
        let config = try Self.config(id: "cache")
        let first = try await Self.render(config, sound: SoundOptions(music: music.path), to: out)
        let bytes = try Data(contentsOf: first.videoURL)
        let second = try await Self.render(config, sound: SoundOptions(music: music.path, loudness: -18), to: out)
        let stage = try JSONDecoder().decode(
            EncodedVideo.self, from: Data(contentsOf: second.directory.appendingPathComponent("stage-video.json")))
        #expect(stage.renderedSegments == 0, "the pictures do not depend on the sound")
        #expect(try Data(contentsOf: second.videoURL) != bytes, "the soundtrack did change")
        let again = try await Self.render(
            config, sound: SoundOptions(music: music.path), to: temporary.uniquePath())
        #expect(try Data(contentsOf: again.videoURL) == bytes, "same input, same bytes")
    }

    @Test func aMissingMusicFileIsAFieldError() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-nomusic")
        await #expect(throws: VideoError.self) {
            _ = try await Self.render(
                try Self.config(id: "none"), sound: SoundOptions(music: "/nonexistent/song.mp3"),
                to: temporary.uniquePath())
        }
    }
}
