import ArgumentParser
import Foundation
import VideoCore
import VideoRender

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

    /// Prints `error: …` on one line and exits: 130 when cancelled, 1 otherwise.
    static func fail(_ error: any Error) -> Never {
        if error is CancellationError {
            FileHandle.standardError.write(
                Data("error: cancelled; the task's state is saved (vgen resume FOLDER continues it)\n".utf8))
            Foundation.exit(130)
        }
        let message = (error as? VideoError)?.description ?? "\(error)"
        FileHandle.standardError.write(Data("error: \(message.replacingOccurrences(of: "\n", with: " "))\n".utf8))
        Foundation.exit(1)
    }
}
