import Foundation
import VideoCore

/// The deterministic phrase grammar of `vgen refine`: plain feedback to typed edits.

/// Reads feedback such as "faster cuts, more beach photos, end on the sunset, warmer" as
/// `RefineEdit`s, the same for the same words.
///
/// Feedback is split into phrases at commas, semicolons, full stops and "and"/"then"; each
/// phrase must be one of these forms (lower or upper case, "please" and "make it" ignored):
///
/// | phrase | edit |
/// |---|---|
/// | faster, quicker, snappier, more cuts, shorter shots, faster cuts | `pace(0.5)` ("much faster": 0.25) |
/// | slower, calmer, fewer cuts, longer shots, slower cuts | `pace(2)` ("much slower": 4) |
/// | more X, more of X, more photos of X, favour X, focus on X | `favour(X)` |
/// | include X, add X, keep X | `include(X)` |
/// | no X, without X, exclude X, remove X, drop X, skip X, less X | `exclude(X)` |
/// | start/begin/open with/on X, first shot X | `first(X)` |
/// | end/finish/close with/on X, last shot X | `last(X)` |
/// | N seconds (long), N s, N minutes | `duration(N)` |
/// | shorter, longer | `lengthScale(0.75)`, `lengthScale(1.25)` |
/// | warmer, cooler/colder | `warmth(+1)`, `warmth(-1)` |
/// | black and white, monochrome; more vivid/colourful/saturated; cinematic; natural; STYLE style | `style` |
/// | no transitions, only/hard/just cuts; crossfades/dissolves; fades; zooms | `transition` |
///
/// X is a word of file or folder names ("beach", "the sunset photos"), `folder NAME`, a date
/// (`from 2024-06`, `from june`) or a colour (`blue photos`).
public struct FeedbackGrammar: Sendable {
    /// Creates the grammar.
    public init() {}

    /// The edits `feedback` asks for, in order.
    /// - Parameter feedback: The words.
    /// - Returns: One or more edits.
    /// - Throws: `VideoError` (`.invalidInput`, field `feedback`) naming the first phrase it
    ///   cannot read, or for empty feedback.
    public func edits(for feedback: String) throws -> [RefineEdit] {
        let phrases = Self.phrases(feedback)
        guard !phrases.isEmpty else { throw VideoError(.invalidInput, "the feedback is empty", field: "feedback") }
        return try phrases.map { phrase in
            guard let edit = try edit(for: phrase) else {
                throw VideoError(
                    .invalidInput,
                    "unknown phrase '\(phrase)'; try e.g. faster, slower, more beach photos, no blue pictures, "
                        + "end on the sunset, 30 seconds, warmer, cinematic, only cuts",
                    field: "feedback")
            }
            try edit.validate()
            return edit
        }
    }

    /// The phrases of `feedback`, lower case, without filler words.
    static func phrases(_ feedback: String) -> [String] {
        var text = " " + feedback.lowercased().replacingOccurrences(of: "colour", with: "color") + " "
        for separator in [",", ";", ".", "!", "\n", " and then ", " then "] {
            text = text.replacingOccurrences(of: separator, with: "|")
        }
        // "and" separates phrases except inside "black and white".
        text = text.replacingOccurrences(of: "black and white", with: "black-and-white")
        text = text.replacingOccurrences(of: " and ", with: "|")
        return text.split(separator: "|").map { phrase in
            var words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
            while let first = words.first, ["please", "also", "a", "bit", "little", "lot", "some"].contains(first) {
                words.removeFirst()
            }
            if words.count > 1, words[0] == "make", ["it", "the", "them"].contains(words[1]) {
                words.removeFirst(2)
                if words.first == "video" || words.first == "montage" { words.removeFirst() }
            }
            if words.last == "please" { words.removeLast() }
            return words.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    private func edit(for phrase: String) throws -> RefineEdit? {
        let words = phrase.split(separator: " ").map(String.init)
        if let pace = Self.pace(phrase) { return .pace(pace) }
        if let edit = Self.look(phrase) { return edit }
        if let transition = Self.transition(phrase) { return .transition(transition) }
        if let duration = Self.duration(words) { return .duration(duration) }
        if ["shorter", "a shorter video", "shorter video", "shorter overall"].contains(phrase) {
            return .lengthScale(0.75)
        }
        if ["longer", "a longer video", "longer video", "longer overall"].contains(phrase) {
            return .lengthScale(1.25)
        }
        for (prefixes, make) in Self.mediaForms {
            for prefix in prefixes.sorted(by: { $0.count > $1.count }) where phrase.hasPrefix(prefix + " ") {
                guard let match = Self.match(String(phrase.dropFirst(prefix.count + 1))) else { continue }
                return make(match)
            }
        }
        return nil
    }

    private static let mediaForms: [([String], @Sendable (MediaMatch) -> RefineEdit)] = [
        (
            [
                "end on", "end with", "ending on", "ending with", "finish on", "finish with", "close on", "close with",
                "last shot", "the last shot", "last shot should be", "the last shot should be", "end on a", "end",
            ], { .last($0) }
        ),
        (
            [
                "start on", "start with", "begin on", "begin with", "open on", "open with", "opening on", "first shot",
                "the first shot", "first shot should be", "the first shot should be", "start",
            ], { .first($0) }
        ),
        (["more of", "more", "favour", "favor", "focus on", "show more", "lots of", "many more"], { .favour($0) }),
        (["include", "add", "keep", "use", "put in"], { .include($0) }),
        (
            [
                "no", "without", "exclude", "remove", "drop", "skip", "leave out", "cut out", "less", "fewer", "not",
                "don't use", "do not use", "lose",
            ], { .exclude($0) }
        ),
    ]

    /// Shot-length factors: "faster", "slower cuts".
    static func pace(_ phrase: String) -> Double? {
        let faster = [
            "faster", "quicker", "snappier", "faster cuts", "quicker cuts", "more cuts", "shorter shots", "faster pace",
            "faster pacing", "cut faster", "speed it up", "speed up", "more energy", "more energetic", "punchier cuts",
        ]
        let slower = [
            "slower", "calmer", "slower cuts", "fewer cuts", "less cuts", "longer shots", "slower pace",
            "slower pacing",
            "cut slower", "slow it down", "slow down", "more relaxed", "gentler", "calmer cuts",
        ]
        for (intensifier, factor) in [("", 1.0), ("much ", 2.0), ("a lot ", 2.0), ("way ", 2.0), ("even ", 1.0)] {
            if faster.contains(where: { intensifier + $0 == phrase }) { return 0.5 / factor }
            if slower.contains(where: { intensifier + $0 == phrase }) { return 2 * factor }
        }
        return nil
    }

    /// Grade and style: "warmer", "black and white", "cinematic".
    static func look(_ phrase: String) -> RefineEdit? {
        let p = phrase.replacingOccurrences(of: "more ", with: "").replacingOccurrences(of: " look", with: "")
            .replacingOccurrences(of: " colors", with: "").replacingOccurrences(of: " color", with: "")
        switch p {
        case "warmer", "warm", "warmer grade", "warmth", "warmer tones", "sunnier": return .warmth(1)
        case "cooler", "colder", "cool", "cooler grade", "cooler tones", "bluer": return .warmth(-1)
        case "black-and-white", "monochrome", "mono", "grayscale", "greyscale", "no color": return .style("mono")
        case "vivid", "colorful", "saturated", "punchier", "vibrant", "saturation": return .style("vivid")
        case "cinematic", "filmic", "like a film", "like a movie": return .style("cinematic")
        case "natural", "no filter", "no grade", "plain", "neutral": return .style("natural")
        default: break
        }
        let words = phrase.split(separator: " ").map(String.init)
        if words.count == 2, words[1] == "style", MontageStyle.named(words[0]) != nil { return .style(words[0]) }
        if words.count == 2, words[0] == "style", MontageStyle.named(words[1]) != nil { return .style(words[1]) }
        return nil
    }

    /// One transition everywhere: "only cuts", "crossfades".
    static func transition(_ phrase: String) -> MontageTimeline.Transition? {
        var p = phrase
        for prefix in ["use ", "with ", "only ", "just ", "all ", "more "] where p.hasPrefix(prefix) {
            p = String(p.dropFirst(prefix.count))
        }
        switch p {
        case "cuts", "hard cuts", "no transitions", "straight cuts", "cut": return .cut
        case "crossfades", "crossfade", "cross fades", "cross-fades", "dissolves", "soft transitions",
            "smooth transitions":
            return .crossfade
        case "fades", "fade", "fades to black", "fade to black", "dips to black": return .fade
        case "zooms", "zoom transitions", "zoom": return .zoom
        default: return nil
        }
    }

    /// A length: "30 seconds", "45 s long", "1 minute", "make it 20s".
    static func duration(_ words: [String]) -> Double? {
        var w = words
        if w.last == "long" { w.removeLast() }
        if w.first == "exactly" || w.first == "about" { w.removeFirst() }
        if w.count == 1, w[0].hasSuffix("s"), let n = Double(w[0].dropLast()) { return n }
        guard w.count == 2, let n = Double(w[0]) else { return nil }
        if ["s", "sec", "secs", "second", "seconds"].contains(w[1]) { return n }
        if ["min", "mins", "minute", "minutes"].contains(w[1]) { return n * 60 }
        return nil
    }

    /// The media a phrase names: "the beach photos", "photos of the sunset", "blue pictures",
    /// "folder holiday", "photos from 2024-06".
    static func match(_ text: String) -> MediaMatch? {
        let nouns: Set<String> = [
            "photo", "photos", "picture", "pictures", "pics", "pic", "image", "images", "shot", "shots", "clip",
            "clips", "video", "videos", "ones", "one", "footage", "media", "moments", "moment", "scenes", "scene",
        ]
        let fillers: Set<String> = ["the", "a", "an", "my", "our", "some", "any", "of", "with", "taken", "that", "are"]
        var words = text.split(separator: " ").map(String.init)
        var field = MediaMatch.Field.any
        if let i = words.firstIndex(where: { ["from", "in", "on"].contains($0) }), i + 1 < words.count {
            let rest = words[(i + 1)...].filter { !fillers.contains($0) }
            if rest.count == 1, MediaMatch.dateParts(rest[0]) != nil { return MediaMatch(.date, rest[0]) }
            if rest.count == 2, rest[0] == "folder" { return MediaMatch(.folder, rest[1]) }
            if rest.count == 2, rest[1] == "folder" { return MediaMatch(.folder, rest[0]) }
        }
        words = words.filter { !fillers.contains($0) && !nouns.contains($0) && !["from", "in"].contains($0) }
        if words.count == 2, words[0] == "folder" || words[1] == "folder" {
            field = .folder
            words.removeAll { $0 == "folder" }
        } else if words.count == 2, words[0] == "named" || words[0] == "called" {
            field = .name
            words.removeFirst()
        }
        guard words.count == 1, let term = words.first, term.count >= 2 else { return nil }
        if field == .any {
            let colour = term == "gray" ? "grey" : term
            if MediaMatch.colours.contains(colour) { return MediaMatch(.colour, colour) }
            if MediaMatch.dateParts(term) != nil, term.first?.isNumber == true { return MediaMatch(.date, term) }
        }
        return MediaMatch(field, term)
    }
}
