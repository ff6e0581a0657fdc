import ArgumentParser
import Foundation
import VideoCore
import VideoRender

/// The `vgen` command. Its default subcommand renders documents and YAML specs, so
/// `vgen --document README.md` works as it reads.
@main
struct VGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vgen",
        abstract: "Turn documents into narrated videos, and photos and a song into beat-cut montages.",
        discussion: """
            Without a subcommand, vgen renders (every option of 'vgen render --help' applies):
              vgen --document PATH [--output-dir DIR] [--accent-color C] [--voice V]
                   [--resolution WxH] [--fps N] [--preset P] [--transition T] [--jobs N] [--json]
              vgen --yaml SPEC.yaml [same options]
              vgen --prompt "Explain Swift actors to a Python developer" [same options]
            """,
        subcommands: [
            RenderCommand.self, ResumeCommand.self, StatusCommand.self, BatchCommand.self, PreviewCommand.self,
            ScenesCommand.self, BeatsCommand.self, MontageCommand.self, EditCommand.self, ServeCommand.self,
            JoinCommand.self, WorkerCommand.self,
            RefineCommand.self,
        ],
        defaultSubcommand: RenderCommand.self)

    /// Parses the command line and runs the command. Every failure, the parser's included,
    /// ends in `CLIRunner.fail`: one line `vgen: error: …` and the status of `ExitStatus`.
    static func main() async {
        AllocatorPolicy.apply()  // before any thread starts (Docs/Memory.md)
        do {
            var command = try parseAsRoot()
            (command as? any VerboseCommand)?.logging.apply()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            CLIRunner.fail(error)
        }
    }
}

/// `vgen [render] --document PATH | --yaml PATH`: documents and YAML specs into narrated videos.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Turn a document or a YAML spec into a narrated video (the default subcommand).",
        discussion: """
            Renders a Markdown or text document (--document) or a YAML spec (--yaml) into \
            <output-dir>/<video_id>/ with video.mp4, narration WAVs, timing_manifest.json, \
            metadata.json, captions (SRT and VTT) and thumbnail.png. Narration is spoken offline \
            by flite (English) or espeak-ng (other languages) before any frame is drawn, and the \
            picture follows its measured timing \
            exactly.
            """)

    @Option(name: .long, help: "The Markdown (.md) or plain-text (.txt) document to render.")
    var document: String?

    @Option(name: .long, help: "The YAML spec to render (one video, or a set under 'videos:'); see Docs/YAMLSchema.md.")
    var yaml: String?

    @Option(
        name: .long,
        help:
            "Plan the video from this prompt with the configured language model; the plan is saved as spec.yaml in its folder."
    )
    var prompt: String?

    @OptionGroup var render: RenderArguments
    @OptionGroup var task: TaskArguments
    @OptionGroup var sharding: ShardArguments

    @Flag(name: .long, help: "Remove what an earlier run left in the video's folder (even a corrupt state file) first.")
    var restart = false

    @Option(
        name: .long,
        help: "Stop after this stage (fit, script, budget, audio, video), with the state saved; vgen resume continues.")
    var stopAfter: String?

    mutating func run() async throws {
        let (render, task, restart, stopAfter, sharding) = (render, task, restart, stopAfter, sharding)
        let (document, yaml) = (document, yaml)
        var planned: (VideoConfig, RenderOptions)?
        if let prompt {
            do {
                guard document == nil, yaml == nil else {
                    throw VideoError(.invalidInput, "pass one of --document, --yaml or --prompt")
                }
                planned = try await CLIRunner.cancellable {
                    try await LanguageModelSetup.plan(
                        prompt: prompt, duration: try render.budget()?.targetSeconds, render: render)
                }
            } catch {
                CLIRunner.fail(error)
            }
        }
        let plan = planned
        try await CLIRunner.run(json: task.json) {
            if let plan { return ([plan], []) }
            switch (document, yaml) {
            case (let document?, nil):
                let read = try render.documentAdapter(URL(fileURLWithPath: document))
                    .read()
                return ([(try render.apply(to: read.config), try render.options())], read.warnings)
            case (nil, let yaml?):
                let videos = try YAMLAdapter(url: URL(fileURLWithPath: yaml), overrides: try render.overrides())
                    .readVideos()
                return (
                    try videos.map { (try render.apply(to: $0.config), try render.options(of: $0)) }, []
                )
            case (.some, .some):
                throw VideoError(.invalidInput, "pass either --document or --yaml, not both")
            case (nil, nil):
                throw VideoError(
                    .invalidInput,
                    "nothing to render: pass --document PATH, --yaml PATH or --prompt TEXT (see vgen --help)")
            }
        } render: { config, options, reporter in
            let pipeline = try LanguageModelSetup.pipeline(
                narration: render.narration, options: options, jobs: task.jobs)
            var output = URL(fileURLWithPath: render.outputDir)
            var config = config
            if render.multitrack {
                // Every version in OUTPUT/<tag>/ to one timing, then OUTPUT/multitrack/<video_id>/video.mp4.
                let languages = try render.languages.map(LanguageVersions.parse)
                try MultitrackVersions.requireLanguages(languages?.count)
                return try await MultitrackVersions.render(
                    try await LanguageVersions.make(config, languages: languages!, output: output),
                    languages: languages!, pipeline: pipeline, output: output, restart: restart,
                    events: reporter.handle
                ) { version in
                    reporter.finish()
                    if reporter.printsPaths { print(version.videoURL.path) }
                }
            }
            if let languages = render.languages {
                // One version per language, in OUTPUT/<tag>/; every version but the last prints here.
                let versions = try await LanguageVersions.make(
                    config, languages: try LanguageVersions.parse(languages), output: output)
                for version in versions.dropLast() {
                    let result = try await pipeline.render(
                        version.config, to: version.folder, restart: restart, events: reporter.handle)
                    reporter.finish()
                    if reporter.printsPaths { print(result.videoURL.path) }
                }
                (config, output) = (versions.last!.config, versions.last!.folder)
            }
            if let stopAfter {
                _ = try await pipeline.render(
                    config, to: output, stoppingAfter: stopAfter, restart: restart, events: reporter.handle)
                if !task.json { print(output.appendingPathComponent(config.videoID).path) }
                return nil
            }
            let result = try await sharding.render(
                config, pipeline: pipeline, output: output, restart: restart, events: reporter.handle)
            if result == nil, !task.json { print(output.appendingPathComponent(config.videoID).path) }  // a shard
            return result
        }
    }
}
