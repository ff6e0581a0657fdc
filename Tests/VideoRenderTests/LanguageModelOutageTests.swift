import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// A provider that is down never fails a render: the whole pipeline, with the AI narration
/// writer and the metadata improver pointed at a port nothing listens on, still writes a
/// video whose narration is the offline writer's, with one warning per scene and one for the
/// metadata.
@Suite struct LanguageModelOutageTests {
    static let key = "sk-outage-SECRET-5d2e"
    static let document = """
        # Outage

        A short document rendered while the language model is down.

        ## Why

        - Renders never wait on a model
        - Templates speak instead

        ## How

        The script stage falls back scene by scene. The output stage keeps the offline metadata.
        """

    /// A real render at 160x90 (a few seconds on an idle machine; 12-15 s was seen with the
    /// machine's two cores shared by a dozen jobs): the claim is about the whole pipeline.
    @Test func aProviderThatIsDownNeverFailsARender() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-llm-outage")
        let listener = try LocalHTTPServer()
        let base = URL(string: listener.baseURL.absoluteString + "/v1")!
        listener.stop()  // nothing answers there any more: every call is refused
        let model = HTTPLanguageModel(
            configuration: LanguageModelConfiguration(provider: .openai, baseURL: base, apiKey: Self.key),
            options: LanguageModelOptions(timeout: 5, retry: RetryPolicy(attempts: 2, initialDelay: 0.01)))
        var pipeline = VideoPipeline(
            registry: .standard, writer: AINarrationWriter(model: model), synthesizer: ToneSynthesizer(),
            options: RenderOptions(preset: "ultrafast", transitionDuration: 0.25), jobs: 1)
        pipeline.output.languageModel = model
        let settings = VideoSettings(resolution: Resolution(width: 160, height: 90), fps: 10)
        let config = try DocumentAdapter(text: Self.document, name: "outage.md", settings: settings).makeVideoConfig()
        let events = EventRecorder()

        let result = try await pipeline.render(config, to: temporary.uniquePath(), events: events.record)

        let info = try MediaProbe.inspect(result.videoURL)
        #expect(info.videoFrameCount == result.manifest.totalFrames && info.videoFrameCount > 0)
        // Every scene is narrated as the offline writer narrates it.
        let offline = try await ScriptStage().run(config, context: PipelineContext(directory: temporary.uniquePath()))
        let script = try JSONDecoder().decode(
            VideoConfig.self, from: Data(contentsOf: result.directory.appendingPathComponent("script.json")))
        #expect(script.scenes.map(\.narration) == offline.scenes.map(\.narration))
        let warnings = events.warnings
        let fallbacks = warnings.filter { $0.contains("AI narration failed, using the template instead") }
        #expect(fallbacks.count == config.scenes.count, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("metadata: the language model failed") }, "\(warnings)")
        #expect(!warnings.contains { $0.contains(Self.key) })

        let metadata = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: result.directory.appendingPathComponent("metadata.json"))) as? [String: Any])
        #expect(metadata["language_models"] == nil, "no call succeeded, so none is counted")
        #expect((metadata["title_variants"] as? [String: Any])?["original"] as? String == "Outage")
    }
}
