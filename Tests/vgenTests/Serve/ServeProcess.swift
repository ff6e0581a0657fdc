import Foundation
import Synchronization
import VideoCore
import VideoTestSupport

/// A real `vgen serve` in a child process on 127.0.0.1 and a port the system picks
/// (`--port 0`): started, read until it prints the port it listens on, and ended by a signal.
final class ServeProcess: Sendable {
    /// The port it listens on.
    let port: Int
    /// Its `--data` folder.
    let data: URL
    private let process: Mutex<Process>
    private let ended: Recorder<Int32>

    /// Starts `vgen serve --port 0 --data DATA` plus `arguments`, and waits until it listens.
    /// - Throws: When it exits before it listens.
    init(data: URL, arguments: [String] = [], environment: [String: String] = [:], log: URL) async throws {
        let (process, handle, ended) = try Self.launch(
            ["serve", "--port", "0", "--data", data.path] + arguments, environment: environment, log: log)
        // The first line says where it listens; the rest of stdout is drained on the same thread.
        let first = try await DedicatedThread.run(name: "serve-stdout") { _ -> String in
            var pending = Data()
            while case let chunk = handle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    guard line.hasPrefix("listening on ") else { continue }
                    Thread.detachNewThread { while !handle.availableData.isEmpty {} }
                    return line
                }
            }
            return String(decoding: pending, as: UTF8.self)
        }
        guard first.hasPrefix("listening on http://127.0.0.1:"), let port = Int(first.split(separator: ":").last ?? "")
        else {
            process.terminate()
            let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw VideoError(.io, "vgen serve did not start: '\(first)' \(stderr)")
        }
        self.port = port
        self.data = data
        self.process = Mutex(process)
        self.ended = ended
    }

    /// Starts the built `vgen` with `arguments`, stderr into `log`.
    /// - Returns: The process, its stdout and where its exit status is recorded.
    static func launch(_ arguments: [String], environment: [String: String] = [:], log: URL) throws -> (
        Process, FileHandle, Recorder<Int32>
    ) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.environment = CLI.environment(environment)
        let out = Pipe()
        process.standardOutput = out
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        let ended = Recorder<Int32>()
        process.terminationHandler = { ended.record($0.terminationStatus) }
        try process.run()
        return (process, out.fileHandleForReading, ended)
    }

    /// Its process id.
    var pid: pid_t { process.withLock { $0.processIdentifier } }

    /// A client for this server.
    func client(key: String? = nil) -> HTTPTestClient { HTTPTestClient(port: port, key: key) }

    /// Sends `signal` and waits for the process to end.
    /// - Returns: Its exit status or the signal's number.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) async -> Int32 {
        let pid = process.withLock { $0.processIdentifier }
        kill(pid, signal)
        return await ended.first(where: { _ in true }) ?? -1
    }

    deinit {
        let running = process.withLock { $0.isRunning }
        if running { process.withLock { kill($0.processIdentifier, SIGKILL) } }
    }
}
