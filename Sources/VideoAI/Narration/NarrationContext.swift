import Foundation

/// What the script stage tells a narration writer besides the scene: where the task folder
/// is, how to warn, the scene's source text and how long its narration should last.
public struct NarrationContext: Sendable {
    /// The task folder (writers keep caches and the usage ledger there); nil outside a task.
    public var directory: URL?
    /// Reports a warning the user should see (one line).
    public var warn: @Sendable (String) -> Void
    /// The text the scene came from (a document section's prose, or the narration a spec
    /// gave), already cleaned for speech; nil when there is none.
    public var sourceText: String?
    /// How long the narration should last, in seconds: the scene's share of the video's
    /// duration budget, or its `max_duration`; nil when nothing asks for a length.
    public var targetSeconds: Double?
    /// The speaking rate that turns `targetSeconds` into words.
    public var wordsPerMinute: Int

    /// Creates a context.
    /// - Parameters:
    ///   - directory: The task folder, or nil.
    ///   - warn: Where warnings go.
    ///   - sourceText: The scene's source text, or nil.
    ///   - targetSeconds: The narration's target length, or nil.
    ///   - wordsPerMinute: The speaking rate (default 165).
    public init(
        directory: URL? = nil, warn: @escaping @Sendable (String) -> Void = { _ in }, sourceText: String? = nil,
        targetSeconds: Double? = nil, wordsPerMinute: Int = 165
    ) {
        self.directory = directory
        self.warn = warn
        self.sourceText = sourceText
        self.targetSeconds = targetSeconds
        self.wordsPerMinute = wordsPerMinute
    }

    /// The target length in words, when there is a target.
    public var targetWords: Int? {
        targetSeconds.map { max(8, Int((($0 * Double(wordsPerMinute)) / 60).rounded())) }
    }
}
