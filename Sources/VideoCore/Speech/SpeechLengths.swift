import Synchronization

/// How long each narration already measured lasts, by speech-cache key: lets a budget stage
/// measure many candidate scripts while speaking (or reading) each scene's text only once.
///
/// # Thread safety
/// Safe to share; entries are kept under a `Mutex`.
package final class SpeechLengths: Sendable {
    /// One narration's length and word boundaries.
    package struct Length: Sendable {
        /// Its samples.
        package var sampleCount: Int
        /// Its sample rate.
        package var sampleRate: Int
        /// Its words, in samples from its start.
        package var words: [SpokenWord]
    }

    private let entries = Mutex<[String: Length]>([:])

    /// An empty table.
    package init() {}

    /// The length of the narration with cache key `key`.
    package subscript(key: String) -> Length? {
        get { entries.withLock { $0[key] } }
        set { entries.withLock { $0[key] = newValue } }
    }
}
