import Foundation
import VideoCore

/// Other titles a publisher may choose for the video, each within YouTube's
/// `YouTubeRules.maximumTitleLength` and never cut with "…".
public struct TitleVariants: Codable, Sendable, Hashable {
    /// The video's own title.
    public var original: String
    /// The name and what it is, from the title card's subtitle ("Rocket: a static site
    /// generator written in Swift"); `nil` without a subtitle.
    public var withSubtitle: String?
    /// A question the video answers ("What is Rocket?"); `nil` when the title reads as a
    /// sentence that makes no question.
    public var question: String?
    /// A "How to …" title ("How to get started with Rocket"); `nil` when the title gives none.
    public var howTo: String?
    /// At most `shortLength` characters: the title, or its key phrase.
    public var short: String

    /// The longest short title, in characters (what search results show before cutting).
    public static let shortLength = 60

    enum CodingKeys: String, CodingKey {
        case original, withSubtitle = "with_subtitle", question, howTo = "how_to", short
    }

    private static let gerunds = [
        "getting": "get", "using": "use", "building": "build", "writing": "write", "making": "make",
        "creating": "create", "running": "run", "testing": "test", "setting": "set", "installing": "install",
        "deploying": "deploy", "learning": "learn", "understanding": "understand", "working": "work",
        "debugging": "debug", "configuring": "configure", "migrating": "migrate", "adding": "add",
    ]
    private static let questionWords: Set<String> = [
        "how", "what", "why", "when", "which", "who", "where", "can", "is", "are", "do", "does", "should",
    ]
    private static let startSections: Set<String> = [
        "getting started", "get started", "quick start", "quickstart", "installation", "install", "setup",
        "set up",
    ]

    /// Makes the variants of a title.
    /// - Parameters:
    ///   - title: The video's title.
    ///   - subtitle: The title card's subtitle, if any.
    ///   - chapterTitles: The video's chapter names (a "Getting Started" chapter makes "How to
    ///     get started with …").
    public init(title: String, subtitle: String?, chapterTitles: [String]) {
        let limit = YouTubeRules.maximumTitleLength
        original = title
        let name = removingEmoji(from: title).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let shown = name.isEmpty ? title : name
        let words = shown.split(separator: " ").map(String.init)
        let first = words.first?.lowercased() ?? ""
        let isName = words.count <= 5 && !shown.contains(where: { ".?!:".contains($0) })

        if shown.hasSuffix("?") {
            question = shown
        } else if Self.questionWords.contains(first) {
            question = keyPhrase(of: shown, limit: limit - 1) + "?"
        } else {
            question = isName ? "What is \(shown)?" : nil
        }

        let startsHere = chapterTitles.contains { Self.startSections.contains(Self.plain($0)) }
        if first == "how", words.dropFirst().first?.lowercased() == "to" {
            howTo = shown
        } else if let base = Self.gerunds[first] {
            howTo = keyPhrase(of: "How to \(base) " + words.dropFirst().joined(separator: " "), limit: limit)
        } else if isName {
            howTo = startsHere ? "How to get started with \(shown)" : "How to use \(shown)"
        } else {
            howTo = nil
        }

        withSubtitle = subtitle.flatMap { Self.described(shown, by: $0, limit: limit) }
        short = title.count <= Self.shortLength ? title : keyPhrase(of: title, limit: Self.shortLength)
    }

    /// "Name: what it is", from a subtitle that may start with "Name is …".
    private static func described(_ name: String, by subtitle: String, limit: Int) -> String? {
        var rest = removingEmoji(from: subtitle).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // "Name (N, for short) is a …" says "a …".
        if rest.lowercased().hasPrefix(name.lowercased()) {
            var after = rest.dropFirst(name.count).drop(while: \.isWhitespace)
            if after.hasPrefix("("), let close = after.firstIndex(of: ")") {
                after = after[after.index(after: close)...]
            }
            after = after.drop { $0.isWhitespace || ",;:—-".contains($0) }
            for verb in ["is ", "are "] where after.lowercased().hasPrefix(verb) {
                rest = String(after.dropFirst(verb.count))
            }
        }
        while let last = rest.last, ".!:;, ".contains(last) { rest.removeLast() }
        guard rest.contains(where: { $0.isLetter || $0.isNumber }), rest.lowercased() != name.lowercased() else {
            return nil
        }
        let room = limit - name.count - 2
        guard room >= 20 else { return nil }
        return "\(name): " + keyPhrase(of: rest, limit: room)
    }

    /// Lower-case letters and single spaces: "🚀 Getting Started!" gives "getting started".
    private static func plain(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }
}
