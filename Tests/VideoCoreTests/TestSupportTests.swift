import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// The shared test support (`VideoTestSupport`) does what the other tests rely on.
@Suite struct TestSupportTests {
    @Test func temporaryDirectoryRemovesItselfWithItsFiles() throws {
        var temporary: TemporaryDirectory? = try TemporaryDirectory()
        let url = try #require(temporary?.url)
        let file = try #require(try temporary?.write("kept until the folder goes", to: "notes.txt"))
        _ = try temporary?.folder("a/b")
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(temporary?.uniquePath(extension: "mp4") != temporary?.uniquePath(extension: "mp4"))
        temporary = nil
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func recorderHandsOutValuesFromOtherThreadsInOrder() async {
        let recorder = Recorder<Int>()
        recorder.record(1)
        #expect(await recorder.first { $0 == 1 } == 1, "a value that came before the wait")
        async let third = recorder.first { $0 > 2 }
        let thread = Thread { for value in 2...4 { recorder.record(value) } }
        thread.start()
        #expect(await third == 3)
        #expect(await recorder.first { $0 == 4 } == 4)
        #expect(recorder.all == [1, 2, 3, 4])
    }

    @Test func recorderWaitsEndWhenItFinishesOrTheWaiterIsCancelled() async {
        let recorder = EventRecorder()
        let never = Task { await recorder.first { $0 == .warning("never") } }
        never.cancel()
        #expect(await never.value == nil)
        let pending = Task { await recorder.firstProgress(of: "video") }
        recorder.record(.stageStarted("video"))
        recorder.finish()
        #expect(await pending.value == nil)
        #expect(await recorder.first { $0 == .stageStarted("video") } == .stageStarted("video"))
        #expect(await recorder.first { $0 == .stageStarted("audio") } == nil, "finished: nothing more comes")
    }

    @Test func subprocessReportsOutputStatusAndSignals() async throws {
        let shell = URL(fileURLWithPath: "/bin/sh")
        let exited = try await Subprocess.run(shell, ["-c", "echo one; echo two; echo oops >&2; exit 3"])
        #expect(exited.reason == .exit && exited.status == 3)
        #expect(exited.lines == ["one", "two"] && exited.stderr == "oops\n")
        let lines = Recorder<String>()
        let killed = try await Subprocess.run(shell, ["-c", "echo ready; exec tail -f /dev/null"]) { line, pid in
            lines.record(line)
            if line == "ready" { kill(pid, SIGKILL) }
        }
        #expect(killed.wasKilled(by: SIGKILL) && !killed.wasKilled(by: SIGTERM))
        #expect(lines.all == ["ready"])
        #expect(Subprocess.find("sh") != nil && Subprocess.find("no-such-program-here") == nil)
    }

    /// A child started by the test support inherits none of the test process's descriptors
    /// (libcurl's sockets are not close-on-exec): a pipe made without `O_CLOEXEC` stays out of
    /// the child's `/proc/self/fd`.
    @Test func childrenInheritNoDescriptors() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let temporary = try TemporaryDirectory(prefix: "vgen-spawn")
        let outcome = try await BoundedProcess.run(
            URL(fileURLWithPath: "/bin/ls"), ["/proc/self/fd"], in: temporary.url, environment: [:],
            limits: .init(cpuSeconds: 10, addressSpace: 1 << 30), logs: temporary.url)
        let open = Set(outcome.stdout.split(separator: "\n").compactMap { Int32($0) })
        #expect(outcome.exitStatus == 0 && open.isSuperset(of: [0, 1, 2]), "\(outcome.stderr)")
        #expect(open.isDisjoint(with: ends), "the child holds \(open.sorted()); the pipe is \(ends)")
    }
}
