import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

/// `vgen edit` as a user runs it: a recorded talk and its transcript in, the clean cut out;
/// then the cut list edited by hand and rendered again.
@Suite struct CLIEditTests {
    @Test func editsATalkAndRendersAnEditedCutList() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let talk = try await TalkFixture.make(in: temporary.url)
        let transcript = temporary.file("talk.json")
        try talk.writeTranscriptJSON(to: transcript)
        let out = temporary.file("out")
        let outcome = try await CLI.run([
            "edit", talk.url.path, "--transcript", transcript.path, "--output-dir", out.path, "--preset", "ultrafast",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = out.appendingPathComponent("talk")
        for name in [
            "video.mp4", "transcript.json", "edit.json", "captions.srt", "captions.vtt", "talk.otio", "state.json",
            "direction.json", "metadata.json", "thumbnail-1.png", "thumbnail-2.png", "thumbnail-3.png",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let editFile = folder.appendingPathComponent("edit.json")
        let source = try MediaProbe.inspect(talk.url)
        var edit = try TalkEdit.read(editFile, fps: TalkFixture.fps, sourceDuration: source.videoDuration)
        let video = try MediaProbe.inspect(folder.appendingPathComponent("video.mp4"))
        #expect(abs(video.videoDuration - edit.duration) < 1e-6)
        #expect(edit.removed.count == 4)

        // The OTIO timeline has one clip per kept range on each track, at the same frames.
        let otio = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("talk.otio")))
        let tracks = ((otio as? [String: Any])?["tracks"] as? [String: Any])?["children"] as? [[String: Any]] ?? []
        #expect(tracks.map { $0["kind"] as? String } == ["Video", "Audio"])
        for track in tracks {
            let clips = track["children"] as? [[String: Any]] ?? []
            let frames = clips.map { clip -> Range<Int> in
                let range = clip["source_range"] as? [String: Any]
                let start = (range?["start_time"] as? [String: Any])?["value"] as? Double ?? -1
                let duration = (range?["duration"] as? [String: Any])?["value"] as? Double ?? -1
                return Int(start)..<Int(start + duration)
            }
            #expect(frames == edit.keptFrames)
        }

        // Captions carry the kept words, in edited time, and no filler.
        let srt = try String(contentsOf: folder.appendingPathComponent("captions.srt"), encoding: .utf8)
        #expect(srt.contains("the cat sat on the mat") && !srt.contains(" um") && !srt.contains("uh "))
        #expect(
            try TranscriptParser().parse(contentsOf: folder.appendingPathComponent("captions.srt")).duration <= edit
                .duration + 0.5)

        // Cut the first kept second more by hand; the render follows the edited list.
        let first = edit.kept[0]
        edit.kept[0] = TalkEdit.Range(start: first.start + 1, end: first.end)
        edit.removed.insert(.init(start: first.start, end: first.start + 1, reason: .manual), at: 0)
        try JSONEncoder().encode(edit).write(to: editFile)
        let again = try await CLI.run([
            "edit", talk.url.path, "--transcript", transcript.path, "--edit", editFile.path, "--output-dir", out.path,
            "--preset", "ultrafast",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        let shorter = try MediaProbe.inspect(folder.appendingPathComponent("video.mp4"))
        #expect(abs(video.videoDuration - 1 - shorter.videoDuration) < 1e-6)
        // Only the range that changed was encoded again; the others came from segments/.
        let render =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("stage-render.json"))) as? [String: Any]
        #expect(render?["encodedPieces"] as? Int == 1, "\(render ?? [:])")
        #expect(render?["reusedPieces"] as? Int == edit.kept.count - 1, "\(render ?? [:])")

        // A finished edit resumes to the same video, every stage reused.
        let resumed = try await CLI.run(["resume", folder.path, "--json"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("stage_skipped") && !resumed.stdout.contains("\"stage_started\""))
        #expect(try MediaProbe.inspect(folder.appendingPathComponent("video.mp4")) == shorter)

        // A broken cut list is one line naming the field.
        try Data(
            #"{"format": "vgen-edit", "version": 1, "source": "talk.mp4", "fps": 30, "source_duration": 20, "kept": [], "removed": []}"#
                .utf8
        )
        .write(to: editFile)
        let broken = try await CLI.run(["edit", talk.url.path, "--edit", editFile.path, "--output-dir", out.path])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("edit.json: kept: keeps nothing of the recording"), "\(broken.stderr)")
    }

    /// The options shared with `vgen montage` (`OutputArguments`) and the new ones are checked
    /// before any work, each error one line naming the option.
    @Test func badOptionsAreOneLineNamingTheOption() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let talk = temporary.file("talk.mp4")
        try Data().write(to: talk)
        for (arguments, field) in [
            (["--crf", "99"], "crf"), (["--broll-style", "fade"], "broll-style"),
            (["--platform", "shorts", "--duration", "5m"], "duration"),
        ] {
            let outcome = try await CLI.run(
                ["edit", talk.path, "--output-dir", temporary.file("out").path] + arguments)
            #expect(outcome.status != 0, "\(arguments)")
            #expect(
                outcome.stderr.contains(field) && outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        }
        let montage = try await CLI.run(["montage", "--music", talk.path, talk.path, "--crf", "99"])
        #expect(montage.status != 0 && montage.stderr.contains("crf"), "\(montage.stderr)")
    }
}
