import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the argument parser's errors end the process with, the same in the front and the
/// engine: help and version requests print to stdout and exit 0; anything else is one line
/// `vgen: error: …` on stderr and `ExitStatus.usage` (parsing, validation) or `.failure`.
package enum ParserFailure {
    /// The status and the one-line message for an error the parser threw or a command's
    /// `validate()` or `run()` threw.
    package static func outcome(of error: any Error) -> (ExitStatus, String) {
        let status: ExitStatus = VGen.exitCode(for: error) == .validationFailure ? .usage : .failure
        var message = oneLine(VGen.message(for: error))
        if message.isEmpty { message = "failed" }
        return (status, lowercasingFirstWord(message))
    }

    /// Ends the process for a parser error: help and version on stdout with status 0
    /// (ArgumentParser prints them), else one line on stderr and the status of `outcome(of:)`.
    package static func exit(_ error: any Error) -> Never {
        if VGen.exitCode(for: error) == .success {
            VGen.exit(withError: error)
        }
        let (status, message) = outcome(of: error)
        fail(message, status: status)
    }

    /// Writes `vgen: error: MESSAGE` on stderr and exits with `status`.
    package static func fail(_ message: String, status: ExitStatus) -> Never {
        var line = Array("vgen: error: \(message)\n".utf8)
        var written = 0
        while written < line.count {
            let count = line.withUnsafeMutableBytes { write(2, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { break }
            written += count
        }
        #if canImport(Glibc)
            Glibc.exit(status.rawValue)
        #else
            Darwin.exit(status.rawValue)
        #endif
    }

    /// The text's lines trimmed and joined by single spaces.
    package static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { line in
            String(line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }
        .joined(separator: " ")
    }

    /// `Unknown option '--x'` reads `unknown option '--x'` after `error:`, as vgen's own do;
    /// a word in capitals (`JSON`) stays.
    package static func lowercasingFirstWord(_ text: String) -> String {
        let characters = Array(text.prefix(2))
        guard characters.count == 2, characters[0].isUppercase, characters[1].isLowercase else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
