import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Jobs are never lost: a `kill -9` mid-job and a restart, and many jobs at once.
@Suite struct ServeRecoveryTests {
    @Test func killedServerResumesItsJobsAfterARestart() async throws {
        // On a starved machine the first job may finish before its events reach the test, so
        // the kill comes too late; then the test tries again with a longer video.
        for scenes in [3, 12, 40] {
            if try await killAndRestart(scenes: scenes) { return }
        }
        Issue.record("the job finished before the kill three times")
    }

    /// Kills the server as the video stage starts, restarts it and checks both jobs complete.
    /// - Returns: false when the job had completed before the kill (nothing was resumed).
    private func killAndRestart(scenes: Int) async throws -> Bool {
        let first = try await ServeFixture(arguments: ["--concurrent-jobs", "1"])
        let client = first.server.client()
        let running = try await ServeFixture.submitTiny(client, id: "killed", scenes: scenes)
        let queued = try await ServeFixture.submitTiny(client, id: "waiting")
        // Killed from the thread reading the events, the moment the video stage starts.
        let pid = first.server.pid
        try await client.events(running) { name, data in
            guard name == "stage_started", data.contains("\"stage\":\"video\"") else { return true }
            kill(pid, SIGKILL)
            return false
        }
        #expect(await first.server.stop(SIGKILL) == SIGKILL)

        let second = try await ServeFixture(restarting: first, arguments: ["--concurrent-jobs", "1"])
        let again = second.server.client()
        let events = try await again.events(running) { name, _ in name != "job" }
        let job = try JSONSerialization.jsonObject(with: Data((events.last?.1 ?? "{}").utf8)) as? [String: Any]
        #expect(job?["status"] as? String == "completed", "\(events.suffix(3))")
        if job?["attempts"] as? Int == 1 { return false }
        #expect(job?["attempts"] as? Int == 2)
        // The resumed run reused what the killed one had finished.
        #expect(
            events.contains { $0.0 == "stage_skipped" && $0.1.contains("\"stage\":\"audio\"") }, "\(events.map(\.0))")
        #expect(try await ServeFixture.finalJob(again, queued)["status"] as? String == "completed")
        for (id, name) in [(running, "killed"), (queued, "waiting")] {
            let video = first.data.appendingPathComponent("jobs/\(id)/output/\(name)/video.mp4")
            #expect(try MediaProbe.inspect(video).videoFrameCount > 0)
        }
        return true
    }

    @Test func fiftyJobsSubmittedAtOnceAllComplete() async throws {
        let fixture = try await ServeFixture()
        let client = fixture.server.client()
        let ids = try await ServeFixture.submitTinyJobs(client, count: 50)
        #expect(Set(ids).count == 50)
        for id in ids {
            let job = try await ServeFixture.finalJob(client, id)
            #expect(job["status"] as? String == "completed", "\(job)")
            #expect(job["attempts"] as? Int == 1)
        }
        let page = try await client.send("GET", "/api/jobs?status=completed&limit=200")
        #expect(page.json["total"] as? Int == 50)
        let metrics = try await client.send("GET", "/metrics")
        #expect(metrics.text.contains("vgen_jobs{state=\"completed\"} 50"))
        #expect(metrics.text.contains("vgen_stage_duration_seconds_count{kind=\"video\",stage=\"output\"} 50"))
    }
}
