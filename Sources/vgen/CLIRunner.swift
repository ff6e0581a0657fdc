import ArgumentParser
import Foundation
import VideoCore
import VideoRender

/// How `vgen` exits (`Docs/CLI.md`, "Exit status", lists the same).
enum ExitStatus: Int32 {
    /// Everything asked for was done.
    case success = 0
    /// The work failed: bad input, a missing or unreadable file, a media, speech or encoding
    /// error; for `batch`, any input that failed.
    case failure = 1
    /// The command line is wrong: an unknown option or subcommand, a missing or malformed
    /// value, or one out of the range the parser checks (`--jobs 0`).
    case usage = 2
    /// Cancelled by Ctrl-C (SIGINT) or SIGTERM; the task's state is saved.
    case cancelled = 130
}

/// A failure of the command itself, with the exit status it ends with.
struct CommandFailure: Error, CustomStringConvertible {
    /// One line for the person running the tool.
    let message: String
    /// The status the process exits with.
    let status: ExitStatus

    var description: String { message }
}

/// Runs renders for a command: reads the input, renders each video with progress, prints each
/// video's path on stdout (or JSON events with `--json`), stops cleanly on Ctrl-C with the
/// state saved, and turns any failure into one line and a non-zero exit.
enum CLIRunner {
    static func run(
        json: Bool = false,
        input: () throws -> ([(VideoConfig, RenderOptions)], [String]),
        render: @escaping @Sendable (VideoConfig, RenderOptions, ProgressReporter) async throws -> RenderResult?
    ) async throws {
        let reporter = ProgressReporter(json: json)
        do {
            let (videos, warnings) = try input()
            for warning in warnings { reporter.handle(.warning(warning)) }
            for (config, options) in videos {
                let result = try await cancellable { try await render(config, options, reporter) }
                reporter.finish()
                if let result, reporter.printsPaths { print(result.videoURL.path) }
            }
        } catch {
            reporter.finish()
            fail(error)
        }
    }

    /// Runs `work` in a task that Ctrl-C (SIGINT) or SIGTERM cancels.
    static func cancellable<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        return try await task.value
    }

    /// Ends the process for `error`: one line `vgen: error: …` on stderr and the status of
    /// `ExitStatus` (help and version requests print to stdout and exit 0).
    static func fail(_ error: any Error) -> Never {
        if VGen.exitCode(for: error) == .success {
            VGen.exit(withError: error)  // --help, --version: ArgumentParser prints them to stdout
        }
        let (status, message) = outcome(of: error)
        FileHandle.standardError.write(Data("vgen: error: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }

    /// The status and the one-line message a failure ends the process with.
    static func outcome(of error: any Error) -> (ExitStatus, String) {
        switch error {
        case is CancellationError:
            return (.cancelled, "cancelled; the task's state is saved (vgen resume FOLDER continues it)")
        case let error as VideoError:
            return (error.code == .cancelled ? .cancelled : .failure, error.description)
        case let error as CommandFailure:
            return (error.status, oneLine(error.message))
        default:
            // ArgumentParser's own errors: parsing and validation (usage), or what a command threw.
            let status: ExitStatus = VGen.exitCode(for: error) == .validationFailure ? .usage : .failure
            var message = oneLine(VGen.message(for: error))
            if message.isEmpty { message = "failed" }
            return (status, lowercasingFirstWord(message))
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    /// `Unknown option '--x'` reads `unknown option '--x'` after `error:`, as vgen's own do;
    /// a word in capitals (`JSON`) stays.
    private static func lowercasingFirstWord(_ text: String) -> String {
        let characters = Array(text.prefix(2))
        guard characters.count == 2, characters[0].isUppercase, characters[1].isLowercase else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
