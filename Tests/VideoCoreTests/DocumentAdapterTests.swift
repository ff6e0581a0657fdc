import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct DocumentAdapterTests {
    typealias S = DocumentTestSupport

    // MARK: - A typical README

    @Test func typicalReadmeBecomesTitleSectionsAndOutro() throws {
        let result = try S.read(DocumentFixtures.readme)
        let config = result.config
        // The badge row and the one-line License section are left out, each named.
        #expect(
            result.warnings == [
                "README.md: left out a badge row (Build, License: MIT, Swift 6) as boilerplate",
                "README.md: left out the “License” section (a short pointer) as boilerplate",
            ])
        #expect(config.videoID == "readme")
        #expect(config.title == "Rocket 🚀")
        guard case .title(let title) = config.scenes.first?.content else {
            Issue.record("first scene is not a title")
            return
        }
        #expect(title.title == "Rocket 🚀")
        #expect(title.subtitle == "Rocket is a blazing fast static site generator written in Swift ✨.")
        guard case .outro(let outro) = config.scenes.last?.content else {
            Issue.record("last scene is not an outro")
            return
        }
        #expect(outro.title == "Thanks for watching")
        #expect(outro.subtitle == "Rocket 🚀")
        #expect(
            config.scenes.map(\.sceneType) == [
                .title, .list, .command, .command, .command, .command, .command, .command, .table, .list, .quote,
                .outro,
            ])
        #expect(config.scenes.map(\.sceneID).prefix(3) == ["s01-title", "s02-features", "s03-installation"])
        #expect(config.scenes.last?.sceneID == "s12-outro")
    }

    @Test func readmeListsTablesAndQuotes() throws {
        let config = try S.read(DocumentFixtures.readme).config
        let lists = S.lists(config)
        let features = try #require(lists.first { $0.heading == "Features" })
        #expect(
            features.items == [
                "⚡️ Builds 10,000 pages in under a second", "Live reload with rocket serve", "Themes: Light, Dark",
                "Plugins written in Swift or Lua", "☑ Incremental builds", "☐ Image optimisation",
            ])
        // A GFM table becomes a table scene: the header row, then the body rows.
        let table = try #require(S.tables(config).first { $0.heading == "Comparison" })
        #expect(table.header == ["Tool", "Language", "Speed"])
        #expect(table.rows == [["Rocket", "Swift", "⚡ fast"], ["Jekyll", "Ruby", "slow"], ["Hugo", "Go", "fast"]])
        #expect(!lists.contains { $0.heading == "Empty section" })
        let faq = try #require(lists.first { $0.heading == "FAQ" })
        // Short sentences of one paragraph share a line.
        #expect(faq.items == ["Does it work on Windows?", "Not yet. Windows support is planned for version 2.0."])
        let quote = try #require(
            config.scenes.compactMap { if case .quote(let q) = $0.content { q } else { nil } }.first)
        #expect(quote.text == "Rocket made our docs build 40× faster.")
        #expect(quote.attribution == "Jane Doe, ACME Corp")
        // Badges, the logo and the HTML comment leave no trace.
        for text in S.visibleTexts(config) + S.narrations(config) {
            #expect(
                text != "Build" && !text.contains("License: MIT") && !text.contains("Swift 6")
                    && !text.contains("TODO"), "\(text)")
        }
    }

    @Test func readmeCodeBlocksKeepLanguagesAndCaptions() throws {
        let commands = S.commands(try S.read(DocumentFixtures.readme).config)
        #expect(commands.map(\.language) == ["bash", "shell", "yaml", "swift", "python", "json"])
        #expect(commands[0].code == "brew install acme/tap/rocket\nrocket --version")
        #expect(commands[0].caption == "Install with Homebrew")
        #expect(commands[1].caption == "Or build from source, e.g. on Linux")
        #expect(commands[3].caption == nil)
        #expect(commands.allSatisfy { $0.heading == "Installation" || $0.heading == "Usage" })
    }

    @Test func narrationIsProseOnlyAndClean() throws {
        let config = try S.read(DocumentFixtures.readme).config
        let byID = Dictionary(uniqueKeysWithValues: config.scenes.map { ($0.sceneID, $0) })
        #expect(byID["s02-features"]?.narration == nil)  // bullets only: left to the templates
        #expect(byID["s06-usage"]?.narration == nil)  // code only
        #expect(byID["s03-installation"]?.narration == "Install with Homebrew.")
        #expect(
            byID["s01-title"]?.narration == "Rocket is a blazing fast static site generator written in Swift. "
                + "It turns a folder of Markdown into a website, see the website for the manual.")
        #expect(byID["s05-usage"]?.narration?.contains("Create a rocket.yml in your project.") == true)
        #expect(!config.scenes.contains { $0.sceneID.contains("license") })
        for narration in S.narrations(config) {
            #expect(!S.hasEmoji(narration), "\(narration)")
            #expect(!narration.contains("`") && !narration.contains("**") && !narration.contains("["), "\(narration)")
            #expect(narration.count <= 900)
        }
    }

    @Test func noAddressIsSpokenOrShownAsText() throws {
        let doc = """
            # Links

            Read https://example.com/guide, the [manual](https://example.com/manual) and <https://example.org>.
            Also www.example.net (mirror: http://mirror.example.net/x?y=1).

            ## More

            - https://example.com/only-a-link
            - <https://example.com/also-a-link>
            - [Docs](https://docs.example.com) 📚
            - See [https://docs.example.com](https://docs.example.com) for details

            > Quoted from https://quotes.example.com.

            | Site | Address |
            |---|---|
            | Home | https://home.example.com |
            """
        let config = try S.read(doc).config
        let texts = S.narrations(config) + S.visibleTexts(config)
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(!text.contains("http") && !text.contains("://") && !text.contains("www."), "\(text)")
        }
        let items = S.lists(config).flatMap(\.items)
        #expect(items.contains("Docs 📚"))
        #expect(items.contains("See docs.example.com for details"))
        #expect(S.tables(config).first?.rows == [["Home", "home.example.com"]])
        #expect(!items.contains { $0.hasPrefix("example.com") })  // a bare link is not an item
    }

    // MARK: - Shapes of documents

    @Test func markdownWithoutHeadingsIsChunkedIntoLists() throws {
        let paragraphs = (1...9).map { "Paragraph \($0) has a first sentence. It also has a second one." }
        let result = try S.read(paragraphs.joined(separator: "\n\n"), name: "notes.md")
        let config = result.config
        #expect(config.title == "notes")
        #expect(config.videoID == "notes")
        let lists = S.lists(config)
        #expect(lists.map(\.heading) == ["notes", "notes (continued)"])
        // Every sentence is shown; short ones of one paragraph share a line.
        #expect(
            lists.flatMap(\.items)
                == (1...9).map { "Paragraph \($0) has a first sentence. It also has a second one." })
        #expect(lists.map(\.items.count) == [5, 4])  // shared out evenly, not six and three
        #expect(config.scenes.first?.sceneType == .title && config.scenes.last?.sceneType == .outro)
    }

    @Test func documentOfOnlyHeadingsListsThem() throws {
        let config = try S.read("# Guide\n\n## Setup\n\n## Usage\n\n### Advanced 🚀\n").config
        #expect(config.title == "Guide")
        #expect(config.scenes.map(\.sceneType) == [.title, .list, .outro])
        #expect(S.lists(config).first?.items == ["Setup", "Usage", "Advanced 🚀"])
        let lone = try S.read("# Just a title").config
        #expect(lone.scenes.map(\.sceneType) == [.title, .outro])
    }

    @Test func tenThousandSectionsAreTruncatedWithAWarning() throws {
        let doc = "# Huge\n\n" + (1...10_000).map { "## Part \($0)\n\nText of part \($0)." }.joined(separator: "\n\n")
        let result = try S.read(doc)
        #expect(result.config.scenes.count == VideoLimits.maxScenes)
        #expect(result.config.scenes.last?.sceneType == .outro)
        #expect(result.config.scenes.last?.sceneID == "s100-outro")
        #expect(result.config.scenes[98].sceneID == "s99-part-98")
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("10002 scenes") == true)
        #expect(result.warnings.first?.contains("README.md") == true)
        let onlyHeadings = try S.read((1...10_000).map { "## H\($0)" }.joined(separator: "\n"))
        #expect(onlyHeadings.config.scenes.count == VideoLimits.maxScenes)
        #expect(onlyHeadings.warnings.count == 1)
    }

    @Test func longSectionsSplitOverScenes() throws {
        let bullets = (1...14).map { "- Item \($0)" }.joined(separator: "\n")
        let sentence = "This sentence is part of a long explanation about the build system and its caches."
        let prose = (1...40).map { _ in sentence }.joined(separator: " ")
        let code = (1...40).map { $0 % 10 == 0 ? "" : "echo line \($0)" }.joined(separator: "\n")
        let doc = "# T\n\n## Bullets\n\n\(bullets)\n\n## Prose\n\n\(prose)\n\n## Code\n\n```sh\n\(code)\n```\n"
        let config = try S.read(doc).config
        let lists = S.lists(config)
        let bulletScenes = lists.filter { $0.heading.hasPrefix("Bullets") }
        #expect(bulletScenes.map(\.heading) == ["Bullets", "Bullets (continued)", "Bullets (continued)"])
        #expect(bulletScenes.flatMap(\.items) == (1...14).map { "Item \($0)" })
        #expect(bulletScenes.map(\.items.count) == [5, 5, 4])

        let proseScenes = config.scenes.filter {
            if case .list(let c) = $0.content { c.heading.hasPrefix("Prose") } else { false }
        }
        #expect(proseScenes.count >= 4)
        let spoken = proseScenes.compactMap(\.narration)
        #expect(spoken.count == proseScenes.count)
        #expect(
            spoken.allSatisfy { $0.count <= 900 && $0.hasSuffix("explanation about the build system and its caches.") })
        #expect(spoken.joined(separator: " ") == prose)
        // Each slide shows the sentences its narration reads, one per line.
        for scene in proseScenes {
            guard case .list(let c) = scene.content else { continue }
            #expect(c.items == sentences(of: scene.narration ?? ""))
        }

        let panels = S.commands(config)
        // Blank lines every 10 lines: four panels of nine lines rather than cuts mid-paragraph.
        #expect(panels.map(\.heading) == ["Code", "Code (continued)", "Code (continued)", "Code (continued)"])
        #expect(panels.allSatisfy { $0.code.split(separator: "\n", omittingEmptySubsequences: false).count <= 16 })
        #expect(panels.allSatisfy { $0.language == "sh" })
        #expect(panels[0].code.hasSuffix("echo line 9"))  // split at the blank line
        let allLines = panels.flatMap { $0.code.split(separator: "\n") }
        #expect(allLines.count == 36)
    }

    @Test func plainTextFileIsChunkedByParagraphs() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        let url = folder.appendingPathComponent("Meeting Notes.txt")
        let text = """
            Weekly sync
            # not a heading in plain text

            We shipped the beta. Feedback was good 🎉.

            Next steps:
            - fix the login bug
            - write the docs at https://wiki.example.com/docs

            Questions are welcome. Ask on the forum.
            """
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        let adapter = DocumentAdapter(url: url)
        #expect(adapter.format == .plainText)
        let config = try adapter.makeVideoConfig()
        #expect(config.title == "Weekly sync")
        #expect(config.videoID == "meeting-notes")
        let items = S.lists(config).flatMap(\.items)
        #expect(items.contains("fix the login bug"))
        #expect(items.contains("write the docs at wiki.example.com"))
        let narration = S.narrations(config).joined(separator: " ")
        #expect(narration.contains("We shipped the beta. Feedback was good."))
        #expect(narration.contains("not a heading in plain text."))
        #expect(!narration.contains("http") && !S.hasEmoji(narration))
    }

    // MARK: - Identity, settings, determinism

    @Test func settingsAndIDsAreApplied() throws {
        let settings = VideoSettings(
            accentColor: .purple, voice: .female, resolution: Resolution(width: 1280, height: 720), fps: 25,
            videoID: "my-video")
        let config = try DocumentAdapter(text: DocumentFixtures.readme, name: "README.md", settings: settings)
            .makeVideoConfig()
        #expect(config.accentColor == .purple)
        #expect(config.voice == .female)
        #expect(config.resolution == Resolution(width: 1280, height: 720))
        #expect(config.fps == 25)
        #expect(config.videoID == "my-video")
        for scene in config.scenes {
            #expect(scene.sceneID.count <= VideoLimits.maxIDLength)
            #expect(
                scene.sceneID.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") },
                "\(scene.sceneID)")
        }
        #expect(Set(config.scenes.map(\.sceneID)).count == config.scenes.count)
        let bad = #expect(throws: VideoError.self) {
            try DocumentAdapter(text: "# T", name: "x.md", settings: VideoSettings(fps: 0)).makeVideoConfig()
        }
        #expect(bad?.field == "fps")
    }

    @Test func sameInputGivesEqualConfig() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        let url = folder.appendingPathComponent("README.md")
        try Data(DocumentFixtures.readme.utf8).write(to: url)
        let first = try DocumentAdapter(url: url).read()
        let second = try DocumentAdapter(url: url).read()
        #expect(first == second)
        let fromText = try S.read(DocumentFixtures.readme)
        #expect(first.config == fromText.config)
    }
}
