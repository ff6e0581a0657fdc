import VideoCore

/// Breaks a cue's words into lines: one line when they fit, otherwise the two-line break
/// Netflix's guidance prefers — after punctuation, before a conjunction or preposition, never
/// between an article, adjective-like determiner, pronoun or auxiliary and the word it leads
/// into — with lines of similar length, the lower one longer when they differ. Widths and the
/// text between words follow the language's `CaptionRules`.
struct CaptionLines {
    /// The language's limits.
    var rules = CaptionRules.english

    /// Words a line should not end with: they lead into the next word.
    static let leadingWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
        "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "onto", "about", "as", "over", "under",
        "between", "through", "after", "before", "than", "i", "you", "he", "she", "we", "they", "it", "is", "are",
        "was", "were", "be", "been", "will", "would", "can", "could", "should", "must", "may", "might", "has",
        "have", "had", "do", "does", "did", "not", "no", "and", "or", "but", "so", "if", "very", "each", "every",
    ]
    /// Words a second line reads well starting with.
    static let startingWords: Set<String> = [
        "and", "or", "but", "so", "because", "when", "while", "which", "that", "who", "where", "if", "of", "to",
        "in", "on", "at", "for", "with", "by", "from", "into", "about", "through", "after", "before",
    ]
    /// Punctuation after which a line breaks well: Latin, and East Asian full stops and commas.
    static let punctuation: Set<Character> = [
        ",", ".", ";", ":", "!", "?", "\u{3001}", "\u{3002}", "\u{FF0C}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}",
        "\u{FF1A}",
    ]
    /// Punctuation that ends a sentence.
    static let sentenceEnds: Set<Character> = [".", "!", "?", "\u{3002}", "\u{FF01}", "\u{FF1F}"]
    /// Punctuation that ends a clause.
    static let clauseEnds: Set<Character> = [",", ";", ":", "\u{3001}", "\u{FF0C}", "\u{FF1B}", "\u{FF1A}"]

    /// The width of `words` on one line, in the rules' units.
    func length(_ words: [String]) -> Int {
        rules.width(rules.join(words))
    }

    /// Whether `word` leads into the next one (a bad place to end a line or a cue).
    static func leadsOn(_ word: String) -> Bool {
        leadingWords.contains(word.lowercased().filter { $0.isLetter })
            && !(word.last.map { ",.;:!?".contains($0) } ?? false)
    }

    /// Whether `words` fit in `CaptionBuilder.maxLines` lines.
    func fits(_ words: [WordTiming]) -> Bool {
        greedy(words.map(\.text)).count <= CaptionBuilder.maxLines
    }

    /// The lines of one cue.
    func lines(_ words: [String]) -> [String] {
        let max = rules.maxLineWidth
        if words.count < 2 || length(words) <= max { return [rules.join(words)] }
        var best: (cost: Int, at: Int)?
        for at in 1..<words.count {
            let (top, bottom) = (length(Array(words[..<at])), length(Array(words[at...])))
            guard top <= max, bottom <= max else { continue }
            var cost = abs(top - bottom) + (top > bottom ? 4 : 0)
            if let last = words[at - 1].last, Self.punctuation.contains(last) { cost -= 24 * max / 42 }
            if Self.leadsOn(words[at - 1]) { cost += 40 }
            if Self.startingWords.contains(words[at].lowercased().filter { $0.isLetter }) { cost -= 8 }
            if best == nil || cost < best!.cost { best = (cost, at) }
        }
        guard let at = best?.at else {
            // Only greedy wrapping fits (the caller keeps cues within two lines).
            return greedy(words)
        }
        return [rules.join(words[..<at]), rules.join(words[at...])]
    }

    private func greedy(_ words: [String]) -> [String] {
        var lines: [[String]] = []
        for word in words {
            if let line = lines.last, length(line + [word]) <= rules.maxLineWidth {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { rules.join($0) }
    }
}
