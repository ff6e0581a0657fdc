import Foundation
import VideoCore

/// Finds topic shifts in a transcript by lexical cohesion: TextTiling (Hearst, "TextTiling:
/// Segmenting Text into Multi-paragraph Subtopic Passages", Computational Linguistics 23(1),
/// 1997; `Docs/Talks.md`).
///
/// The transcript's content words (stop words and fillers dropped, plurals folded) are grouped
/// into token sequences of `sequenceLength`; at every gap between two sequences the cosine
/// similarity of the `blockSize` sequences on either side is taken, smoothed, and scored by
/// its depth (how far it lies below the nearest peaks on both sides). Gaps deeper than
/// mean − σ/2 are topic shifts, taken deepest first while each chapter keeps at least
/// `minimumChapter` seconds. A shift moves to the longest pause within half a sequence, where a
/// speaker changes subject.
public struct TextTiling: Sendable {
    /// Content words per token sequence (Hearst's w; 20 in the paper).
    public var sequenceLength = 20
    /// Token sequences per block on each side of a gap (Hearst's k; 6 in the paper).
    public var blockSize = 6
    /// The shortest chapter, in seconds.
    public var minimumChapter = 20.0

    /// Creates a segmenter with the paper's settings and chapters of at least 20 s.
    public init() {}

    /// The indices of the words that open a new topic, in order (never 0).
    /// - Parameter words: The transcript's words in time order.
    /// - Returns: Word indices where a topic shift starts.
    public func boundaries(in words: [TranscriptWord]) -> [Int] {
        let tokens: [(stem: String, word: Int)] = words.enumerated().compactMap { index, word in
            guard !word.isFiller else { return nil }
            let text = word.text.lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard text.count > 2, text.contains(where: \.isLetter), !KeywordExtractor.stopWords.contains(text)
            else { return nil }
            return (KeywordExtractor.stem(text), index)
        }
        let w = max(1, sequenceLength)
        let sequences = stride(from: 0, to: tokens.count, by: w).map { Array(tokens[$0..<min(tokens.count, $0 + w)]) }
        guard sequences.count >= 4 else { return [] }
        let k = max(1, min(blockSize, sequences.count / 2))
        func counts(_ range: Range<Int>) -> [String: Double] {
            var bag: [String: Double] = [:]
            for sequence in sequences[range] { for token in sequence { bag[token.stem, default: 0] += 1 } }
            return bag
        }
        // Gap g lies between sequence g and g + 1.
        let raw: [Double] = (0..<(sequences.count - 1)).map { g in
            let left = counts(max(0, g - k + 1)..<(g + 1))
            let right = counts((g + 1)..<min(sequences.count, g + 1 + k))
            let dot = left.reduce(0.0) { $0 + $1.value * (right[$1.key] ?? 0) }
            let norm = (left.values.reduce(0) { $0 + $1 * $1 } * right.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
            return norm > 0 ? dot / norm : 0
        }
        let scores = raw.indices.map { g in
            let window = raw[max(0, g - 1)...min(raw.count - 1, g + 1)]
            return window.reduce(0, +) / Double(window.count)
        }
        let depths = scores.indices.map { g -> Double in
            var left = scores[g]
            var i = g
            while i > 0, scores[i - 1] >= left {
                i -= 1
                left = scores[i]
            }
            var right = scores[g]
            var j = g
            while j < scores.count - 1, scores[j + 1] >= right {
                j += 1
                right = scores[j]
            }
            return (left - scores[g]) + (right - scores[g])
        }
        let mean = depths.reduce(0, +) / Double(depths.count)
        let sd = (depths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(depths.count)).squareRoot()
        let cutoff = mean - sd / 2
        let candidates = depths.indices.filter { depths[$0] > cutoff && depths[$0] > 1e-9 }
            .sorted { depths[$0] != depths[$1] ? depths[$0] > depths[$1] : $0 < $1 }
        var chosen: [Int] = []
        let start = words.first?.start ?? 0
        let end = words.last?.end ?? 0
        for gap in candidates {
            let word = snap(sequences[gap + 1][0].word, words: words, reach: w / 2)
            let time = words[word].start
            guard word > 0, time - start >= minimumChapter, end - time >= minimumChapter,
                chosen.allSatisfy({ abs(words[$0].start - time) >= minimumChapter })
            else { continue }
            chosen.append(word)
        }
        return chosen.sorted()
    }

    /// The word within `reach` words of `index` that follows the longest pause.
    func snap(_ index: Int, words: [TranscriptWord], reach: Int) -> Int {
        let range = max(1, index - reach)...max(1, min(words.count - 1, index + reach))
        return range.max { a, b in
            let (pa, pb) = (words[a].start - words[a - 1].end, words[b].start - words[b - 1].end)
            return pa != pb ? pa < pb : abs(a - index) > abs(b - index)
        } ?? index
    }
}
