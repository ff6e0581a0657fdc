import Foundation
import VideoAI
import VideoCore

/// The segments a video is made of, each with a content hash that names its cached file.
///
/// Scene *i* becomes an optional transition segment (its first frames, blended from scene
/// *i − 1*'s last picture) and a body (the rest of its frames). A segment's key hashes
/// everything its pixels depend on — the scene's spec, the render context, the theme, the
/// renderer and encoder versions and settings — so editing one scene redraws that scene and
/// the two transitions beside it, and nothing else.
///
/// The body of a still scene (one picture throughout, as most are) is made of *still
/// chunks*: a chunk of `chunkSeconds` holding the picture, repeated as often as it fits, and
/// one shorter chunk for the rest. Each chunk starts with a key frame, so repeating its packets
/// is a valid stream, and its key does not depend on the scene's length: when only a scene's
/// narration changes, its picture's chunk is reused and just the short remainder is encoded.
struct SegmentPlan: Sendable {
    /// Bump when drawing or encoding changes in a way the keys cannot see.
    static let version = "vgen segments 4"

    enum Kind: String, Sendable, Codable { case transition, body, still }

    /// The length of a full still chunk, in seconds.
    static let chunkSeconds = 10

    struct Job: Sendable {
        var kind: Kind
        var scene: Int
        /// Frames in this segment.
        var frameCount: Int
        /// For a body: frames of the scene the transition before it took.
        var skip: Int
        var transition: SceneTransition
        var key: String
        var fileName: String { "\(kind.rawValue)-\(key).mp4" }
    }

    /// The segments to encode, each once.
    var jobs: [Job]
    /// The segment files in the order the video plays them (still chunks repeat).
    var timeline: [String]

    /// Plans the segments.
    /// - Parameters:
    ///   - video: The narrated video.
    ///   - options: The drawing settings.
    ///   - format: The encoder settings.
    ///   - renderer: Each scene type's renderer identity (`RendererRegistry.identity(of:)`).
    ///   - keyframes: Each scene's picture-change times.
    init(
        video: NarratedVideo, options: RenderOptions, format: SegmentFormat, renderer: (SceneType) throws -> String,
        keyframes: (Int) throws -> [Double]
    ) throws {
        let fps = format.fps
        let config = video.config
        var jobs: [Job] = []
        var timeline: [String] = []
        func add(_ job: Job, times: Int = 1) {
            if !jobs.contains(where: { $0.fileName == job.fileName }) { jobs.append(job) }
            timeline += Array(repeating: job.fileName, count: times)
        }
        for (i, (scene, timing)) in zip(config.scenes, video.manifest.scenes).enumerated() {
            let kind = scene.transition ?? config.transition
            var count =
                kind == .cut ? 0 : min(Int((options.transitionDuration * Double(fps)).rounded()), timing.frameCount / 2)
            if i == 0 && kind == .slide { count = 0 }  // nothing to slide away from
            let this = try Self.sceneKey(
                config, index: i, timing: timing, fps: fps, captions: options.captions, renderer: renderer)
            if count > 0 {
                let previous =
                    i > 0
                    ? try Self.sceneKey(
                        config, index: i - 1, timing: video.manifest.scenes[i - 1], fps: fps,
                        captions: options.captions, renderer: renderer)
                    : nil
                let key = try ContentHash.hex(
                    of:
                        KeyMaterial(
                            version: Self.version, kind: .transition, scene: this, previous: previous,
                            frameCount: count,
                            skip: 0,
                            transition: kind, options: options.picture, format: format))
                add(Job(kind: .transition, scene: i, frameCount: count, skip: 0, transition: kind, key: key))
            }
            let body = timing.frameCount - count
            if try keyframes(i).count == 1 {
                // One picture: still chunks keyed without the scene's length.
                var still = this
                still.frameCount = 0
                still.duration = 0
                still.words = []
                // What is said and for how long does not change a still picture.
                still.scene.narration = nil
                still.scene.voice = nil
                still.scene.minDuration = nil
                still.scene.maxDuration = nil
                let chunk = Self.chunkSeconds * fps
                for (length, times) in [(chunk, body / chunk), (body % chunk, 1)] where length > 0 && times > 0 {
                    let key = try ContentHash.hex(
                        of:
                            KeyMaterial(
                                version: Self.version, kind: .still, scene: still, previous: nil, frameCount: length,
                                skip: 0,
                                transition: .cut, options: options.picture, format: format))
                    add(
                        Job(kind: .still, scene: i, frameCount: length, skip: 0, transition: kind, key: key),
                        times: times)
                }
                continue
            }
            let key = try ContentHash.hex(
                of:
                    KeyMaterial(
                        version: Self.version, kind: .body, scene: this, previous: nil,
                        frameCount: timing.frameCount - count,
                        skip: count, transition: kind, options: options.picture, format: format))
            add(Job(kind: .body, scene: i, frameCount: body, skip: count, transition: kind, key: key))
        }
        self.jobs = jobs
        self.timeline = timeline
    }

    /// What a scene's pictures depend on.
    struct SceneKey: Encodable {
        var scene: SceneConfig
        /// The renderer's identity and version: re-registering a type redraws it.
        var renderer: String
        var index: Int
        var count: Int
        var title: String
        var resolution: Resolution
        var accent: AccentColor
        var frameCount: Int
        var duration: Double
        /// Each word and the frames (from the scene's start) it is spoken from and to:
        /// renderers place keyframes on words, to the frame.
        var words: [WordFrames]
        /// The hash of the picture an image scene shows: editing the file redraws the scene.
        var picture: String? = nil
        /// The burned-in cues (scene clock), when captions are drawn: their text and times
        /// change the pictures.
        var captions: [CaptionCue]?
        /// The video's language when it is not English (labels, fonts and direction follow it).
        var language: String? = nil
    }

    struct WordFrames: Encodable {
        var text: String
        var start: Int
        var end: Int
    }

    struct KeyMaterial: Encodable {
        var version: String
        var kind: Kind
        var scene: SceneKey
        var previous: SceneKey?
        var frameCount: Int
        var skip: Int
        var transition: SceneTransition
        var options: RenderOptions
        var format: SegmentFormat
    }

    static func sceneKey(
        _ config: VideoConfig, index: Int, timing: SceneTiming, fps: Int, captions: CaptionMode,
        renderer: (SceneType) throws -> String
    ) throws -> SceneKey {
        var picture: String?
        if case .image(let image) = config.scenes[index].content {
            // A file that cannot be read keys as missing; drawing it then reports the error.
            picture = (try? Data(contentsOf: URL(fileURLWithPath: image.path))).map { ContentHash.hex($0) } ?? "missing"
        }
        return SceneKey(
            scene: config.scenes[index], renderer: try renderer(config.scenes[index].sceneType), index: index,
            count: config.scenes.count, title: config.title,
            resolution: config.resolution, accent: config.accentColor, frameCount: timing.frameCount,
            duration: timing.duration,
            words: timing.wordsFromSceneStart.map {
                WordFrames(
                    text: $0.text, start: Int(($0.startTime * Double(fps)).rounded()),
                    end: Int(($0.endTime * Double(fps)).rounded()))
            }, picture: picture,
            captions: captions == .off ? nil : CaptionBuilder(language: config.language).cues(for: timing, fps: fps),
            language: config.language == .english ? nil : config.language.tag)
    }
}
