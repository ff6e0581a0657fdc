import Foundation
import VideoAI
import VideoCore
import VideoRender

/// The decoders of the files a person may edit or a crash may damage: a montage's
/// `timeline.json`, a task's `state.json` (document and montage tasks, and `vgen status`'s
/// summary) and a talk's `edit.json`. The first byte picks the decoder; the rest is the file.
/// Each is read as vgen reads it and then validated; a `VideoError` is the only accepted failure.
struct DecodersFuzzTarget: FuzzTarget {
    static let name = "decoders"
    let scratch: URL

    init(scratch: URL) throws { self.scratch = scratch }

    func seeds() throws -> [Data] {
        [
            Data([0]) + Data(Self.timeline.utf8), Data([1]) + (try Self.documentState()),
            Data([2]) + Data(Self.edit.utf8),
        ]
    }

    func run(_ data: Data) throws {
        guard let selector = data.first else { return }
        let file = data.dropFirst()
        switch selector % 3 {
        case 0:
            let plan = try JSONDecoder().decode(MontageTimeline.self, from: file)
            try plan.validate()
            try VideoConfig.validate(videoID: plan.videoID)
        case 1:
            try file.write(to: scratch.appendingPathComponent(TaskStore.stateFile))
            _ = try? TaskStore.summary(of: scratch)
            _ = try? TaskStore.load(MontageTask.self, kind: MontagePipeline.kind, from: scratch)
            _ = try TaskStore.load(DocumentTask.self, kind: VideoPipeline.kind, from: scratch)?.input.config.validate()
        default:
            let url = scratch.appendingPathComponent("edit.json")
            try file.write(to: url)
            _ = try TalkEdit.read(url, fps: 30, sourceDuration: 120)
        }
    }

    /// A `state.json` of a document task, encoded as the engine writes it.
    static func documentState() throws -> Data {
        struct Input: Codable {
            var config: VideoConfig
            var options: RenderOptions
        }
        let config = try DocumentAdapter(text: "# Tiny\n\nOne sentence.\n\n## Two\n\n- a\n- b\n", name: "tiny.md")
            .makeVideoConfig()
        let state = TaskState(
            kind: VideoPipeline.kind, taskID: config.videoID, input: Input(config: config, options: RenderOptions()),
            stages: ["script", "audio", "video", "output"], now: Date(timeIntervalSince1970: 1_800_000_000))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(state)
    }

    static let timeline = """
        {"version":1,"video_id":"fuzz","aspect":"16:9","width":256,"height":144,"fps":10,"duration_frames":20,\
        "fit":"fill","style":"natural","clip_audio_volume":0,\
        "music":{"path":"song.wav","fade_in":0.5,"fade_out":1,"volume":1},\
        "score":{"beats":1,"chronology":1,"coverage":1,"duplicates":1,"pacing":0.5,"quality":0.8,"total":0.8},\
        "segments":[{"start":0,"end":2,"start_frame":0,"end_frame":20,"in":0,"out":0,"kind":"image",\
        "media":"photo.png","moment":0,"transition":"cut","transition_frames":0,\
        "motion":{"start_x":0.5,"start_y":0.5,"end_x":0.5,"end_y":0.5,"start_zoom":1,"end_zoom":1.1}}]}
        """

    static let edit = """
        {"format":"vgen-edit","version":1,"fps":30,"source":"talk.mp4","source_duration":120,\
        "kept":[{"start":0,"end":0.9},{"start":1.1,"end":60}],\
        "removed":[{"start":0.9,"end":1.1,"reason":"filler","text":"um"}]}
        """
}
