import VideoCore

/// Breaks a cue's words into lines: one line when they fit, otherwise the two-line break
/// Netflix's guidance prefers — after punctuation, before a conjunction or preposition, never
/// between an article, adjective-like determiner, pronoun or auxiliary and the word it leads
/// into — with lines of similar length, the lower one longer when they differ.
enum CaptionLines {
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

    /// The length of `words` on one line.
    static func length(_ words: [String]) -> Int {
        words.map(\.count).reduce(0, +) + max(0, words.count - 1)
    }

    /// Whether `word` leads into the next one (a bad place to end a line or a cue).
    static func leadsOn(_ word: String) -> Bool {
        leadingWords.contains(word.lowercased().filter { $0.isLetter })
            && !(word.last.map { ",.;:!?".contains($0) } ?? false)
    }

    /// Whether `words` fit in `CaptionBuilder.maxLines` lines.
    static func fits(_ words: [WordTiming]) -> Bool {
        greedyLineCount(words.map(\.text)) <= CaptionBuilder.maxLines
    }

    /// How many lines greedy wrapping needs (the fewest possible).
    static func greedyLineCount(_ words: [String]) -> Int {
        var lines = 0
        var line = -1
        for word in words {
            if line >= 0, line + 1 + word.count <= CaptionBuilder.maxLineLength {
                line += 1 + word.count
            } else {
                lines += 1
                line = word.count
            }
        }
        return lines
    }

    /// The lines of one cue.
    static func lines(_ words: [String]) -> [String] {
        let max = CaptionBuilder.maxLineLength
        if length(words) <= max || words.count < 2 { return [words.joined(separator: " ")] }
        var best: (cost: Int, at: Int)?
        for at in 1..<words.count {
            let (top, bottom) = (length(Array(words[..<at])), length(Array(words[at...])))
            guard top <= max, bottom <= max else { continue }
            var cost = abs(top - bottom) + (top > bottom ? 4 : 0)
            if let last = words[at - 1].last, ",.;:!?".contains(last) { cost -= 24 }
            if leadsOn(words[at - 1]) { cost += 40 }
            if startingWords.contains(words[at].lowercased().filter { $0.isLetter }) { cost -= 8 }
            if best == nil || cost < best!.cost { best = (cost, at) }
        }
        guard let at = best?.at else {
            // Only greedy wrapping fits (the caller keeps cues within two lines).
            return greedy(words)
        }
        return [words[..<at].joined(separator: " "), words[at...].joined(separator: " ")]
    }

    private static func greedy(_ words: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= CaptionBuilder.maxLineLength {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
