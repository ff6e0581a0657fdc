import Foundation

/// The audio stage: speaks every scene's narration before any frame is drawn, writes
/// `audio/scene_XX.wav`, and lays the scenes on frame boundaries (the timing manifest).
public struct AudioStage: PipelineStage {
    /// The voice engine.
    public var synthesizer: any SpeechSynthesizer
    /// The padding around each narration.
    public var planner: TimingPlanner
    /// How failures marked retryable (a network voice, say) are retried.
    public var retry: RetryPolicy

    /// Creates the stage.
    public init(
        synthesizer: any SpeechSynthesizer = EspeakSynthesizer(), planner: TimingPlanner = TimingPlanner(),
        retry: RetryPolicy = RetryPolicy()
    ) {
        self.synthesizer = synthesizer
        self.planner = planner
        self.retry = retry
    }

    /// `audio`.
    public var name: String { "audio" }

    /// Synthesizes, writes the WAV files and plans the timing.
    ///
    /// Speech is cached under `speech-cache/` by (voice engine, voice, text): re-rendering a
    /// video after editing one scene speaks only that scene again, so the other scenes keep
    /// their exact timing (and their cached video segments).
    /// - Parameter input: A video whose scenes all have narration (the script stage's output).
    public func run(_ input: VideoConfig, context: PipelineContext) async throws -> NarratedVideo {
        try AtomicFile.makeDirectory(context.directory.appendingPathComponent("audio"))
        let cache = try SpeechCache(directory: context.directory.appendingPathComponent("speech-cache"))
        let narrated = try await narrate(input, context: context, cache: cache)
        cache.prune()
        for (speech, timing) in zip(narrated.narration, narrated.manifest.scenes) {
            try AtomicFile.write(
                wavData(samples: speech.samples, sampleRate: speech.sampleRate),
                to: context.directory.appendingPathComponent(timing.audioFile))
        }
        for (scene, timing) in zip(input.scenes, narrated.manifest.scenes) {
            if let max = scene.maxDuration, timing.duration > max + 0.001 {
                context.warn(
                    "scene \(scene.sceneID) lasts \(String(format: "%.1f", timing.duration)) s, longer than its max_duration \(max) s"
                )
            }
        }
        try AtomicFile.writeJSON(
            narrated.manifest, to: context.directory.appendingPathComponent("timing_manifest.json"))
        context.report(name, 1, "\(input.scenes.count) scenes")
        return narrated
    }

    /// Speaks every scene (through `cache` when given) and plans the timing; writes nothing else.
    public func narrate(_ input: VideoConfig, context: PipelineContext, cache: SpeechCache? = nil) async throws
        -> NarratedVideo
    {
        var narrations: [TimingPlanner.Narration] = []
        var audio: [SpeechAudio] = []
        var sampleRate: Int?
        for (i, scene) in input.scenes.enumerated() {
            try Task.checkCancellation()
            context.report(
                name, Double(i) / Double(input.scenes.count), "scene \(i + 1) of \(input.scenes.count)", scene: i + 1,
                sceneCount: input.scenes.count)
            let speech = try await speak(
                scene.narration ?? "", voice: scene.voice ?? input.voice, scene: scene, context: context, cache: cache)
            if let sampleRate, speech.sampleRate != sampleRate, !speech.samples.isEmpty {
                throw VideoError(
                    .speech,
                    "scene \(scene.sceneID) was spoken at \(speech.sampleRate) Hz, the others at \(sampleRate) Hz")
            }
            if !speech.samples.isEmpty { sampleRate = speech.sampleRate }
            let file = "audio/scene_\(i + 1 < 10 ? "0" : "")\(i + 1).wav"
            narrations.append(
                .init(scene: scene, sampleCount: speech.samples.count, words: speech.words, audioFile: file))
            audio.append(speech)
        }
        let rate = sampleRate ?? 22050
        let manifest = planner.plan(narrations, fps: input.fps, sampleRate: rate)
        audio = audio.map { $0.samples.isEmpty ? SpeechAudio(samples: [], sampleRate: rate, words: []) : $0 }
        return NarratedVideo(config: input, manifest: manifest, narration: audio)
    }

    /// One scene's speech: cached, or synthesized with retries and rounded to what a WAV holds.
    private func speak(_ text: String, voice: Voice, scene: SceneConfig, context: PipelineContext, cache: SpeechCache?)
        async throws -> SpeechAudio
    {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return SpeechAudio(samples: [], sampleRate: 22050, words: [])
        }
        let key = SpeechCache.key(engine: synthesizer.identifier, voice: voice, text: text)
        if let cached = cache?.load(key) { return cached }
        var speech = try await retry.run(onRetry: { attempt, error in
            context.warn("scene \(scene.sceneID): speech failed (\(error.message)); retrying, attempt \(attempt + 1)")
        }) {
            try await synthesizer.synthesize(text, voice: voice)
        }
        // What the WAV file holds, so a resumed render hears exactly the same samples.
        speech.samples = quantizedToPCM16(speech.samples)
        try cache?.store(speech, key: key)
        return speech
    }

    /// The stage's saved output in `directory`: the manifest and the narration WAVs.
    /// - Throws: `VideoError` when a file is missing or does not match the manifest.
    public func load(_ config: VideoConfig, from directory: URL) throws -> NarratedVideo {
        let url = directory.appendingPathComponent("timing_manifest.json")
        let manifest: TimingManifest
        do {
            manifest = try JSONDecoder().decode(TimingManifest.self, from: Data(contentsOf: url))
        } catch {
            throw VideoError(.io, "cannot read the saved timing manifest \(url.path): \(error.localizedDescription)")
        }
        guard manifest.scenes.map(\.sceneID) == config.scenes.map(\.sceneID) else {
            throw VideoError(.invalidInput, "the saved timing manifest does not match the task's scenes")
        }
        let narration = try manifest.scenes.map { timing -> SpeechAudio in
            let file = directory.appendingPathComponent(timing.audioFile)
            guard let data = try? Data(contentsOf: file) else {
                throw VideoError(.io, "the saved narration \(file.path) is missing")
            }
            let (samples, rate) = try wavSamples(data, name: file.path)
            guard samples.count == timing.narrationSamples, rate == manifest.sampleRate else {
                throw VideoError(.invalidInput, "the saved narration \(file.path) does not match the timing manifest")
            }
            return SpeechAudio(samples: samples, sampleRate: rate, words: [])
        }
        return NarratedVideo(config: config, manifest: manifest, narration: narration)
    }
}

/// A video whose narration is spoken and timed: the audio stage's output.
public struct NarratedVideo: Sendable {
    /// The video, every scene with its narration.
    public var config: VideoConfig
    /// Where everything sits.
    public var manifest: TimingManifest
    /// Each scene's speech, in scene order.
    public var narration: [SpeechAudio]

    /// Creates a narrated video.
    public init(config: VideoConfig, manifest: TimingManifest, narration: [SpeechAudio]) {
        self.config = config
        self.manifest = manifest
        self.narration = narration
    }

    /// The whole soundtrack's samples for frames `range` (narration placed per the manifest,
    /// silence elsewhere).
    public func soundtrack(frames range: Range<Int>, planner: TimingPlanner) -> [Float] {
        let first = manifest.samples(forFrames: range.lowerBound)
        let end = manifest.samples(forFrames: range.upperBound)
        var out = [Float](repeating: 0, count: max(0, end - first))
        for (timing, speech) in zip(manifest.scenes, narration) where timing.endFrame > range.lowerBound {
            guard timing.startFrame < range.upperBound else { break }
            let start = planner.narrationStartSample(of: timing, in: manifest)
            // Copy the overlap of [start, start + count) with [first, end).
            let from = max(start, first), to = min(start + speech.samples.count, end)
            if from < to {
                out.replaceSubrange((from - first)..<(to - first), with: speech.samples[(from - start)..<(to - start)])
            }
        }
        return out
    }
}
