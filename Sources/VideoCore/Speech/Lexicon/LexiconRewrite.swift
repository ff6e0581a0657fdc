/// A narration as the voice is to speak it: the lexicon's spoken forms in place of the
/// written words, and which spoken words each written word became.
struct LexiconRewrite: Sendable, Hashable {
    /// The written narration.
    let written: String
    /// What the voice is given.
    let spoken: String
    /// For each written word, the range of spoken words it became (one word when unchanged).
    let groups: [Range<Int>]
    /// The entries that applied, as `word→spoken` lines, sorted (part of the speech cache key).
    let applied: [String]

    /// Rewrites `text` with `lexicon`.
    init(_ text: String, lexicon: PronunciationLexicon) {
        written = text
        let words = WordSpans(text).words
        var spokenWords: [String] = []
        var groups: [Range<Int>] = []
        var applied = Set<String>()
        for word in words {
            let start = spokenWords.count
            let core = Self.core(of: word)
            if !lexicon.isEmpty, !core.isEmpty, let form = lexicon.spoken(word[core]) {
                applied.insert("\(word[core])→\(form)")
                let parts = form.split(whereSeparator: \.isWhitespace).map(String.init)
                for (k, part) in parts.enumerated() {
                    let prefix = k == 0 ? String(word[..<core.lowerBound]) : ""
                    let suffix = k == parts.count - 1 ? String(word[core.upperBound...]) : ""
                    spokenWords.append(prefix + part + suffix)
                }
            } else {
                spokenWords.append(word)
            }
            groups.append(start..<spokenWords.count)
        }
        spoken = applied.isEmpty ? text : spokenWords.joined(separator: " ")
        self.groups = groups
        self.applied = applied.sorted()
    }

    /// The word without the punctuation and symbols at its ends.
    static func core(of word: String) -> Range<String.Index> {
        let isEdge: (Character) -> Bool = { $0.isPunctuation || $0.isSymbol }
        guard let first = word.firstIndex(where: { !isEdge($0) }), let last = word.lastIndex(where: { !isEdge($0) })
        else { return word.startIndex..<word.startIndex }
        return first..<word.index(after: last)
    }

    /// `speech` of the spoken text with one word per written word again: each written word
    /// runs from its first spoken word's start to its last one's end.
    func writtenWords(of speech: SpeechAudio) -> SpeechAudio {
        guard !applied.isEmpty else { return speech }
        let written = WordSpans(self.written).words
        guard speech.words.count == groups.last?.upperBound ?? 0, written.count == groups.count else { return speech }
        var result = speech
        result.words = zip(written, groups).map { text, group in
            let first = speech.words[group.lowerBound], last = speech.words[group.upperBound - 1]
            return SpokenWord(
                text: text, startSample: first.startSample, endSample: max(first.startSample, last.endSample))
        }
        return result
    }
}
