internal import CFFmpeg
import Foundation
import Synchronization

/// Where libav's own log lines go.
///
/// libav prints its diagnostics ("[ogg @ 0x…] CRC mismatch!") on stderr by itself; a user
/// would take them for vgen's errors. Once installed (before any libav call, by every type
/// here that opens a file), a callback takes every line instead: by default it drops them —
/// every libav failure that matters reaches vgen through a return code and becomes a
/// `VideoError` naming the file — and after `route(to:)` it passes warnings and errors to a
/// handler (the CLI's `--verbose` prints them on stderr, marked as libav's).
package enum LibavLog {
    private static let handler = Mutex<(@Sendable (String) -> Void)?>(nil)
    private static let installed: Void = {
        CFFmpeg_route_log({ _, line in LibavLog.receive(line) }, AV_LOG_WARNING)
    }()

    /// Installs the callback (once; later calls do nothing).
    package static func install() { _ = installed }

    /// Sends libav's warnings and errors to `handler`, one line each without its newline,
    /// prefixed by the component that logged it (`[ogg] CRC mismatch!`); nil drops them again.
    /// - Parameter handler: Called on the thread that logged the line.
    package static func route(to handler: (@Sendable (String) -> Void)?) {
        install()
        self.handler.withLock { $0 = handler }
    }

    private static func receive(_ line: UnsafePointer<CChar>?) {
        guard let line, let handler = handler.withLock({ $0 }) else { return }
        let text = withoutAddresses(String(cString: line)).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { handler(text) }
    }

    /// `[ogg @ 0x55d0c8a3c2c0] CRC mismatch!` → `[ogg] CRC mismatch!`: the addresses mean
    /// nothing to a reader and change from run to run.
    package static func withoutAddresses(_ line: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let at = rest.range(of: " @ 0x") {
            result += rest[..<at.lowerBound]
            rest = rest[at.upperBound...].drop { $0.isHexDigit }
        }
        return result + rest
    }
}
