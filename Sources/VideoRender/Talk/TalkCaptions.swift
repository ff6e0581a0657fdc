import Foundation
import VideoAI
import VideoCore

/// The edited talk's words and captions: the transcript's words that the cut kept, moved to
/// edited time, made into cues by `CaptionBuilder` under the same rules as documents.
enum TalkCaptions {
    /// The kept words in edited time (fillers and words the cut touched left out), `offset`
    /// seconds later (a title card's).
    static func words(of transcript: Transcript, edit: TalkEdit, offset: Double = 0) -> [WordTiming] {
        transcript.words.compactMap { word in
            guard !word.isFiller, let start = edit.editedTime(word.start), let end = edit.editedTime(word.end),
                end >= start, end - start <= word.end - word.start + 1e-6
            else { return nil }
            return WordTiming(text: word.text, startTime: start + offset, endTime: end + offset)
        }
    }

    /// The cues of the edited video.
    static func cues(of transcript: Transcript, edit: TalkEdit, offset: Double = 0) throws -> [CaptionCue] {
        let frames = edit.keptFrames.map(\.count).reduce(0, +) + Int((2 * offset * Double(edit.fps)).rounded())
        let scene = try JSONDecoder().decode(
            SceneTiming.self,
            from: JSONSerialization.data(withJSONObject: [
                "scene_id": "talk", "scene_type": "title", "audio_file": "", "start_frame": 0, "frame_count": frames,
                "start_time": 0.0, "end_time": edit.duration + 2 * offset, "duration": edit.duration + 2 * offset,
                "narration_start": 0.0,
                "narration_samples": 0, "words": [] as [Any],
            ]))
        var timed = scene
        timed.words = words(of: transcript, edit: edit, offset: offset)
        return CaptionBuilder().cues(for: timed, fps: edit.fps)
    }
}
