import Foundation
import VideoCore

/// Turns speech into a `Transcript`: words with times and, where the recognizer gives them,
/// confidences.
///
/// # Implementation requirements
/// `transcribe(_:sampleRate:)` returns words in time order with times in seconds from the
/// first sample. It does blocking C work on a `DedicatedThread` (never on the cooperative
/// pool) and stops with `CancellationError` soon after the awaiting task is cancelled.
/// Failures are `VideoError`s; a network recognizer marks the transient ones `isRetryable`.
///
/// # Thread safety
/// Recognizers are `Sendable`: one value may transcribe several recordings at once.
public protocol SpeechRecognizer: Sendable {
    /// A short name for the recognizer, written into the transcript's `source`.
    var name: String { get }

    /// Recognizes mono speech.
    /// - Parameters:
    ///   - samples: Mono samples, −1…1.
    ///   - sampleRate: Their rate in hertz.
    /// - Returns: The words heard.
    /// - Throws: `VideoError`, or `CancellationError` when cancelled.
    func transcribe(_ samples: [Float], sampleRate: Int) async throws -> Transcript
}

extension SpeechRecognizer {
    /// Recognizes the audio track of a media file (anything libav decodes), mixed to mono.
    /// - Parameter url: The recording.
    /// - Returns: The words heard.
    /// - Throws: `VideoError` (`.media` when the file has no decodable audio).
    public func transcribe(contentsOf url: URL) async throws -> Transcript {
        let samples = try await DedicatedThread.run(name: "vgen-decode") { _ in
            try AudioDecoder.decodeAll(url: url, sampleRate: 16_000)
        }
        return try await transcribe(samples, sampleRate: 16_000)
    }
}
