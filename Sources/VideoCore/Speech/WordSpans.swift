/// The written words of a narration (runs of non-whitespace, cut into characters or words
/// where a script is written without spaces — `UnspacedScript.units(of:)`) and how engines'
/// word events become one `SpokenWord` per written word.
struct WordSpans {
    /// The text's Unicode scalars.
    let characters: [Unicode.Scalar]
    /// Each written word's scalar range.
    let spans: [Range<Int>]

    /// Splits `text` into written words: runs of non-whitespace, and in Chinese, Japanese and
    /// Thai text the characters or words Pango's line breaking finds in a run.
    init(_ text: String) {
        characters = Array(text.unicodeScalars)
        var spans: [Range<Int>] = []
        var i = 0
        while i < characters.count {
            while i < characters.count, characters[i].properties.isWhitespace { i += 1 }
            let start = i
            while i < characters.count, !characters[i].properties.isWhitespace { i += 1 }
            guard i > start else { continue }
            let run = String(String.UnicodeScalarView(characters[start..<i]))
            var lower = start
            for unit in UnspacedScript.units(of: run) {
                let length = unit.unicodeScalars.count
                spans.append(lower..<(lower + length))
                lower += length
            }
        }
        self.spans = spans
    }

    /// The written words.
    var words: [String] { spans.map { String(String.UnicodeScalarView(characters[$0])) } }

    /// One `SpokenWord` per written word from the starts (and, where known, ends) an engine
    /// gave. Words without a start share the time up to the next timed word; a word without
    /// an end lasts until the next word starts.
    /// - Parameters:
    ///   - starts: Each written word's first sample, `nil` where the engine gave none.
    ///   - ends: Each written word's end sample where the engine knows it.
    ///   - total: The number of samples.
    func spokenWords(starts: [Int?], ends: [Int?]? = nil, total: Int) -> [SpokenWord] {
        var timed = starts.enumerated().compactMap { index, start in start.map { (index, min($0, total)) } }
        if timed.isEmpty { timed = [(0, 0)] }
        var resolved = [Int](repeating: 0, count: spans.count)
        for (k, anchor) in timed.enumerated() {
            let next = k + 1 < timed.count ? timed[k + 1] : (spans.count, total)
            let lower = k == 0 ? 0 : anchor.0
            for w in lower..<next.0 {
                let fraction = Double(w - anchor.0) / Double(max(next.0 - anchor.0, 1))
                resolved[w] = w < anchor.0 ? anchor.1 : anchor.1 + Int(Double(max(next.1 - anchor.1, 0)) * fraction)
            }
        }
        let written = words
        return written.indices.map { w in
            let following = w + 1 < spans.count ? resolved[w + 1] : total
            let end = min(ends?[w] ?? following, total)
            return SpokenWord(text: written[w], startSample: resolved[w], endSample: max(resolved[w], end))
        }
    }
}
