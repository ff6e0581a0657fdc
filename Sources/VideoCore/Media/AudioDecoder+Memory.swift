internal import CFFmpeg
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension AudioDecoder {
    /// Decodes a whole media file held in memory (a voice server's answer, for example) into
    /// mono samples, through the same libavformat path as a file on disk.
    ///
    /// The bytes go into an anonymous in-memory file (`memfd_create`) that libavformat opens as
    /// `/proc/self/fd/N`: nothing is written to any folder, and the file vanishes when closed.
    /// - Parameters:
    ///   - data: The file's bytes (WAV, MP3, FLAC, Opus, …).
    ///   - name: A name for messages.
    ///   - sampleRate: The rate to resample to; `nil` keeps the stream's own rate.
    /// - Returns: The samples and their rate.
    /// - Throws: `VideoError` (`.media`) when the bytes are not audio libavformat reads, or the
    ///   system has no in-memory files.
    package static func decodeAll(data: Data, name: String, sampleRate: Int? = nil) throws -> (
        samples: [Float], sampleRate: Int
    ) {
        let fd = CFFmpeg_memory_file()
        guard fd >= 0 else { throw VideoError(.media, "cannot decode \(name) in memory: no memfd_create here") }
        defer { close(fd) }
        var written = 0
        try data.withUnsafeBytes { raw in
            while written < raw.count {
                let count = write(fd, raw.baseAddress! + written, raw.count - written)
                guard count > 0 else { throw VideoError(.media, "cannot hold \(name) in memory") }
                written += count
            }
        }
        do {
            let decoder = try AudioDecoder(url: URL(fileURLWithPath: "/proc/self/fd/\(fd)"), sampleRate: sampleRate)
            var samples: [Float] = []
            while let chunk = try decoder.read(maxSamples: 1 << 16) { samples.append(contentsOf: chunk) }
            return (samples, decoder.sampleRate)
        } catch let error as VideoError {
            // The decoder names the descriptor ("3"); name the bytes instead.
            throw VideoError(error.code, "\(name): \(error.message)")
        }
    }
}
