import Foundation

/// The audio stage: speaks every scene's narration before any frame is drawn, writes
/// `audio/scene_XX.wav`, and lays the scenes on frame boundaries (the timing manifest).
public struct AudioStage: PipelineStage {
    /// The voice engine.
    public var synthesizer: any SpeechSynthesizer
    /// The padding around each narration.
    public var planner: TimingPlanner

    /// Creates the stage.
    public init(synthesizer: any SpeechSynthesizer = EspeakSynthesizer(), planner: TimingPlanner = TimingPlanner()) {
        self.synthesizer = synthesizer
        self.planner = planner
    }

    /// `audio`.
    public var name: String { "audio" }

    /// Synthesizes, writes the WAV files and plans the timing.
    /// - Parameter input: A video whose scenes all have narration (the script stage's output).
    public func run(_ input: VideoConfig, context: PipelineContext) async throws -> NarratedVideo {
        let audioDirectory = context.directory.appendingPathComponent("audio")
        try AtomicFile.makeDirectory(audioDirectory)
        var narrations: [TimingPlanner.Narration] = []
        var audio: [SpeechAudio] = []
        var sampleRate: Int?
        for (i, scene) in input.scenes.enumerated() {
            try Task.checkCancellation()
            context.report(name, Double(i) / Double(input.scenes.count), "scene \(i + 1) of \(input.scenes.count)")
            let text = scene.narration ?? ""
            var speech = SpeechAudio(samples: [], sampleRate: sampleRate ?? 22050, words: [])
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                speech = try await synthesizer.synthesize(text, voice: scene.voice ?? input.voice)
            }
            if let sampleRate, speech.sampleRate != sampleRate {
                throw VideoError(
                    .speech, "scene \(scene.sceneID) was spoken at \(speech.sampleRate) Hz, the others at \(sampleRate) Hz")
            }
            sampleRate = speech.sampleRate
            let file = "audio/scene_\(i + 1 < 10 ? "0" : "")\(i + 1).wav"
            try AtomicFile.write(
                wavData(samples: speech.samples, sampleRate: speech.sampleRate),
                to: context.directory.appendingPathComponent(file))
            narrations.append(.init(scene: scene, sampleCount: speech.samples.count, words: speech.words, audioFile: file))
            audio.append(speech)
        }
        let manifest = planner.plan(narrations, fps: input.fps, sampleRate: sampleRate ?? 22050)
        for (scene, timing) in zip(input.scenes, manifest.scenes) {
            if let max = scene.maxDuration, timing.duration > max + 0.001 {
                context.warn(
                    "scene \(scene.sceneID) lasts \(String(format: "%.1f", timing.duration)) s, longer than its max_duration \(max) s")
            }
        }
        context.report(name, 1, "\(input.scenes.count) scenes")
        return NarratedVideo(config: input, manifest: manifest, narration: audio)
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
