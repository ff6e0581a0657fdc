import Foundation
import Testing

@testable import VideoCore

/// The document adapter's internals: the cmark wrapper, the speech clean-up, code splitting.
@Suite struct DocumentTextTests {
    @Test func parserBuildsTheValueTree() {
        let blocks = MarkdownParser.parse(
            """
            Title
            =====

            Some *emphasis*, `code`, ~~gone~~ and a [link](https://a.example) ![img](b.png).

            1. one
               - [x] done
            2. two

            | A | B |
            |---|---|
            | 1 | 2 |

            ```swift title="x"
            let x = 1
            ```

            > quoted

            ---

            <div>html</div>
            """)
        #expect(blocks.count == 8)
        #expect(blocks[0] == .heading(level: 1, text: InlineText("Title")))
        guard case .paragraph(let text) = blocks[1] else {
            Issue.record("not a paragraph: \(blocks[1])")
            return
        }
        #expect(text.display == "Some emphasis, code, gone and a link .")
        #expect(text.speech == text.display)
        #expect(text.unlinked == "Some emphasis, code, gone and a  .")  // the link's text is linked
        #expect(text.links == ["https://a.example"])
        #expect(text.images == [InlineImage(alt: "img", source: "b.png", isLinked: false)])
        guard case .list(let ordered, let items) = blocks[2] else {
            Issue.record("not a list: \(blocks[2])")
            return
        }
        #expect(ordered)
        #expect(items.count == 2)
        #expect(
            items[0].blocks.last
                == .list(
                    ordered: false, items: [MarkdownListItem(task: .checked, blocks: [.paragraph(InlineText("done"))])])
        )
        #expect(blocks[3] == .table(rows: [[InlineText("A"), InlineText("B")], [InlineText("1"), InlineText("2")]]))
        #expect(blocks[4] == .codeBlock(info: "swift title=\"x\"", literal: "let x = 1\n"))
        #expect(blocks[5] == .blockQuote([.paragraph(InlineText("quoted"))]))
        #expect(blocks[6] == .thematicBreak)
        #expect(blocks[7] == .htmlBlock("<div>html</div>\n"))
    }

    @Test func autolinksShowTheirHostAndAreNotSpoken() {
        let blocks = MarkdownParser.parse("See https://www.example.com/a/b?c=d and <mailto:me@example.com>.")
        guard case .paragraph(let text) = blocks.first else {
            Issue.record("not a paragraph")
            return
        }
        #expect(text.display == "See example.com and me@example.com.")
        #expect(SpeechText.speech(text.speech) == "See the website and me@example.com.")
        #expect(SpeechText.speech(text.speech, address: nil) == "See and me@example.com.")
    }

    @Test func speechRemovesEmojiAndMarks() {
        #expect(
            SpeechText.speech("Ship it 🚀! Flags 🇫🇷 and keycaps 1️⃣ go; ✨ sparkles")
                == "Ship it! Flags and keycaps go; sparkles.")
        #expect(SpeechText.speech("Run `swift build` then **test**:") == "Run swift build then test.")
        #expect(SpeechText.speech("snake_case (see www.example.com)") == "snake case, see the website.")
        #expect(SpeechText.speech("🚀 ✨") == "")
        #expect(SpeechText.removingEmoji("👩‍👩‍👧 family, © 2024") == " family, © 2024")
    }

    @Test func sentencesKeepAbbreviations() {
        let text = "Use a tool, e.g. Rocket. It is fast! Is it? Yes. version 2.0 is out."
        #expect(
            SpeechText.sentences(text) == [
                "Use a tool, e.g. Rocket.", "It is fast!", "Is it?", "Yes. version 2.0 is out.",
            ])
        let chunks = SpeechText.chunks(String(repeating: "Ten chars. ", count: 200), limit: 100)
        #expect(chunks.allSatisfy { $0.count <= 100 && $0.hasSuffix(".") })
        #expect(
            chunks.joined(separator: " ")
                == String(repeating: "Ten chars. ", count: 200).trimmingCharacters(in: .whitespaces))
        let long = String(repeating: "word ", count: 500)
        #expect(SpeechText.chunks(long, limit: 100).allSatisfy { $0.count <= 100 })
        #expect(SpeechText.shorten("one two three four five", to: 12) == "one two…")
        #expect(SpeechText.keySentence("Install with: brew. More text.") == "Install with: brew.")
        #expect(SpeechText.keySentence("Install with:") == "Install with")
    }

    @Test func shellDetection() {
        #expect(CodeSplitter.language(info: "", code: "$ npm install\n$ npm test\n") == "shell")
        #expect(CodeSplitter.language(info: "", code: "# set up\ngit clone x\ncd x\nmake\n") == "shell")
        #expect(CodeSplitter.language(info: "", code: "FOO=1 ./run.sh --fast\n") == "shell")
        #expect(CodeSplitter.language(info: "", code: "let x = 1\nprint(x)\n") == nil)
        #expect(CodeSplitter.language(info: "", code: "{\n  \"a\": 1\n}\n") == nil)
        #expect(CodeSplitter.language(info: "{.Python}", code: "x") == "python")
        #expect(CodeSplitter.chunks("\n\na\nb\n\n") == ["a\nb"])
        let wide = CodeSplitter.chunks(String(repeating: "x", count: 10_000))
        #expect(wide.first?.count == CodeSplitter.maxLineLength)
    }

    @Test func htmlHeadingsFrontMatterAndAlerts() throws {
        let doc = """
            ---
            title: ignored
            layout: page
            ---
            <h1 align="center">
              <img src="logo.png" width="80"><br>
              Nebula &amp; Co
            </h1>

            <p align="center">A tiny cloud for your laptop.</p>

            ## Notes

            > [!WARNING]
            > Back up your data first.
            """
        let config = try DocumentAdapter(text: doc, name: "README.md").makeVideoConfig()
        #expect(config.title == "Nebula & Co")
        guard case .title(let title) = config.scenes[0].content else {
            Issue.record("no title")
            return
        }
        #expect(title.subtitle == "A tiny cloud for your laptop.")
        guard case .quote(let quote) = config.scenes[1].content else {
            Issue.record("no quote: \(config.scenes[1])")
            return
        }
        #expect(quote.text == "Back up your data first.")
        #expect(quote.attribution == "Warning")
        #expect(config.scenes[1].narration == "Back up your data first.")
        #expect(!config.scenes.contains { $0.narration?.contains("layout") == true })
    }
}
