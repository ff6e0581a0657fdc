import Foundation
import VideoCore

/// Continues scenes whose text does not fit on follow-up scenes, so nothing is ever cut short.
///
/// A list, command or table scene that does not fit at its minimum text size is split in two
/// (items, code lines at a blank line where possible, or table rows under the same header), again and again until every part
/// fits; the parts are headed "Heading (1/3)", "Heading (2/3)"… Narration the scene had is
/// shared out by sentences; scenes without narration get the template's for each part. The
/// video never grows past `VideoLimits.maxScenes`: what still does not fit then is drawn as small
/// as the renderer allows, with a warning.
struct SceneFitter {
    var registry: RendererRegistry
    var theme: VideoTheme

    /// The video with overflowing scenes continued, and a warning for each continued scene.
    func fit(_ config: VideoConfig) throws -> (VideoConfig, [String]) {
        var scenes: [SceneConfig] = []
        var warnings: [String] = []
        for (index, scene) in config.scenes.enumerated() {
            let room = VideoLimits.maxScenes - scenes.count - (config.scenes.count - index - 1)
            let parts = try split(scene, in: config, index: index, room: room)
            if parts.count > 1 {
                warnings.append(
                    "scene \(scene.sceneID) does not fit on one screen: continued over \(parts.count) scenes")
            }
            scenes += parts
        }
        var video = config
        video.scenes = scenes
        try video.validate()
        return (video, warnings + (try missingGlyphWarnings(video)))
    }

    /// One warning per text of `video` that no installed font can draw whole ("tofu"), naming
    /// the scene, the language and the text.
    func missingGlyphWarnings(_ video: VideoConfig) throws -> [String] {
        try video.scenes.enumerated().flatMap { index, scene in
            let context = RenderContext(
                resolution: video.resolution, accentColor: video.accentColor, theme: theme, sceneIndex: index,
                sceneCount: video.scenes.count, videoTitle: video.title, language: video.language)
            return try registry.missingGlyphs(in: scene, context: context).map {
                "scene \(scene.sceneID): missing glyphs in \(video.language.profile.englishName) (\(video.language.tag)) text '\($0.prefix(80))'"
            }
        }
    }

    private func split(_ scene: SceneConfig, in config: VideoConfig, index: Int, room: Int) throws -> [SceneConfig] {
        let context = RenderContext(
            resolution: config.resolution, accentColor: config.accentColor, theme: theme, sceneIndex: index,
            sceneCount: config.scenes.count, videoTitle: config.title, language: config.language)
        var pieces = [scene.content]
        // Halve every piece that overflows until all fit or there is no more room.
        while pieces.count < room {
            guard let i = try pieces.firstIndex(where: { try !fits($0, scene, context) }), let halves = halve(pieces[i])
            else {
                break
            }
            pieces.replaceSubrange(i...i, with: halves)
        }
        guard pieces.count > 1 else { return [scene] }
        let narration = share(scene.narration, among: pieces.count)
        return try pieces.enumerated().map { k, content in
            try SceneConfig(
                sceneID: k == 0 ? scene.sceneID : "\(scene.sceneID)-\(k + 1)",
                content: numbered(content, part: k + 1, of: pieces.count), narration: narration?[k], voice: scene.voice,
                minDuration: scene.minDuration, maxDuration: scene.maxDuration,
                transition: k == 0 ? scene.transition : .cut)
        }
    }

    private func fits(_ content: SceneContent, _ scene: SceneConfig, _ context: RenderContext) throws -> Bool {
        var probe = scene
        probe.content = content
        return try registry.fits(probe, context: context)
    }

    private func halve(_ content: SceneContent) -> [SceneContent]? {
        switch content {
        case .list(let c) where c.items.count > 1:
            let mid = c.items.count / 2
            return [
                .list(ListContent(heading: c.heading, items: Array(c.items[..<mid]))),
                .list(ListContent(heading: c.heading, items: Array(c.items[mid...]))),
            ]
        case .command(let c):
            let lines = c.code.components(separatedBy: "\n")
            guard lines.count > 1 else { return nil }
            // Prefer a blank line near the middle.
            let mid = lines.count / 2
            let blank = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).isEmpty && $0 > 0 }
                .min { abs($0 - mid) < abs($1 - mid) }
            let cut = blank.map { abs($0 - mid) <= lines.count / 4 ? $0 : mid } ?? mid
            let first = lines[..<cut].joined(separator: "\n"), second = lines[cut...].joined(separator: "\n")
            let trimmed = second.drop { $0 == "\n" }
            guard !first.isEmpty, !trimmed.isEmpty else { return nil }
            return [
                .command(CommandContent(heading: c.heading, code: first, language: c.language, caption: c.caption)),
                .command(CommandContent(heading: c.heading, code: String(trimmed), language: c.language, caption: nil)),
            ]
        case .table(let c) where c.rows.count > 1:
            // Each part keeps the header row.
            let mid = c.rows.count / 2
            return [
                .table(TableContent(heading: c.heading, header: c.header, rows: Array(c.rows[..<mid]))),
                .table(TableContent(heading: c.heading, header: c.header, rows: Array(c.rows[mid...]))),
            ]
        default:
            return nil
        }
    }

    private func numbered(_ content: SceneContent, part: Int, of count: Int) -> SceneContent {
        switch content {
        case .list(var c):
            c.heading += " (\(part)/\(count))"
            return .list(c)
        case .command(var c):
            c.heading += " (\(part)/\(count))"
            return .command(c)
        case .table(var c):
            c.heading += " (\(part)/\(count))"
            return .table(c)
        default:
            return content
        }
    }

    /// The narration's sentences dealt out in order over `count` parts (nil: templates write each).
    private func share(_ narration: String?, among count: Int) -> [String?]? {
        guard let narration, !narration.isEmpty else { return nil }
        let sentences = sentences(of: narration)
        return (0..<count).map { k in
            let lo = sentences.count * k / count, hi = sentences.count * (k + 1) / count
            let part = sentences[lo..<hi].joined(separator: " ")
            return part.isEmpty ? nil : part
        }
    }
}

/// The fit stage: validates the video and continues scenes whose text does not fit on
/// follow-up scenes (`SceneFitter`), warning for each; the first stage of a document video.
struct FitStage: PipelineStage {
    var registry: RendererRegistry
    var theme: VideoTheme

    var name: String { "fit" }

    func run(_ input: VideoConfig, context: PipelineContext) async throws -> VideoConfig {
        let (fitted, warnings) = try SceneFitter(registry: registry, theme: theme).fit(input)
        for warning in warnings { context.warn(warning) }
        return fitted
    }
}
