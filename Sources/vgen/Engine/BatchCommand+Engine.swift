import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

extension BatchCommand: ExecutableCommand {
    /// One line of the summary table.
    struct Row: Sendable {
        var input: String
        var video: String
        var status: String
        var seconds: Double
    }

    /// Renders every input, one failure not stopping the others, then prints the summary table.
    func execute() async throws {
        let reporter = ProgressReporter(json: task.json)
        var rows: [Row] = []
        for file in files {
            let start = Date()
            do {
                let videos = try Self.read(file, render: render)
                for (config, options) in videos {
                    let begin = Date()
                    let pipeline = try LanguageModelSetup.pipeline(
                        narration: render.narration, options: options, jobs: task.jobs)
                    let output = URL(fileURLWithPath: render.outputDir)
                    let result = try await CLIRunner.cancellable {
                        try await pipeline.render(config, to: output, events: reporter.handle)
                    }
                    reporter.finish()
                    rows.append(
                        Row(
                            input: file, video: result.videoURL.path, status: "ok",
                            seconds: Date().timeIntervalSince(begin)))
                }
            } catch is CancellationError {
                reporter.finish()
                rows.append(Row(input: file, video: "-", status: "cancelled", seconds: Date().timeIntervalSince(start)))
                break
            } catch {
                reporter.finish()
                let message = (error as? VideoError)?.description ?? "\(error)"
                reporter.handle(.warning("\(file): \(message)"))
                rows.append(
                    Row(input: file, video: "-", status: "failed: \(message)", seconds: Date().timeIntervalSince(start))
                )
            }
        }
        Self.printSummary(rows, to: task.json ? FileHandle.standardError : FileHandle.standardOutput)
        if rows.contains(where: { $0.status == "cancelled" }) { throw CancellationError() }
        let failed = rows.filter { $0.status != "ok" }.count
        if failed > 0 {
            throw CommandFailure(message: "\(failed) of \(rows.count) failed (see the summary)", status: .failure)
        }
    }

    static func read(_ file: String, render: RenderArguments) throws -> [(VideoConfig, RenderOptions)] {
        let url = URL(fileURLWithPath: file)
        if ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
            return try YAMLAdapter(url: url, overrides: try render.overrides()).readVideos().map {
                (try render.apply(to: $0.config), try render.options(of: $0))
            }
        }
        let config = try render.documentAdapter(url).makeVideoConfig()
        return [(try render.apply(to: config), try render.options())]
    }

    static func printSummary(_ rows: [Row], to handle: FileHandle) {
        let width = max(5, rows.map(\.input.count).max() ?? 0)
        var text = "\("input".padding(toLength: width, withPad: " ", startingAt: 0))  time      status\n"
        for row in rows {
            let time = String(format: "%7.2f s", row.seconds)
            text += "\(row.input.padding(toLength: width, withPad: " ", startingAt: 0))  \(time)  \(row.status)\n"
        }
        let ok = rows.filter { $0.status == "ok" }.count
        text += "\(ok) of \(rows.count) rendered\n"
        handle.write(Data(text.utf8))
    }
}
