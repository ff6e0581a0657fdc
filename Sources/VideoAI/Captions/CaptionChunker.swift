import VideoCore

/// Groups a scene's words into cues: as many as fit two lines and seven seconds, ending at a
/// sentence (or, in a full cue, a clause) where one ends, and never after a word that leads
/// into the next (an article, a preposition, a pronoun or an auxiliary) when it can move on.
struct CaptionChunker {
    /// How lines are measured and broken.
    var lines = CaptionLines()

    func chunks(_ words: [WordTiming]) -> [[WordTiming]] {
        let lineWidth = lines.rules.maxLineWidth
        var chunks: [[WordTiming]] = []
        var current: [WordTiming] = []
        for word in words {
            if !current.isEmpty,
                !lines.fits(current + [word])
                    || word.endTime - current[0].startTime > CaptionBuilder.maxDuration
            {
                // Carry a trailing leading-in word over to the next cue with its neighbour.
                var carried: [WordTiming] = []
                while current.count > 1, CaptionLines.leadsOn(current.last!.text),
                    lines.fits(current.suffix(1) + carried + [word])
                {
                    carried.insert(current.removeLast(), at: 0)
                }
                chunks.append(current)
                current = carried
            }
            current.append(word)
            let length = lines.length(current.map(\.text))
            if let last = word.text.last {
                let sentence = CaptionLines.sentenceEnds.contains(last) && length >= lineWidth / 2
                let clause = CaptionLines.clauseEnds.contains(last) && length >= lineWidth
                if sentence || clause {
                    chunks.append(current)
                    current = []
                }
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
