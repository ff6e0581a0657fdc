import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

extension RenderCommand: ExecutableCommand {
    /// Plans (from `--prompt`) or reads the input, then renders every video it holds: all
    /// languages, multitrack, up to `--stop-after`, or one shard.
    mutating func execute() async throws {
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
