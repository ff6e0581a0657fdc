import VideoCore

/// A small hand-written tokenizer for one language family: enough to colour keywords,
/// strings, comments, numbers and keys, not to parse.
///
/// Unterminated strings and comments run to the end of the line (strings) or of the code
/// (block comments and triple-quoted strings); the tokens' texts always join back into the
/// input exactly.
struct SyntaxTokenizer {
    let language: CodeLanguage

    private struct Rules {
        var lineComment: String?
        var hashCommentNeedsSpace = false
        var blockComment: (open: String, close: String)?
        var quotes: Set<Character> = []
        var tripleQuotes = false
        var multilineQuotes: Set<Character> = []
        var keywords: Set<String> = []
        var attributePrefix: Character?
        var shellVariables = false
        var keysBeforeColon = false
        var yamlKeys = false
    }

    func tokens(in code: String) -> [SyntaxToken] {
        let rules = Self.rules(for: language)
        guard language != .plain else { return code.isEmpty ? [] : [SyntaxToken(kind: .plain, text: code)] }
        let chars = Array(code)
        var tokens: [SyntaxToken] = []
        var plain = ""
        func emit(_ kind: SyntaxToken.Kind, _ range: Range<Int>) {
            let text = String(chars[range])
            if kind == .plain { plain += text; return }
            if !plain.isEmpty { tokens.append(SyntaxToken(kind: .plain, text: plain)); plain = "" }
            tokens.append(SyntaxToken(kind: kind, text: text))
        }
        func starts(_ s: String, at i: Int) -> Bool {
            var j = i
            for ch in s {
                guard j < chars.count, chars[j] == ch else { return false }
                j += 1
            }
            return true
        }
        func endOfLine(from i: Int) -> Int { chars[i...].firstIndex(of: "\n") ?? chars.count }
        func isWordChar(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || c == "_" || (language == .javaScript && c == "$")
        }

        var i = 0
        var lineStart = true
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { emit(.plain, i..<i + 1); i += 1; lineStart = true; continue }
            if lineStart, rules.yamlKeys, let end = yamlKeyEnd(chars, from: i) {
                // Indentation and list dashes stay plain; the key runs up to its colon.
                var k = i
                while k < end, chars[k] == " " || chars[k] == "-" { k += 1 }
                emit(.plain, i..<k)
                emit(.key, k..<end)
                i = end
                lineStart = false
                continue
            }
            if c != " " { lineStart = false }
            // Comments.
            if let open = rules.lineComment, starts(open, at: i),
                !rules.hashCommentNeedsSpace || i == 0 || chars[i - 1].isWhitespace
            {
                let end = endOfLine(from: i)
                emit(.comment, i..<end)
                i = end
                continue
            }
            if let block = rules.blockComment, starts(block.open, at: i) {
                var end = chars.count
                var j = i + block.open.count
                while j < chars.count {
                    if starts(block.close, at: j) { end = j + block.close.count; break }
                    j += 1
                }
                emit(.comment, i..<end)
                i = end
                continue
            }
            // Strings.
            if rules.quotes.contains(c) {
                let triple = rules.tripleQuotes && starts(String(repeating: c, count: 3), at: i)
                let end = stringEnd(
                    chars, from: i, quote: c, triple: triple,
                    multiline: triple || rules.multilineQuotes.contains(c),
                    escapes: !(language == .shell && c == "'") && !(language == .yaml && c == "'"))
                var kind = SyntaxToken.Kind.string
                if rules.keysBeforeColon {
                    var j = end
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if j < chars.count, chars[j] == ":" { kind = .key }
                }
                emit(kind, i..<end)
                i = end
                continue
            }
            // Shell variables: $NAME, ${…}, $1, $?.
            if rules.shellVariables, c == "$", i + 1 < chars.count {
                let next = chars[i + 1]
                var end = i + 1
                if next == "{" {
                    end = (chars[(i + 1)...].firstIndex(of: "}")).map { $0 + 1 } ?? endOfLine(from: i)
                } else if isWordChar(next) {
                    while end < chars.count, isWordChar(chars[end]) { end += 1 }
                } else if "?@#*!$-".contains(next) {
                    end = i + 2
                }
                if end > i + 1 {
                    emit(.key, i..<end)
                    i = end
                    continue
                }
            }
            // Numbers, only at the start of a word.
            let prevIsWord = i > 0 && (isWordChar(chars[i - 1]) || chars[i - 1] == ".")
            if !prevIsWord, c.isASCII,
                c.isNumber || (c == "-" && language == .json && i + 1 < chars.count && chars[i + 1].isNumber)
            {
                var end = i + 1
                while end < chars.count {
                    let d = chars[end]
                    if d.isASCII && (d.isLetter || d.isNumber || d == "_") { end += 1; continue }
                    if d == ".", end + 1 < chars.count, chars[end + 1].isNumber { end += 1; continue }
                    if (d == "+" || d == "-"), "eE".contains(chars[end - 1]),
                        !String(chars[i..<end]).lowercased().hasPrefix("0x")
                    {
                        end += 1; continue
                    }
                    break
                }
                // A word that merely starts with digits (`3rd`, `2x`) is not a number in shell and YAML.
                let word = String(chars[i..<end])
                if (language == .shell || language == .yaml),
                    word.contains(where: { $0.isLetter && !"eExXoObB".contains($0) })
                {
                    emit(.plain, i..<end)
                } else {
                    emit(.number, i..<end)
                }
                i = end
                continue
            }
            // Words: keywords, attributes, identifiers.
            if isWordChar(c) || (rules.attributePrefix == c && i + 1 < chars.count && isWordChar(chars[i + 1])) {
                var end = i + 1
                while end < chars.count, isWordChar(chars[end]) { end += 1 }
                let word = String(chars[i..<end])
                let kind: SyntaxToken.Kind
                if c == rules.attributePrefix {
                    kind = .keyword
                } else if prevIsWord && c.isNumber {
                    kind = .plain
                } else if rules.keywords.contains(word), !(i > 0 && (chars[i - 1] == "-" || chars[i - 1] == "/")) {
                    kind = .keyword
                } else {
                    kind = .plain
                }
                emit(kind, i..<end)
                i = end
                continue
            }
            emit(.plain, i..<i + 1)
            i += 1
        }
        if !plain.isEmpty { tokens.append(SyntaxToken(kind: .plain, text: plain)) }
        return tokens
    }

    /// The end of the string starting with `quote` at `start` (exclusive).
    private func stringEnd(
        _ chars: [Character], from start: Int, quote: Character, triple: Bool, multiline: Bool, escapes: Bool
    ) -> Int {
        let openLength = triple ? 3 : 1
        var j = start + openLength
        while j < chars.count {
            let c = chars[j]
            if escapes, c == "\\" { j += 2; continue }
            if c == "\n", !multiline { return j }
            if c == quote {
                if !triple { return j + 1 }
                if j + 2 < chars.count, chars[j + 1] == quote, chars[j + 2] == quote { return j + 3 }
            }
            j += 1
        }
        return chars.count
    }

    /// Where a YAML mapping key starting on the line at `start` ends (at its colon), if the line
    /// holds a plain `key:` (optionally after indentation and `- `).
    private func yamlKeyEnd(_ chars: [Character], from start: Int) -> Int? {
        var j = start
        while j < chars.count, chars[j] == " " || (chars[j] == "-" && j + 1 < chars.count && chars[j + 1] == " ") {
            j += 1
        }
        let keyStart = j
        guard j < chars.count, !"#'\"{[&*!|>%@`".contains(chars[j]) else { return nil }
        while j < chars.count, chars[j] != "\n" {
            if chars[j] == ":", j + 1 == chars.count || chars[j + 1] == " " || chars[j + 1] == "\n" {
                return j > keyStart ? j : nil
            }
            if chars[j] == "#", chars[j - 1] == " " { return nil }
            j += 1
        }
        return nil
    }

    private static func rules(for language: CodeLanguage) -> Rules {
        var r = Rules()
        switch language {
        case .shell:
            r.lineComment = "#"
            r.hashCommentNeedsSpace = true
            r.quotes = ["'", "\""]
            r.multilineQuotes = ["'", "\""]
            r.shellVariables = true
            r.keywords = [
                "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function",
                "in", "select", "return", "export", "local", "readonly", "unset", "source", "alias", "exit", "set",
            ]
        case .swift:
            r.lineComment = "//"
            r.blockComment = ("/*", "*/")
            r.quotes = ["\""]
            r.tripleQuotes = true
            r.attributePrefix = "@"
            r.keywords = [
                "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
                "default", "break", "continue", "struct", "class", "enum", "protocol", "extension", "import", "public",
                "private", "internal", "fileprivate", "package", "open", "static", "final", "init", "deinit", "self",
                "Self", "super", "true", "false", "nil", "throws", "throw", "try", "catch", "do", "async", "await",
                "actor", "some", "any", "where", "as", "is", "inout", "mutating", "typealias", "associatedtype",
                "defer", "lazy", "weak", "override", "convenience", "subscript", "nonisolated", "consuming",
                "borrowing",
            ]
        case .python:
            r.lineComment = "#"
            r.quotes = ["'", "\""]
            r.tripleQuotes = true
            r.attributePrefix = "@"
            r.keywords = [
                "def", "class", "return", "if", "elif", "else", "for", "while", "in", "not", "and", "or", "is", "None",
                "True", "False", "import", "from", "as", "with", "try", "except", "finally", "raise", "lambda", "yield",
                "pass", "break", "continue", "global", "nonlocal", "async", "await", "assert", "del", "match", "self",
            ]
        case .javaScript:
            r.lineComment = "//"
            r.blockComment = ("/*", "*/")
            r.quotes = ["'", "\"", "`"]
            r.multilineQuotes = ["`"]
            r.attributePrefix = "@"
            r.keywords = [
                "const", "let", "var", "function", "return", "if", "else", "for", "while", "do", "switch", "case",
                "default", "break", "continue", "new", "this", "class", "extends", "import", "export", "from", "async",
                "await", "try", "catch", "finally", "throw", "typeof", "instanceof", "in", "of", "null", "undefined",
                "true", "false", "interface", "type", "enum", "implements", "public", "private", "protected",
                "readonly", "static", "as", "void", "yield", "delete", "super", "get", "set", "declare", "namespace",
            ]
        case .json:
            r.quotes = ["\""]
            r.keysBeforeColon = true
            r.keywords = ["true", "false", "null"]
        case .yaml:
            r.lineComment = "#"
            r.hashCommentNeedsSpace = true
            r.quotes = ["'", "\""]
            r.keysBeforeColon = true
            r.yamlKeys = true
            r.keywords = [
                "true", "false", "null", "yes", "no", "on", "off", "True", "False", "Null", "TRUE", "FALSE", "NULL",
                "~",
            ]
        case .plain:
            break
        }
        return r
    }
}
