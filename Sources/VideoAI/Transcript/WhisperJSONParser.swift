import Foundation
import VideoCore

/// Reads the JSON the Whisper family writes (shapes and sources in `Docs/Talks.md`):
///
/// - faster-whisper / openai-whisper: `{"segments": [{"start", "end", "text", "words": [{"word",
///   "start", "end", "probability"}]}], "language"}`, or the bare array of segments or words.
/// - WhisperX: the same with `"score"` for the probability; a word it could not align has no
///   times and is placed between its neighbours.
/// - whisper.cpp `-oj` / `-ojf`: `{"result": {"language"}, "transcription": [{"offsets": {"from",
///   "to"}, "text", "tokens": [{"text", "offsets", "p"}]}]}`, offsets in milliseconds; tokens
///   join into words at leading spaces, special tokens (`[_BEG_]`) dropped.
/// - OpenAI `verbose_json`: a top-level `"words": [{"word", "start", "end"}]`.
struct WhisperJSONParser {
    let limits: TranscriptLimits
    let name: String

    private var location: VideoError.Location { .init(file: name) }

    func parse(_ data: Data) throws -> Transcript {
        let document: Document
        do {
            if data.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).first == UInt8(ascii: "[") {
                let items = try JSONDecoder().decode([Item].self, from: data)
                document = Document(items: items)
            } else {
                document = try JSONDecoder().decode(Document.self, from: data)
            }
        } catch let error as DecodingError {
            throw VideoError(
                .invalidInput, "not a transcript in a Whisper JSON shape", field: "transcript", location: location,
                underlying: error)
        }
        if let transcription = document.transcription {
            return Transcript(
                words: try cppWords(transcription), language: document.result?.language, source: "whisper.cpp")
        }
        if let words = document.words, !words.isEmpty {
            return Transcript(
                words: try timed(words, field: "words", span: nil), language: document.language, source: "openai")
        }
        guard let segments = document.segments else {
            throw VideoError(
                .invalidInput, "has neither 'segments', 'words' nor 'transcription'", field: "transcript",
                location: location)
        }
        var words: [TranscriptWord] = []
        var whisperX = false
        for (k, segment) in segments.enumerated() {
            let field = "segments[\(k)]"
            if let start = segment.start {
                try limits.check(start, "the start", location: location, field: field + ".start")
            }
            if let end = segment.end { try limits.check(end, "the end", location: location, field: field + ".end") }
            whisperX = whisperX || segment.words?.contains { $0.score != nil } == true
            if let segmentWords = segment.words, !segmentWords.isEmpty {
                let span = segment.start.flatMap { s in segment.end.map { (s, max(s, $0)) } }
                words += try timed(segmentWords, field: field + ".words", span: span)
            } else if let text = segment.text ?? segment.word, let start = segment.start, let end = segment.end {
                words += spread(text, start: start, end: max(start, end))
            }
        }
        return Transcript(words: words, language: document.language, source: whisperX ? "whisperx" : "faster-whisper")
    }

    /// Words with their own times; a word without times (WhisperX could not align it) is
    /// spread with its untimed neighbours between the timed words around them.
    private func timed(_ items: [Item], field: String, span: (Double, Double)?) throws -> [TranscriptWord] {
        var out: [TranscriptWord] = []
        var pending: [String] = []
        func place(until end: Double?) {
            guard !pending.isEmpty else { return }
            let from = out.last?.end ?? span?.0 ?? end ?? 0
            let to = max(from, end ?? span?.1 ?? from)
            out += spread(pending.joined(separator: " "), start: from, end: to)
            pending = []
        }
        for (k, item) in items.enumerated() {
            let text = (item.word ?? item.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            try limits.check(word: text, location: location, field: "\(field)[\(k)].word")
            guard let start = item.start, let end = item.end else {
                pending.append(text)
                continue
            }
            try limits.check(start, "the start", location: location, field: "\(field)[\(k)].start")
            try limits.check(end, "the end", location: location, field: "\(field)[\(k)].end")
            guard end >= start else {
                throw VideoError(
                    .invalidInput, "ends (\(end)) before it starts (\(start))", field: "\(field)[\(k)]",
                    location: location)
            }
            place(until: start)
            out.append(TranscriptWord(text: text, start: start, end: end, confidence: item.probability ?? item.score))
        }
        place(until: nil)
        return out
    }

    /// whisper.cpp's segments: tokens joined into words when `-ojf` gave them, else each
    /// segment's text spread over its offsets.
    private func cppWords(_ segments: [CppSegment]) throws -> [TranscriptWord] {
        var words: [TranscriptWord] = []
        for (k, segment) in segments.enumerated() {
            let field = "transcription[\(k)]"
            guard let offsets = segment.offsets else {
                throw VideoError(.invalidInput, "has no 'offsets'", field: field, location: location)
            }
            let (start, end) = try seconds(offsets, field: field + ".offsets")
            let tokens = (segment.tokens ?? []).filter { !$0.text.hasPrefix("[_") && $0.offsets != nil }
            if tokens.isEmpty {
                words += spread(segment.text ?? "", start: start, end: end)
                continue
            }
            var current: (text: String, start: Double, end: Double, p: [Double])?
            for (j, token) in tokens.enumerated() {
                let (t0, t1) = try seconds(token.offsets!, field: "\(field).tokens[\(j)].offsets")
                let startsWord = token.text.first?.isWhitespace ?? false
                let piece = token.text.trimmingCharacters(in: .whitespaces)
                if current == nil || startsWord {
                    if let done = current, !done.text.isEmpty { words.append(word(done)) }
                    current = (piece, t0, t1, token.p.map { [$0] } ?? [])
                } else {
                    current!.text += piece
                    current!.end = max(current!.end, t1)
                    if let p = token.p { current!.p.append(p) }
                }
                try limits.check(word: current!.text, location: location, field: "\(field).tokens[\(j)].text")
            }
            if let done = current, !done.text.isEmpty { words.append(word(done)) }
        }
        return words
    }

    private func word(_ w: (text: String, start: Double, end: Double, p: [Double])) -> TranscriptWord {
        TranscriptWord(
            text: w.text, start: w.start, end: w.end, confidence: w.p.isEmpty ? nil : w.p.min())
    }

    private func seconds(_ offsets: CppOffsets, field: String) throws -> (Double, Double) {
        let start = offsets.from / 1000
        let end = offsets.to / 1000
        try limits.check(start, "the start", location: location, field: field + ".from")
        try limits.check(end, "the end", location: location, field: field + ".to")
        guard end >= start else {
            throw VideoError(.invalidInput, "ends before it starts", field: field, location: location)
        }
        return (start, end)
    }

    /// Words of `text` sharing `start...end` in proportion to their length.
    private func spread(_ text: String, start: Double, end: Double) -> [TranscriptWord] {
        let pieces = text.split(whereSeparator: \.isWhitespace).map(String.init).filter {
            $0.count <= limits.maxWordLength
        }
        let total = pieces.map { Double($0.count + 1) }.reduce(0, +)
        var t = start
        return pieces.map { piece in
            let next = t + (end - start) * Double(piece.count + 1) / total
            defer { t = next }
            return TranscriptWord(text: piece, start: t, end: next)
        }
    }

    // MARK: - The shapes

    private struct Document: Decodable {
        var language: String?
        var segments: [Item]?
        var words: [Item]?
        var transcription: [CppSegment]?
        var result: CppResult?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            language = try c.decodeIfPresent(String.self, forKey: .language)
            segments = try c.decodeIfPresent([Item].self, forKey: .segments)
            words = try c.decodeIfPresent([Item].self, forKey: .words)
            transcription = try c.decodeIfPresent([CppSegment].self, forKey: .transcription)
            result = try c.decodeIfPresent(CppResult.self, forKey: .result)
        }

        /// A bare array: segments when its items have text or words, words when they have `word`.
        init(items: [Item]) {
            if items.contains(where: { $0.word != nil }) && !items.contains(where: { $0.words != nil }) {
                words = items
            } else {
                segments = items
            }
        }

        enum CodingKeys: String, CodingKey { case language, segments, words, transcription, result }
    }

    /// A segment or a word: the two share `start`, `end` and `text`.
    private struct Item: Decodable {
        var start: Double?
        var end: Double?
        var text: String?
        var word: String?
        var probability: Double?
        var score: Double?
        var words: [Item]?
    }

    private struct CppResult: Decodable { var language: String? }
    private struct CppOffsets: Decodable {
        var from: Double
        var to: Double
    }
    private struct CppSegment: Decodable {
        var offsets: CppOffsets?
        var text: String?
        var tokens: [CppToken]?
    }
    private struct CppToken: Decodable {
        var text: String
        var offsets: CppOffsets?
        var p: Double?
    }
}
