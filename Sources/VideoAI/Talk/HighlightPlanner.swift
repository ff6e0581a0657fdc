import Foundation
import VideoCore

/// Cuts a highlight out of a clean cut: the talk split into phrases at its pauses, the phrases
/// with the most words per second taken until the budget is full, kept in their order
/// (`Docs/Talks.md`). The result is a cut list of the recording like the clean cut's.
public struct HighlightPlanner: Sendable {
    /// A pause between words this long (seconds) ends a phrase.
    public var phraseGap = 0.25
    /// The longest phrase, in seconds; longer runs are split at their longest pause.
    public var longestPhrase = 12.0
    /// Sound kept around a phrase's words, in seconds.
    public var pad = 0.1

    /// Creates a planner.
    public init() {}

    /// The phrases of the cut's kept words, as source frame ranges within the kept ranges.
    /// - Parameters:
    ///   - edit: The clean cut.
    ///   - transcript: The words in source time.
    /// - Returns: Each phrase's frames and word count, in time order.
    public func phrases(of edit: TalkEdit, transcript: Transcript) -> [(frames: Range<Int>, words: Int)] {
        let fps = Double(edit.fps)
        let kept = edit.keptFrames
        var result: [(frames: Range<Int>, words: Int)] = []
        for range in kept {
            let words = transcript.words.filter {
                !$0.isFiller && $0.start * fps >= Double(range.lowerBound) - 0.5
                    && $0.end * fps <= Double(range.upperBound) + 0.5
            }
            var runs: [[TranscriptWord]] = []
            for word in words {
                if let last = runs.last?.last, word.start - last.end < phraseGap {
                    runs[runs.count - 1].append(word)
                } else {
                    runs.append([word])
                }
            }
            var pieces: [[TranscriptWord]] = []
            func split(_ run: [TranscriptWord]) {
                guard run.count > 1, run.last!.end - run.first!.start > longestPhrase else { return pieces.append(run) }
                let cut = (1..<run.count).max { run[$0].start - run[$0 - 1].end < run[$1].start - run[$1 - 1].end }!
                split(Array(run[..<cut]))
                split(Array(run[cut...]))
            }
            runs.forEach(split)
            for piece in pieces {
                let lo = max(range.lowerBound, Int(((piece.first!.start - pad) * fps).rounded(.down)))
                let hi = min(range.upperBound, Int(((piece.last!.end + pad) * fps).rounded(.up)))
                let start = max(lo, result.last.map { $0.frames.upperBound } ?? lo)
                if hi > start { result.append((start..<hi, piece.count)) }
            }
        }
        return result
    }

    /// The highlight: the densest phrases that fit `seconds`, in order.
    /// - Parameters:
    ///   - edit: The clean cut.
    ///   - transcript: The words in source time.
    ///   - seconds: The budget.
    ///   - chosen: Phrase indices a language model picked, best first; `nil` ranks by density.
    /// - Returns: A cut list keeping only the chosen phrases, at most `seconds` long.
    public func plan(_ edit: TalkEdit, transcript: Transcript, seconds: Double, chosen: [Int]? = nil) -> TalkEdit {
        let phrases = phrases(of: edit, transcript: transcript)
        let budget = Int((seconds * Double(edit.fps)).rounded(.down))
        let order =
            chosen?.filter { phrases.indices.contains($0) }
            ?? phrases.indices.sorted { a, b in
                let (da, db) = (
                    Double(phrases[a].words) / Double(phrases[a].frames.count),
                    Double(phrases[b].words) / Double(phrases[b].frames.count)
                )
                return da != db ? da > db : a < b
            }
        var taken: Set<Int> = []
        var total = 0
        for index in order where !taken.contains(index) && total + phrases[index].frames.count <= budget {
            taken.insert(index)
            total += phrases[index].frames.count
        }
        let rate = Double(edit.fps)
        let kept = taken.sorted().map {
            TalkEdit.Range(
                start: Double(phrases[$0].frames.lowerBound) / rate, end: Double(phrases[$0].frames.upperBound) / rate)
        }
        var merged: [TalkEdit.Range] = []
        for range in kept {
            if let last = merged.last, abs(last.end - range.start) < 1e-9 {
                merged[merged.count - 1].end = range.end
            } else {
                merged.append(range)
            }
        }
        var removed: [TalkEdit.Removal] = []
        var at = 0.0
        for range in merged {
            if range.start > at { removed.append(.init(start: at, end: range.start, reason: .highlight)) }
            at = range.end
        }
        let end = Double(Int((edit.sourceDuration * rate).rounded(.down))) / rate
        if end > at { removed.append(.init(start: at, end: end, reason: .highlight)) }
        return TalkEdit(
            source: edit.source, fps: edit.fps, sourceDuration: edit.sourceDuration, kept: merged, removed: removed)
    }
}
