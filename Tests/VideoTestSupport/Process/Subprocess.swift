import Foundation
import VideoCore

/// Running a program (the built `vgen`, the ffmpeg CLI) as a user would.

/// How a program ended and what it printed.
package struct ProcessOutcome: Sendable {
    /// Whether it exited or was killed by a signal.
    package var reason: Process.TerminationReason
    /// Its exit status, or the number of the signal that killed it.
    package var status: Int32
    /// Everything it wrote to stdout.
    package var stdoutData: Data
    /// Everything it wrote to stderr.
    package var stderr: String

    /// Its stdout as text.
    package var stdout: String { String(decoding: stdoutData, as: UTF8.self) }

    /// Its stdout, line by line.
    package var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Whether `signal` killed it (it did not exit by itself).
    package func wasKilled(by signal: Int32) -> Bool { reason == .uncaughtSignal && status == signal }
}

/// Runs programs in child processes, reading their output on threads of their own and waiting
/// for them through their termination handler: no polling, and no thread of Swift's
/// cooperative pool blocked while they run.
package enum Subprocess {
    /// Runs `executable` to its end.
    /// - Parameters:
    ///   - directory: The working directory (the test's by default).
    ///   - environment: The child's environment; the test process's by default.
    ///   - onLine: Called with each line of stdout as it arrives and the process id (to send
    ///     a signal when a line says so), on the thread reading stdout.
    /// - Returns: How it ended and what it printed.
    /// - Throws: When it cannot be started.
    package static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        onLine: (@Sendable (_ line: String, _ pid: pid_t) -> Void)? = nil
    ) async throws -> ProcessOutcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exit = Recorder<(reason: Process.TerminationReason, status: Int32)>()
        process.terminationHandler = { exit.record(($0.terminationReason, $0.terminationStatus)) }
        try process.run()
        let pid = process.processIdentifier
        let (outHandle, errHandle) = (out.fileHandleForReading, err.fileHandleForReading)
        // Both pipes are read to their end at once, so a chatty child never blocks on either.
        async let errData = DedicatedThread.run(name: "stderr") { _ in errHandle.readDataToEndOfFile() }
        let outData = try await DedicatedThread.run(name: "stdout") { _ in
            readLines(outHandle) { onLine?($0, pid) }
        }
        let stderr = try await errData
        guard let ended = await exit.first(where: { _ in true }) else { throw CancellationError() }
        return ProcessOutcome(
            reason: ended.reason, status: ended.status, stdoutData: outData,
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Reads `handle` to its end, handing out each complete line as it comes (`availableData`
    /// blocks until the child writes something or closes the pipe).
    private static func readLines(_ handle: FileHandle, _ line: (String) -> Void) -> Data {
        var all = Data(), pending = Data()
        while case let chunk = handle.availableData, !chunk.isEmpty {
            all.append(chunk)
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                line(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { line(String(decoding: pending, as: UTF8.self)) }
        return all
    }

    /// The program called `name` on the `PATH`, if there is one.
    package static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
