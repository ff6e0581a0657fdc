internal import CFFmpeg
import Foundation

/// SHA-256 digests computed by libavutil's `AVSHA` (the FFmpeg libraries vgen already links), so
/// no second cryptography package is built for the one digest the service needs.
package enum SHA256Digest {
    /// The lowercase hexadecimal SHA-256 digest of `data`.
    /// - Parameter data: The bytes to digest.
    /// - Returns: 64 hexadecimal characters.
    package static func hex(of data: Data) -> String {
        guard let context = av_sha_alloc() else { fatalError("libavutil could not allocate an AVSHA context") }
        defer { av_free(UnsafeMutableRawPointer(context)) }
        av_sha_init(context, 256)
        data.withUnsafeBytes { bytes in
            if let base = bytes.bindMemory(to: UInt8.self).baseAddress { av_sha_update(context, base, bytes.count) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        av_sha_final(context, &digest)
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
