import Foundation

/// Ranks sentences by how central they are to the whole text: TextRank over TF-IDF vectors.
///
/// Each sentence becomes a TF-IDF vector of its content words (stop words dropped, plurals
/// folded); sentences are linked by the cosine similarity of their vectors, and PageRank
/// (damping 0.85) over that graph gives each one a score. A sentence that shares words with
/// many others scores high; an aside scores low. Deterministic: same sentences, same scores.
///
/// Mihalcea & Tarau, "TextRank: Bringing Order into Texts", EMNLP 2004.
struct SentenceRanker: Sendable {
    /// The PageRank damping factor.
    var damping = 0.85
    /// Power iterations (the scores settle well before this).
    var iterations = 40

    /// One score per sentence, in the given order; they sum to the number of sentences.
    func scores(_ sentences: [String]) -> [Double] {
        let n = sentences.count
        guard n > 1 else { return Array(repeating: 1, count: n) }
        let vectors = tfidf(sentences)
        // Cosine similarity graph (vectors are unit length, so a dot product).
        var weights = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let w = dot(vectors[i], vectors[j])
                weights[i][j] = w
                weights[j][i] = w
            }
        }
        let outSums = weights.map { $0.reduce(0, +) }
        var score = [Double](repeating: 1, count: n)
        for _ in 0..<iterations {
            var next = [Double](repeating: 1 - damping, count: n)
            for j in 0..<n where outSums[j] > 0 {
                let share = damping * score[j] / outSums[j]
                for i in 0..<n where weights[j][i] > 0 { next[i] += share * weights[j][i] }
            }
            score = next
        }
        return score
    }

    /// Unit-length TF-IDF vectors, as sparse word → weight maps.
    private func tfidf(_ sentences: [String]) -> [[String: Double]] {
        let words = sentences.map(Self.contentWords)
        var documentFrequency: [String: Int] = [:]
        for set in words.map(Set.init) { for word in set { documentFrequency[word, default: 0] += 1 } }
        let n = Double(sentences.count)
        return words.map { list in
            var vector: [String: Double] = [:]
            for word in list { vector[word, default: 0] += 1 }
            for (word, count) in vector {
                let idf = log((1 + n) / (1 + Double(documentFrequency[word] ?? 0))) + 1
                vector[word] = count * idf
            }
            let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.mapValues { $0 / norm } : vector
        }
    }

    private func dot(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var sum = 0.0
        for (word, weight) in small { sum += weight * (large[word] ?? 0) }
        return sum
    }

    /// The sentence's content words: lower-cased, stop words dropped, plurals folded.
    static func contentWords(_ sentence: String) -> [String] {
        KeywordExtractor.tokens(of: sentence).compactMap { $0 }
            .filter { $0.count > 1 && !KeywordExtractor.stopWords.contains($0) }
            .map(KeywordExtractor.stem)
    }
}
