import Foundation
import Synchronization
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Saved state, resume, the segment cache, events, retries, cancellation and bad state files,
/// through the library API with the deterministic tone voice.
@Suite struct PipelineStateTests {
    let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-state") }

    static let small = Resolution(width: 192, height: 108)

    static func video(narration second: String = "The second scene says this.") throws -> VideoConfig {
        try VideoConfig(
            videoID: "state", title: "State", resolution: small, fps: 12,
            scenes: [
                try SceneConfig(
                    sceneID: "a", content: .title(TitleContent(title: "One")), narration: "The first scene."),
                try SceneConfig(
                    sceneID: "b", content: .list(ListContent(heading: "Two", items: ["x", "y"])), narration: second),
                try SceneConfig(
                    sceneID: "c", content: .quote(QuoteContent(text: "Three")), narration: "The third scene."),
                try SceneConfig(sceneID: "d", content: .outro(OutroContent(title: "Four")), narration: "The end."),
            ])
    }

    static func pipeline(
        _ synthesizer: any SpeechSynthesizer = ToneSynthesizer(), jobs: Int = 2, reveal: RevealMode = .words
    ) -> VideoPipeline {
        VideoPipeline(
            registry: .standard, synthesizer: synthesizer, options: RenderOptions(preset: "ultrafast", reveal: reveal),
            jobs: jobs)
    }

    /// The picture segments in the task's cache (the soundtrack beside them left out).
    static func segments(_ dir: URL) -> Set<String> { cached(dir).filter { $0.hasSuffix(".mp4") } }

    /// Everything in the task's segment cache.
    static func cached(_ dir: URL) -> Set<String> {
        Set(
            (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("state/segments").path))
                ?? [])
    }

    @Test(arguments: ["script", "audio", "video"])
    func resumesFromEveryStageBoundary(_ stage: String) async throws {
        let whole = temporary.uniquePath(), parts = temporary.uniquePath()
        let reference = try await Self.pipeline().render(try Self.video(), to: whole)
        let state = try await Self.pipeline().render(try Self.video(), to: parts, stoppingAfter: stage)
        #expect(state.nextStage == VideoPipeline.stageNames[VideoPipeline.stageNames.firstIndex(of: stage)! + 1])
        #expect(!FileManager.default.fileExists(atPath: parts.appendingPathComponent("state/video.mp4").path))
        let log = EventRecorder()
        let resumed = try await Self.pipeline().resume(
            taskDirectory: parts.appendingPathComponent("state"), events: log.record)
        #expect(log.skipped == Array(VideoPipeline.stageNames.prefix { $0 != stage }) + [stage])
        #expect(try Data(contentsOf: resumed.videoURL) == Data(contentsOf: reference.videoURL))
        #expect(try VideoPipeline.state(of: resumed.directory)?.status == .completed)
    }

    @Test func editingOneSceneRedrawsOnlyItAndItsTransitions() async throws {
        let dir = temporary.uniquePath()
        _ = try await Self.pipeline().render(try Self.video(), to: dir)
        let before = Self.segments(dir)
        #expect(before.count == 8)  // a transition and a body per scene
        let again = EventRecorder()
        _ = try await Self.pipeline().render(try Self.video(), to: dir, events: again.record)
        #expect(Self.segments(dir) == before)
        #expect(again.details.contains("8 of 8 segments cached"))
        let edited = EventRecorder()
        let result = try await Self.pipeline().render(
            try Self.video(narration: "The second scene now says something a good deal longer."), to: dir,
            events: edited.record)
        let after = Self.segments(dir)
        #expect(after.subtracting(before).count == 3, "scene b's transition and body, and scene c's transition")
        let soundtracks = Self.cached(dir).filter { $0.hasPrefix("soundtrack-") }
        #expect(soundtracks.count == 1, "the soundtrack is encoded again for the new narration, the old one dropped")
        #expect(edited.details.contains("5 of 8 segments cached"))
        #expect(try MediaProbe.inspect(result.videoURL).videoFrameCount == result.manifest.totalFrames)
    }

    /// A long still scene is a 10-second chunk repeated plus a remainder: after its narration
    /// changes, the chunk is reused and only the remainder and the transitions are encoded.
    @Test func stillChunksSurviveANarrationEdit() async throws {
        let dir = temporary.uniquePath()
        let long = Array(repeating: "This sentence keeps the list on screen for quite a while.", count: 8).joined(
            separator: " ")
        // The template's end says the items ("x", "y"), which would light them up: without
        // reveals the list is one still picture.
        _ = try await Self.pipeline(reveal: .none).render(try Self.video(narration: long), to: dir)
        let before = Self.segments(dir)
        let result = try await Self.pipeline(reveal: .none).render(
            try Self.video(narration: long + " One more."), to: dir)
        let after = Self.segments(dir)
        #expect(
            after.subtracting(before).count == 3,
            "b's transition and remainder, c's transition: \(after.subtracting(before).sorted()) \(before.sorted())")
        let kept = after.intersection(before).filter { $0.hasPrefix("still-") }
        let chunks = try kept.map {
            try MediaProbe.inspect(dir.appendingPathComponent("state/segments/\($0)")).videoFrameCount
        }
        #expect(chunks.contains(SegmentPlan.chunkSeconds * 12), "the full chunk of scene b is reused")
        #expect(try MediaProbe.inspect(result.videoURL).videoFrameCount == result.manifest.totalFrames)
    }

    @Test func eventsArriveInOrder() async throws {
        let dir = temporary.uniquePath()
        var events: [PipelineEvent] = []
        for try await event in Self.pipeline().eventStream(rendering: try Self.video(), to: dir) {
            events.append(event)
        }
        #expect(events.first == .pipelineStarted(taskID: "state"))
        guard case .pipelineCompleted = events.last else {
            Issue.record("last event: \(String(describing: events.last))"); return
        }
        let stages = events.compactMap { event -> String? in
            switch event {
            case .stageStarted(let s): return "start \(s)"
            case .stageCompleted(let s, _): return "done \(s)"
            default: return nil
            }
        }
        #expect(stages == VideoPipeline.stageNames.flatMap { ["start \($0)", "done \($0)"] })
        var last: [String: Double] = [:]
        for case .progress(let p) in events {
            #expect(p.fraction >= (last[p.stage] ?? 0), "\(p.stage) went backwards")
            last[p.stage] = p.fraction
        }
        #expect(last["video"] == 1)
    }

    @Test func corruptOrForeignStateIsAClearErrorAndRestartRecovers() async throws {
        let dir = temporary.uniquePath()
        let folder = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mine = folder.appendingPathComponent("my-notes.txt")
        try Data("keep me".utf8).write(to: mine)
        for garbage in [
            "{not json", #"{"format": "something-else", "version": 1}"#,
            #"{"format": "vgen-task-state", "version": 99}"#,
        ] {
            try Data(garbage.utf8).write(to: folder.appendingPathComponent("state.json"))
            let error = await #expect(throws: VideoError.self) {
                try await Self.pipeline().render(try Self.video(), to: dir)
            }
            #expect(error?.message.contains("--restart") == true, "\(String(describing: error))")
            await #expect(throws: VideoError.self) { try await Self.pipeline().resume(taskDirectory: folder) }
        }
        let result = try await Self.pipeline().render(try Self.video(), to: dir, restart: true)
        #expect(FileManager.default.fileExists(atPath: result.videoURL.path))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "keep me", "a restart deletes only what vgen wrote")
    }

    @Test func oneProcessAtATimeWorksOnATask() throws {
        let dir = temporary.uniquePath()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var first: TaskLock? = try TaskLock(directory: dir)
        let error = #expect(throws: VideoError.self) { try TaskLock(directory: dir) }
        #expect(error?.message.contains("another vgen process") == true)
        #expect(first != nil)
        first = nil  // released: the next process may work on the task
        #expect(throws: Never.self) { _ = try TaskLock(directory: dir) }
    }

    @Test func retryableSpeechFailuresAreRetriedWithBackoff() async throws {
        let dir = temporary.uniquePath()
        let flaky = FlakyVoice(failures: 2)
        var pipeline = Self.pipeline(flaky)
        pipeline.engine.retry = RetryPolicy(attempts: 3, initialDelay: 0.01)
        let log = EventRecorder()
        _ = try await pipeline.render(try Self.video(), to: dir, events: log.record)
        #expect(log.warnings.filter { $0.contains("trying again") }.count == 2)
        let hopeless = FlakyVoice(failures: 3)
        var failing = Self.pipeline(hopeless)
        failing.engine.retry = RetryPolicy(attempts: 3, initialDelay: 0.01)
        await #expect(throws: VideoError.self) {
            try await failing.render(try Self.video(), to: temporary.uniquePath())
        }
        #expect(hopeless.calls == 3)
    }

    @Test func cancellationSavesAResumableState() async throws {
        let dir = temporary.uniquePath()
        let slow = try VideoConfig(
            videoID: "state", title: "Slow", resolution: Resolution(width: 640, height: 360), fps: 30,
            scenes: (0..<6).map {
                try! SceneConfig(
                    sceneID: "s\($0)", content: .title(TitleContent(title: "Scene \($0)")),
                    narration: "Scene number \($0) takes a while to say out loud.")
            })
        let pipeline = Self.pipeline(jobs: 1)
        let events = EventRecorder()
        let task = Task {
            defer { events.finish() }
            return try await pipeline.render(slow, to: dir, events: events.record)
        }
        // Cancel once the video stage has drawn its first frames (the audio stage is saved by then).
        let drawing = await events.firstProgress(of: "video") { ($0.frame ?? 0) > 0 }
        #expect(drawing != nil, "the render ended before the video stage drew a frame")
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        let folder = dir.appendingPathComponent("state")
        let state = try #require(try VideoPipeline.state(of: folder))
        #expect(state.status == .cancelled && state.isCompleted("audio"))
        let resumed = try await pipeline.resume(taskDirectory: folder)
        #expect(try MediaProbe.inspect(resumed.videoURL).videoFrameCount == resumed.manifest.totalFrames)
    }
}

/// A voice whose first `failures` calls fail with a retryable error (like a network voice
/// timing out), then speaks with the tone voice.
final class FlakyVoice: SpeechSynthesizer {
    private let failures: Int
    private let count = Mutex(0)
    init(failures: Int) { self.failures = failures }
    var identifier: String { "flaky" }
    var calls: Int { count.withLock { $0 } }
    func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio {
        let n = count.withLock {
            $0 += 1
            return $0
        }
        if n <= failures { throw VideoError(.speech, "the voice service timed out", isRetryable: true) }
        return try await ToneSynthesizer().synthesize(text, voice: voice)
    }
}

/// A stage of the user's own: it adds a sign-off to the last scene's narration.
struct SignOffStage: PipelineStage {
    var name: String { "sign-off" }
    func run(_ input: VideoConfig, context: PipelineContext) async throws -> VideoConfig {
        var video = input
        let last = video.scenes.count - 1
        video.scenes[last].narration = (video.scenes[last].narration ?? "") + " Goodbye."
        return video
    }
}

@Suite struct InsertedStageTests {
    @Test func insertedStagesRunSaveAndResume() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-state")
        let dir = temporary.uniquePath()
        var pipeline = PipelineStateTests.pipeline()
        pipeline.insertedStages = [SignOffStage()]
        #expect(pipeline.stageNames == ["fit", "script", "sign-off", "budget", "audio", "video", "output"])
        let state = try await pipeline.render(try PipelineStateTests.video(), to: dir, stoppingAfter: "sign-off")
        #expect(state.stages.map(\.name) == pipeline.stageNames && state.nextStage == "budget")
        let folder = dir.appendingPathComponent("state")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("stage-sign-off.json").path))
        // A pipeline without the stage refuses to resume the task.
        await #expect(throws: VideoError.self) { try await PipelineStateTests.pipeline().resume(taskDirectory: folder) }
        let result = try await pipeline.resume(taskDirectory: folder)
        #expect(result.manifest.scenes.last?.words.last?.text == "Goodbye.")
    }

    /// `plan` runs the render's own stage list up to the first stage that draws: inserted stages
    /// and scene fitting included, so its manifest is the one the render writes.
    @Test func planRunsTheSameStagesAsARender() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-state")
        var pipeline = PipelineStateTests.pipeline()
        pipeline.insertedStages = [SignOffStage()]
        var video = try PipelineStateTests.video()
        // Too many items for one slide: the fit stage continues the list on a second scene.
        video.scenes[1].content = .list(ListContent(heading: "Many", items: (1...40).map { "Item number \($0)" }))
        let planned = try await pipeline.plan(video)
        #expect(planned.scenes.count > video.scenes.count, "the plan fitted the long list")
        #expect(planned.scenes.last?.words.last?.text == "Goodbye.", "the plan ran the inserted stage")
        let rendered = try await pipeline.render(video, to: temporary.uniquePath())
        #expect(rendered.manifest == planned)
        let written = try Data(contentsOf: rendered.directory.appendingPathComponent("timing_manifest.json"))
        #expect(try JSONDecoder().decode(TimingManifest.self, from: written) == planned)
    }

    @Test func theScriptStageCanBeReplaced() async throws {
        struct FixedScript: PipelineStage {
            var name: String { "script" }
            func run(_ input: VideoConfig, context: PipelineContext) async throws -> VideoConfig {
                var video = input
                for i in video.scenes.indices { video.scenes[i].narration = "Scene \(i + 1)." }
                return video
            }
        }
        var pipeline = PipelineStateTests.pipeline()
        pipeline.script = FixedScript()
        let manifest = try await pipeline.plan(try PipelineStateTests.video())
        #expect(
            manifest.scenes.map { $0.words.map(\.text).joined(separator: " ") } == [
                "Scene 1.", "Scene 2.", "Scene 3.", "Scene 4.",
            ])
    }
}
