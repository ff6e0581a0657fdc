import Foundation

/// Something that happened while making a video, in the order it happened.
public enum PipelineEvent: Sendable, Hashable {
    /// The pipeline began work on a task (a video's folder).
    case pipelineStarted(taskID: String)
    /// A stage began.
    case stageStarted(String)
    /// A stage's saved output was reused (a resumed task).
    case stageSkipped(String)
    /// A stage finished, after `seconds`.
    case stageCompleted(String, seconds: Double)
    /// A stage failed with this message.
    case stageFailed(String, message: String)
    /// Progress within a stage.
    case progress(StageProgress)
    /// A warning for the user (for example a scene longer than its `max_duration`).
    case warning(String)
    /// The video is finished at this path.
    case pipelineCompleted(videoPath: String)
    /// The pipeline stopped with this message (its state is saved; it can be resumed).
    case pipelineFailed(message: String)

    /// The event as one line of JSON, for `--json` output.
    public var jsonLine: String {
        var object: [String: Any]
        switch self {
        case .pipelineStarted(let id): object = ["event": "pipeline_started", "task": id]
        case .stageStarted(let stage): object = ["event": "stage_started", "stage": stage]
        case .stageSkipped(let stage): object = ["event": "stage_skipped", "stage": stage]
        case .stageCompleted(let stage, let seconds):
            object = ["event": "stage_completed", "stage": stage, "seconds": (seconds * 1000).rounded() / 1000]
        case .stageFailed(let stage, let message):
            object = ["event": "stage_failed", "stage": stage, "message": message]
        case .progress(let p):
            object = ["event": "progress", "stage": p.stage, "fraction": (p.fraction * 10000).rounded() / 10000]
            if !p.detail.isEmpty { object["detail"] = p.detail }
            if let v = p.scene { object["scene"] = v }
            if let v = p.sceneCount { object["scene_count"] = v }
            if let v = p.frame { object["frame"] = v }
            if let v = p.frameCount { object["frame_count"] = v }
        case .warning(let message): object = ["event": "warning", "message": message]
        case .pipelineCompleted(let path): object = ["event": "pipeline_completed", "video": path]
        case .pipelineFailed(let message): object = ["event": "pipeline_failed", "message": message]
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// How far a stage has come.
public struct StageProgress: Sendable, Hashable {
    /// The stage's name.
    public var stage: String
    /// 0…1.
    public var fraction: Double
    /// A short human description, for example "scene 3 of 12".
    public var detail: String
    /// The scene being worked on, from 1, when the stage works scene by scene.
    public var scene: Int?
    /// How many scenes there are.
    public var sceneCount: Int?
    /// Frames done, when the stage draws frames.
    public var frame: Int?
    /// Frames in all.
    public var frameCount: Int?

    /// Creates a progress report.
    public init(
        stage: String, fraction: Double, detail: String = "", scene: Int? = nil, sceneCount: Int? = nil,
        frame: Int? = nil,
        frameCount: Int? = nil
    ) {
        self.stage = stage
        self.fraction = fraction
        self.detail = detail
        self.scene = scene
        self.sceneCount = sceneCount
        self.frame = frame
        self.frameCount = frameCount
    }
}
