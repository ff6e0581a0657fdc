import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// API keys, rate limits, body limits and bad uploads against a real `vgen serve`.
@Suite struct ServeSecurityTests {
    @Test func keysAreCheckedAndRateLimited() async throws {
        let fixture = try await ServeFixture(
            arguments: ["--rate-limit", "2"], environment: ["VGEN_API_KEYS": "first-key, second-key"])
        let contract = try OpenAPIContract()
        let open = fixture.server.client()
        #expect(try await open.send("GET", "/health").status == 200)  // health needs no key
        let none = try await open.send("GET", "/api/jobs")
        #expect(none.status == 401 && contract.problems("GET", "/api/jobs", none).isEmpty, "\(none.text)")
        let wrong = try await fixture.server.client(key: "third-key").send("GET", "/api/jobs")
        #expect(wrong.status == 403 && wrong.json["field"] as? String == "authorization")
        #expect(try await open.send("GET", "/metrics").status == 401)

        // Two requests a minute, in bursts of two: a token comes back every 30 s, so however
        // slowly the machine runs, a 429 comes within a few requests.
        let client = fixture.server.client(key: "second-key")
        var passed = 0
        var limited = try await client.send("GET", "/api/jobs")
        while limited.status == 200, passed < 20 {
            passed += 1
            limited = try await client.send("GET", "/api/jobs")
        }
        #expect(passed >= 2)
        #expect(limited.status == 429 && contract.problems("GET", "/api/jobs", limited).isEmpty, "\(limited.text)")
        #expect(Int(limited.headers["retry-after"] ?? "") ?? 0 >= 1)
        // Limits are per key.
        #expect(try await fixture.server.client(key: "first-key").send("GET", "/api/jobs").status == 200)
        // CORS is off: no Access-Control header, even for a preflight.
        let preflight = try await client.send(
            "OPTIONS", "/api/jobs",
            headers: ["Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST"])
        #expect(preflight.headers.keys.allSatisfy { !$0.hasPrefix("access-control-") })
        // Keys are stored hashed: the key itself is written nowhere under --data.
        for file in filesUnder(fixture.data) {
            let bytes = (try? Data(contentsOf: fixture.data.appendingPathComponent(file))) ?? Data()
            #expect(bytes.range(of: Data("second-key".utf8)) == nil, "\(file)")
        }
    }

    @Test func badUploadsAreRefusedAndWriteNothing() async throws {
        let fixture = try await ServeFixture(arguments: ["--max-file-bytes", "40000", "--max-upload-bytes", "100000"])
        let client = fixture.server.client()
        let contract = try OpenAPIContract()
        let before = filesUnder(fixture.temporary.url)
        let photo = fixture.temporary.file("p.png")
        try TestPictures.writePNG(to: photo, width: 64, height: 48)
        let png = try Data(contentsOf: photo)
        let song = fixture.temporary.file("s.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, seconds: 0.5, sampleRate: 8000)
        let wav = try Data(contentsOf: song)
        try FileManager.default.removeItem(at: photo)
        try FileManager.default.removeItem(at: song)

        /// A montage upload of one media file (named `name`) and one song.
        func montage(media: Data, name: String = "a.png", song: Data) async throws -> HTTPTestClient.Reply {
            var form = MultipartBody()
            form.file("media", fileName: name, media)
            form.file("song", fileName: "s.wav", song)
            return try await form.post(client, "/api/montages")
        }
        let script = Data("#!/bin/sh\necho hello\n".utf8) + Data([0, 1, 2])
        var replies: [(String, Int, HTTPTestClient.Reply)] = [
            ("file too big", 413, try await montage(media: png + Data(count: 50_000), song: wav)),
            ("body too big", 413, try await montage(media: png + Data(count: 150_000), song: wav)),
            ("wrong type", 415, try await montage(media: script, song: wav)),
            ("song not audio", 415, try await montage(media: png, song: png)),
            ("climbing name", 400, try await montage(media: png, name: "../../escape.png", song: wav)),
            ("absolute name", 400, try await montage(media: png, name: "/tmp/escape.png", song: wav)),
        ]
        var broken = MultipartBody()
        broken.file("media", fileName: "a.png", png)
        /// A montage body sent as it is, with this content type.
        func raw(_ type: String, _ body: Data) async throws -> HTTPTestClient.Reply {
            try await client.send("POST", "/api/montages", headers: ["Content-Type": type], body: body)
        }
        let garbage = Data("--\(broken.boundary)\r\nno headers here\r\n--\(broken.boundary)--\r\n".utf8)
        replies += [
            ("unterminated multipart", 400, try await raw(broken.contentType, broken.data.dropLast(2))),
            ("no boundary", 400, try await raw("multipart/form-data", Data("x".utf8))),
            ("garbage part", 400, try await raw(broken.contentType, garbage)),
            ("not multipart", 415, try await raw("text/plain", Data("hello".utf8))),
        ]
        replies.append(
            (
                "bad option", 400,
                try await {
                    var form = MultipartBody()
                    form.file("media", fileName: "a.png", png)
                    form.file("song", fileName: "s.wav", wav)
                    form.field("options", #"{"output_dir": "/tmp"}"#)
                    return try await form.post(client, "/api/montages")
                }()
            ))
        replies.append(
            (
                "bad option value", 400,
                try await client.send(
                    "POST", "/api/videos", json: ["document": "# Hi\n\nThere.\n", "options": ["fps": 0]])
            ))
        replies.append(
            (
                "climbing video id", 400,
                try await client.send(
                    "POST", "/api/videos",
                    json: ["document": "# Hi\n\nThere.\n", "options": ["video_id": "../../escape"]])
            ))
        replies.append(
            (
                "binary document", 415,
                try await {
                    var form = MultipartBody()
                    form.file("document", fileName: "a.md", png)
                    return try await form.post(client, "/api/videos")
                }()
            ))
        replies.append(
            (
                "malformed JSON", 400,
                try await client.send(
                    "POST", "/api/videos", headers: ["Content-Type": "application/json"],
                    body: Data("{\"document\":".utf8))
            ))
        /// A form of these files sent to `path`.
        func upload(_ path: String, _ parts: [(String, Data)]) async throws -> HTTPTestClient.Reply {
            var form = MultipartBody()
            for (name, data) in parts { form.file(name, fileName: name, data) }
            return try await form.post(client, path)
        }
        replies += [
            ("no song", 400, try await upload("/api/montages", [("media", png)])),
            ("two songs", 400, try await upload("/api/montages", [("media", png), ("song", wav), ("song", wav)])),
            ("edit: two talks", 400, try await upload("/api/edits", [("talk", png), ("talk", png)])),
            ("edit: talk not a video", 415, try await upload("/api/edits", [("talk", wav)])),
        ]
        let fields = [
            "no song": "song", "two songs": "song", "edit: two talks": "talk", "edit: talk not a video": "talk",
        ]
        for (what, status, reply) in replies {
            #expect(reply.status == status, "\(what): \(reply.status) \(reply.text)")
            if let field = fields[what] { #expect(reply.json["field"] as? String == field, "\(what): \(reply.text)") }
            let path =
                what.hasPrefix("edit:")
                ? "/api/edits"
                : what.contains("option value") || what.contains("video id") || what.contains("JSON")
                    || what.contains("document") ? "/api/videos" : "/api/montages"
            #expect(
                contract.problems("POST", path, reply).isEmpty, "\(what): \(contract.problems("POST", path, reply))")
        }
        // Nothing of a refused job stays, and nothing was written outside --data.
        let after = filesUnder(fixture.temporary.url)
        let outside = after.filter { !$0.hasPrefix("data/") && $0 != "data" && !before.contains($0) }
        #expect(outside.isEmpty, "\(outside)")
        #expect(filesUnder(fixture.data.appendingPathComponent("jobs")).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escape.png"))
        #expect(try await client.send("GET", "/api/jobs").json["total"] as? Int == 0)
    }
}
