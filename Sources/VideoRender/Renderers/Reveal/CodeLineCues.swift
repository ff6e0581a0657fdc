import VideoCore

/// Which line of a code panel the narration talks about, and from when: a line is named when
/// the narration says an identifier written on it (`makeVideo`, `render_frames`, `Package`),
/// compared as lower-case letters and digits; it stays highlighted until the narration names
/// another line. Identifiers shorter than three characters, language keywords and words found
/// on more than half the lines do not name a line.
struct CodeLineCues {
    /// When each highlight starts and the line it shows (0-based), in time order.
    let changes: [(time: Double, line: Int)]

    /// Words of code that do not name a line.
    private static let keywords: Set<String> = [
        "let", "var", "func", "def", "class", "struct", "enum", "import", "return", "const", "public", "private",
        "package", "use", "for", "while", "int", "void", "print", "true", "false", "nil", "null", "none", "self",
        "this", "new", "the", "and", "not", "code", "from", "with", "static", "async", "await", "try", "throws",
    ]

    /// The cues of `code` over `timeline`.
    /// - Parameters:
    ///   - code: The code, lines separated by newlines.
    ///   - timeline: The scene's length and words (no cues when it does not reveal items).
    init(code: String, timeline: SceneTimeline) {
        guard timeline.revealsItems, !timeline.words.isEmpty else {
            changes = []
            return
        }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        // Each identifier's first line, leaving out those on too many lines to point at one.
        var firstLine: [String: Int] = [:]
        var lineCount: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            let names = Set(Self.identifiers(in: String(line)))
            for name in names {
                lineCount[name, default: 0] += 1
                if firstLine[name] == nil { firstLine[name] = index }
            }
        }
        let common = max(1, lines.count / 2)
        let lastFrame = max(0, timeline.duration - 1 / Double(max(timeline.fps, 1)))
        var changes: [(time: Double, line: Int)] = []
        for word in timeline.words {
            let token = WordCues.normalized(word.text)
            guard let line = firstLine[token], lines.count == 1 || lineCount[token, default: 0] <= common,
                changes.last?.line != line
            else { continue }
            let time = min(max(0, word.startTime), lastFrame)
            if let last = changes.last, last.time >= time { continue }
            changes.append((time, line))
        }
        self.changes = changes
    }

    /// The identifiers written on a line, normalized.
    static func identifiers(in line: String) -> [String] {
        line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            .filter { $0.first.map { $0.isLetter || $0 == "_" } ?? false }
            .map { WordCues.normalized(String($0)) }
            .filter { $0.count >= 3 && !keywords.contains($0) }
    }

    /// The keyframes: 0 and every time the highlight moves.
    var keyframes: [Double] { [0] + changes.map(\.time).filter { $0 > 0 } }

    /// The line highlighted at `time`, if any.
    func line(at time: Double) -> Int? { changes.last(where: { $0.time <= time })?.line }
}
