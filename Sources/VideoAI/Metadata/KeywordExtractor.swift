import Foundation
import VideoCore

/// Finds a text's key phrases offline with RAKE (Rapid Automatic Keyword Extraction, Rose et
/// al. 2010), weighted by how often each phrase occurs.
///
/// Candidates are the runs of up to `maxWords` words between stop words and punctuation (a
/// longer run counts as its single words).
/// Each word scores its degree over its frequency (words that keep company in phrases score
/// higher); a phrase scores the sum of its words' scores times how often it occurs. Titles
/// count `titleWeight` times. Plurals merge with their singular ("event loops" and "event
/// loop"), a phrase inside a better one ("loop" after "event loop") is left out, and ties are broken alphabetically, so
/// the same text always gives the same keywords in the same order.
public struct KeywordExtractor: Sendable {
    /// The longest phrase, in words.
    public var maxWords = 3
    /// How many times a title counts against one sentence of narration.
    public var titleWeight = 3
    /// The fewest weighted occurrences a phrase needs.
    public var minOccurrences = 2

    /// Creates an extractor with the default settings.
    public init() {}

    /// The key phrases of the titles and the body text, best first, lower-cased.
    /// - Parameters:
    ///   - titles: Headings and titles (they weigh more).
    ///   - body: The narration or other running text.
    ///   - count: How many phrases to return at most.
    /// - Returns: Up to `count` phrases, best first, in a deterministic order.
    public func keywords(titles: [String], body: [String], count: Int = 15) -> [String] {
        var candidates: [(key: [String], surface: String, weight: Int)] = []
        for (texts, weight) in [(titles, titleWeight), (body, 1)] {
            for text in texts {
                for run in runs(of: text) {
                    // A run longer than a keyword still counts its words.
                    for phrase in run.count <= maxWords ? [run] : run.map({ [$0] }) {
                        candidates.append((phrase.map(Self.stem), phrase.joined(separator: " "), weight))
                    }
                }
            }
        }
        var frequency: [String: Int] = [:]
        var degree: [String: Int] = [:]
        var occurrences: [[String]: Int] = [:]
        var surfaces: [[String]: [String: Int]] = [:]
        for candidate in candidates {
            for word in candidate.key {
                frequency[word, default: 0] += candidate.weight
                degree[word, default: 0] += candidate.weight * candidate.key.count
            }
            occurrences[candidate.key, default: 0] += candidate.weight
            surfaces[candidate.key, default: [:]][candidate.surface, default: 0] += candidate.weight
        }
        func score(_ key: [String]) -> Double {
            let words = key.map { Double(degree[$0] ?? 0) / Double(max(frequency[$0] ?? 1, 1)) }.reduce(0, +)
            return words * Double(occurrences[key] ?? 0)
        }
        let ranked = occurrences.keys.filter { (occurrences[$0] ?? 0) >= minOccurrences }
            .map { (key: $0, score: score($0), surface: Self.surface(surfaces[$0] ?? [:], stems: $0)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.surface < $1.surface }
        var kept: [[String]] = []
        var phrases: [String] = []
        for entry in ranked where phrases.count < count {
            guard !kept.contains(where: { Self.contains($0, entry.key) }) else { continue }
            kept.append(entry.key)
            phrases.append(entry.surface)
        }
        return phrases
    }

    /// The runs of content words of a text, split at stop words, numbers and punctuation.
    func runs(of text: String) -> [[String]] {
        var runs: [[String]] = []
        var current: [String] = []
        func close() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        for token in Self.tokens(of: removingEmoji(from: text)) {
            guard let word = token else {
                close()
                continue
            }
            if Self.stopWords.contains(word) || word.count < 2 || !word.contains(where: \.isLetter) {
                close()
            } else {
                current.append(word)
            }
        }
        close()
        return runs
    }

    /// Lower-cased words, with `nil` for punctuation that ends a phrase. A word keeps inner
    /// marks that belong to names (`I/O`, `C++`, `swift-nio`, `HTTP/2`, `Node.js`) and loses a
    /// possessive `'s`.
    static func tokens(of text: String) -> [String?] {
        var tokens: [String?] = []
        var word = ""
        func flush() {
            var boundary = false
            while let last = word.last, "-'’./".contains(last) {
                word.removeLast()
                if last == "." { boundary = true }
            }
            if word.hasSuffix("'s") || word.hasSuffix("’s") { word.removeLast(2) }
            if !word.isEmpty { tokens.append(word.lowercased()) }
            if boundary { tokens.append(nil) }
            word = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || (!word.isEmpty && "-'’./+#".contains(ch)) {
                word.append(ch)
            } else {
                flush()
                if !ch.isWhitespace { tokens.append(nil) }
            }
        }
        flush()
        return tokens
    }

    /// The word without a plural `s` ("loops" gives "loop"; "class" and "status" stay).
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !["ss", "us", "is"].contains(where: word.hasSuffix) else {
            return word
        }
        return word.hasSuffix("ies") && word.count > 4 ? String(word.dropLast(3)) + "y" : String(word.dropLast())
    }

    /// How a phrase is given: in the singular when it was written so ("event loop" over
    /// "event loops"), else the most frequent way it was written; ties go to the shorter, then
    /// the first alphabetically.
    private static func surface(_ counts: [String: Int], stems: [String]) -> String {
        let singular = stems.joined(separator: " ")
        if counts[singular] != nil { return singular }
        return counts.min { a, b in
            a.value != b.value
                ? a.value > b.value : (a.key.count != b.key.count ? a.key.count < b.key.count : a.key < b.key)
        }?.key ?? ""
    }

    /// Whether `phrase` holds `part` as consecutive words.
    private static func contains(_ phrase: [String], _ part: [String]) -> Bool {
        guard part.count <= phrase.count else { return false }
        return (0...(phrase.count - part.count)).contains { Array(phrase[$0..<($0 + part.count)]) == part }
    }
}
