import Foundation
import Synchronization
import VideoCore
import VideoTestSupport

/// A real `vgen worker` in a child process, its stdout as a stream of lines (read on a thread
/// of its own until the process closes it), ended by a signal.
///
/// `killOn` kills it from that reader thread the moment it prints a line it accepts: the kill does
/// not wait for the test's task to be scheduled, which on a loaded host can take seconds.
final class WorkerProcess: Sendable {
    /// Its stdout, line by line; the stream ends when the process has gone.
    let lines: AsyncStream<String>
    private let process: Mutex<Process>
    private let ended: Recorder<Int32>

    /// Starts `vgen worker --database DATABASE --data DATA --name NAME` plus `arguments`; when
    /// `killOn` is given, the worker gets SIGKILL as soon as it prints a line it accepts.
    /// - Throws: When it cannot be started.
    init(
        database: String, data: URL, name: String, arguments: [String] = [], log: URL,
        killOn: (@Sendable (String) -> Bool)? = nil
    ) throws {
        let (process, handle, ended) = try ServeProcess.launch(
            ["worker", "--database", database, "--data", data.path, "--name", name] + arguments, log: log)
        let (lines, continuation) = AsyncStream<String>.makeStream()
        let pid = process.processIdentifier
        Thread.detachNewThread {
            var pending = Data()
            while case let chunk = handle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    if killOn?(line) == true { kill(pid, SIGKILL) }
                    continuation.yield(line)
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            continuation.finish()
        }
        self.lines = lines
        self.process = Mutex(process)
        self.ended = ended
    }

    /// Its process id.
    var pid: pid_t { process.withLock { $0.processIdentifier } }

    /// Sends `signal` and waits for the process to end.
    /// - Returns: Its exit status or the signal's number.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) async -> Int32 {
        kill(pid, signal)
        return await ended.first(where: { _ in true }) ?? -1
    }

    deinit {
        let running = process.withLock { $0.isRunning }
        if running { process.withLock { kill($0.processIdentifier, SIGKILL) } }
    }
}
