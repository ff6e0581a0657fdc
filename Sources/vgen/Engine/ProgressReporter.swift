import Foundation
import Synchronization
import VideoCore
import VideoRender

/// Shows pipeline events: with `--json`, one JSON object per line on stdout; otherwise on
/// stderr, a progress bar on a terminal and plain lines elsewhere.
///
/// Events arrive from any task; each is written whole under one lock, so lines never interleave.
final class ProgressReporter: Sendable {
    /// What the progress bar shows now.
    private struct Bar {
        var lastLine = ""
        var shown = false
    }

    private let json: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let bar = Mutex(Bar())

    init(json: Bool = false) { self.json = json }

    @Sendable func handle(_ event: PipelineEvent) {
        bar.withLock { shown in
            if json {
                FileHandle.standardOutput.write(Data((event.jsonLine + "\n").utf8))
                return
            }
            switch event {
            case .pipelineStarted, .pipelineCompleted, .pipelineFailed:
                break
            case .stageStarted(let stage):
                if !isTerminal { write("\(stage): started\n") }
            case .stageSkipped(let stage):
                clear(&shown)
                write("\(stage): done before, reused\n")
            case .stageCompleted(let stage, let seconds):
                clear(&shown)
                write("\(stage): done in \(String(format: "%.2f", seconds)) s\n")
            case .stageFailed(let stage, let message):
                clear(&shown)
                write("\(stage): failed: \(message)\n")
            case .progress(let progress):
                guard isTerminal else { return }
                let width = 30
                let filled = Int(progress.fraction * Double(width))
                let meter = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let stage = progress.stage.padding(toLength: 7, withPad: " ", startingAt: 0)
                let line = "\r\(stage) \(meter) \(Int(progress.fraction * 100))% \(progress.detail)"
                if line != shown.lastLine {
                    write(line + "\u{1B}[K")
                    shown.lastLine = line
                    shown.shown = true
                }
            case .warning(let message):
                clear(&shown)
                write("warning: \(message)\n")
            }
        }
    }

    /// Whether results (video paths) go to stdout as plain lines.
    var printsPaths: Bool { !json }

    /// Clears the progress bar, before a result or an error is printed.
    func finish() { bar.withLock { clear(&$0) } }

    private func clear(_ bar: inout Bar) {
        if isTerminal && bar.shown { write("\r\u{1B}[K") }
        bar = Bar()
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
