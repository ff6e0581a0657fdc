import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

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
            return (error.status, ParserFailure.oneLine(error.message))
        default:
            // ArgumentParser's own errors: parsing and validation (usage), or what a command threw.
            return ParserFailure.outcome(of: error)
        }
    }
}
