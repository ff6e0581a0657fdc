import Testing
import VideoCore
import VideoTestSupport

@Suite struct FliteSynthesizerTests {
    let flite = FliteSynthesizer()

    @Test func speaksEveryWrittenWordAt16kHz() async throws {
        let text = "Hello world, this is the default voice - speaking 42 words."
        let audio = try await flite.synthesize(text, voice: .male)
        #expect(audio.sampleRate == 16_000)
        #expect(audio.words.map(\.text) == text.split(separator: " ").map(String.init))
        let starts = audio.words.map(\.startSample)
        #expect(starts == starts.sorted() && starts[0] > 0)
        #expect(audio.words.allSatisfy { $0.startSample <= $0.endSample && $0.endSample <= audio.samples.count })
        // "42" is two spoken words ("forty two"): one written word spanning both.
        let number = try #require(audio.words.first { $0.text == "42" })
        #expect(number.endSample - number.startSample > audio.sampleRate / 5)
    }

    @Test func sameTextSameSamples() async throws {
        let a = try await flite.synthesize("Same text, same sound.", voice: .female)
        let b = try await flite.synthesize("Same text, same sound.", voice: .female)
        #expect(a == b)
    }

    @Test func portableAndFliteNames() async throws {
        var sounds = Set<[Float]>()
        for voice in Voice.portable + ["cmu_us_kal16", "kal16"] {
            #expect(flite.canSpeak(voice))
            let samples = try await flite.synthesize("Testing the voice.", voice: voice).samples
            sounds.insert(samples)
        }
        #expect(sounds.count == 5, "four portable voices and kal16 (twice, by two names)")
        #expect(!flite.canSpeak("de") && !flite.canSpeak("en-gb"))
        await #expect(throws: VideoError.self) { try await flite.synthesize("Hallo", voice: "de") }
    }

    /// Words said as separate sentences leave silence between them; where the energy comes back
    /// after each silence is an onset in the audio, measured independently of flite's structure.
    @Test func wordStartsMatchOnsetsInTheAudio() async throws {
        let text = "Alpha. Echo. India. Oscar. Mike. Sierra. Lima. Romeo. Uniform. November."
        for voice in [Voice.male, .female, .maleWarm, "kal16"] {
            let audio = try await flite.synthesize(text, voice: voice)
            let onsets = SpeechOnsets.onsets(audio.samples, sampleRate: audio.sampleRate)
            let errors = audio.words.map { word in
                onsets.map { abs($0 - word.startSample) }.min().map { Double($0) / Double(audio.sampleRate) } ?? 1
            }
            // A long stop closure inside a word ("Echo") may add an onset or two; each word needs its own.
            #expect(
                (audio.words.count...(audio.words.count + 2)).contains(onsets.count),
                "\(voice): \(onsets.count) onsets for \(audio.words.count) words")
            let worst = errors.max() ?? 1
            print(
                "flite \(voice) onset error: worst \(Int(worst * 1000)) ms, median \(Int((median(errors) ?? 1) * 1000)) ms"
            )
            #expect(worst <= 0.030, "\(voice): word starts \(errors.map { Int($0 * 1000) }) ms from the onsets")
        }
    }
}

/// Energy onsets after silence, for checking word events against the audio itself.
enum SpeechOnsets {
    /// The sample where the energy rises above −30 dB of the loudest 5 ms frame after at
    /// least 60 ms below −40 dB (the start of the file counts as silence), stepped back to
    /// the first frame above −40 dB.
    static func onsets(_ samples: [Float], sampleRate: Int) -> [Int] {
        let frame = sampleRate / 200
        let energies = stride(from: 0, to: samples.count - frame, by: frame).map { start in
            samples[start..<(start + frame)].reduce(Float(0)) { $0 + $1 * $1 } / Float(frame)
        }
        let peak = energies.max() ?? 0
        let loud = peak * 0.001, quiet = peak * 0.0001
        var onsets: [Int] = []
        var silent = 12
        for (i, energy) in energies.enumerated() {
            if energy < quiet {
                silent += 1
            } else if energy > loud, silent >= 12 {
                // The onset is where the rise began: step back over the frames above the floor.
                var k = i
                while k > 0, energies[k - 1] >= quiet { k -= 1 }
                onsets.append(k * frame)
                silent = 0
            } else if energy >= quiet, silent < 12 {
                silent = 0
            }
        }
        return onsets
    }
}
