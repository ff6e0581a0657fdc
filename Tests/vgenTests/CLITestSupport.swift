import Foundation
import Synchronization

/// Runs the built `vgen` binary as a user would, in a subprocess.
struct CLI {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process exited (rather than being killed by a signal, a crash's).
        var exited = true
    }

    /// The `vgen` executable built beside the test bundle.
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // XCTest bundles on Linux are executables in the products folder; on macOS, bundles.
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "Contents" || dir.lastPathComponent == "MacOS" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("vgen")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child never blocks.
        let errData = ReadBox()
        let errRead = DispatchSemaphore(value: 0)
        let thread = Thread {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            errRead.signal()
        }
        thread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errRead.wait()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self), exited: process.terminationReason == .exit)
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// What a reader thread read, handed to the thread waiting for it.
final class ReadBox: Sendable {
    private let stored = Mutex(Data())
    var data: Data { stored.withLock { $0 } }
    func set(_ data: Data) { stored.withLock { $0 = data } }
}

extension CLI {
    /// Starts `vgen`, reads its stdout line by line and sends `signal` once `trigger` says so.
    /// - Returns: Whether the signal was sent, and the exit status.
    static func run(_ arguments: [String], signal: Int32, when trigger: (String) -> Bool) throws -> (
        sent: Bool, status: Int32
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sent = false
        var buffer = Data()
        while true {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                if !sent && trigger(line) {
                    kill(process.processIdentifier, signal)
                    sent = true
                }
            }
        }
        process.waitUntilExit()
        return (sent, process.terminationStatus)
    }
}
