import Foundation
import VideoCore
import VideoTestSupport

/// The pieces hostile cases are made of, all generated: text, WAV and PNG headers that lie,
/// a pathological document, and the valid files (a photo, a song, a talk, a task) that the
/// mutations start from.
enum HostileInputs {
    /// Writes `text` to `name` in `folder`.
    static func write(_ text: String, _ name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// `[[[…]]]`, `levels` deep.
    static func nested(_ levels: Int) -> String {
        String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    }

    /// A 16-bit PCM WAV header and data whose fields say what the arguments say, true or not.
    static func wav(
        channels: Int = 1, rate: Int = 8000, bits: Int = 16, data: Data = Data(count: 1600),
        dataSize: UInt32? = nil, riffSize: UInt32? = nil
    ) -> Data {
        func le<T: FixedWidthInteger>(_ value: T) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
        let blockAlign = UInt16(truncatingIfNeeded: channels * bits / 8)
        var body = Data("WAVEfmt ".utf8) + le(UInt32(16)) + le(UInt16(1)) + le(UInt16(truncatingIfNeeded: channels))
        body += le(UInt32(truncatingIfNeeded: rate)) + le(UInt32(truncatingIfNeeded: rate * Int(blockAlign)))
        body += le(blockAlign) + le(UInt16(truncatingIfNeeded: bits))
        body += Data("data".utf8) + le(dataSize ?? UInt32(data.count)) + data
        return Data("RIFF".utf8) + le(riffSize ?? UInt32(body.count)) + body
    }

    /// A PNG signature and an IHDR chunk claiming `width × height`, then a few bytes of IDAT.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        func be(_ value: UInt32) -> Data { withUnsafeBytes(of: value.bigEndian) { Data($0) } }
        let ihdr = Data("IHDR".utf8) + be(width) + be(height) + Data([8, 2, 0, 0, 0])
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + be(13) + ihdr + be(0) + be(10)
            + Data("IDAT".utf8) + Data([0x78, 0x9C, 0x63, 0, 0, 0, 0, 0, 0, 0])
    }

    /// About `bytes` bytes of Markdown in paragraphs of words heavy with combining marks, mixed
    /// with Hebrew and Arabic, right-to-left overrides and emoji ZWJ sequences (issue 19's
    /// 563 MB document), from a fixed seed.
    static func pathologicalDocument(bytes: Int = 36_000) -> String {
        var random = SplitMix(seed: 19)
        let letters = Array("abcdefשלוםעבריתسلاممرحبا")
        let separators = [" ", " ", " 👩‍👩‍👧‍👦 ", " \u{202E}", " \u{200F}", " 🏳️‍🌈 "]
        var text = "# Ṱ̺̺o͞ unicode עברית مرحبا 👩‍👩‍👧‍👦\n\n"
        var words = 0
        while text.utf8.count < bytes {
            for _ in 0..<(2 + Int(random.next() % 5)) {
                text.append(letters[Int(random.next() % UInt64(letters.count))])
                for _ in 0..<Int(random.next() % 9) {
                    text.unicodeScalars.append(Unicode.Scalar(0x300 + UInt32(random.next() % 0x6F))!)
                }
            }
            text += separators[Int(random.next() % UInt64(separators.count))]
            words += 1
            if words % 60 == 0 { text += "\n\n" }
        }
        return text
    }

    /// A one-paragraph document.
    static let tinyDocument = "# Tiny\n\nOne short paragraph.\n"

    /// The arguments that make a document render small and fast.
    static let small = ["--resolution", "256x144", "--fps", "10", "--preset", "ultrafast", "--output-dir", "out"]

    /// Writes `photo.png` and `song.wav` (two seconds at 8 kHz).
    static func montageMedia(in folder: URL) throws {
        try TestPictures.writePNG(to: folder.appendingPathComponent("photo.png"), width: 64, height: 48)
        _ = try MontageFixtures.writeBeatTrack(
            to: folder.appendingPathComponent("song.wav"), seconds: 2, sampleRate: 8000)
    }

    /// A montage timeline of one photo over `song.wav`, as `vgen montage` writes it, changed by `change`.
    static func timeline(in folder: URL, _ change: (inout [String: Any]) -> Void = { _ in }) throws {
        try montageMedia(in: folder)
        let segment: [String: Any] = [
            "start": 0, "end": 2, "start_frame": 0, "end_frame": 20, "in": 0, "out": 0, "kind": "image",
            "media": folder.appendingPathComponent("photo.png").path, "moment": 0, "transition": "cut",
            "transition_frames": 0,
            "motion": ["start_x": 0.5, "start_y": 0.5, "end_x": 0.5, "end_y": 0.5, "start_zoom": 1, "end_zoom": 1.1],
        ]
        var plan: [String: Any] = [
            "version": 1, "video_id": "hostile", "aspect": "16:9", "width": 256, "height": 144, "fps": 10,
            "duration_frames": 20, "fit": "fill", "style": "natural", "clip_audio_volume": 0,
            "music": [
                "path": folder.appendingPathComponent("song.wav").path, "fade_in": 0.5, "fade_out": 1, "volume": 1,
            ],
            "score": [
                "beats": 1, "chronology": 1, "coverage": 1, "duplicates": 1, "pacing": 0.5, "quality": 0.8,
                "total": 0.8,
            ],
            "segments": [segment],
        ]
        change(&plan)
        try JSONSerialization.data(withJSONObject: plan).write(to: folder.appendingPathComponent("timeline.json"))
    }

    /// Changes the first segment of a timeline.
    static func firstSegment(_ plan: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var segments = plan["segments"] as! [[String: Any]]
        change(&segments[0])
        plan["segments"] = segments
    }

    /// A two-second talk (`talk.mp4`, 10 fps with a tone) and its transcript `talk.srt`.
    static func talk(in folder: URL) throws {
        try MontageFixtures.writeClip(
            to: folder.appendingPathComponent("talk.mp4"), width: 64, height: 48, seconds: 2, fps: 10)
        try write(
            "1\n00:00:00,000 --> 00:00:00,800\nhello there\n\n2\n00:00:01,200 --> 00:00:01,800\num world\n",
            "talk.srt", in: folder)
    }

    /// A cut list for `talk.mp4`, as `vgen edit` writes it, changed by `change`.
    static func edit(in folder: URL, _ change: (inout [String: Any]) -> Void) throws {
        try talk(in: folder)
        var list: [String: Any] = [
            "format": "vgen-edit", "version": 1, "fps": 10, "source": "talk.mp4", "source_duration": 2,
            "kept": [["start": 0, "end": 0.9], ["start": 1.1, "end": 2]], "removed": [],
        ]
        change(&list)
        try JSONSerialization.data(withJSONObject: list).write(to: folder.appendingPathComponent("edit.json"))
    }

    /// Runs `vgen` to its end in `folder` (to make a task that a case then damages).
    static func vgen(_ arguments: [String], in folder: URL) async throws {
        let outcome = try await CLI.run(arguments, in: folder)
        guard outcome.reason == .exit, outcome.status == 0 else {
            throw VideoError(.io, "setting up a hostile case failed: \(outcome.stderr)")
        }
    }

    /// A document task stopped after its script (`out/tiny/state.json`), whose state is then
    /// changed by `change`.
    static func task(in folder: URL, _ change: @escaping (inout [String: Any]) -> Void) async throws {
        try write(tinyDocument, "tiny.md", in: folder)
        try await vgen(["--document", "tiny.md", "--stop-after", "script"] + small, in: folder)
        let url = folder.appendingPathComponent("out/tiny/state.json")
        var state = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        change(&state)
        try JSONSerialization.data(withJSONObject: state).write(to: url)
    }

    /// Changes `state["input"][part]` of a task state.
    static func input(_ part: String, _ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) ->
        Void
    {
        { state in
            var input = state["input"] as! [String: Any]
            var value = input[part] as! [String: Any]
            change(&value)
            input[part] = value
            state["input"] = input
        }
    }
}
