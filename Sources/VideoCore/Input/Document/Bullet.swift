/// One line of a list scene and what the narration says while it is shown.
struct Bullet: Hashable, Sendable {
    /// Longest line shown, in characters; longer text shows its key phrase.
    static let maxShown = 110
    /// A list item whose speech is longer than this is spread over several lines.
    static let maxItemSpeech = 450

    /// The screen text: whole, or a key phrase of `spoken`; never cut with "…".
    var shown: String
    /// Speech text covering the line (empty when nothing is speakable).
    var spoken: String
    /// Whether the narration must say `spoken`: the line shows less than it says, or it comes
    /// from prose. A scene whose lines all say everything may leave its narration to the
    /// script stage's templates.
    var narrated: Bool

    /// The lines of a prose paragraph: its sentences grouped so that each line shows whole
    /// sentences within `maxShown` characters, or a long sentence's key phrase. Every sentence
    /// is spoken while the line that stands for it is shown.
    static func lines(ofParagraph prose: Prose) -> [Bullet] {
        pieces(of: prose).map { display, speech in
            Bullet(
                shown: display.count <= maxShown ? display : SpeechText.keyPhrase(display, limit: maxShown),
                spoken: speech, narrated: true)
        }
    }

    /// The lines of a list item: the item itself when it fits (a term and what it is, "`NIO`.
    /// This is a module.", joined into one sentence, "NIO is a module."); else its key phrase
    /// (term and gist) with the whole item spoken; an item with very long speech continues on further
    /// lines, one per group of sentences.
    static func lines(ofItem item: Prose, prefix: String = "") -> [Bullet] {
        var prose = item
        if let display = SpeechText.termLed(item.display), let speech = SpeechText.termLed(item.speech) {
            prose.display = display
            prose.speech = speech
        }
        let display = prefix + prose.display
        if display.count <= maxShown { return [Bullet(shown: display, spoken: prose.speech, narrated: false)] }
        guard prose.speech.count > maxItemSpeech else {
            return [
                Bullet(shown: SpeechText.itemPhrase(display, limit: maxShown), spoken: prose.speech, narrated: true)
            ]
        }
        var lines = lines(ofParagraph: prose)
        if !lines.isEmpty {
            lines[0].shown = prefix + SpeechText.itemPhrase(lines[0].shown, limit: maxShown - prefix.count)
        }
        return lines
    }

    /// A line of screen text (a table row, a heading), spoken as `speech` (or as it is shown)
    /// when the narration is the adapter's.
    static func line(_ display: String, speech: String? = nil) -> Bullet {
        let speech = speech ?? SpeechText.speech(display)
        guard display.count > maxShown else { return Bullet(shown: display, spoken: speech, narrated: false) }
        return Bullet(shown: SpeechText.itemPhrase(display, limit: maxShown), spoken: speech, narrated: true)
    }

    /// The paragraph's sentences grouped into (display, speech) pieces of whole sentences, each
    /// showing at most `maxShown` characters unless it is one longer sentence. Screen and
    /// speech sentences are paired when both split alike; otherwise the speech sentences are
    /// shown too.
    private static func pieces(of prose: Prose) -> [(String, String)] {
        let spoken = SpeechText.sentences(prose.speech)
        var shown = SpeechText.sentences(prose.display).filter(SpeechText.hasWords)
        if shown.count != spoken.count { shown = spoken }
        var pieces: [(String, String)] = []
        for (display, speech) in zip(shown, spoken) {
            if let last = pieces.last, last.0.count + 1 + display.count <= maxShown {
                pieces[pieces.count - 1] = (last.0 + " " + display, last.1 + " " + speech)
            } else {
                pieces.append((display, speech))
            }
        }
        return pieces
    }
}
