import Foundation
import VGenCommandLine
import VideoAI
import VideoCore
import VideoRender

/// How the command line reaches the language model (`Docs/LanguageModels.md`): the AI
/// narration writer, prompt planning and the metadata improver, all from the environment.
enum LanguageModelSetup {
    /// The narration writers `--narration` accepts.
    static let narrationModes = ["template", "ai"]

    /// The configured model, or nil when none is.
    static func configured() throws -> (any LanguageModel)? {
        try LanguageModelConfiguration.languageModel()
    }

    /// A pipeline whose script stage uses the `narration` writer, whose voice is the
    /// environment's (`CLIVoice`), and whose output stage improves the metadata with the
    /// configured model, if any.
    /// - Throws: `VideoError` for an unknown mode, a bad setting, or `ai` without a model.
    static func pipeline(narration: String, options: RenderOptions, jobs: Int) throws -> VideoPipeline {
        guard narrationModes.contains(narration) else {
            throw VideoError(
                .invalidInput, "unknown narration writer '\(narration)'; valid: template, ai", field: "narration")
        }
        let model = try configured()
        var writer: any NarrationWriter = TemplateNarrationWriter()
        if narration == "ai" {
            writer = AINarrationWriter(
                model: try model ?? LanguageModelConfiguration.requiredLanguageModel(for: "--narration ai"))
        }
        var pipeline = VideoPipeline(
            registry: .standard, writer: writer, synthesizer: try CLIVoice.synthesizer(), options: options, jobs: jobs)
        pipeline.output.languageModel = model
        return pipeline
    }

    /// Plans the video of `prompt` (`vgen --prompt`), saves it as `spec.yaml` in its folder
    /// and records what planning cost there.
    /// - Parameters:
    ///   - prompt: What the video is about.
    ///   - duration: The length wanted in seconds, or nil.
    ///   - render: The command's render options (their overrides apply to the plan).
    /// - Returns: The video and its render options.
    /// - Throws: `VideoError`: no model configured, the model failing, a plan that is not a
    ///   valid video twice.
    static func plan(prompt: String, duration: Double?, render: RenderArguments) async throws -> (
        VideoConfig, RenderOptions
    ) {
        let model = try LanguageModelConfiguration.requiredLanguageModel(for: "--prompt")
        let overrides = try render.overrides()
        let output = URL(fileURLWithPath: render.outputDir)
        // A planned picture would name a file that does not exist: pictures come from documents and specs.
        let offered = RendererRegistry.standard.sceneDescriptions.filter { $0.type != .image }
        let planner = PromptPlanner(model: model, sceneTypes: offered)
        let plan = try await planner.plan(
            prompt: prompt, duration: duration, resolution: overrides.resolution ?? .hd1080, overrides: overrides,
            cacheDirectory: output.appendingPathComponent(".llm-cache"))
        let config = try render.apply(to: plan.config)
        let folder = output.appendingPathComponent(config.videoID, isDirectory: true)
        try AtomicFile.makeDirectory(folder)
        // The spec as it will be rendered: the plan with the command's duration and platform.
        try AtomicFile.write(
            Data(try config.yamlString(theme: overrides.theme).utf8), to: folder.appendingPathComponent("spec.yaml"))
        try plan.recordUsage(in: folder)
        return (config, try render.options(theme: overrides.theme))
    }
}
