/// Short forms of long text for the screen, never cut mid-word and never ending in "…": a
/// long sentence shows its first clause, a long list item its term and the gist of what
/// follows, a long heading its first part. The narration still says the whole text.
extension SpeechText {
    /// The fewest words a clause needs to stand for its sentence.
    static let minClauseWords = 4

    /// Words a shortened phrase does not end on: they promise more than it says.
    private static let danglingWords: Set<String> = [
        "a", "an", "the", "of", "to", "for", "with", "in", "on", "at", "by", "from", "and", "or", "but", "nor",
        "that", "which", "who", "whose", "as", "is", "are", "was", "be", "been", "into", "onto", "than", "its",
        "their", "your", "our", "my", "his", "her", "this", "these", "those", "via", "using", "such", "so",
        "if", "when", "while", "where", "because", "also", "not", "can", "will", "should", "would", "may",
        "has", "have", "had", "do", "does", "it", "we", "you", "they", "more", "most", "very", "all", "any",
        "must", "able", "being", "need", "needs", "want", "wants", "used", "like", "both", "each", "every",
        "some", "many", "much", "there", "here", "then", "about", "over", "under", "between", "without", "within",
        "instead", "however", "therefore", "thus", "example", "e.g.", "i.e.", "etc",
    ]

    /// Words that start a new part of a sentence (a preposition, a conjunction, a relative
    /// word): a shortened phrase ends before the last of them rather than inside that part.
    private static let partStarters: Set<String> = [
        "for", "with", "of", "in", "on", "to", "from", "by", "at", "into", "that", "which", "who", "and", "or", "but",
        "while", "when", "where", "because", "so", "as", "than", "via", "using", "without", "through", "until",
    ]

    /// Openings that only link a sentence to the one before ("For example, …"); a shortened
    /// sentence shows what follows them.
    private static let discourseMarkers = [
        "for example", "for instance", "however", "instead", "in addition", "additionally", "also", "finally",
        "in general", "generally", "generally speaking", "essentially", "in particular", "for this reason",
        "for that reason", "that said", "with that said", "in short", "in fact", "indeed", "of course", "so",
        "then", "therefore", "thus", "otherwise", "basically", "actually", "similarly", "likewise", "moreover",
        "furthermore", "after all", "note", "in practice", "by default", "as a result", "in other words",
    ]

    /// Text that fits in `limit` characters: the text itself when it fits, else its first
    /// sentence; a sentence still too long loses an opening such as "For example," and then
    /// shows its longest leading clause (ending before a colon, dash, semicolon, parenthesis or
    /// comma outside brackets and quotes) of at least `minClauseWords` words that fills half
    /// the room, or else its first words, ending on a word that closes a phrase. Never ends in
    /// "…" or in a colon.
    static func keyPhrase(_ text: String, limit: Int = 110) -> String {
        var s = trimmedTail(text)
        guard s.count > limit else { return s }
        if let first = sentences(String(s.prefix(limit * 4))).first.map({ trimmedTail($0) }), first.count < s.count {
            s = first
            if s.count <= limit { return s }
        }
        s = withoutDiscourseMarker(s)
        if s.count <= limit { return s }
        let clauses = clauseEnds(s).map { trimmedTail(String(s[..<$0])) }
            .filter { $0.count <= limit && $0.split(separator: " ").count >= minClauseWords }
        if let longest = clauses.last.map({ tidied($0, limit: limit) }), longest.count * 2 >= limit { return longest }
        return firstWords(s, limit: limit)
    }

    /// A clause without a short tail after its last colon or semicolon ("… module:
    /// ServerBootstrap" ends at "module") and without a dangling last word ("… directly:
    /// instead").
    private static func tidied(_ clause: String, limit: Int) -> String {
        var s = clause
        if let mark = [": ", "; "].compactMap({ s.range(of: $0, options: .backwards) })
            .max(by: { $0.lowerBound < $1.lowerBound }),
            s[mark.upperBound...].split(separator: " ").count <= 3,
            s[..<mark.lowerBound].split(separator: " ").count >= minClauseWords
        {
            s = String(s[..<mark.lowerBound])
        }
        var words = s.split(separator: " ")
        while words.count > minClauseWords, let last = words.last,
            danglingWords.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters))
        {
            words.removeLast()
        }
        return trimmedTail(words.joined(separator: " "))
    }

    /// Words cut one word after a new part of the sentence began end before that part, again
    /// while at least half the room stays filled: "a framework for rapid" becomes "a
    /// framework", "a program without having to worry" becomes "a program".
    private static func withoutFragment(_ phrase: String, limit: Int) -> String {
        var words = phrase.split(separator: " ")
        while words.count > 4,
            partStarters.contains(words[words.count - 2].lowercased().trimmingCharacters(in: .punctuationCharacters)),
            words.dropLast(2).joined(separator: " ").count * 2 >= limit
        {
            words.removeLast(2)
            while words.count > 3, let last = words.last,
                danglingWords.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters))
            {
                words.removeLast()
            }
        }
        return words.joined(separator: " ")
    }

    /// The sentence without a leading discourse marker ("However, we …" gives "We …").
    private static func withoutDiscourseMarker(_ s: String) -> String {
        let lower = s.lowercased()
        for marker in discourseMarkers {
            for mark in [", ", ": "] where lower.hasPrefix(marker + mark) {
                let rest = s.dropFirst(marker.count + mark.count)
                guard rest.split(separator: " ").count >= minClauseWords else { return s }
                return rest.prefix(1).uppercased() + rest.dropFirst()
            }
        }
        return s
    }

    /// A list item's short form: a term that leads the item (a first sentence of at most three
    /// words, as in "`NIOCore`. This provides …", or the text before the first " — " or ": ")
    /// followed by the key phrase of the rest; otherwise the item's key phrase.
    static func itemPhrase(_ text: String, limit: Int = 110) -> String {
        let s = trimmedTail(text)
        guard s.count > limit else { return s }
        var head = "", rest = "", separator = " — "
        let sentenceList = sentences(String(s.prefix(limit * 4)))
        if let first = sentenceList.first, sentenceList.count > 1, first.split(separator: " ").count <= 3 {
            head = trimmedTail(first, also: ".")
            rest = String(s.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
        } else if let mark = [" — ", ": "].compactMap({ s.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }),
            s.distance(from: s.startIndex, to: mark.lowerBound) <= 40
        {
            head = String(s[..<mark.lowerBound])
            rest = String(s[mark.upperBound...])
            separator = s[mark].hasPrefix(":") ? ": " : " — "
        }
        guard hasWords(head), hasWords(rest) else { return keyPhrase(s, limit: limit) }
        let room = limit - head.count - separator.count
        let gist = room >= 20 ? keyPhrase(rest, limit: room) : ""
        return gist.split(separator: " ").count >= 3 ? head + separator + gist : keyPhrase(head, limit: limit)
    }

    /// A heading's first part (before a comma, colon, dash or parenthesis) when the heading is
    /// longer than `limit`, or `nil` when even that is too long.
    static func headingHead(_ heading: String, limit: Int) -> String? {
        guard heading.count > limit else { return heading }
        let end = clauseEnds(heading).first ?? heading.endIndex
        let head = trimmedTail(String(heading[..<end]))
        return hasWords(head) && head.count <= limit ? head : nil
    }

    /// An item that names a term and then says what it is ("`NIOCore`. This provides the core
    /// types.") as one sentence: "NIOCore provides the core types." `nil` when the text does
    /// not start with a sentence of at most three words followed by "This" or "It" and a verb
    /// ("is", "are" or a word ending in "s").
    static func termLed(_ text: String) -> String? {
        let list = sentences(text)
        guard list.count > 1, list[0].split(separator: " ").count <= 3 else { return nil }
        let words = list[1].split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, ["this", "it"].contains(words[0].lowercased()),
            ["is", "are"].contains(words[1].lowercased()) || (words[1].hasSuffix("s") && words[1].count > 3)
        else { return nil }
        let term = trimmedTail(list[0], also: ".")
        return ([term, words[1], words[2]] + list.dropFirst(2)).joined(separator: " ")
    }

    /// Where clauses end: before ": ", " — ", " – ", " - ", "; ", " (" and ", ", outside
    /// brackets and quotes, in text order.
    private static func clauseEnds(_ s: String) -> [String.Index] {
        var ends: [String.Index] = []
        var depth = 0
        var quoted = false
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            let next = s.index(after: i)
            let following = next < s.endIndex ? s[next] : " "
            switch ch {
            case "(", "[": if depth == 0, !quoted, i > s.startIndex { ends.append(i) }; depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case "\"", "“", "”": quoted.toggle()
            case ":", ";", ",": if depth == 0, !quoted, following == " " { ends.append(i) }
            case "—", "–", "-":
                if depth == 0, !quoted, following == " ", i > s.startIndex, s[s.index(before: i)] == " " {
                    ends.append(s.index(before: i))
                }
            default: break
            }
            i = next
        }
        return ends
    }

    /// The first words of `s` within `limit` characters, without a dangling last word or an
    /// unclosed bracket or quote.
    private static func firstWords(_ s: String, limit: Int) -> String {
        var words: [Substring] = []
        var length = 0
        for word in s.split(separator: " ") {
            let add = word.count + (words.isEmpty ? 0 : 1)
            if length + add > limit { break }
            words.append(word)
            length += add
        }
        if words.isEmpty { return String(s.prefix(limit)) }  // one very long word
        func dangling(_ word: Substring) -> Bool {
            let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            return danglingWords.contains(bare) || bare.hasSuffix("'s") || bare.hasSuffix("’s")  // "the file's"
        }
        while words.count > 3, let last = words.last, dangling(last) { words.removeLast() }
        var phrase = withoutFragment(words.joined(separator: " "), limit: limit)
        // An unclosed bracket or quote goes, with what it holds.
        for (open, close) in [("(", ")"), ("[", "]")]
        where phrase.filter({ String($0) == open }).count > phrase.filter({ String($0) == close }).count {
            if let cut = phrase.lastIndex(where: { String($0) == open }),
                phrase.distance(from: phrase.startIndex, to: cut) > 10
            {
                phrase = String(phrase[..<cut])
            }
        }
        if phrase.filter({ $0 == "\"" }).count % 2 == 1, let cut = phrase.lastIndex(of: "\""),
            phrase.distance(from: phrase.startIndex, to: cut) > 10
        {
            phrase = String(phrase[..<cut])
        }
        // A colon, semicolon or dash in the second half ends the phrase there.
        if let mark = [": ", "; ", " — "].compactMap({ phrase.range(of: $0, options: .backwards) })
            .max(by: { $0.lowerBound < $1.lowerBound }),
            phrase.distance(from: phrase.startIndex, to: mark.lowerBound) * 2 >= limit
        {
            phrase = String(phrase[..<mark.lowerBound])
        }
        var kept = trimmedTail(phrase).split(separator: " ")
        while kept.count > 3, let last = kept.last, dangling(last) { kept.removeLast() }
        return trimmedTail(kept.joined(separator: " "))
    }

    /// The text without surrounding white space and without trailing clause marks
    /// (`, ; : - – —` and `also`), which a shortened phrase must not end on.
    private static func trimmedTail(_ text: String, also extra: String = "") -> String {
        var s = text.trimmingCharacters(in: .whitespaces)
        while let last = s.last, " ,;:-–—…".contains(last) || extra.contains(last) { s.removeLast() }
        return s
    }
}

/// The text shortened to at most `limit` characters for a screen or a title, never cut
/// mid-word or with "…": its first sentence, leading clause or first words (see
/// `SpeechText.keyPhrase`). Shared with the metadata writer's short titles.
package func keyPhrase(of text: String, limit: Int) -> String { SpeechText.keyPhrase(text, limit: limit) }
