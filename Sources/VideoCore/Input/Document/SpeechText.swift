import Foundation

/// Plain-text helpers of the document adapter: cleaning text for the screen and for speech,
/// splitting it into sentences and chunks, and shortening it.
///
/// Addresses (`https://…`, `www.…`) are never spoken; on screen they shrink to their host name.
/// Emoji stay on screen and are removed from speech.
enum SpeechText {
    /// Whether a word is a web address.
    static func isAddress(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower.contains("://") || lower.hasPrefix("www.")
    }

    /// The host name of an address without `www.`, for example `github.com`.
    static func host(of address: String) -> String {
        var rest = Substring(address)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.firstIndex(of: "@"), !rest[..<at].contains("/") { rest = rest[rest.index(after: at)...] }
        let end = rest.firstIndex { "/?#:".contains($0) } ?? rest.endIndex
        var host = String(rest[..<end])
        if host.lowercased().hasPrefix("www.") { host.removeFirst(4) }
        return host.trimmingCharacters(in: .punctuationCharacters)
    }

    // MARK: - Cleaning

    /// Text for the screen: white space collapsed, addresses replaced by their host names.
    static func display(_ text: String) -> String {
        words(of: text).map { word in
            let (lead, core, trail) = split(word)
            return isAddress(core) ? lead + host(of: core) + trail : word
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Text to read aloud: no emoji or Markdown marks, white space collapsed, ending with a full
    /// stop (a trailing colon becomes one). Empty when nothing speakable is left.
    /// - Parameter address: What an address is read as (`"the website"`); `nil` drops it.
    static func speech(_ text: String, address: String? = "the website") -> String {
        var out: [String] = []
        func attach(_ mark: Character) {
            if !out.isEmpty, let last = out[out.count - 1].last, !".,;:!?".contains(last) {
                out[out.count - 1].append(mark)
            }
        }
        for word in words(of: removingEmoji(text)) {
            if word.hasPrefix("(") { attach(",") }  // a parenthesis is a pause
            let (_, core, trail) = split(word)
            if isAddress(core) {
                let connector = out.last.map { ["or", "and", "/"].contains($0) } ?? false
                if let address,
                    !(connector && out.dropLast().last == address.split(separator: " ").last.map(String.init))
                {
                    out += address.split(separator: " ").map(String.init)
                } else if connector {
                    out.removeLast()
                }
                // Keep the sentence's punctuation that followed the address.
                if let mark = trail.last(where: { ".,;:!?".contains($0) }) { attach(mark) }
                continue
            }
            var cleaned = ""
            for ch in word where !marks.contains(ch) { cleaned.append(separators.contains(ch) ? " " : ch) }
            if word.contains(where: separators.contains) {
                cleaned = cleaned.split(separator: " ").joined(separator: " ")
                for mark in [".", ",", ";", ":", "!", "?"] {
                    cleaned = cleaned.replacingOccurrences(of: " " + mark, with: mark)
                }
            }
            if cleaned.isEmpty { continue }
            if !hasWords(cleaned), let mark = cleaned.last(where: { ".,;:!?".contains($0) }) {
                attach(mark)  // punctuation left behind by a removed emoji or mark
            } else if cleaned.contains(where: { !"-–—=+".contains($0) }) {
                out.append(cleaned)
            }
        }
        var result = out.joined(separator: " ")
        while let last = result.last, ",;:-–—".contains(last) { result.removeLast() }
        result = result.trimmingCharacters(in: .whitespaces)
        guard hasWords(result) else { return "" }
        if let last = result.last, !".!?…\"'”’".contains(last) { result.append(".") }
        return result
    }

    /// Markdown and layout marks that are never read aloud.
    private static let marks = Set("`*#|~<>^\\{}→←↑↓•·")
    /// Marks read as a pause between words: `snake_case`, `run(fast)`, `[a]`.
    private static let separators = Set("_()[]")

    /// Whether the text holds a letter or a digit.
    static func hasWords(_ text: String) -> Bool { text.contains { $0.isLetter || $0.isNumber } }

    /// The text without emoji (pictographs, flags, keycaps, joiners and variation selectors).
    static func removingEmoji(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2000 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text where !isEmoji(ch) { out.append(ch) }
        return out
    }

    private static func isEmoji(_ ch: Character) -> Bool {
        ch.unicodeScalars.contains { s in
            let p = s.properties
            return p.isEmojiPresentation || (p.isEmoji && s.value >= 0x2000)
                || [0x200D, 0xFE0F, 0x20E3].contains(s.value)
                || (0x1F3FB...0x1F3FF).contains(s.value) || (0xE0020...0xE007F).contains(s.value)
        }
    }

    private static func words(of text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Splits a word into leading brackets, its core and trailing brackets and punctuation.
    private static func split(_ word: String) -> (String, String, String) {
        var core = Substring(word)
        var lead = "", trail = ""
        while let f = core.first, "(<[\"'".contains(f) {
            lead.append(f)
            core.removeFirst()
        }
        while let l = core.last, ")>]\"'.,;:!?".contains(l) {
            trail.insert(l, at: trail.startIndex)
            core.removeLast()
        }
        return (lead, String(core), trail)
    }

    // MARK: - Sentences and length

    private static let abbreviations: Set<String> = [
        "e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "cf.", "approx.",
    ]

    /// The sentences of a text, each trimmed; abbreviations such as `e.g.` do not end one.
    static func sentences(_ text: String) -> [String] {
        let tokens = words(of: text)
        var result: [String] = []
        var current: [String] = []
        for (i, token) in tokens.enumerated() {
            current.append(token)
            var stripped = Substring(token)
            while let last = stripped.last, "\"'”’)".contains(last) { stripped.removeLast() }
            guard let last = stripped.last, ".!?…".contains(last), i + 1 < tokens.count else { continue }
            if abbreviations.contains(stripped.lowercased()) { continue }
            if stripped.count == 2, stripped.first!.isLetter, last == "." { continue }  // initials: "J."
            if let next = tokens[i + 1].first, next.isLowercase { continue }
            result.append(current.joined(separator: " "))
            current = []
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// Packs whole sentences into chunks of at most `limit` characters; a sentence longer than
    /// that is split between words.
    static func chunks(_ text: String, limit: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        var length = 0  // current.count, kept because counting a String walks it
        func flush() {
            if !current.isEmpty { chunks.append(current) }
            current = ""
            length = 0
        }
        for sentence in sentences(text) {
            let count = sentence.count
            for piece in count <= limit ? [sentence] : wrap(sentence, limit: limit) {
                let pieceCount = count <= limit ? count : piece.count
                if current.isEmpty {
                    current = piece
                    length = pieceCount
                } else if length + 1 + pieceCount <= limit {
                    current += " " + piece
                    length += 1 + pieceCount
                } else {
                    flush()
                    current = piece
                    length = pieceCount
                }
            }
        }
        flush()
        return chunks
    }

    /// Splits text between words into pieces of at most `limit` characters (a single longer
    /// word is cut).
    static func wrap(_ text: String, limit: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var length = 0
        for word in words(of: text) {
            var word = word
            while word.count > limit {
                if !current.isEmpty {
                    pieces.append(current)
                    current = ""
                    length = 0
                }
                pieces.append(String(word.prefix(limit)))
                word = String(word.dropFirst(limit))
            }
            let count = word.count
            if current.isEmpty {
                current = word
                length = count
            } else if length + 1 + count <= limit {
                current += " " + word
                length += 1 + count
            } else {
                pieces.append(current)
                current = word
                length = count
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The text cut at a word boundary to at most `limit` characters, with an ellipsis when cut.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, " ,;:-–—".contains(last) { cut.removeLast() }
        return cut + "…"
    }

    /// The first sentence of a text, shortened, without a trailing colon: a list item that
    /// stands for a paragraph.
    static func keySentence(_ text: String, limit: Int = 110) -> String {
        // Only the start matters; a whole long text need not be split.
        let start = String(text.prefix(limit * 4))
        var first = sentences(start).first ?? start
        while let last = first.last, ":;,".contains(last) { first.removeLast() }
        return shorten(first, to: limit)
    }
}

/// The sentences of `text`, each trimmed; abbreviations such as `e.g.` do not end one. The
/// document adapter's splitter, for other modules that share narration out by sentence.
package func sentences(of text: String) -> [String] { SpeechText.sentences(text) }

/// Whether a word is a web address (`https://…`, `www.…`), which narration never reads out.
package func isWebAddress(_ word: String) -> Bool { SpeechText.isAddress(word) }

/// The text without emoji (pictographs, flags, keycaps, joiners and variation selectors).
package func removingEmoji(from text: String) -> String { SpeechText.removingEmoji(text) }
