import Foundation
import VideoCore
import VideoRender

/// Shows pipeline events: with `--json`, one JSON object per line on stdout; otherwise on
/// stderr, a progress bar on a terminal and plain lines elsewhere.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let json: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastLine = ""
    private var barShown = false

    init(json: Bool = false) { self.json = json }

    @Sendable func handle(_ event: PipelineEvent) {
        lock.withLock {
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
                clearBar()
                write("\(stage): done before, reused\n")
            case .stageCompleted(let stage, let seconds):
                clearBar()
                write("\(stage): done in \(String(format: "%.2f", seconds)) s\n")
            case .stageFailed(let stage, let message):
                clearBar()
                write("\(stage): failed: \(message)\n")
            case .progress(let progress):
                guard isTerminal else { return }
                let width = 30
                let filled = Int(progress.fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let stage = progress.stage.padding(toLength: 7, withPad: " ", startingAt: 0)
                let line = "\r\(stage) \(bar) \(Int(progress.fraction * 100))% \(progress.detail)"
                if line != lastLine {
                    write(line + "\u{1B}[K")
                    lastLine = line
                    barShown = true
                }
            case .warning(let message):
                clearBar()
                write("warning: \(message)\n")
            }
        }
    }

    /// Whether results (video paths) go to stdout as plain lines.
    var printsPaths: Bool { !json }

    func finish() { lock.withLock { clearBar() } }

    private func clearBar() {
        if isTerminal && barShown { write("\r\u{1B}[K") }
        barShown = false
        lastLine = ""
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
