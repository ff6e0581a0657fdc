import Foundation
import VideoCore

/// Reads SRT and WebVTT cues into words. A cue's words share its time in proportion to their
/// length; WebVTT's inline timestamps (`<00:00:01.200>`, as YouTube's captions carry) start
/// the words after them at that time.
struct SubtitleTranscriptParser {
    let limits: TranscriptLimits
    let name: String

    private struct Line {
        let number: Int
        let text: Substring
    }

    func parse(_ text: String, vtt: Bool) throws -> Transcript {
        let lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        )
        .enumerated().map { Line(number: $0.offset + 1, text: $0.element) }
        var blocks: [[Line]] = [[]]
        for line in lines {
            if line.text.allSatisfy(\.isWhitespace) {
                if !blocks[blocks.count - 1].isEmpty { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        blocks.removeAll(where: \.isEmpty)
        if vtt {
            guard let first = blocks.first?.first, first.text.hasPrefix("WEBVTT") else {
                throw error("a WebVTT file starts with 'WEBVTT'", line: 1)
            }
            blocks.removeFirst()
        }
        var words: [TranscriptWord] = []
        for block in blocks {
            if vtt, let head = block.first?.text,
                head.hasPrefix("NOTE") || head.hasPrefix("STYLE") || head.hasPrefix("REGION")
            {
                continue
            }
            let timing = block.prefix(2).firstIndex { $0.text.contains("-->") }
            guard let timing else {
                let example = vtt ? "00:00:01.000 --> 00:00:02.500" : "00:00:01,000 --> 00:00:02,500"
                throw error("expected a cue's times such as '\(example)'", line: block[0].number)
            }
            if !vtt, timing == 1, Int(block[0].text.trimmingCharacters(in: .whitespaces)) == nil {
                throw error("expected a cue number before the times", line: block[0].number)
            }
            let (start, end) = try times(block[timing])
            let body = block[(timing + 1)...].map { String($0.text) }.joined(separator: " ")
            words += try cueWords(body, start: start, end: end, line: block[timing].number + 1)
        }
        return Transcript(words: words, source: vtt ? "vtt" : "srt")
    }

    private func times(_ line: Line) throws -> (Double, Double) {
        let parts = line.text.components(separatedBy: "-->")
        guard parts.count == 2 else { throw error("a cue's times hold one '-->'", line: line.number) }
        let startText = parts[0].trimmingCharacters(in: .whitespaces)
        // WebVTT puts cue settings (`align:start`) after the end time.
        let endText = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard let start = Self.time(startText) else {
            throw error("'\(startText.prefix(40))' is not a time such as 00:01:02,500", line: line.number)
        }
        guard let end = Self.time(endText) else {
            throw error("'\(endText.prefix(40))' is not a time such as 00:01:02,500", line: line.number)
        }
        let location = VideoError.Location(file: name, line: line.number)
        try limits.check(start, "the start", location: location)
        try limits.check(end, "the end", location: location)
        guard end >= start else {
            throw error("the cue ends (\(endText)) before it starts (\(startText))", line: line.number)
        }
        return (start, end)
    }

    /// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm` in seconds.
    static func time(_ text: String) -> Double? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count) else { return nil }
        let secondsField = fields[fields.count - 1].replacingOccurrences(of: ",", with: ".")
        let secondParts = secondsField.split(separator: ".", omittingEmptySubsequences: false)
        guard secondParts.count <= 2, let seconds = Int(secondParts[0]), secondParts[0].count == 2, seconds < 60
        else { return nil }
        var fraction = 0.0
        if secondParts.count == 2 {
            let digits = secondParts[1]
            guard (1...3).contains(digits.count), let value = Int(digits), digits.allSatisfy(\.isASCII) else {
                return nil
            }
            fraction = Double(value) / pow10(digits.count)
        }
        guard let minutes = Int(fields[fields.count - 2]), minutes >= 0, minutes < 60 else { return nil }
        var hours = 0
        if fields.count == 3 {
            guard fields[0].count <= 4, let h = Int(fields[0]), h >= 0 else { return nil }
            hours = h
        }
        return Double(hours * 3600 + minutes * 60 + seconds) + fraction
    }

    private static func pow10(_ n: Int) -> Double { n == 1 ? 10 : n == 2 ? 100 : 1000 }

    /// The cue's words, timed by inline stamps where there are some and by length otherwise.
    private func cueWords(_ body: String, start: Double, end: Double, line: Int) throws -> [TranscriptWord] {
        var runs: [(start: Double, words: [String])] = [(start, [])]
        var rest = Substring(body)
        var plain = ""
        func flush() {
            runs[runs.count - 1].words += Self.clean(plain).split(whereSeparator: \.isWhitespace).map(String.init)
            plain = ""
        }
        while let open = rest.firstIndex(of: "<") {
            plain += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[rest.index(after: open)...]
                continue
            }
            let tag = String(rest[rest.index(after: open)..<close])
            if let stamp = Self.time(tag) {
                flush()
                try limits.check(stamp, "an inline time", location: .init(file: name, line: line))
                runs.append((min(max(stamp, start), end), []))
            }
            rest = rest[rest.index(after: close)...]
        }
        plain += rest
        flush()
        var words: [TranscriptWord] = []
        let location = VideoError.Location(file: name, line: line)
        for (k, run) in runs.enumerated() where !run.words.isEmpty {
            let runEnd = k + 1 < runs.count ? max(runs[k + 1].start, run.start) : end
            let weights = run.words.map { Double($0.count + 1) }
            let total = weights.reduce(0, +)
            var t = run.start
            for (word, weight) in zip(run.words, weights) {
                try limits.check(word: word, location: location)
                let next = t + (runEnd - run.start) * weight / total
                words.append(TranscriptWord(text: word, start: t, end: next))
                t = next
            }
        }
        return words
    }

    /// Removes styling (`{\an8}`) and decodes the entities subtitles use.
    static func clean(_ text: String) -> String {
        var out = ""
        var inBrace = false
        for c in text {
            if c == "{" {
                inBrace = true
            } else if c == "}" && inBrace {
                inBrace = false
            } else if !inBrace {
                out.append(c)
            }
        }
        for (entity, value) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&quot;", "\"")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }

    private func error(_ message: String, line: Int) -> VideoError {
        VideoError(.invalidInput, message, field: "transcript", location: .init(file: name, line: line))
    }
}
