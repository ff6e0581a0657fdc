import Testing
import VideoCore

@testable import VideoRender

@Suite struct CommandLinesTests {
    typealias Line = CommandLines.Line

    @Test func shellLinesGetPromptsButCommentsDoNot() {
        let lines = CommandLines(code: "# build it\nswift build \\\n  -c release\n\nswift test", language: "bash").lines
        #expect(lines.map(\.kind) == [.comment, .command, .plain, .plain, .command])
    }

    @Test func linesRememberTheirLanguage() {
        #expect(CommandLines(code: "git status", language: nil).language == .shell)
        #expect(CommandLines(code: "let x = 1", language: nil).language == .plain)
        #expect(CommandLines(code: "x = 1", language: "py").language == .python)
    }

    @Test func codeInOtherLanguagesIsKeptAsWritten() {
        let code = "let x = 1\nprint(x)"
        #expect(CommandLines(code: code, language: "swift").lines.allSatisfy { $0.kind == .plain })
        #expect(CommandLines(code: code, language: nil).lines.allSatisfy { $0.kind == .plain })
        #expect(CommandLines(code: "git status\nnpm install", language: nil).lines.allSatisfy { $0.kind == .command })
    }

    @Test func existingPromptsAreKeptAndOutputIsPlain() {
        let lines = CommandLines(code: "$ swift --version\nSwift version 6.3", language: "console").lines
        #expect(
            lines == [Line(kind: .command, text: "swift --version"), Line(kind: .plain, text: "Swift version 6.3")])
    }

    @Test func userTextCannotInjectMarkup() {
        let block = CommandLines(code: "echo '<b>hi</b>' & ls", language: "sh").textBlock(
            style: TextStyle(size: 20), prompt: .white, palette: SyntaxPalette(theme: .dark))
        guard case .markup(let markup) = block.content else {
            Issue.record("expected markup")
            return
        }
        #expect(markup.contains("&apos;&lt;b&gt;hi&lt;/b&gt;&apos;</span> &amp; ls"))
        #expect(!markup.contains("<b>"))
        #expect(TextLayout.isValidMarkup(markup))
    }
}
