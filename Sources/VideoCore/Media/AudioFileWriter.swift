import Foundation

/// An audio-only MP4 (`.m4a`): AAC encoded from mono or stereo samples, for soundtracks made ahead of a join.

/// Encodes samples to AAC in an audio-only MP4, to be laid under video later by
/// `SegmentJoiner(url:template:fps:audio:)` without encoding again.
///
/// # Thread safety
/// Not thread-safe: one writer per task.
package final class AudioFileWriter {
    private let container: MP4Writer.Container
    private let track: MP4Writer.AudioTrack
    private var finished = false

    /// Creates the file and writes its header.
    /// - Parameters:
    ///   - url: The `.m4a` to write (replaced if it exists).
    ///   - sampleRate: The samples' rate, in hertz.
    ///   - channels: 1 or 2.
    ///   - interleaved: Whether `write(_:)` takes interleaved frames of `channels` samples
    ///     (left, right, left, …); otherwise it takes mono samples, copied to every channel.
    /// - Throws: `VideoError` (`.encoding`, `.io`) when the encoder or the file cannot be set up.
    package init(url: URL, sampleRate: Int, channels: Int = 1, interleaved: Bool = false) throws {
        avQuietLogging()
        try? FileManager.default.removeItem(at: url)
        container = try MP4Writer.Container(path: url.path)
        track = try MP4Writer.AudioTrack(
            container: container, sampleRate: sampleRate, channels: channels, interleaved: interleaved)
        try container.open()
        try container.writeHeader(movieTimescale: sampleRate)
    }

    /// Encodes the next samples (mono or interleaved, as the writer was made).
    package func write(_ samples: [Float]) throws {
        guard !finished else { throw VideoError(.encoding, "\(container.path) is already finished") }
        try track.write(samples)
    }

    /// Flushes the encoder and closes the file.
    package func finish() throws {
        guard !finished else { return }
        finished = true
        try track.finish()
        try container.writeTrailer()
    }
}
