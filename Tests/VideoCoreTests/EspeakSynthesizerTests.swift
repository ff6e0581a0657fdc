import Testing
import VideoCore

@Suite struct EspeakSynthesizerTests {
    let synth = EspeakSynthesizer()

    @Test func speaksWithWordBoundaries() async throws {
        let text = "Hello world, this is vgen speaking."
        let audio = try await synth.synthesize(text, voice: .male)
        #expect(audio.sampleRate == 22050)
        #expect(audio.duration > 1.0 && audio.duration < 6.0)
        #expect(audio.words.map(\.text) == ["Hello", "world,", "this", "is", "vgen", "speaking."])
        let starts = audio.words.map(\.startSample)
        #expect(starts == starts.sorted())
        #expect(audio.words.allSatisfy { $0.endSample <= audio.samples.count && $0.startSample <= $0.endSample })
        let rms = (audio.samples.reduce(0) { $0 + Double($1 * $1) } / Double(audio.samples.count)).squareRoot()
        #expect(rms > 0.01)
    }

    /// espeak-ng keeps pitch-flutter and echo state across utterances inside one process, so
    /// in-process repeats match in words and length; sample-exact determinism holds per process
    /// (the CLI test renders twice in fresh processes and compares the files).
    @Test func repeatsMatchInWordsAndLength() async throws {
        let a = try await synth.synthesize("Same text, same sound.", voice: .female)
        let b = try await synth.synthesize("Same text, same sound.", voice: .female)
        #expect(a.words.map(\.text) == b.words.map(\.text))
        #expect(abs(a.samples.count - b.samples.count) < a.sampleRate / 50)
    }

    @Test func portableVoicesDiffer() async throws {
        var lengths = Set<Int>()
        var sounds = Set<[Float]>()
        for voice in Voice.portable {
            let audio = try await synth.synthesize("Testing the voice.", voice: voice)
            lengths.insert(audio.samples.count)
            sounds.insert(audio.samples)
        }
        #expect(sounds.count == 4, "the four portable voices must sound different")
        #expect(lengths.count >= 2)
    }

    @Test func acceptsEspeakNamesAndRejectsUnknown() async throws {
        let german = try await synth.synthesize("Guten Tag", voice: "de")
        #expect(german.samples.count > 1000)
        let error = await #expect(throws: VideoError.self) {
            try await synth.synthesize("Hello", voice: "no-such-voice-xyz")
        }
        #expect(error?.field == "voice")
    }

    /// Synthesis runs on a thread of its own; a task cancelled before it starts gets
    /// `CancellationError` instead of speech, and the engine keeps working.
    @Test func cancelledTaskSpeaksNothing() async throws {
        let synth = synth
        let outcome = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await synth.synthesize("Never said.", voice: .male)
        }.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        let audio = try await synth.synthesize("Still here.", voice: .male)
        #expect(audio.words.map(\.text) == ["Still", "here."])
    }

    /// Many syntheses at once (each on its own thread, one at a time in espeak-ng) all finish
    /// with their own words.
    @Test func concurrentSynthesesKeepTheirWords() async throws {
        let synth = synth
        let texts = (0..<8).map { "Sentence number \($0) is spoken." }
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (i, text) in texts.enumerated() {
                group.addTask { (i, try await synth.synthesize(text, voice: .female).words.map(\.text)) }
            }
            return try await group.reduce(into: [Int: [String]]()) { $0[$1.0] = $1.1 }
        }
        for (i, text) in texts.enumerated() { #expect(results[i] == text.split(separator: " ").map(String.init)) }
    }

    @Test func nonASCIIWordsMapBackToTheirText() async throws {
        let audio = try await synth.synthesize("Café déjà vu — naïve façade.", voice: .male)
        #expect(audio.words.first?.text == "Café")
        #expect(audio.words.contains { $0.text.hasPrefix("naïve") })
    }

    /// espeak-ng can repeat a word event at a clause boundary after earlier utterances.
    @Test func wordEventsNeverRepeat() async throws {
        for text in [
            "Install. Run this command in your terminal.", "Features. Here are 3 points. First, one.",
            "Add the package with SwiftPM and depend on the VideoRender product.",
        ] {
            let audio = try await synth.synthesize(text, voice: .male)
            let expected = text.split(separator: " ").map(String.init)
            #expect(audio.words.map(\.text) == expected)
        }
    }
}
