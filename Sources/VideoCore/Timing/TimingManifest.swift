/// Where every scene and every spoken word sits in the finished video.
///
/// Built from measured narration (audio first) before any frame is drawn; the video stage
/// follows it exactly. Every scene starts on a frame boundary: `start_frame` and
/// `frame_count` are exact, and the times are derived from them, so nothing drifts however
/// many scenes there are. Written as `timing_manifest.json`; see `Docs/TimingManifest.md`.
public struct TimingManifest: Codable, Sendable, Hashable {
    /// Frames per second.
    public var fps: Int
    /// Audio samples per second.
    public var sampleRate: Int
    /// The video's length in seconds (`total_frames / fps`).
    public var totalDuration: Double
    /// The number of video frames.
    public var totalFrames: Int
    /// The scenes in order.
    public var scenes: [SceneTiming]

    /// Creates a manifest.
    public init(fps: Int, sampleRate: Int, totalFrames: Int, scenes: [SceneTiming]) {
        self.fps = fps
        self.sampleRate = sampleRate
        self.totalFrames = totalFrames
        self.totalDuration = Double(totalFrames) / Double(fps)
        self.scenes = scenes
    }

    /// The number of audio samples that spans `frames` frames (rounded to the nearest sample).
    public func samples(forFrames frames: Int) -> Int {
        Self.samples(forFrames: frames, fps: fps, sampleRate: sampleRate)
    }

    static func samples(forFrames frames: Int, fps: Int, sampleRate: Int) -> Int {
        (frames * sampleRate + fps / 2) / fps
    }

    /// The audio samples of the whole video.
    public var totalSamples: Int { samples(forFrames: totalFrames) }

    enum CodingKeys: String, CodingKey {
        case fps, sampleRate = "sample_rate", totalDuration = "total_duration", totalFrames = "total_frames", scenes
    }
}

/// One scene's place in the video.
public struct SceneTiming: Codable, Sendable, Hashable {
    /// The scene's id.
    public var sceneID: String
    /// The scene's type.
    public var sceneType: SceneType
    /// The narration audio, relative to the video's folder (for example `audio/scene_01.wav`).
    public var audioFile: String
    /// The first frame of the scene.
    public var startFrame: Int
    /// How many frames the scene lasts.
    public var frameCount: Int
    /// `start_frame / fps`.
    public var startTime: Double
    /// `(start_frame + frame_count) / fps`.
    public var endTime: Double
    /// `frame_count / fps`.
    public var duration: Double
    /// Where the narration starts, in seconds of the whole video.
    public var narrationStart: Double
    /// The narration's length in samples.
    public var narrationSamples: Int
    /// Every spoken word, in seconds of the whole video.
    public var words: [WordTiming]

    enum CodingKeys: String, CodingKey {
        case sceneID = "scene_id", sceneType = "scene_type", audioFile = "audio_file", startFrame = "start_frame"
        case frameCount = "frame_count", startTime = "start_time", endTime = "end_time", duration
        case narrationStart = "narration_start", narrationSamples = "narration_samples", words
    }

    /// The frame after the scene's last frame.
    public var endFrame: Int { startFrame + frameCount }
}

/// One spoken word, in seconds of the whole video.
public struct WordTiming: Codable, Sendable, Hashable {
    /// The word as written.
    public var text: String
    /// When the word starts.
    public var startTime: Double
    /// When the word ends.
    public var endTime: Double

    /// Creates a word timing.
    public init(text: String, startTime: Double, endTime: Double) {
        self.text = text
        self.startTime = startTime
        self.endTime = endTime
    }

    enum CodingKeys: String, CodingKey { case text, startTime = "start_time", endTime = "end_time" }
}

extension SceneTiming {
    /// The scene's words with their times in seconds from the scene's start, rounded to the
    /// microsecond, so a scene that only moved in the video gives exactly the same times.
    public var wordsFromSceneStart: [WordTiming] {
        func relative(_ time: Double) -> Double { ((time - startTime) * 1e6).rounded() / 1e6 }
        return words.map { WordTiming(text: $0.text, startTime: relative($0.startTime), endTime: relative($0.endTime)) }
    }
}
