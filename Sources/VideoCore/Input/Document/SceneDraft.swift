/// A scene before it gets its id: a slug from its heading, its content and its narration.
struct SceneDraft: Hashable, Sendable {
    /// A file-name-safe word from the heading, for the scene id.
    var slug: String
    /// What the scene shows.
    var content: SceneContent
    /// What is said over it; `nil` lets the script stage write it.
    var narration: String?
}

/// A paragraph ready for use: its screen text and its speech text.
struct Prose: Hashable, Sendable {
    /// Screen text (addresses shortened to host names, emoji kept).
    var display: String
    /// Speech text (no addresses, no emoji); empty when nothing is speakable.
    var speech: String

    /// Cleans inline text; `nil` when nothing worth showing is left (badges, images, bare links).
    init?(_ text: InlineText) {
        display = SpeechText.display(text.display)
        speech = SpeechText.speech(text.speech)
        guard !speech.isEmpty else { return nil }
        // A paragraph that is only addresses ("the website") shows nothing worth keeping.
        if speech.count < 200, speech.contains("the website") {
            guard !SpeechText.speech(text.speech, address: nil).isEmpty else { return nil }
        }
    }
}
