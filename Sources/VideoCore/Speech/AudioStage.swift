import Foundation

/// The audio stage: speaks every scene's narration before any frame is drawn, writes
/// `audio/scene_XX.wav`, and lays the scenes on frame boundaries (the timing manifest).
public struct AudioStage: PipelineStage {
    /// The voice engine.
    public var synthesizer: any SpeechSynthesizer
    /// The padding around each narration.
    public var planner: TimingPlanner

    /// Creates the stage.
    /// - Parameters:
    ///   - synthesizer: The voice engine; failures it marks retryable are retried by the engine.
    ///   - planner: The padding around each narration.
    ///     The default is a `VoiceChain`: flite for English, espeak-ng for the rest, at 22 050 Hz.
    public init(synthesizer: any SpeechSynthesizer = VoiceChain(), planner: TimingPlanner = TimingPlanner()) {
        self.synthesizer = synthesizer
        self.planner = planner
    }

    /// `audio`.
    public var name: String { "audio" }

    /// `timing_manifest.json`: the stage's output is the manifest.
    public var outputFile: String { "timing_manifest.json" }

    /// Synthesizes, writes the WAV files and plans the timing.
    ///
    /// The video's `pronunciations` are applied to each narration just before synthesis; the
    /// words in the manifest stay the written ones.
    ///
    /// Speech is cached under `speech-cache/` by (voice engine, voice, lexicon, text): re-rendering a
    /// video after editing one scene speaks only that scene again, so the other scenes keep
    /// their exact timing (and their cached video segments).
    /// - Parameters:
    ///   - input: A video whose scenes all have narration (the script stage's output).
    ///   - context: The task folder (the WAVs go to `audio/`) and the event sink.
    /// - Returns: The timing manifest; the engine writes it to `timing_manifest.json`.
    /// - Throws: `VideoError` (`.speech`) when the voice fails, `.io` when a file cannot be written.
    public func run(_ input: VideoConfig, context: PipelineContext) async throws -> TimingManifest {
        try AtomicFile.makeDirectory(context.file("audio"))
        let cache = try SpeechCache(directory: context.file("speech-cache"))
        let (manifest, audio) = try await measure(input, cache: cache, context: context)
        cache.prune()
        for (speech, timing) in zip(audio, manifest.scenes) {
            try AtomicFile.write(
                wavData(samples: speech.samples, sampleRate: manifest.sampleRate), to: context.file(timing.audioFile))
        }
        for (scene, timing) in zip(input.scenes, manifest.scenes) {
            if let max = scene.maxDuration, timing.duration > max + 0.001 {
                context.warn(
                    "scene \(scene.sceneID) lasts \(String(format: "%.1f", timing.duration)) s, longer than its max_duration \(max) s"
                )
            }
        }
        context.report(name, 1, "\(input.scenes.count) scenes")
        return manifest
    }

    /// Speaks every scene through the task's `speech-cache/` (so the audio stage reuses the
    /// speech) and lays the scenes out, without writing WAVs or a manifest: how a budget stage
    /// measures a candidate script.
    /// - Parameters:
    ///   - input: A video whose scenes all have narration.
    ///   - context: The task folder and the event sink.
    ///   - lengths: Lengths already measured, reused instead of reading the cache again; this
    ///     call adds the ones it measures.
    /// - Returns: The manifest `run` would return for `input`.
    /// - Throws: `VideoError` (`.speech`) when the voice fails, `.io` when the cache cannot be made.
    package func measure(_ input: VideoConfig, context: PipelineContext, lengths: SpeechLengths = SpeechLengths())
        async throws -> TimingManifest
    {
        let cache = try SpeechCache(directory: context.file("speech-cache"))
        return try await measure(input, cache: cache, context: context, lengths: lengths).0
    }

    private func measure(
        _ input: VideoConfig, cache: SpeechCache, context: PipelineContext, lengths: SpeechLengths? = nil
    ) async throws -> (TimingManifest, [SpeechAudio]) {
        var narrations: [TimingPlanner.Narration] = []
        var audio: [SpeechAudio] = []
        var sampleRate: Int?
        for (i, scene) in input.scenes.enumerated() {
            try Task.checkCancellation()
            if lengths == nil {
                context.report(
                    name, Double(i) / Double(input.scenes.count), "scene \(i + 1) of \(input.scenes.count)",
                    scene: i + 1, sceneCount: input.scenes.count)
            }
            let (text, voice) = (scene.narration ?? "", input.speakingVoice(for: scene))
            let key = SpeechCache.key(
                engine: synthesizer.identifier, voice: voice,
                lexicon: LexiconRewrite(text, lexicon: input.pronunciations).applied, text: text)
            let length: SpeechLengths.Length
            if let known = lengths?[key] {
                length = known
            } else {
                let speech = try await speak(text, voice: voice, lexicon: input.pronunciations, cache: cache)
                length = .init(sampleCount: speech.samples.count, sampleRate: speech.sampleRate, words: speech.words)
                lengths?[key] = length
                if lengths == nil { audio.append(speech) }
            }
            if let sampleRate, length.sampleRate != sampleRate, length.sampleCount > 0 {
                throw VideoError(
                    .speech,
                    "scene \(scene.sceneID) was spoken at \(length.sampleRate) Hz, the others at \(sampleRate) Hz")
            }
            if length.sampleCount > 0 { sampleRate = length.sampleRate }
            let file = "audio/scene_\(i + 1 < 10 ? "0" : "")\(i + 1).wav"
            narrations.append(
                .init(scene: scene, sampleCount: length.sampleCount, words: length.words, audioFile: file))
        }
        let manifest = planner.plan(narrations, fps: input.fps, sampleRate: sampleRate ?? 22050)
        return (manifest, audio)
    }

    /// Whether the narration WAVs the manifest names are all there, with its sample counts.
    public func canReuse(_ manifest: TimingManifest, context: PipelineContext) -> Bool {
        (try? Self.narration(of: manifest, in: context.directory)) != nil
    }

    /// One scene's speech: cached, or synthesized (with the lexicon's spoken forms, timed by
    /// the written words) and rounded to what a WAV holds.
    private func speak(_ text: String, voice: Voice, lexicon: PronunciationLexicon, cache: SpeechCache) async throws
        -> SpeechAudio
    {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return SpeechAudio(samples: [], sampleRate: VoiceChain.defaultSampleRate, words: [])
        }
        let rewrite = LexiconRewrite(text, lexicon: lexicon)
        let key = SpeechCache.key(engine: synthesizer.identifier, voice: voice, lexicon: rewrite.applied, text: text)
        if let cached = cache.load(key) { return cached }
        var speech = rewrite.writtenWords(of: try await synthesizer.synthesize(rewrite.spoken, voice: voice))
        // What the WAV file holds, so a resumed render hears exactly the same samples.
        speech.samples = quantizedToPCM16(speech.samples)
        try cache.store(speech, key: key)
        return speech
    }

    /// Each scene's narration samples, read from the WAV files `manifest` names in `directory`.
    /// - Parameters:
    ///   - manifest: The audio stage's output.
    ///   - directory: The task folder.
    /// - Returns: One array of samples per scene, in scene order.
    /// - Throws: `VideoError` when a file is missing or does not match the manifest.
    package static func narration(of manifest: TimingManifest, in directory: URL) throws -> [[Float]] {
        try manifest.scenes.map { timing in
            let file = directory.appendingPathComponent(timing.audioFile)
            guard let data = try? Data(contentsOf: file) else {
                throw VideoError(.io, "the saved narration \(file.path) is missing")
            }
            let (samples, rate) = try wavSamples(data, name: file.path)
            guard samples.count == timing.narrationSamples, rate == manifest.sampleRate else {
                throw VideoError(.invalidInput, "the saved narration \(file.path) does not match the timing manifest")
            }
            return samples
        }
    }
}

/// A video whose narration is spoken and timed: the script's video with the audio stage's manifest.
public struct NarratedVideo: Sendable, Codable, Hashable {
    /// The video, every scene with its narration.
    public var config: VideoConfig
    /// Where everything sits.
    public var manifest: TimingManifest

    /// Creates a narrated video.
    /// - Parameters:
    ///   - config: The video.
    ///   - manifest: Its timing.
    public init(config: VideoConfig, manifest: TimingManifest) {
        self.config = config
        self.manifest = manifest
    }

    /// The whole soundtrack's samples for frames `range`: each scene's narration placed per
    /// the manifest, silence elsewhere.
    /// - Parameters:
    ///   - range: The frames.
    ///   - planner: The padding the audio stage used.
    ///   - narration: Each scene's samples (`AudioStage.narration(of:in:)`).
    /// - Returns: Mono samples at the manifest's sample rate.
    package func soundtrack(frames range: Range<Int>, planner: TimingPlanner, narration: [[Float]]) -> [Float] {
        let first = manifest.samples(forFrames: range.lowerBound)
        let end = manifest.samples(forFrames: range.upperBound)
        var out = [Float](repeating: 0, count: max(0, end - first))
        for (timing, samples) in zip(manifest.scenes, narration) where timing.endFrame > range.lowerBound {
            guard timing.startFrame < range.upperBound else { break }
            let start = planner.narrationStartSample(of: timing, in: manifest)
            // Copy the overlap of [start, start + count) with [first, end).
            let from = max(start, first), to = min(start + samples.count, end)
            if from < to {
                out.replaceSubrange((from - first)..<(to - first), with: samples[(from - start)..<(to - start)])
            }
        }
        return out
    }
}
