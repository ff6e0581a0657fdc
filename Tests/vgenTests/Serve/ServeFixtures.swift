import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// What the service tests share: a server in a temporary folder, tiny jobs, multipart bodies,
/// and waiting for a job through its event stream (no polling).
struct ServeFixture {
    /// The temporary folder: `data/` is the server's `--data`, `serve.log` its stderr.
    let temporary: TemporaryDirectory
    let server: ServeProcess

    var data: URL { temporary.file("data") }

    /// Starts `vgen serve` with `arguments` in a fresh temporary folder.
    init(arguments: [String] = [], environment: [String: String] = [:]) async throws {
        temporary = try TemporaryDirectory(prefix: "vgen-serve")
        server = try await ServeProcess(
            data: temporary.file("data"), arguments: ["--concurrent-jobs", "2", "--jobs", "1"] + arguments,
            environment: environment, log: temporary.file("serve.log"))
    }

    /// Starts a server again on the same folder (a restart).
    init(restarting fixture: ServeFixture, arguments: [String] = []) async throws {
        temporary = fixture.temporary
        server = try await ServeProcess(
            data: fixture.data, arguments: ["--concurrent-jobs", "2", "--jobs", "1"] + arguments,
            log: fixture.temporary.file("serve-\(UUID().uuidString).log"))
    }

    /// A YAML spec of `scenes` title scenes, at 320×180 and 10 fps unless asked otherwise: with
    /// one scene, a video of about a second.
    static func tinySpec(_ id: String, scenes: Int = 1, resolution: String = "320x180", fps: Int = 10) -> String {
        var text = "video_id: \(id)\ntitle: Tiny \(id)\nresolution: \(resolution)\nfps: \(fps)\nscenes:\n"
        for index in 1...scenes {
            text += """
                  - scene_id: s\(index)
                    scene_type: title
                    title: Scene \(index)
                    narration: Scene \(index) says hello.

                """
        }
        return text
    }

    /// The options every test job uses: the fastest encoder, cuts.
    static var fastOptions: [String: Any] { ["preset": "ultrafast", "transition": "cut"] }

    /// Submits a tiny video job and returns its id.
    static func submitTiny(
        _ client: HTTPTestClient, id: String, scenes: Int = 1, resolution: String = "320x180", fps: Int = 10,
        options: [String: Any] = fastOptions
    ) async throws -> String {
        let reply = try await client.send(
            "POST", "/api/videos",
            json: ["yaml": tinySpec(id, scenes: scenes, resolution: resolution, fps: fps), "options": options])
        #expect(reply.status == 202, "\(reply.text)")
        return try #require(reply.json["job_id"] as? String)
    }

    /// Submits `count` tiny video jobs at once (`job-0`, `job-1`, …) and returns their ids.
    static func submitTinyJobs(_ client: HTTPTestClient, count: Int) async throws -> [String] {
        try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<count { group.addTask { try await submitTiny(client, id: "job-\(index)") } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
    }

    /// Reads the job's events to their end and returns the final job (the `job` event's data).
    static func finalJob(_ client: HTTPTestClient, _ job: String) async throws -> [String: Any] {
        let events = try await client.events(job) { name, _ in name != "job" }
        let last = try #require(events.last { $0.0 == "job" }, "no job event in \(events.map(\.0))")
        return try #require(try JSONSerialization.jsonObject(with: Data(last.1.utf8)) as? [String: Any])
    }
}

/// A `multipart/form-data` body built by hand, so tests can also send broken ones.
struct MultipartBody {
    let boundary = "vgen-test-\(UUID().uuidString)"
    private(set) var data = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func field(_ name: String, _ value: String) {
        data += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, fileName: String, _ body: Data, type: String = "application/octet-stream") {
        data += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)\r\n\r\n"
                .utf8)
        data += body + Data("\r\n".utf8)
    }

    /// The body with its closing delimiter.
    var closed: Data { data + Data("--\(boundary)--\r\n".utf8) }

    /// Sends it.
    func post(_ client: HTTPTestClient, _ path: String) async throws -> HTTPTestClient.Reply {
        try await client.send("POST", path, headers: ["Content-Type": contentType], body: closed)
    }
}

/// Every file under `folder`, relative to it, sorted.
func filesUnder(_ folder: URL) -> [String] {
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    let enumerator = FileManager.default.enumerator(atPath: base)
    var files: [String] = []
    while let next = enumerator?.nextObject() as? String { files.append(next) }
    return files.sorted()
}
