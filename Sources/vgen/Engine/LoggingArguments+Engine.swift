import Foundation
import VGenCommandLine
import VideoCore

extension LoggingArguments {
    /// Routes libav's log to stderr when `--verbose` was given (`LibavLog`).
    func apply() {
        guard verbose else { return }
        LibavLog.route { line in FileHandle.standardError.write(Data("libav: \(line)\n".utf8)) }
    }
}
