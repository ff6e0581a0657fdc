import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen serve --database postgres://…` with `vgen worker` processes, against a real PostgreSQL
/// server of the test's own (`PostgresServer`): a killed worker's job is claimed again and
/// resumed, every job completes exactly once, and twenty jobs at once all complete once (the
/// SQLite store's own test submits fifty).
@Suite struct ServeWorkerTests {
    /// Short leases, so a dead worker's job is taken over within seconds.
    static let fast = ["--lease-seconds", "2", "--heartbeat-seconds", "0.4", "--poll-seconds", "0.2", "--jobs", "1"]

    /// About 20 s on a loaded 2-core host: a private PostgreSQL cluster (initdb and start, ~5 s),
    /// four small jobs, and the 2 s lease that has to run out before the dead worker's job moves.
    /// The time limit only guards against a hang.
    @Test(.timeLimit(.minutes(10))) func aKilledWorkersJobIsResumedByAnotherAndEveryJobCompletesOnce() async throws {
        let postgres = try await PostgresServer()
        let fixture = try await ServeFixture(arguments: ["--database", postgres.url])
        let client = fixture.server.client()
        // Killed as its job's video stage starts (by the line reader's own thread, so a busy test
        // pool cannot delay the kill): the stages before it are saved in the folder. The victim's
        // video stage has to outlast only that thread's wake-up: 720p30 with crossfades draws and
        // encodes hundreds of frames.
        let first = try WorkerProcess(
            database: postgres.url, data: fixture.data, name: "first", arguments: Self.fast,
            log: fixture.temporary.file("first.log"), killOn: { $0.hasSuffix(" stage video") })
        var firstLines = first.lines.makeAsyncIterator()
        #expect(await firstLines.next() == "worker first ready")
        let victim = try await ServeFixture.submitTiny(
            client, id: "victim", scenes: 12, resolution: "1280x720", fps: 30,
            options: ["preset": "ultrafast", "transition": "crossfade"])
        #expect(await firstLines.next() == "claimed \(victim) attempt 1")
        // The second worker starts once the first holds the victim, and takes the other jobs.
        let second = try WorkerProcess(
            database: postgres.url, data: fixture.data, name: "second", arguments: Self.fast,
            log: fixture.temporary.file("second.log"))
        var others: [String] = []
        for index in 0..<3 { others.append(try await ServeFixture.submitTiny(client, id: "other-\(index)")) }
        var firstSaid: [String] = []
        while let line = await firstLines.next() {
            firstSaid.append(line)
            if line == "\(victim) stage video" { break }
        }
        #expect(firstSaid.last == "\(victim) stage video", "\(firstSaid)")
        #expect(await first.stop(SIGKILL) == SIGKILL)
        #expect(!firstSaid.contains { $0.hasPrefix("completed") }, "\(firstSaid)")

        let all = Set([victim] + others)
        for id in all {
            let job = try await ServeFixture.finalJob(client, id)
            #expect(job["status"] as? String == "completed", "\(job)")
        }
        #expect(await second.stop() == 0)
        var secondSaid: [String] = []
        for await line in second.lines { secondSaid.append(line) }
        // Exactly once: each job completed by one worker, once, and counted once in the store.
        let completed = (firstSaid + secondSaid).filter { $0.hasPrefix("completed ") }.map { String($0.dropFirst(10)) }
        #expect(completed.count == 4 && Set(completed) == all, "\(secondSaid)")
        #expect(secondSaid.contains("claimed \(victim) attempt 2"), "\(secondSaid)")
        #expect(secondSaid.contains("\(victim) skipped audio"), "the resumed job redid its audio: \(secondSaid)")
        let rows = try await postgres.query("SELECT id, status, completions, attempts FROM vgen_jobs ORDER BY seq")
        #expect(rows == ["\(victim)|completed|1|2"] + others.map { "\($0)|completed|1|1" })
        let video = fixture.data.appendingPathComponent("jobs/\(victim)/output/victim/video.mp4")
        #expect(try MediaProbe.inspect(video).videoFrameCount > 0)
    }

    /// About 20 s on a loaded 2-core host: twenty one-second renders claimed by two workers at
    /// once (the SQLite store's test already shows fifty at once); the cluster adds ~5 s. The
    /// time limit only guards against a hang.
    @Test(.timeLimit(.minutes(10))) func twentyJobsSubmittedAtOnceAllCompleteOnceOnTwoWorkers() async throws {
        let postgres = try await PostgresServer()
        let fixture = try await ServeFixture(arguments: ["--database", postgres.url])
        let client = fixture.server.client()
        let workers = try ["one", "two"].map { name in
            try WorkerProcess(
                database: postgres.url, data: fixture.data, name: name,
                arguments: Self.fast + ["--concurrent-jobs", "2"], log: fixture.temporary.file("\(name).log"))
        }
        let ids = try await ServeFixture.submitTinyJobs(client, count: 20)
        #expect(Set(ids).count == 20)
        for id in ids {
            let job = try await ServeFixture.finalJob(client, id)
            #expect(job["status"] as? String == "completed", "\(job)")
        }
        var said: [String] = []
        for worker in workers {
            #expect(await worker.stop() == 0)
            for await line in worker.lines { said.append(line) }
        }
        let completed = said.filter { $0.hasPrefix("completed ") }
        #expect(completed.count == 20 && Set(completed).count == 20)
        #expect(
            try await postgres.query("SELECT COUNT(*), SUM(completions) FROM vgen_jobs WHERE status = 'completed'") == [
                "20|20"
            ])
        let page = try await client.send("GET", "/api/jobs?status=completed&limit=200")
        #expect(page.json["total"] as? Int == 20)
        let metrics = try await client.send("GET", "/metrics")
        #expect(metrics.text.contains("vgen_jobs{state=\"completed\"} 20"))
    }

    @Test func badJobStoresAreRefusedInOneLineNamingTheField() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-worker")
        let data = temporary.file("data").path
        for (arguments, words) in [
            (["worker", "--database", "sqlite:jobs.sqlite", "--data", data], "postgres://"),
            (["worker", "--database", "postgres://localhost/db", "--data", data], "USER"),
            (
                [
                    "worker", "--database", "postgres://vgen@localhost/db", "--lease-seconds", "1",
                    "--heartbeat-seconds", "2",
                ], "heartbeat"
            ),
            (["serve", "--database", "mysql://vgen@localhost/db", "--data", data, "--port", "0"], "postgres://"),
        ] {
            let outcome = try await CLI.run(arguments)
            let lines = outcome.stderr.split(separator: "\n").filter { $0.contains("error") }
            #expect(outcome.status == 1 && lines.count == 1, "\(arguments): \(outcome.stderr)")
            #expect(
                lines.first?.contains(words) == true && outcome.stderr.contains("database") || words == "heartbeat",
                "\(outcome.stderr)")
        }
        // Nothing was written for the refused commands but the data folder itself.
        #expect(
            filesUnder(temporary.url).allSatisfy { $0 == "data" || $0 == "data/jobs" }, "\(filesUnder(temporary.url))")
    }
}
