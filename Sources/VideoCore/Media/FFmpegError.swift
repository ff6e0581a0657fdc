internal import CFFmpeg

/// Turns a libav return code into a `VideoError` carrying libav's own message.
///
/// - Parameters:
///   - status: The value a libav call returned; negative values are errors.
///   - what: What was being done, for the message (for example "opening song.mp3").
///   - code: The error code to report.
/// - Returns: `status`, when it is not an error.
@discardableResult
package func avCheck(_ status: Int32, _ what: @autoclosure () -> String, code: VideoError.Code = .media) throws -> Int32
{
    guard status < 0 else { return status }
    throw VideoError(code, "\(what()): \(avErrorString(status))")
}

/// libav's message for an error code.
package func avErrorString(_ status: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    CFFmpeg_error_string(status, &buffer, buffer.count)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Takes libav's log lines off the console (see `LibavLog`): call before any libav work.
package func avQuietLogging() {
    LibavLog.install()
}
