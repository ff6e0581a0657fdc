import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

extension PreviewCommand: ExecutableCommand {
    /// Draws the scene and writes the PNG, printing its path.
    func execute() async throws {
        do {
            let url = URL(fileURLWithPath: file)
            let videos: [(VideoConfig, ThemeName?)]
            if ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
                videos = try YAMLAdapter(url: url, overrides: try render.overrides()).readVideos().map {
                    ($0.config, $0.theme)
                }
            } else {
                videos = [(try render.documentAdapter(url).makeVideoConfig(), nil)]
            }
            guard let (config, theme) = video.map({ id in videos.first { $0.0.videoID == id } }) ?? videos.first else {
                throw VideoError(.invalidInput, "no video '\(video ?? "")' in \(file)", field: "video")
            }
            guard (1...config.scenes.count).contains(scene) else {
                throw VideoError(
                    .invalidInput, "scene \(scene) does not exist; \(file) has \(config.scenes.count) scenes",
                    field: "scene")
            }
            let options = try render.options(theme: theme)
            let context = RenderContext(
                resolution: config.resolution, accentColor: config.accentColor, theme: options.theme,
                sceneIndex: scene - 1, sceneCount: config.scenes.count, videoTitle: config.title,
                language: config.language)
            let canvas = try RendererRegistry.standard.render(config.scenes[scene - 1], context: context)
            let target = URL(fileURLWithPath: out)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(
                ".\(target.lastPathComponent).partial")
            try canvas.writePNG(to: temporary)
            try AtomicFile.replace(target, with: temporary)
            print(target.path)
        } catch {
            CLIRunner.fail(error)
        }
    }
}
