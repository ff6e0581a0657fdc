import ArgumentParser
import Foundation
import VideoRender

/// Runs renders for a command: reads the input, renders each video with progress on stderr,
/// prints each video's path on stdout, and turns any failure into one line and exit code 1.
enum CLIRunner {
    static func run(
        input: () throws -> ([(VideoConfig, RenderOptions)], [String]),
        render: (VideoConfig, RenderOptions, ProgressReporter) async throws -> RenderResult
    ) async throws {
        let reporter = ProgressReporter()
        do {
            let (videos, warnings) = try input()
            for warning in warnings { reporter.handle(.warning(warning)) }
            for (config, options) in videos {
                let result = try await render(config, options, reporter)
                reporter.finish()
                print(result.videoURL.path)
            }
        } catch {
            reporter.finish()
            fail(error)
        }
    }

    /// Prints `error: …` on one line and exits: 130 when cancelled, 1 otherwise.
    static func fail(_ error: any Error) -> Never {
        if error is CancellationError {
            FileHandle.standardError.write(Data("error: cancelled\n".utf8))
            Foundation.exit(130)
        }
        let message = (error as? VideoError)?.description ?? "\(error)"
        FileHandle.standardError.write(Data("error: \(message.replacingOccurrences(of: "\n", with: " "))\n".utf8))
        Foundation.exit(1)
    }
}
