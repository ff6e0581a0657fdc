import Foundation
import Testing

@testable import VideoCore

/// Short forms of long text for the screen: whole words, no "…", the text's own words.
@Suite struct DocumentKeyPhraseTests {
    @Test func shortTextIsKeptWhole() {
        #expect(SpeechText.keyPhrase("Fast builds.", limit: 40) == "Fast builds.")
        #expect(SpeechText.keyPhrase("Install with Homebrew:", limit: 40) == "Install with Homebrew")
    }

    @Test func aLongSentenceShowsItsLeadingClause() {
        let sentence =
            "In almost all programs there will be relatively few event loops: usually only one or two per core the program wants to use."
        #expect(
            SpeechText.keyPhrase(sentence, limit: 80)
                == "In almost all programs there will be relatively few event loops")
        // The longest clause that fits, not a stub before the first comma.
        let commas =
            "When it comes to building a web application, most users will not want to use the library directly, but a framework."
        #expect(
            SpeechText.keyPhrase(commas, limit: 100)
                == "When it comes to building a web application, most users will not want to use the library directly")
    }

    @Test func aCutEndsOnAWordThatClosesThePhrase() {
        let item =
            "renders this README into a narrated video that you can upload with chapters and captions written for you"
        let phrase = SpeechText.keyPhrase(item, limit: 30)
        #expect(phrase == "renders this README")
        #expect(!phrase.hasSuffix("…") && item.hasPrefix(phrase))
        for limit in stride(from: 20, through: 100, by: 7) {
            let cut = SpeechText.keyPhrase(item, limit: limit)
            #expect(cut.count <= limit && item.hasPrefix(cut) && !cut.hasSuffix("…"), "\(limit): \(cut)")
            let last = cut.split(separator: " ").last.map(String.init) ?? ""
            #expect(!["a", "into", "that", "with", "and", "for", "you"].contains(last), "\(limit): \(cut)")
        }
    }

    @Test func openingsAndBracketsDoNotCrowdOutTheContent() {
        let example =
            "For example, when listening for inbound connections the listening socket will be registered on one event loop of the group."
        #expect(SpeechText.keyPhrase(example, limit: 100).hasPrefix("When listening for inbound connections"))
        let bracket =
            "The event loop is an object that waits for events (usually input and output events, such as data received) and runs a callback."
        #expect(SpeechText.keyPhrase(bracket, limit: 80) == "The event loop is an object that waits for events")
    }

    @Test func aTermAndWhatItIsReadAsOneSentence() {
        #expect(
            SpeechText.termLed("NIOCore. This provides the core types. More here.")
                == "NIOCore provides the core types. More here.")
        #expect(SpeechText.termLed("NIO. This is an umbrella module.") == "NIO is an umbrella module.")
        #expect(SpeechText.termLed("Fast. Very fast indeed.") == nil)
        #expect(SpeechText.termLed("One sentence only.") == nil)
        let item =
            "State management — How to manage the state of your application using simple value types, and share state"
        #expect(
            SpeechText.itemPhrase(item, limit: 80).hasPrefix(
                "State management — How to manage the state of your application"))
    }

    @Test func longHeadingsKeepTheirFirstPart() {
        let heading = "Channels, Channel Handlers, Channel Pipelines, and Channel Contexts"
        #expect(SpeechText.headingHead(heading, limit: 30) == "Channels")
        #expect(SpeechText.headingHead("Basic Architecture", limit: 30) == "Basic Architecture")
        #expect(SpeechText.headingHead("A very long heading without any clause marks at all", limit: 20) == nil)
    }

    @Test func boilerplateHeadingsAreRecognised() {
        #expect(Boilerplate.normalized("📖 Table of Contents:") == "table of contents")
        #expect(Boilerplate.isContentsHeading("Contents"))
        #expect(!Boilerplate.isContentsHeading("Content types"))
        let pointer = DocumentSection(
            heading: "License", level: 2, blocks: [.paragraph(InlineText("MIT. See LICENSE."))])
        #expect(Boilerplate.pointer(pointer) == "License")
        var real = pointer
        real.blocks.append(.list(ordered: false, items: [MarkdownListItem(blocks: [.paragraph(InlineText("a"))])]))
        #expect(Boilerplate.pointer(real) == nil)
        // Vapor's and Hummingbird's one-line calls for sponsors and backers are pointers too.
        let sponsors = DocumentSection(
            heading: "💛 Sponsors", level: 2,
            blocks: [.paragraph(InlineText("Support Vapor's development by becoming a sponsor."))])
        #expect(Boilerplate.pointer(sponsors) == "💛 Sponsors")
        #expect(
            Boilerplate.badgeRow((1...44).map { "Backer \($0)" })
                == "a badge row (Backer 1, Backer 2, Backer 3, Backer 4, Backer 5, Backer 6, Backer 7, Backer 8 and 36 more)"
        )
        #expect(Boilerplate.badgeRow(["CI", "Docs"]) == "a badge row (CI, Docs)")
    }
}
