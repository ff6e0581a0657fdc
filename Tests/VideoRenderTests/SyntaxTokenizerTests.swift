import Foundation
import Testing
import VideoCore

@testable import VideoRender

@Suite struct SyntaxTokenizerTests {
    typealias Kind = SyntaxToken.Kind

    func tokens(_ code: String, _ language: CodeLanguage) -> [SyntaxToken] {
        let tokens = SyntaxTokenizer(language: language).tokens(in: code)
        #expect(tokens.map(\.text).joined() == code, "tokens must join back into the code")
        return tokens
    }

    /// The texts of the tokens of one kind.
    func texts(_ code: String, _ language: CodeLanguage, _ kind: Kind) -> [String] {
        tokens(code, language).filter { $0.kind == kind }.map(\.text)
    }

    @Test func languageTags() {
        #expect(CodeLanguage(tag: "BASH") == .shell)
        #expect(CodeLanguage(tag: "zsh") == .shell)
        #expect(CodeLanguage(tag: "py") == .python)
        #expect(CodeLanguage(tag: "ts") == .javaScript)
        #expect(CodeLanguage(tag: "tsx") == .javaScript)
        #expect(CodeLanguage(tag: "yml") == .yaml)
        #expect(CodeLanguage(tag: "json") == .json)
        #expect(CodeLanguage(tag: "swift") == .swift)
        #expect(CodeLanguage(tag: "cobol") == .plain)
        #expect(CodeLanguage(tag: nil) == .plain)
    }

    @Test func shell() {
        let code =
            "# set up\nexport PATH=\"$HOME/bin:$PATH\"\nif [ -f x ]; then sleep 10; fi\necho 'it''s' # done\ngit commit --in-place -m \"fix #12\""
        #expect(texts(code, .shell, .comment) == ["# set up", "# done"])
        #expect(texts(code, .shell, .keyword) == ["export", "if", "then", "fi"])
        #expect(texts(code, .shell, .string) == ["\"$HOME/bin:$PATH\"", "'it'", "'s'", "\"fix #12\""])
        #expect(texts(code, .shell, .number) == ["10"])
        #expect(texts("echo ${USER} $1 x$?", .shell, .key) == ["${USER}", "$1", "$?"])
        #expect(texts("curl http://a.b/#frag", .shell, .comment).isEmpty, "# inside a word is not a comment")
    }

    @Test func swift() {
        let code =
            "@MainActor\nfunc greet(_ name: String) -> String {\n    let n = 42 // answer\n    /* block\n comment */\n    return \"Hi, \\(name) \\\"x\\\"\"\n}\nlet s = \"\"\"\nmulti \"line\"\n\"\"\""
        #expect(texts(code, .swift, .keyword) == ["@MainActor", "func", "let", "return", "let"])
        #expect(texts(code, .swift, .comment) == ["// answer", "/* block\n comment */"])
        #expect(texts(code, .swift, .number) == ["42"])
        #expect(texts(code, .swift, .string) == ["\"Hi, \\(name) \\\"x\\\"\"", "\"\"\"\nmulti \"line\"\n\"\"\""])
        #expect(texts("let x1 = y2 + 0x1F + 1_000 + 3.5e-2", .swift, .number) == ["0x1F", "1_000", "3.5e-2"])
    }

    @Test func python() {
        let code =
            "@cache\ndef f(x):\n    \"\"\"Doc\n    string\"\"\"\n    if x is None: return True  # base\n    return f'{x}' + 'a\\'b' + str(3.14)"
        #expect(texts(code, .python, .keyword) == ["@cache", "def", "if", "is", "None", "return", "True", "return"])
        #expect(texts(code, .python, .comment) == ["# base"])
        #expect(texts(code, .python, .string) == ["\"\"\"Doc\n    string\"\"\"", "'{x}'", "'a\\'b'"])
        #expect(texts(code, .python, .number) == ["3.14"])
    }

    @Test func javaScriptAndTypeScript() {
        let code =
            "interface User { id: number }\nconst greet = async (u) => {\n  // say hi\n  return `Hi ${u.name}\n!` + \"x\" + 'y' + 0xFF;\n}"
        #expect(texts(code, .javaScript, .keyword) == ["interface", "const", "async", "return"])
        #expect(texts(code, .javaScript, .comment) == ["// say hi"])
        #expect(texts(code, .javaScript, .string) == ["`Hi ${u.name}\n!`", "\"x\"", "'y'"])
        #expect(texts(code, .javaScript, .number) == ["0xFF"])
        #expect(texts("let $el = a/* c */", .javaScript, .comment) == ["/* c */"])
    }

    @Test func json() {
        let code =
            "{\n  \"name\": \"vgen\",\n  \"version\": 2,\n  \"ratio\": -1.5e3,\n  \"tags\": [\"a\", null, true]\n}"
        #expect(texts(code, .json, .key) == ["\"name\"", "\"version\"", "\"ratio\"", "\"tags\""])
        #expect(texts(code, .json, .string) == ["\"vgen\"", "\"a\""])
        #expect(texts(code, .json, .number) == ["2", "-1.5e3"])
        #expect(texts(code, .json, .keyword) == ["null", "true"])
    }

    @Test func yaml() {
        let code =
            "# video\nvideo_id: demo\nfps: 30\nscenes:\n  - scene_type: quiz\n    enabled: true\n    url: http://x.y/#z\n    note: \"a: b\" # why\n  - plain item"
        #expect(texts(code, .yaml, .key) == ["video_id", "fps", "scenes", "scene_type", "enabled", "url", "note"])
        #expect(texts(code, .yaml, .comment) == ["# video", "# why"])
        #expect(texts(code, .yaml, .number) == ["30"])
        #expect(texts(code, .yaml, .keyword) == ["true"])
        #expect(texts(code, .yaml, .string) == ["\"a: b\""])
    }

    @Test func unterminatedStringsAndCommentsStayInBounds() {
        for language in CodeLanguage.allCases {
            for code in ["\"open", "'open\nnext", "/* open", "\"\"\"open", "`open", "x = \"\\", "$", "${", "-", "#"] {
                _ = tokens(code, language)
            }
        }
        #expect(texts("\"open\nlet x", .swift, .keyword) == ["let"], "a string ends at the end of its line")
    }

    @Test func markupEscapesTheCodeAndParses() {
        let palette = SyntaxPalette(theme: .light)
        for language in CodeLanguage.allCases {
            let markup = SyntaxHighlighter.markup(
                code: "a < b && c > \"<b>d</b>\" // <i>\n# x & y\u{0}\u{7}\tend", language: language, palette: palette)
            #expect(TextLayout.isValidMarkup(markup), "\(language): \(markup)")
            #expect(!markup.contains("<b>") && !markup.contains("<i>"))
            #expect(markup.contains("    end"), "tabs become spaces")
        }
        let swift = SyntaxHighlighter.markup(code: "let x = 1", language: .swift, palette: palette)
        #expect(swift.contains("<span foreground=\"\(palette.keyword.hexString)\">let</span>"))
        #expect(swift.contains("<span foreground=\"\(palette.number.hexString)\">1</span>"))
    }

    @Test func palettesDifferByTheme() {
        #expect(VideoTheme.dark.isDark && !VideoTheme.light.isDark)
        let dark = SyntaxPalette(theme: .dark), light = SyntaxPalette(theme: .light)
        #expect(dark.keyword != light.keyword && dark.string != light.string)
        // Every colour stands out from its theme's panel.
        for (palette, theme) in [(dark, VideoTheme.dark), (light, VideoTheme.light)] {
            let panel = theme.surface.mixed(with: theme.background, fraction: 0.35)
            for kind in [Kind.keyword, .string, .comment, .number, .key] {
                #expect(contrast(palette.color(for: kind), panel) >= 4.5, "\(kind) on \(theme.background)")
            }
        }
    }

    func contrast(_ a: RGBColor, _ b: RGBColor) -> Double {
        func lum(_ c: RGBColor) -> Double {
            func f(_ v: Double) -> Double { v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
            return 0.2126 * f(c.red) + 0.7152 * f(c.green) + 0.0722 * f(c.blue)
        }
        let (x, y) = (lum(a), lum(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
