import ArgumentParser
import Foundation
import VideoRender

/// Runs one render for a command: reads the input, renders with progress on stderr, prints
/// the video's path on stdout, and turns any failure into one line and exit code 1.
enum CLIRunner {
    static func run(
        input: () throws -> (VideoConfig, [String]),
        render: (VideoConfig, ProgressReporter) async throws -> RenderResult
    ) async throws {
        let reporter = ProgressReporter()
        do {
            let (config, warnings) = try input()
            for warning in warnings { reporter.handle(.warning(warning)) }
            let result = try await render(config, reporter)
            reporter.finish()
            print(result.videoURL.path)
        } catch let error as VideoError {
            reporter.finish()
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        } catch is CancellationError {
            reporter.finish()
            FileHandle.standardError.write(Data("error: cancelled\n".utf8))
            throw ExitCode(130)
        }
    }
}
