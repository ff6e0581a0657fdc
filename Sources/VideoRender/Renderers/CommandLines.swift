import Foundation
import VideoCore

/// The lines of a command scene, with a shell prompt added where the lines are commands.
///
/// Lines get a `$ ` prompt when the language is a shell one (`shell`, `bash`, `sh`, `zsh`,
/// `console`, …) or not given, and the lines look like commands (no code keywords, no
/// indentation, no braces at the end). Lines already carrying a `$ ` prompt keep theirs
/// and nothing is added; comments get no prompt; a line after one ending in `\` continues it.
struct CommandLines: Equatable {
    /// One display line.
    struct Line: Equatable {
        enum Kind: Equatable { case command, comment, plain }
        var kind: Kind
        /// The text after any prompt.
        var text: String
    }

    var lines: [Line]
    /// The language the lines are coloured as: shell when prompts were added, otherwise the
    /// family of the given tag.
    var language: CodeLanguage

    static let shellLanguages: Set<String> = [
        "shell", "bash", "sh", "zsh", "fish", "console", "terminal", "shell-session", "shellsession", "ksh",
    ]
    private static let codeKeywords: Set<String> = [
        "let", "var", "func", "def", "class", "struct", "enum", "import", "return", "const", "fn", "public", "private",
        "package", "use", "if", "for", "while", "#include", "int", "void", "print", "console.log", "}", "{",
    ]

    init(code: String, language: String?) {
        let raw = code.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        let lang = language?.lowercased().trimmingCharacters(in: .whitespaces)
        let isShell = lang.map { $0.isEmpty || Self.shellLanguages.contains($0) } ?? true
        self.language = isShell ? .shell : CodeLanguage(tag: lang)
        guard isShell else {
            lines = raw.map { Line(kind: .plain, text: $0) }
            return
        }
        if raw.contains(where: { $0.hasPrefix("$ ") }) {
            // A transcript with its own prompts: output lines stay as they are.
            lines = raw.map {
                $0.hasPrefix("$ ") ? Line(kind: .command, text: String($0.dropFirst(2))) : Line(kind: .plain, text: $0)
            }
            return
        }
        let strict = lang == nil || lang == ""
        let meaningful = raw.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !Self.isComment($0) }
        if strict, !meaningful.allSatisfy(Self.looksLikeCommand) {
            self.language = .plain
            lines = raw.map { Line(kind: .plain, text: $0) }
            return
        }
        var result: [Line] = []
        var continues = false
        for line in raw {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                result.append(Line(kind: .plain, text: line))
            } else if continues {
                result.append(Line(kind: .plain, text: line))
            } else if Self.isComment(line) {
                result.append(Line(kind: .comment, text: line))
            } else if Self.looksLikeCommand(line) {
                result.append(Line(kind: .command, text: line))
            } else {
                result.append(Line(kind: .plain, text: line))
            }
            continues = trimmed.hasSuffix("\\")
        }
        lines = result
    }

    static func isComment(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces).hasPrefix("#") }

    /// Whether a line reads like a shell command rather than program code or output.
    static func looksLikeCommand(_ line: String) -> Bool {
        guard let first = line.first, !first.isWhitespace else { return false }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let last = trimmed.last, "{};".contains(last) { return false }
        let word = String(trimmed.prefix { !$0.isWhitespace })
        if codeKeywords.contains(word) { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./~+-=:@")
        return word.allSatisfy { allowed.contains($0) } && word.first.map { $0 != "=" && $0 != ":" } ?? false
    }

    /// The lines as a text block: prompts in `prompt`, commands and code coloured by
    /// `palette` (see `SyntaxHighlighter`), output lines in the plain colour.
    func textBlock(style: TextStyle, prompt: RGBColor, palette: SyntaxPalette) -> TextBlock {
        guard lines.contains(where: { $0.kind != .plain }) else {
            let code = lines.map(\.text).joined(separator: "\n")
            return TextBlock(
                markup: SyntaxHighlighter.markup(code: code, language: language, palette: palette), style: style)
        }
        let markup = lines.map { line -> String in
            switch line.kind {
            case .command:
                return "<span foreground=\"\(prompt.hexString)\" weight=\"bold\">$ </span>"
                    + SyntaxHighlighter.markup(code: line.text, language: .shell, palette: palette)
            case .comment: return SyntaxHighlighter.markup(code: line.text, language: .shell, palette: palette)
            case .plain: return TextBlock.escapeMarkup(SyntaxHighlighter.sanitized(line.text))
            }
        }
        return TextBlock(markup: markup.joined(separator: "\n"), style: style)
    }
}
