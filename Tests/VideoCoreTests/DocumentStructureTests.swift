import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// How a document's structure becomes scenes: subsections with titles of their own, lines
/// that are never cut with "…", slides that show what their narration says, and boilerplate
/// left out with a warning.
@Suite struct DocumentStructureTests {
    typealias S = DocumentTestSupport

    private func loopy(keepingBoilerplate: Bool = false) throws -> DocumentReadResult {
        var adapter = DocumentAdapter(text: DocumentStructureFixtures.loopy, name: "README.md")
        adapter.keepsBoilerplate = keepingBoilerplate
        return try adapter.read()
    }

    /// The headings of every list and command scene, in order.
    private func headings(_ config: VideoConfig) -> [String] {
        config.scenes.compactMap { scene in
            switch scene.content {
            case .list(let c): c.heading
            case .command(let c): c.heading
            default: nil
            }
        }
    }

    /// The list scene headed `heading`.
    private func list(_ heading: String, in config: VideoConfig) throws -> (ListContent, String?) {
        let scene = try #require(
            config.scenes.first { if case .list(let c) = $0.content { c.heading == heading } else { false } },
            "no list headed \(heading)")
        guard case .list(let content) = scene.content else { throw VideoError(.invalidInput, "not a list") }
        return (content, scene.narration)
    }

    @Test func subsectionsAreScenesWithTitlesOfTheirOwn() throws {
        let all = headings(try loopy().config)
        #expect(all.contains("Architecture · Event loops"))
        #expect(all.contains("Event loops · Scheduling work"))  // an H4 under an H3
        #expect(all.contains("Architecture · Channels"))
        #expect(all.contains("Architecture"))
        for heading in all {
            #expect(heading.range(of: #"\(\d+/\d+\)"#, options: .regularExpression) == nil, "\(heading)")
        }
        // Deep headings no longer melt into their parent's slides as lines.
        let lines = S.lists(try loopy().config).flatMap(\.items)
        #expect(!lines.contains { $0 == "Event loops" || $0 == "Scheduling work" || $0 == "Channels" })
    }

    @Test func boilerplateIsLeftOutWithAWarningNamingIt() throws {
        let result = try loopy()
        #expect(
            result.warnings == [
                "README.md: left out a badge row (CI, Swift 6, Docs) as boilerplate",
                "README.md: left out the table of contents (“Table of Contents”) as boilerplate",
                "README.md: left out the “Contributing” section (a short pointer) as boilerplate",
                "README.md: left out the “License” section (a short pointer) as boilerplate",
            ])
        let texts = S.visibleTexts(result.config) + S.narrations(result.config)
        for text in texts {
            #expect(
                !text.contains("Contents") && !text.contains("CONTRIBUTING") && !text.contains("Apache")
                    && !text.contains("CI"), "\(text)")
        }
        // Asked to, the adapter keeps them (badges have nothing to show either way).
        let kept = try loopy(keepingBoilerplate: true)
        #expect(kept.warnings == ["README.md: left out a badge row (CI, Swift 6, Docs) as boilerplate"])
        let keptHeadings = headings(kept.config)
        #expect(keptHeadings.contains("Table of Contents") && keptHeadings.contains("License"))
    }

    @Test func aListOfLinksToTheHeadingsIsATableOfContents() throws {
        let doc = """
            # Guide

            A guide to the tool.

            * [Install](#install)
            * [Use it](#use-it)
              * [Options](#options)

            ## Install

            Run the installer. It takes a minute.

            ## Use it

            Start the tool from a terminal. It prints its version.

            ### Options

            Every option has a long name. Short names exist for the common ones.
            """
        let result = try S.read(doc)
        #expect(
            result.warnings == [
                "README.md: left out a table of contents (a list of links to its headings) in the introduction as boilerplate"
            ])
        #expect(!S.lists(result.config).flatMap(\.items).contains("Install"))
        // A list of links elsewhere is content.
        let links = try S.read(
            "# Links\n\n## See also\n\n- [Swift](https://swift.org)\n- [Vapor](https://vapor.codes)\n")
        #expect(links.warnings.isEmpty)
        #expect(S.lists(links.config).flatMap(\.items) == ["Swift", "Vapor"])
    }

    @Test func htmlBadgeRowsAreNamedAndALonePictureIsNot() throws {
        let doc = """
            <p align="center">
              <a href="https://ci.example.com"><img src="https://img.shields.io/badge/build-passing-green" alt="Build"></a>
              <a href="LICENSE"><img src="https://example.com/mit.svg" alt="MIT License"></a>
            </p>

            # Tool

            ![Screenshot](docs/screenshot.png)

            The tool does one thing well.
            """
        let result = try S.read(doc)
        // The screenshot is a picture, not a badge: in a document read from memory it has no
        // folder to be found in, so it is skipped with its own warning.
        #expect(
            result.warnings == [
                "README.md: left out a badge row (Build, MIT License) as boilerplate",
                "README.md: skipped the image 'docs/screenshot.png': a document read from memory has no folder to find it in",
            ])
        #expect(result.config.title == "Tool")
    }

    @Test func noShownTextIsCutWithAnEllipsis() throws {
        for config in [try loopy().config, try S.read(DocumentFixtures.readme).config] {
            for text in S.visibleTexts(config) {
                #expect(!text.contains("…"), "\(text)")
            }
            for item in S.lists(config).flatMap(\.items) {
                #expect(item.count <= 110, "\(item)")
            }
        }
    }

    @Test func longItemsShowTheirKeyPhraseWhileTheNarrationSaysThemWhole() throws {
        let (architecture, narration) = try list("Architecture", in: try loopy().config)
        #expect(architecture.items.count == 3)
        #expect(architecture.items[0] == "EventLoop, a protocol, provided by LoopyCore.")
        // "`EventLoopGroup`. This provides …" reads as one sentence, shown as its key phrase.
        #expect(architecture.items[1].hasPrefix("EventLoopGroup provides a pool of event loops"))
        #expect(architecture.items[2].hasPrefix("Channel, which owns a socket"))
        let said = try #require(narration)
        // The list's lead-in is said, not shown.
        #expect(said.hasPrefix("The basic building blocks of Loopy are the following types."))
        #expect(!architecture.items.contains { $0.contains("building blocks") })
        #expect(
            said.contains(
                "EventLoopGroup provides a pool of event loops that share the work of a server between the processor cores of the machine it runs on, so that no single loop is overloaded."
            ))
        #expect(said.contains("through its pipeline of handlers one after another."))
        for item in architecture.items { #expect(Self.words(of: item).isSubset(of: Self.words(of: said)), "\(item)") }
    }

    @Test func proseBecomesLinesThatItsNarrationReads() throws {
        let config = try loopy().config
        let (overview, narration) = try list("Overview", in: config)
        let said = try #require(narration)
        #expect(said.hasPrefix("Loopy is a low-level tool for building high-performance servers."))
        #expect(said.hasSuffix("while the few that need raw speed still can."))
        #expect(overview.items.count >= 4)
        #expect(overview.items.first == "Loopy is a low-level tool for building high-performance servers.")
        // The long last sentence shows its main clause, without "Instead,".
        #expect(overview.items.last?.hasPrefix("It provides the building blocks that web frameworks use") == true)
        for item in overview.items { #expect(Self.words(of: item).isSubset(of: Self.words(of: said)), "\(item)") }
        // No slide is left showing one short line while its narration talks about much more.
        for scene in config.scenes {
            guard case .list(let c) = scene.content, let spoken = scene.narration else { continue }
            #expect(
                spoken.count <= 320 * c.items.count,
                "\(c.heading): \(c.items.count) lines for \(spoken.count) characters")
        }
    }

    @Test func codeIsNarratedByTheProseThatTalksAboutIt() throws {
        let config = try loopy().config
        let scene = try #require(config.scenes.first { $0.sceneType == .command })
        guard case .command(let command) = scene.content else { return }
        #expect(command.heading == "Event loops · Scheduling work")
        #expect(command.caption == "Work that touches a channel must run on the channel's event loop.")
        #expect(
            scene.narration
                == "Work that touches a channel must run on the channel's event loop. You schedule it with execute. "
                + "The closure runs on the loop's own thread, after the events already waiting.")
        #expect(!S.lists(config).flatMap(\.items).contains { $0.hasPrefix("The closure runs") })
    }

    @Test func oneLineSubsectionsShareTheirParentsScene() throws {
        let config = try loopy().config
        let started = S.lists(config).filter { $0.heading == "Getting Started" }
        #expect(
            started.map(\.items) == [
                ["Requirements: Swift 6.0 or newer.", "Platforms: Linux and macOS, tested on every commit."]
            ])
        #expect(!headings(config).contains("Getting Started · Requirements"))
    }

    @Test func aLongSectionOfSubsectionsMakesFewOneLineSlides() throws {
        // The shape of swift-nio's "Basic Architecture": eight short bullets, then subsections of prose.
        let bullets = (1...8).map { "- `Type\($0)`, a protocol, provided by `Core`." }.joined(separator: "\n")
        let paragraph = (1...4).map {
            "Sentence \($0) of this paragraph explains one more detail of the type at some length."
        }
        .joined(separator: " ")
        let subsections = (1...5).map { "#### Part \($0)\n\n\(paragraph)\n\n\(paragraph)" }.joined(separator: "\n\n")
        let doc =
            "# Lib\n\n### Basic Architecture\n\nThe building blocks are these types:\n\n\(bullets)\n\n\(subsections)\n"
        let config = try S.read(doc).config
        let lists = S.lists(config)
        #expect(lists.filter { $0.items.count == 1 }.isEmpty)
        #expect(lists.first?.heading == "Basic Architecture")
        #expect(lists.filter { $0.heading.hasPrefix("Basic Architecture · Part") }.count >= 5)
        #expect(lists.allSatisfy { $0.heading.range(of: #"\(\d+/\d+\)"#, options: .regularExpression) == nil })
    }

    /// The lower-cased words of a text, without punctuation.
    private static func words(of text: String) -> Set<String> {
        Set(
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }
}
