import VideoCore

/// Finds where the narration first says each item of a scene, so the item can light up on
/// that word.
///
/// An item is matched by its first content words (up to three, without little words such as
/// "the" or "of"), compared as lower-case letters and digits, against the spoken words in
/// order: each item is looked for after the one before it, first with all its key words
/// (each within a few words of the one before), then with fewer. The narration's opening
/// heading, when it starts with the scene's heading, is skipped, so an item that repeats a
/// heading word is not lit by the heading. An item never spoken is lit from the scene's start.
struct WordCues {
    /// The spoken words without punctuation-only tokens, and their normalized text.
    private let words: [WordTiming]
    private let tokens: [String]

    /// Cues over `timeline`'s words.
    init(_ timeline: SceneTimeline) {
        let spoken = timeline.words.filter { !Self.normalized($0.text).isEmpty }
        words = spoken
        tokens = spoken.map { Self.normalized($0.text) }
    }

    /// Little words that do not identify an item.
    private static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "be", "it", "its",
        "this", "that", "by", "as", "at", "from", "your", "you",
    ]
    /// How many words may come between two key words of an item.
    private static let slack = 3

    /// A word's letters and digits, lower-cased: `"Answer,"` → `"answer"`.
    static func normalized(_ word: String) -> String {
        String(word.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The words of a text as tokens, for matching.
    static func tokens(of text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { normalized(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// The first up-to-three content words of an item.
    static func key(of item: String) -> [String] {
        let all = tokens(of: item)
        let content = all.filter { !stopWords.contains($0) }
        return Array((content.isEmpty ? all : content).prefix(3))
    }

    /// The index of the first word after a narration's opening heading (0 when it does not
    /// open with `heading`).
    func start(after heading: String?) -> Int {
        guard let heading else { return 0 }
        let head = Self.tokens(of: heading)
        guard !head.isEmpty, tokens.starts(with: head) else { return 0 }
        return head.count
    }

    /// The index after the end of `text` (its last three words said in a row) from `cursor`
    /// on, or `cursor` when the narration does not say them.
    func position(past text: String?, from cursor: Int) -> Int {
        guard let text else { return cursor }
        let tail = Array(Self.tokens(of: text).suffix(3))
        guard !tail.isEmpty, cursor + tail.count <= tokens.count else { return cursor }
        for i in cursor...(tokens.count - tail.count) where Array(tokens[i..<i + tail.count]) == tail {
            return i + tail.count
        }
        return cursor
    }

    /// When each item is first said, in seconds from the scene's start: `nil` for an item the
    /// narration never says. Items are looked for in order, each after the previous match.
    /// - Parameters:
    ///   - items: The items, in the order they are shown.
    ///   - heading: The scene's heading, skipped at the start of the narration.
    ///   - preamble: Text said before the items (a problem's statement) that may share their
    ///     words: the items are looked for after it.
    /// - Returns: One time (or `nil`) per item.
    func times(of items: [String], after heading: String? = nil, past preamble: String? = nil) -> [Double?] {
        var cursor = position(past: preamble, from: start(after: heading))
        return items.map { item in
            guard let index = find(Self.key(of: item), from: cursor) else { return nil }
            cursor = index + 1
            return words[index].startTime
        }
    }

    /// The index of the first word of the longest prefix of `key` said from `cursor` on.
    private func find(_ key: [String], from cursor: Int) -> Int? {
        guard !key.isEmpty, cursor < tokens.count else { return nil }
        for length in stride(from: key.count, through: 1, by: -1) {
            let wanted = Array(key.prefix(length))
            // One short word alone is too weak a cue.
            if length == 1, key.count > 1, wanted[0].count < 4 { continue }
            for i in cursor..<tokens.count where tokens[i] == wanted[0] && follows(wanted.dropFirst(), from: i + 1) {
                return i
            }
        }
        return nil
    }

    /// Whether `rest` is said in order from `index` on, each within `slack` words of the last.
    private func follows(_ rest: ArraySlice<String>, from index: Int) -> Bool {
        var position = index
        for word in rest {
            let window = position..<min(tokens.count, position + Self.slack + 1)
            guard let found = window.first(where: { tokens[$0] == word }) else { return false }
            position = found + 1
        }
        return true
    }
}
