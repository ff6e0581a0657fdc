import Foundation
import VideoTestSupport

/// The hostile corpus of issue 19: inputs a careless or malicious user hands `vgen`, each with
/// the outcome it must have (see `HostileCase`). Cases render at 256×144 and 10 fps, or stop
/// after the stage that reads the input, so the corpus stays cheap.
enum HostileCorpus {
    typealias Case = HostileCase
    static let small = HostileInputs.small

    /// A case whose only input is the text `text` in `file`.
    static func text(
        _ name: String, _ file: String, _ text: String, _ arguments: [String], _ expected: Case.Outcome
    ) -> Case {
        Case(
            name: name, setup: { try HostileInputs.write(text, file, in: $0) }, arguments: arguments, expected: expected
        )
    }

    /// A case whose only input is the bytes `data` in `file`.
    static func bytes(
        _ name: String, _ file: String, _ data: Data, _ arguments: [String], _ expected: Case.Outcome
    ) -> Case {
        Case(
            name: name, setup: { try data.write(to: $0.appendingPathComponent(file)) }, arguments: arguments,
            expected: expected)
    }

    /// A change to a JSON object.
    typealias Change = @Sendable (inout [String: Any]) -> Void

    /// Makes cases of one kind: `write` writes a valid file into the folder and applies the
    /// case's change to it; `vgen` then runs with `arguments`.
    static func mutations(
        _ kind: String, _ arguments: [String], _ write: @escaping @Sendable (URL, @escaping Change) async throws -> Void
    ) -> @Sendable (String, Case.Outcome, @escaping Change) -> Case {
        { name, expected, change in
            Case(
                name: kind + ": " + name, setup: { try await write($0, change) }, arguments: arguments,
                expected: expected)
        }
    }

    static let markdown: [Case] = {
        let script = ["--stop-after", "script"] + small
        func doc(_ file: String) -> [String] { ["--document", file] + script }
        return [
            text("markdown: empty", "empty.md", "", doc("empty.md"), .rejected("empty.md", "is empty")),
            bytes(
                "markdown: NUL bytes", "nul.md", Data("# T\n\0\0\u{1}binary".utf8), doc("nul.md"),
                .rejected("nul.md", "NUL bytes")),
            bytes(
                "markdown: invalid UTF-8", "latin.md", Data([0x23, 0x20, 0x54, 0x0A, 0xFF, 0xFE, 0x41, 0xC3, 0x28]),
                doc("latin.md"), .rejected("latin.md", "not valid UTF-8")),
            text(
                "markdown: 10,000 nested quotes", "quotes.md", String(repeating: ">", count: 10_000) + " deep\n",
                doc("quotes.md"), .rejected("quotes.md", "no readable text")),
            text(
                "markdown: a list 400 levels deep", "list.md",
                (0..<400).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined(), doc("list.md"),
                .accepted),
            text(
                "markdown: over 2 MB", "big.md", "# Big\n\n" + String(repeating: "word ", count: 420_000),
                doc("big.md"), .rejected("big.md", "the limit is 2000000")),
            text(
                "markdown: one 300 KB word", "word.md", "# T\n\n" + String(repeating: "a", count: 300_000),
                doc("word.md"), .accepted),
            text(
                "markdown: images outside its folder", "images.md",
                "# T\n\nText.\n\n![a](../../../../etc/passwd)\n\n![b](/etc/shadow)\n", doc("images.md"), .accepted),
            Case(
                name: "markdown: a folder",
                setup: {
                    try FileManager.default.createDirectory(
                        at: $0.appendingPathComponent("dir.md"), withIntermediateDirectories: true)
                },
                arguments: doc("dir.md"), expected: .rejected("dir.md", "is a directory")),
            text(
                "markdown: 36 KB of combining marks, right-to-left text and emoji, rendered", "unicode.md",
                HostileInputs.pathologicalDocument(), ["--document", "unicode.md", "--duration", "30s"] + small,
                .accepted),
        ]
    }()

    static let yaml: [Case] = {
        func spec(_ file: String) -> [String] { ["--yaml", file, "--stop-after", "script"] + small }
        let scene = "  - scene_type: title\n    title: Y\n"
        return [
            text(
                "yaml: nested 10,000 levels", "deep.yaml", "title: T\nscenes: " + HostileInputs.nested(10_000),
                spec("deep.yaml"), .rejected("deep.yaml", "nested more than 64 levels")),
            text(
                "yaml: 5,000 aliases of one scene", "aliases.yaml",
                "title: T\nscenes:\n  - &s {scene_type: title, title: Y}\n"
                    + String(repeating: "  - *s\n", count: 5_000), spec("aliases.yaml"),
                .rejected("aliases.yaml", "the limit is 100")),
            text(
                "yaml: alias bomb in list items", "laughs.yaml",
                "title: T\nscenes:\n  - scene_type: list\n    heading: &a lol\n    items: &b [*a, *a, *a, *a]\n"
                    + "  - scene_type: list\n    heading: x\n    items: &c [*b, *b, *b, *b]\n"
                    + "  - scene_type: list\n    heading: x\n    items: [*c, *c, *c, *c]\n", spec("laughs.yaml"),
                .rejected("laughs.yaml", "must be a list of texts")),
            text(
                "yaml: video_id climbing out", "escape.yaml", "title: T\nvideo_id: ../../escape\nscenes:\n" + scene,
                spec("escape.yaml"), .rejected("escape.yaml", "video_id")),
            text(
                "yaml: absolute video_id", "absolute.yaml", "title: T\nvideo_id: /tmp/vgen-escape\nscenes:\n" + scene,
                spec("absolute.yaml"), .rejected("absolute.yaml", "video_id")),
            text(
                "yaml: wrong types", "types.yaml", "title: [1, 2]\nscenes: 7\n", spec("types.yaml"),
                .rejected("types.yaml", "must be text")),
            text(
                "yaml: a tab", "tab.yaml", "\tbad: tab\n", spec("tab.yaml"), .rejected("tab.yaml", "malformed YAML")),
            text(
                "yaml: unknown scene type", "type.yaml", "title: T\nscenes:\n  - scene_type: bogus\n",
                spec("type.yaml"),
                .rejected("type.yaml", "unknown scene type 'bogus'")),
            bytes(
                "yaml: NUL bytes", "nul.yaml", Data("title: T\0\0\nscenes: []\n".utf8), spec("nul.yaml"),
                .rejected("nul.yaml", "is not UTF-8 text")),
            text(
                "yaml: a resolution of 100000x100000", "size.yaml",
                "title: T\nresolution: 100000x100000\nscenes:\n" + scene, spec("size.yaml"),
                .rejected("size.yaml", "resolution")),
        ]
    }()

    static let timelines: [Case] = {
        let render = ["montage", "--timeline", "timeline.json", "--preset", "ultrafast", "--output-dir", "out"]
        let timeline = mutations("timeline", render) { try HostileInputs.timeline(in: $0, $1) }
        let file = "timeline.json"
        return [
            timeline("as written", .accepted) { _ in },
            timeline("video_id climbing out", .rejected(file, "video_id")) { $0["video_id"] = "../../escape" },
            timeline("fps 0", .rejected(file, "fps")) { $0["fps"] = 0 },
            timeline("100000×100000 frames", .rejected(file, "frame size")) {
                $0["width"] = 100_000
                $0["height"] = 100_000
            },
            timeline("10¹² frames long", .rejected(file, "segments")) { $0["duration_frames"] = 1_000_000_000_000 },
            timeline("a negative segment", .rejected(file, "segments[0]")) {
                HostileInputs.firstSegment(&$0) {
                    $0["start_frame"] = -50
                    $0["end_frame"] = -10
                }
            },
            timeline("a zoom of 1e300", .rejected(file, "zoom")) {
                HostileInputs.firstSegment(&$0) {
                    $0["motion"] = [
                        "start_x": 0.5, "start_y": 0.5, "end_x": 0.5, "end_y": 0.5, "start_zoom": 1, "end_zoom": 1e300,
                    ]
                }
            },
            timeline("a version from the future", .rejected(file, "version")) { $0["version"] = 99 },
            timeline("a folder as its media", .rejected("work", "is a directory")) { plan in
                let folder = ((plan["music"] as! [String: Any])["path"] as! String as NSString)
                    .deletingLastPathComponent
                HostileInputs.firstSegment(&plan) { $0["media"] = folder }
            },
            timeline("media that is not there", .rejected("nowhere.png", "does not exist")) {
                HostileInputs.firstSegment(&$0) { $0["media"] = "/nonexistent/nowhere.png" }
            },
            text(
                "timeline: nested 10,000 levels", file, HostileInputs.nested(10_000), render,
                .rejected(file, "is not a montage timeline")),
            text("timeline: empty", file, "", render, .rejected(file, "is not a montage timeline")),
        ]
    }()

    static let states: [Case] = {
        let task = mutations("state.json", ["resume", "out/tiny"]) { try await HostileInputs.task(in: $0, $1) }
        let file = "state.json"
        return [
            task("as written", .accepted) { _ in },
            task("a version from the future", .rejected(file, "newer vgen")) { $0["version"] = 99 },
            task("another kind", .rejected(file, "bogus task")) { $0["kind"] = "bogus" },
            task("video_id climbing out", .rejected(file, "video_id")) {
                HostileInputs.input("config") { $0["video_id"] = "../../escape" }(&$0)
            },
            task("fps 0", .rejected(file, "fps")) { HostileInputs.input("config") { $0["fps"] = 0 }(&$0) },
            task("crf 999", .rejected(file, "crf")) { HostileInputs.input("options") { $0["crf"] = 999 }(&$0) },
            task("a preset that is a path", .rejected(file, "preset")) {
                HostileInputs.input("options") { $0["preset"] = "../../x" }(&$0)
            },
            task("a transition of -1e9 s", .rejected(file, "transitionDuration")) {
                HostileInputs.input("options") { $0["transitionDuration"] = -1e9 }(&$0)
            },
            task("a loudness of 1000 LUFS", .rejected(file, "loudness")) {
                HostileInputs.input("options") { options in
                    var sound = options["sound"] as! [String: Any]
                    sound["loudness"] = 1000
                    options["sound"] = sound
                }(&$0)
            },
            task("a stage list from elsewhere", .rejected(file, "stages")) { $0["stages"] = [] },
            task("no scenes", .rejected(file, "scenes")) { HostileInputs.input("config") { $0["scenes"] = [] }(&$0) },
            Case(
                name: "state.json: truncated",
                setup: { folder in
                    try await HostileInputs.task(in: folder) { _ in }
                    let url = folder.appendingPathComponent("out/tiny/state.json")
                    try Data(contentsOf: url).prefix(200).write(to: url)
                }, arguments: ["resume", "out/tiny"], expected: .rejected(file, "is not a vgen task state")),
        ]
    }()

    static let edits: [Case] = {
        let render = [
            "edit", "talk.mp4", "--transcript", "talk.srt", "--edit", "edit.json", "--preset", "ultrafast",
            "--output-dir", "out",
        ]
        let edit = mutations("edit.json", render) { try HostileInputs.edit(in: $0, $1) }
        let file = "edit.json"
        return [
            edit("as written", .accepted) { _ in },
            edit("a range before the start", .rejected(file, "outside the recording")) {
                $0["kept"] = [["start": -5, "end": 1]]
            },
            edit("a range past the end", .rejected(file, "outside the recording")) {
                $0["kept"] = [["start": 0, "end": 1e9]]
            },
            edit("overlapping ranges", .rejected(file, "overlaps")) {
                $0["kept"] = [["start": 0, "end": 1.5], ["start": 1, "end": 2]]
            },
            edit("nothing kept", .rejected(file, "keeps nothing")) { $0["kept"] = [] },
            edit("fps 0", .rejected(file, "fps")) { $0["fps"] = 0 },
            edit("a version from the future", .rejected(file, "version")) { $0["version"] = 7 },
            edit("2,000 slivers", .rejected(file, "frame boundary")) {
                $0["kept"] = (0..<2000).map { ["start": Double($0) * 0.001, "end": Double($0) * 0.001 + 0.0005] }
            },
            Case(
                name: "edit.json: nested 10,000 levels",
                setup: { folder in
                    try HostileInputs.talk(in: folder)
                    try HostileInputs.write(HostileInputs.nested(10_000), "edit.json", in: folder)
                }, arguments: render, expected: .rejected(file, "is not a vgen cut list")),
        ]
    }()

    static let transcripts: [Case] = {
        func transcript(_ name: String, _ file: String, _ text: String, _ expected: Case.Outcome) -> Case {
            Case(
                name: "transcript: " + name,
                setup: { folder in
                    try HostileInputs.talk(in: folder)
                    try HostileInputs.write(text, file, in: folder)
                },
                arguments: ["edit", "talk.mp4", "--transcript", file, "--preset", "ultrafast", "--output-dir", "out"],
                expected: expected)
        }
        return [
            transcript("empty", "t.srt", "", .rejected("t.srt", "holds no words")),
            transcript(
                "not subtitles", "t.srt", "not a transcript\n\u{1}\u{2}", .rejected("t.srt:1", "expected a cue")),
            transcript(
                "NUL bytes", "t.srt", "1\n00:00:00,000 --> 00:00:01,000\nhi\0there\n", .rejected("t.srt", "NUL")),
            transcript(
                "a cue that ends before it starts", "t.srt", "1\n00:00:01,000 --> 00:00:00,500\nback\n",
                .rejected("t.srt:2", "ends")),
            transcript(
                "an hour count of 20 digits", "t.srt",
                "1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nx\n",
                .rejected("t.srt:2", "is not a time")),
            transcript(
                "a cue at 100 hours", "t.srt", "1\n99:59:59,000 --> 99:59:59,999\nlate\n",
                .rejected("t.srt:2", "is not a time between")),
            transcript(
                "WebVTT with markup", "t.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000 <b>\n<c.x><v Bob>hi</c>\n", .accepted),
            transcript(
                "WebVTT with a bad time", "t.vtt", "WEBVTT\n\n00:00.000 --> zz\nhi\n", .rejected("t.vtt:3", "'zz'")),
            transcript(
                "Whisper JSON nested 10,000 levels", "t.json", "{\"segments\":" + HostileInputs.nested(10_000) + "}",
                .rejected("t.json", "Whisper JSON")),
            transcript(
                "Whisper JSON of wrong types", "t.json", "{\"segments\":[{\"start\":\"a\",\"end\":null,\"text\":5}]}",
                .rejected("t.json", "Whisper JSON")),
            transcript(
                "Whisper words that end before they start", "t.json",
                "{\"segments\":[{\"start\":0,\"end\":1,\"text\":\"hi\",\"words\":[{\"start\":1.5,\"end\":1.2,\"word\":\"hi\"}]}]}",
                .rejected("t.json", "before it starts")),
            transcript(
                "5,000 cues at one instant", "t.srt",
                (1...5000).map { "\($0)\n00:00:00,500 --> 00:00:00,500\nw\n\n" }.joined(), .accepted),
        ]
    }()

    static let audio: [Case] = {
        func music(_ name: String, _ file: String, _ data: Data, _ expected: Case.Outcome) -> Case {
            Case(
                name: "audio: " + name,
                setup: { folder in
                    try HostileInputs.write(HostileInputs.tinyDocument, "tiny.md", in: folder)
                    try data.write(to: folder.appendingPathComponent(file))
                }, arguments: ["--document", "tiny.md", "--music", file] + small, expected: expected)
        }
        return [
            music(
                "64 channels", "wide.wav", HostileInputs.wav(channels: 64, data: Data(count: 128 * 800)),
                .rejected("wide.wav", "cannot mix its 64 channels")),
            music("a header only", "header.wav", Data("RIFF\0\0\0\0WAVE".utf8), .rejected("header.wav", "cannot open")),
            music(
                "text named .mp3", "song.mp3", Data(String(repeating: "not audio\n", count: 20).utf8),
                .rejected("song.mp3", "cannot open")),
            music("a sample rate of 0", "zero.wav", HostileInputs.wav(rate: 0), .rejected("zero.wav", "cannot open")),
            music(
                "a sample rate of 2³¹", "fast.wav", HostileInputs.wav(rate: Int(Int32.max)),
                .rejected("fast.wav", "2147483647 Hz is outside")),
            music(
                "a data size past the end", "short.wav",
                HostileInputs.wav(dataSize: 0xFFFF_FFF0, riffSize: 0xFFFF_FFFF), .accepted),
            music("no samples", "empty.wav", HostileInputs.wav(data: Data()), .accepted),
            music(
                "an Ogg page of garbage", "bad.ogg",
                Data("OggS\0\u{2}".utf8) + Data(count: 20) + Data(repeating: 0xFF, count: 500),
                .rejected("bad.ogg", "cannot open")),
        ]
    }()

    static let images: [Case] = {
        func picture(_ name: String, _ file: String, _ data: Data, _ expected: Case.Outcome) -> Case {
            Case(
                name: "image: " + name,
                setup: { folder in
                    try HostileInputs.write("# T\n\nSome words.\n\n![picture](\(file))\n", "doc.md", in: folder)
                    try data.write(to: folder.appendingPathComponent(file))
                }, arguments: ["--document", "doc.md", "--stop-after", "script"] + small, expected: expected)
        }
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">"
            + (1...8).map { level in
                let previous = String(UnicodeScalar(UInt8(96 + level)))
                return "<!ENTITY \(String(UnicodeScalar(UInt8(97 + level)))) \""
                    + String(repeating: "&\(previous);", count: 10) + "\">"
            }.joined() + "]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&i;</text></svg>"
        return [
            picture(
                "a PNG claiming 60000×60000", "bomb.png", HostileInputs.pngHeader(width: 60_000, height: 60_000),
                .rejected("bomb.png", "50-megapixel")),
            picture(
                "a PNG of 0×0", "zero.png", HostileInputs.pngHeader(width: 0, height: 0),
                .rejected("zero.png", "no picture size")),
            picture("text named .png", "text.png", Data("hello".utf8), .rejected("text.png", "no picture size")),
            picture("an SVG entity bomb", "laughs.svg", Data(laughs.utf8), .rejected("laughs.svg", "entity")),
            picture(
                "an SVG of 10⁶×10⁶", "huge.svg",
                Data(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"1000000\"><rect width=\"9\" height=\"9\"/></svg>"
                        .utf8),
                .accepted),
        ]
    }()

    static let clips: [Case] = {
        func montage(_ name: String, _ file: String, _ data: Data, _ expected: Case.Outcome) -> Case {
            Case(
                name: "clip: " + name,
                setup: { folder in
                    try HostileInputs.montageMedia(in: folder)
                    try data.write(to: folder.appendingPathComponent(file))
                },
                arguments: [
                    "montage", "photo.png", file, "--music", "song.wav", "--size", "144", "--fps", "10", "--preset",
                    "ultrafast", "--output-dir", "out",
                ], expected: expected)
        }
        return [
            montage("text named .mp4 beside a photo", "clip.mp4", Data("not a video\n".utf8), .accepted),
            montage(
                "random bytes named .mov", "clip.mov",
                Data((0..<256).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }), .accepted),
            montage(
                "an MP4 box header claiming 4 GB", "box.mp4",
                Data([0xFF, 0xFF, 0xFF, 0xFF]) + Data("ftypisom".utf8) + Data(count: 64), .accepted),
        ]
    }()

    /// Every case.
    static let all = markdown + yaml + timelines + states + edits + transcripts + audio + images + clips
}
