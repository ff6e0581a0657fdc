import Foundation
import Yams

/// Reads a composed spec: one video at the top level, or a `videos:` list (a video set)
/// whose top level may give shared defaults for the look.
struct YAMLVideoReader {
    /// The keys of one video.
    static let videoKeys = [
        "video_id", "title", "description", "accent_color", "voice", "resolution", "fps", "theme", "transition",
        "duration", "scenes", "pronunciations", "captions", "music", "loudness", "language",
    ]
    /// The keys of a video set's top level.
    static let setKeys = [
        "videos", "accent_color", "voice", "resolution", "fps", "theme", "transition", "captions", "music", "loudness",
        "language",
    ]

    let context: YAMLContext
    let customTypes: Set<SceneType>
    let overrides: VideoOverrides
    /// The folder `music:` paths resolve in.
    var baseDirectory: URL? = nil

    /// The look-related values of one level of the spec; `nil` where not given.
    struct Look {
        var accentColor: AccentColor?
        var voice: Voice?
        var resolution: Resolution?
        var fps: Int?
        var theme: ThemeName?
        var transition: SceneTransition?
        var captions: CaptionMode?
        var music: URL?
        var loudness: Double?
        var language: Language?
    }

    /// Reads every video of the document.
    func read(_ root: Node) throws -> [YAMLVideo] {
        let map = try YAMLMapping(root, path: "", what: "a spec", context: context)
        guard map.has("videos") else { return [try video(map, defaults: Look(), prefix: "")] }
        try map.checkKeys(allowed: Self.setKeys, for: "a video set (each video goes under 'videos')")
        guard case .sequence(let list) = map.value("videos"), !list.isEmpty else {
            throw context.error(map.mark(of: "videos"), "videos", "must be a non-empty list of videos")
        }
        if overrides.videoID != nil, list.count > 1 {
            throw context.error(
                map.mark(of: "videos"), "videos", "a video id override cannot apply to a set of \(list.count) videos")
        }
        let defaults = try look(map)
        var videos: [YAMLVideo] = []
        var firstIndex: [String: Int] = [:]
        for (i, node) in list.enumerated() {
            let entry = try YAMLMapping(node, path: "videos[\(i)]", what: "a video", context: context)
            let video = try self.video(entry, defaults: defaults, prefix: "videos[\(i)].")
            if let earlier = firstIndex[video.config.videoID] {
                throw context.error(
                    entry.mark(of: "video_id"), "videos[\(i)]",
                    "video_id '\(video.config.videoID)' is already used by videos[\(earlier)]")
            }
            firstIndex[video.config.videoID] = i
            videos.append(video)
        }
        return videos
    }

    /// Reads one video's mapping.
    private func video(_ map: YAMLMapping, defaults: Look, prefix: String) throws -> YAMLVideo {
        let path = String(prefix.dropLast())
        try map.checkKeys(allowed: Self.videoKeys, for: "a video")
        let own = try look(map)
        let title = try map.requiredString("title")
        let videoID = try overrides.videoID ?? map.string("video_id") ?? VideoConfig.makeID(from: title)
        guard let scenesNode = map.value("scenes") else {
            throw context.error(map.mark, path, "missing required field 'scenes' (a list of scenes)")
        }
        guard case .sequence(let sceneNodes) = scenesNode else {
            throw context.error(
                scenesNode.mark, path, "'scenes' must be a list, not \(YAMLMapping.describe(scenesNode))")
        }
        let duration = try map.string("duration").map { text in
            try context.located(map.mark(of: "duration"), path) { try DurationBudget(parsing: text) }
        }
        let reader = YAMLSceneReader(context: context, customTypes: customTypes)
        let drafts = try sceneNodes.enumerated().map { try reader.read($0.element, index: $0.offset, prefix: prefix) }
        let ids = SceneIDAllocator.assign(drafts.map { ($0.id, $0.content.sceneType) })
        let scenes = try zip(drafts, ids).map { try reader.scene($0, id: $1) }
        do {
            let config = try VideoConfig(
                videoID: videoID, title: title, description: try map.string("description") ?? "",
                accentColor: overrides.accentColor ?? own.accentColor ?? defaults.accentColor ?? .blue,
                voice: overrides.voice ?? own.voice ?? defaults.voice ?? .male,
                resolution: overrides.resolution ?? own.resolution ?? defaults.resolution ?? .hd1080,
                fps: overrides.fps ?? own.fps ?? defaults.fps ?? 30,
                transition: own.transition ?? defaults.transition ?? .crossfade, scenes: scenes, duration: duration,
                pronunciations: try pronunciations(map),
                language: overrides.language ?? own.language ?? defaults.language ?? .english)
            return YAMLVideo(
                config: config.localized(to: config.language), theme: overrides.theme ?? own.theme ?? defaults.theme,
                captions: own.captions ?? defaults.captions, music: own.music ?? defaults.music,
                loudness: own.loudness ?? defaults.loudness)
        } catch let error as VideoError {
            throw relocate(error, map: map, drafts: drafts, path: path)
        }
    }

    /// Points a `VideoConfig` validation error at the key it is about.
    private func relocate(_ error: VideoError, map: YAMLMapping, drafts: [YAMLSceneReader.Draft], path: String)
        -> VideoError
    {
        let field = error.field ?? ""
        if field.hasPrefix("scenes["), let close = field.firstIndex(of: "]"),
            let index = Int(field[field.index(field.startIndex, offsetBy: 7)..<close]), drafts.indices.contains(index)
        {
            let rest = field[field.index(after: close)...].drop { $0 == "." }
            let key = String(rest.prefix { $0 != "[" && $0 != "." })
            let scene = drafts[index].mapping
            return context.error(scene.mark(of: key), scene.path, "'\(rest)' \(error.message)")
        }
        let key = String(field.prefix { $0 != "[" && $0 != "." })
        return context.error(map.mark(of: key), path.isEmpty ? field : "\(path).\(field)", error.message)
    }

    /// Reads `pronunciations:`, a mapping of word → spoken form.
    private func pronunciations(_ map: YAMLMapping) throws -> PronunciationLexicon {
        guard let node = map.value("pronunciations"), !YAMLMapping.isNull(node) else { return .empty }
        let path = map.path.isEmpty ? "pronunciations" : "\(map.path).pronunciations"
        return try PronunciationFile.lexicon(node, path: path, context: context)
    }

    /// Reads accent colour, voice, resolution, fps and theme.
    private func look(_ map: YAMLMapping) throws -> Look {
        var look = Look()
        if let name = try map.string("accent_color") {
            look.accentColor = try context.located(map.mark(of: "accent_color"), map.path) {
                try AccentColor(validating: name)
            }
        }
        if let name = try map.string("voice") {
            look.voice = try context.located(map.mark(of: "voice"), map.path) { try YAMLSceneReader.voice(name) }
        }
        if let tag = try map.string("language") {
            look.language = try context.located(map.mark(of: "language"), map.path) { try Language(validating: tag) }
        }
        if let text = try map.string("resolution") {
            look.resolution = try context.located(map.mark(of: "resolution"), map.path) {
                try Resolution(parsing: text)
            }
        }
        if let fps = try map.int("fps") {
            guard VideoLimits.fpsRange.contains(fps) else {
                throw context.error(
                    map.mark(of: "fps"), map.path,
                    "fps \(fps) is outside \(VideoLimits.fpsRange.lowerBound)–\(VideoLimits.fpsRange.upperBound)")
            }
            look.fps = fps
        }
        if let name = try map.string("transition") {
            look.transition = try context.located(map.mark(of: "transition"), map.path) {
                try SceneTransition(validating: name)
            }
        }
        if let name = try map.string("theme") {
            guard let theme = ThemeName(rawValue: name.lowercased()) else {
                throw context.error(
                    map.mark(of: "theme"), map.path,
                    "unknown theme '\(name)'; valid: \(ThemeName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            look.theme = theme
        }
        try sound(map, into: &look)
        return look
    }

    /// Reads `captions`, `music` and `loudness`.
    private func sound(_ map: YAMLMapping, into look: inout Look) throws {
        if let name = try map.string("captions") {
            look.captions = try context.located(map.mark(of: "captions"), map.path) {
                try CaptionMode(validating: name)
            }
        }
        if let path = try map.string("music") {
            look.music = try context.located(map.mark(of: "music"), map.path) {
                do {
                    return try MediaPathResolver(baseDirectory: baseDirectory ?? URL(fileURLWithPath: ".")).resolve(
                        path)
                } catch let error as VideoError {
                    throw VideoError.invalid("music", error.message)
                }
            }
        }
        if let lufs = try map.double("loudness") {
            look.loudness = try context.located(map.mark(of: "loudness"), map.path) {
                try SoundOptions.validate(loudness: lufs)
            }
        }
    }
}
