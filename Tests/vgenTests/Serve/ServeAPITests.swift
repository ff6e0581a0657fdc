import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

/// `vgen serve` over real HTTP: jobs from submission to files, every reply judged by
/// Docs/openapi.yaml.
@Suite struct ServeAPITests {
    @Test func videoJobRunsToItsFilesAsTheOpenAPIFileSays() async throws {
        let contract = try OpenAPIContract()
        #expect(contract.version?.hasPrefix("3.1") == true)
        let fixture = try await ServeFixture()
        let client = fixture.server.client()
        var used: Set<String> = []
        func judge(_ method: String, _ template: String, _ reply: HTTPTestClient.Reply) {
            used.insert("\(method) \(template)")
            let problems = contract.problems(method, template, reply)
            #expect(problems.isEmpty, "\(problems) \(reply.text.prefix(300))")
        }

        let health = try await client.send("GET", "/health")
        judge("GET", "/health", health)
        #expect(health.status == 200 && health.json["status"] as? String == "ok")

        let submitted = try await client.send(
            "POST", "/api/videos",
            json: ["yaml": ServeFixture.tinySpec("tiny", scenes: 2), "options": ServeFixture.fastOptions])
        judge("POST", "/api/videos", submitted)
        #expect(submitted.status == 202)
        let id = try #require(submitted.json["job_id"] as? String)
        #expect(submitted.headers["location"] == "/api/jobs/\(id)")

        let events = try await client.events(id) { name, _ in name != "job" }
        let names = events.map(\.0)
        #expect(names.contains("stage_started") && names.contains("progress") && names.contains("pipeline_completed"))
        #expect(events.contains { $0.0 == "stage_completed" && $0.1.contains("\"stage\":\"video\"") })

        let job = try await client.send("GET", "/api/jobs/\(id)")
        judge("GET", "/api/jobs/{id}", job)
        #expect(job.json["status"] as? String == "completed" && job.json["progress"] as? Int == 100, "\(job.text)")
        #expect((job.json["files"] as? [String])?.contains("video.mp4") == true)

        let onDisk = fixture.data.appendingPathComponent("jobs/\(id)/output/tiny/video.mp4")
        let video = try await client.send("GET", "/api/jobs/\(id)/files/video.mp4")
        judge("GET", "/api/jobs/{id}/files/{name}", video)
        #expect(video.status == 200 && video.headers["accept-ranges"] == "bytes")
        #expect(video.body == (try Data(contentsOf: onDisk)))
        let info = try MediaProbe.inspect(onDisk)
        #expect(info.width == 320 && info.height == 180 && info.videoFrameCount > 0)

        let part = try await client.send("GET", "/api/jobs/\(id)/files/video.mp4", headers: ["Range": "bytes=100-199"])
        judge("GET", "/api/jobs/{id}/files/{name}", part)
        #expect(part.status == 206 && part.body == video.body[100..<200])
        #expect(part.headers["content-range"] == "bytes 100-199/\(video.body.count)")
        let tail = try await client.send("GET", "/api/jobs/\(id)/files/video.mp4", headers: ["Range": "bytes=-10"])
        #expect(tail.status == 206 && tail.body == video.body.suffix(10))
        let outside = try await client.send(
            "GET", "/api/jobs/\(id)/files/video.mp4", headers: ["Range": "bytes=\(video.body.count)-"])
        judge("GET", "/api/jobs/{id}/files/{name}", outside)
        #expect(outside.status == 416 && outside.headers["content-range"] == "bytes */\(video.body.count)")

        let captions = try await client.send("GET", "/api/jobs/\(id)/files/captions.vtt")
        judge("GET", "/api/jobs/{id}/files/{name}", captions)
        #expect(captions.status == 200 && captions.text.hasPrefix("WEBVTT"))
        let thumbnail = try await client.send("GET", "/api/jobs/\(id)/files/thumbnail.png")
        #expect(thumbnail.status == 200 && thumbnail.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let unknown = try await client.send("GET", "/api/jobs/\(id)/files/state.json")
        judge("GET", "/api/jobs/{id}/files/{name}", unknown)
        #expect(unknown.status == 404)

        // A document upload, cancelled at once: its files answer 409. The document is long
        // (24 sections, about a minute of speech) so that the job is still running when the
        // cancel arrives, even when the test's own task waits seconds for a thread.
        var form = MultipartBody()
        let sections = (1...24).map {
            "## Part \($0)\n\nThis part says a few sentences, so that its narration takes a while to speak. "
                + "It goes on a little longer, and then a little longer still.\n"
        }
        form.file("document", fileName: "notes.md", Data(("# Notes\n\n" + sections.joined(separator: "\n")).utf8))
        form.field("options", #"{"resolution": "320x180", "fps": 10, "preset": "ultrafast"}"#)
        let upload = try await form.post(client, "/api/videos")
        judge("POST", "/api/videos", upload)
        let second = try #require(upload.json["job_id"] as? String, "\(upload.text)")
        let cancelled = try await client.send("DELETE", "/api/jobs/\(second)")
        judge("DELETE", "/api/jobs/{id}", cancelled)
        #expect(
            cancelled.status == 200 && cancelled.json["status"] as? String == "cancelled",
            "\(cancelled.text) \(upload.text)")
        let early = try await client.send("GET", "/api/jobs/\(second)/files/video.mp4")
        judge("GET", "/api/jobs/{id}/files/{name}", early)
        #expect(early.status == 409)
        #expect(try await ServeFixture.finalJob(client, second)["status"] as? String == "cancelled")

        let page = try await client.send("GET", "/api/jobs?limit=1")
        judge("GET", "/api/jobs", page)
        #expect(page.json["total"] as? Int == 2 && page.json["next_offset"] as? Int == 1)
        #expect((page.json["jobs"] as? [[String: Any]])?.first?["job_id"] as? String == second)
        let next = try await client.send("GET", "/api/jobs?limit=1&offset=1")
        #expect(
            (next.json["jobs"] as? [[String: Any]])?.first?["job_id"] as? String == id
                && next.json["next_offset"] == nil)
        let badPage = try await client.send("GET", "/api/jobs?limit=0")
        judge("GET", "/api/jobs", badPage)
        #expect(badPage.status == 400 && badPage.json["field"] as? String == "limit")

        let missing = try await client.send("GET", "/api/jobs/\(String(repeating: "0", count: 32))")
        judge("GET", "/api/jobs/{id}", missing)
        #expect(missing.status == 404)

        let metrics = try await client.send("GET", "/metrics")
        judge("GET", "/metrics", metrics)
        #expect(metrics.text.contains("vgen_jobs{state=\"completed\"} 1"))
        #expect(metrics.text.contains("vgen_jobs{state=\"cancelled\"} 1"))
        // The cancelled job may have finished its video stage first on a loaded machine: 1 or 2.
        let videoStages = metrics.text.split(separator: "\n").first {
            $0.hasPrefix("vgen_stage_duration_seconds_count{kind=\"video\",stage=\"video\"} ")
        }
        #expect(videoStages.flatMap { Int($0.split(separator: " ").last ?? "") }.map { (1...2).contains($0) } == true)

        // Montages are judged in the test below; events are read above.
        used.formUnion(["POST /api/montages", "POST /api/edits", "GET /api/jobs/{id}/events"])
        #expect(
            Set(contract.operations).subtracting(used).isEmpty,
            "not exercised: \(Set(contract.operations).subtracting(used))")
    }

    @Test func montageJobCutsUploadedPhotosOnTheSong() async throws {
        let contract = try OpenAPIContract()
        let fixture = try await ServeFixture()
        let client = fixture.server.client()
        let media = try fixture.temporary.folder("media")
        let photos = try MontageFixtures.writePhotos(count: 3, to: media, width: 320, height: 240)
        let song = media.appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 6)
        var form = MultipartBody()
        // Names and declared types are the client's; the service goes by the bytes.
        for (index, photo) in photos.enumerated() {
            form.file("media", fileName: "holiday \(index).jpeg", try Data(contentsOf: photo), type: "image/jpeg")
        }
        form.file("song", fileName: "track.bin", try Data(contentsOf: song))
        form.field("options", #"{"size": 180, "fps": 10, "aspect": "16:9", "order": "name"}"#)
        let reply = try await form.post(client, "/api/montages")
        #expect(contract.problems("POST", "/api/montages", reply).isEmpty)
        #expect(reply.status == 202, "\(reply.text)")
        let id = try #require(reply.json["job_id"] as? String)
        let job = try await ServeFixture.finalJob(client, id)
        #expect(job["status"] as? String == "completed", "\(job)")
        let input = filesUnder(fixture.data.appendingPathComponent("jobs/\(id)/input"))
        #expect(input == ["media-001.png", "media-002.png", "media-003.png", "song.wav"])
        let video = try await client.send("GET", "/api/jobs/\(id)/files/video.mp4")
        #expect(video.status == 200 && video.headers["content-type"] == "video/mp4")
        let timeline = try await client.send("GET", "/api/jobs/\(id)/files/timeline.json")
        #expect(timeline.status == 200 && contract.problems("GET", "/api/jobs/{id}/files/{name}", timeline).isEmpty)
    }

    /// About 15 s, like `vgen edit`'s own test: making the talk fixture and cutting it.
    @Test func editJobCutsAnUploadedTalk() async throws {
        let contract = try OpenAPIContract()
        let fixture = try await ServeFixture()
        let client = fixture.server.client()
        let talk = try await TalkFixture.make(in: try fixture.temporary.folder("talk"))
        let transcript = fixture.temporary.file("talk/words.json")
        try talk.writeTranscriptJSON(to: transcript)
        var form = MultipartBody()
        form.file("talk", fileName: "my talk.bin", try Data(contentsOf: talk.url))
        form.file("transcript", fileName: "words.txt", try Data(contentsOf: transcript))
        form.field("options", #"{"preset": "ultrafast", "video_id": "cut"}"#)
        let reply = try await form.post(client, "/api/edits")
        #expect(reply.status == 202 && contract.problems("POST", "/api/edits", reply).isEmpty, "\(reply.text)")
        let id = try #require(reply.json["job_id"] as? String)
        let job = try await ServeFixture.finalJob(client, id)
        #expect(job["status"] as? String == "completed" && job["kind"] as? String == "edit", "\(job)")
        #expect(filesUnder(fixture.data.appendingPathComponent("jobs/\(id)/input")) == ["talk.mp4", "transcript.json"])
        let described = try await client.send("GET", "/api/jobs/\(id)")
        let files = described.json["files"] as? [String] ?? []
        #expect(["video.mp4", "edit.json", "talk.otio", "captions.srt"].allSatisfy(files.contains), "\(files)")
        // The cut is shorter than the recording by what it removed, as the edit list says.
        let folder = fixture.data.appendingPathComponent("jobs/\(id)/output/cut")
        let source = try MediaProbe.inspect(talk.url)
        let edit = try TalkEdit.read(
            folder.appendingPathComponent("edit.json"), fps: TalkFixture.fps, sourceDuration: source.videoDuration)
        #expect(edit.removed.count == 4)
        let cut = try MediaProbe.inspect(folder.appendingPathComponent("video.mp4"))
        #expect(abs(cut.videoDuration - edit.duration) < 1e-6 && cut.videoDuration < source.videoDuration - 2)
        // A talk that is not a video is refused by its content, and nothing of it stays.
        var bad = MultipartBody()
        bad.file("talk", fileName: "talk.mp4", Data("not a video".utf8))
        let refused = try await bad.post(client, "/api/edits")
        #expect(refused.status == 415 && refused.json["field"] as? String == "talk", "\(refused.text)")
        #expect(filesUnder(fixture.data.appendingPathComponent("jobs")).filter { !$0.hasPrefix(id) }.isEmpty)
    }
}
