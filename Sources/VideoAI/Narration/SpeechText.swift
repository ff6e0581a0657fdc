import Foundation
import VideoCore

/// Text clean-up for speech: what a voice should say for a piece of on-screen text (addresses and
/// emoji are recognised as the document adapter recognises them).
public enum SpeechText {
    /// Removes URLs, Markdown punctuation, emoji and extra white space.
    public static func clean(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init).filter {
            !isWebAddress($0) && !$0.lowercased().hasPrefix("mailto:")
        }
        var out = removingEmoji(from: words.joined(separator: " "))
        out.unicodeScalars.removeAll { "*_`#|<>[]{}~^".unicodeScalars.contains($0) }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " -–—:;,"))
    }

    /// `clean(text)` ending in a full stop (or its own `.`, `!`, `?`).
    public static func sentence(_ text: String) -> String {
        let cleaned = clean(text)
        guard let last = cleaned.last else { return "" }
        return ".!?…".contains(last) ? cleaned : cleaned + "."
    }

    /// Lower-cases the first letter unless the first word looks like a name or acronym.
    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.split(separator: " ").first, first.count > 1 else { return text }
        let rest = first.dropFirst()
        if rest.contains(where: \.isUppercase) || first.contains(where: \.isNumber) { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// A spoken name for a code language tag.
    static func languageName(_ tag: String) -> String {
        let names = [
            "swift": "Swift", "python": "Python", "py": "Python", "js": "JavaScript", "javascript": "JavaScript",
            "ts": "TypeScript", "typescript": "TypeScript", "json": "JSON", "yaml": "YAML", "yml": "YAML",
            "rust": "Rust", "go": "Go", "c": "C", "cpp": "C plus plus", "c++": "C plus plus", "java": "Java",
            "ruby": "Ruby", "html": "HTML", "css": "CSS", "sql": "SQL", "kotlin": "Kotlin", "toml": "TOML",
            "dockerfile": "Dockerfile", "makefile": "Makefile", "text": "plain text", "txt": "plain text",
        ]
        return names[tag] ?? tag
    }

    /// Roughly how long `text` takes to say at `wordsPerMinute`.
    public static func estimatedDuration(of text: String, wordsPerMinute: Int = 165) -> Double {
        let words = text.split(whereSeparator: \.isWhitespace).count
        return Double(words) / Double(wordsPerMinute) * 60
    }
}
