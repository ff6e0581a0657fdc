import Foundation
import Yams

/// Reads a YAML spec — one video, or a `videos:` list of them (a video set) — into validated
/// `VideoConfig`s. The schema is documented in `Docs/YAMLSchema.md`.
///
/// ```yaml
/// video_id: swift-concurrency
/// title: Swift concurrency in 3 minutes
/// accent_color: purple
/// scenes:
///   - scene_id: intro
///     scene_type: title
///     title: Swift concurrency
///     subtitle: async/await, tasks and actors
///     narration: Let's make sense of Swift concurrency.
/// ```
///
/// A scene's content fields sit next to `scene_type` (see `SceneType.contentFields`).
///
/// # Errors
/// Every problem throws a `VideoError` (`.invalidInput`, or `.io` for an unreadable file)
/// whose `location` holds the file, line and column (its description starts with
/// `file.yaml:LINE:COLUMN:`) and whose field names the scene: malformed YAML, nesting deeper
/// than `YAMLNestingGuard.maxDepth`, unknown keys (with a "did you mean"), unknown scene types,
/// colours, themes and voices (with the valid values), missing required fields, and every limit
/// of `VideoLimits`.
///
/// # Voices
/// The four portable names (`male`, `female`, `male_warm`, `female_friendly`) are always
/// valid. Any other name must look like an espeak-ng voice (`en-us`, `de`, `fr+f2`); whether
/// the synthesizer knows it is checked when it speaks.
public struct YAMLAdapter: InputAdapter {
    private enum Source: Hashable, Sendable {
        case file(URL)
        case text(String)
    }

    private let source: Source
    /// The spec's name in messages (the file's path as given, or the name passed with text).
    public let name: String
    /// The folder relative media paths are resolved against, and must stay inside.
    public let baseDirectory: URL
    /// Values imposed on every video, whatever the spec says.
    public let overrides: VideoOverrides
    /// Scene types beyond the built-in twelve that specs may use (for example those an app
    /// registered with its renderer); their fields are free-form text.
    public let customSceneTypes: Set<SceneType>

    /// Creates an adapter for a spec file.
    /// - Parameters:
    ///   - url: The spec's file URL; relative media paths resolve against its folder.
    ///   - overrides: Values that replace the spec's own (only those given).
    ///   - customSceneTypes: Scene types to accept beyond the built-in twelve.
    public init(url: URL, overrides: VideoOverrides = VideoOverrides(), customSceneTypes: Set<SceneType> = []) {
        self.source = .file(url)
        self.name = url.relativePath
        self.baseDirectory = url.deletingLastPathComponent()
        self.overrides = overrides
        self.customSceneTypes = customSceneTypes
    }

    /// Creates an adapter for a spec file whose look is fully set by `settings` (every field
    /// of `settings` overrides the spec).
    public init(url: URL, settings: VideoSettings) {
        self.init(url: url, overrides: VideoOverrides(settings))
    }

    /// Creates an adapter for a spec in memory.
    /// - Parameters:
    ///   - text: The YAML.
    ///   - name: A file name for messages.
    ///   - baseDirectory: The folder relative media paths resolve against.
    ///   - overrides: Values that replace the spec's own (only those given).
    ///   - customSceneTypes: Scene types to accept beyond the built-in twelve.
    public init(
        text: String, name: String = "spec.yaml", baseDirectory: URL, overrides: VideoOverrides = VideoOverrides(),
        customSceneTypes: Set<SceneType> = []
    ) {
        self.source = .text(text)
        self.name = name
        self.baseDirectory = baseDirectory
        self.overrides = overrides
        self.customSceneTypes = customSceneTypes
    }

    /// Reads a spec holding one video.
    /// - Throws: `VideoError`; also when the spec is a set of several videos (use
    ///   `makeVideoSet()`).
    public func makeVideoConfig() throws -> VideoConfig {
        let videos = try readVideos()
        guard videos.count == 1 else {
            throw VideoError(
                .invalidInput, "holds a set of \(videos.count) videos; read it as a video set", location: fileLocation)
        }
        return videos[0].config
    }

    /// Reads every video of the spec: the `videos:` list of a set, or the one video.
    /// - Throws: `VideoError` with the file, line and column of the problem.
    public func makeVideoSet() throws -> [VideoConfig] {
        try readVideos().map(\.config)
    }

    /// Reads every video with the theme its spec asks for.
    /// - Throws: `VideoError` with the file, line and column of the problem.
    public func readVideos() throws -> [YAMLVideo] {
        let context = YAMLContext(fileName: name)
        let text = try readText()
        // Yams composes recursively: a hostile spec nested thousands deep would overflow the stack.
        try YAMLNestingGuard.check(text, fileName: name)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, context: context)
        }
        guard let root, !YAMLMapping.isNull(root) else {
            throw VideoError(.invalidInput, "the spec is empty", location: fileLocation)
        }
        let videos = try YAMLVideoReader(
            context: context, customTypes: customSceneTypes, overrides: overrides, baseDirectory: baseDirectory
        ).read(root)
        return try videos.map(resolvingImages)
    }

    /// The video with every image scene's path resolved inside `baseDirectory`.
    private func resolvingImages(_ video: YAMLVideo) throws -> YAMLVideo {
        var video = video
        for (index, scene) in video.config.scenes.enumerated() {
            guard case .image(var image) = scene.content else { continue }
            do {
                image.path = try resolveMediaPath(image.path).path
            } catch let error as VideoError {
                throw VideoError(
                    error.code, "\(name): \(error.message)", field: "scenes[\(index)].content.path")
            }
            video.config.scenes[index].content = .image(image)
        }
        return video
    }

    /// Resolves a media path written in the spec (an image, for example) against
    /// `baseDirectory`.
    ///
    /// Absolute paths are accepted only inside the folder; `..` and symbolic links may not
    /// lead out of it.
    /// - Returns: The file's URL, symbolic links resolved.
    /// - Throws: `VideoError` (`.invalidInput`) when the path escapes the folder, `.io` when
    ///   the file does not exist.
    public func resolveMediaPath(_ path: String) throws -> URL {
        try MediaPathResolver(baseDirectory: baseDirectory).resolve(path)
    }

    /// The spec file as a location without a line, for problems with the whole file.
    private var fileLocation: VideoError.Location { VideoError.Location(file: name) }

    private func readText() throws -> String {
        switch source {
        case .text(let text): return text
        case .file(let url):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw VideoError(.io, "no such file", location: fileLocation)
            }
            guard !isDirectory.boolValue else {
                throw VideoError(.io, "is a directory, not a YAML file", location: fileLocation)
            }
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw VideoError(.io, "cannot be read", location: fileLocation, underlying: error)
            }
            guard data.count <= VideoLimits.maxDocumentBytes else {
                throw VideoError(
                    .invalidInput, "is \(data.count) bytes; the limit is \(VideoLimits.maxDocumentBytes)",
                    location: fileLocation)
            }
            guard let text = String(data: data, encoding: .utf8), !text.contains("\0") else {
                throw VideoError(.invalidInput, "is not UTF-8 text", location: fileLocation)
            }
            return text
        }
    }

    /// `file.yaml:LINE:COLUMN: problem (context)` for a libyaml error.
    static func syntaxError(_ error: YamlError, context: YAMLContext) -> VideoError {
        switch error {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
            .composer(let ctx, let problem, let mark, _):
            let detail = ctx.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return context.error(mark, "", "malformed YAML: \(problem)\(detail)")
        case .reader(let problem, let offset, _, let yaml):
            var location = VideoError.Location(file: context.fileName)
            if let offset {
                let lines = yaml.utf8.prefix(offset).split(
                    separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                location = VideoError.Location(
                    file: context.fileName, line: lines.count, column: (lines.last?.count ?? 0) + 1)
            }
            return VideoError(.invalidInput, "malformed YAML: \(problem)", location: location)
        default:
            return VideoError(
                .invalidInput, "malformed YAML", location: VideoError.Location(file: context.fileName),
                underlying: error)
        }
    }
}
