import Foundation
import VideoRender

/// Shows pipeline events on stderr: a progress bar on a terminal, plain lines otherwise.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastLine = ""
    private var barShown = false

    func handle(_ event: PipelineEvent) {
        lock.withLock {
            switch event {
            case .stageStarted(let stage):
                if !isTerminal { write("\(stage): started\n") }
            case .stageCompleted(let stage, let seconds):
                if isTerminal { clearBar() }
                write("\(stage): done in \(String(format: "%.2f", seconds)) s\n")
            case .stageFailed(let stage, let message):
                if isTerminal { clearBar() }
                write("\(stage): failed: \(message)\n")
            case .progress(let stage, let fraction, let detail):
                guard isTerminal else { return }
                let width = 30
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let line = "\r\(stage.padding(toLength: 7, withPad: " ", startingAt: 0)) \(bar) \(Int(fraction * 100))% \(detail)"
                if line != lastLine {
                    write(line + "\u{1B}[K")
                    lastLine = line
                    barShown = true
                }
            case .warning(let message):
                if isTerminal { clearBar() }
                write("warning: \(message)\n")
            }
        }
    }

    func finish() { lock.withLock { if isTerminal { clearBar() } } }

    private func clearBar() {
        if barShown { write("\r\u{1B}[K") }
        barShown = false
        lastLine = ""
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
