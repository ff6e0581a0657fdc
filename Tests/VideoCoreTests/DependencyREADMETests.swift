import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// The structure rules on real READMEs nobody here wrote (`DependencyREADMEs`: those of the
/// packages vgen builds on, read where SwiftPM checked them out): nested subsections, badge
/// rows, a table of contents, pointer sections, long sentences and code the prose refers to.
/// The checks are rules, not one version's exact scenes.
@Suite struct DependencyREADMETests {
    typealias R = DependencyREADMEs
    typealias S = DocumentTestSupport

    /// The words of a text in order, lower-cased, without punctuation; a generic's angle
    /// brackets are dropped, as the narration drops them ("Deque<Element>", "DequeElement").
    private static func words(_ text: String) -> [String] {
        text.lowercased().filter { $0 != "<" && $0 != ">" }.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Whether `narration` says the first three words of `item`, in a row (a host name shown
    /// for a link, "github.com", is said as "the website", so it is not looked for).
    private static func says(_ narration: String, opening item: String) -> Bool {
        let shown = item.split(separator: " ").filter {
            $0.range(of: #"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$"#, options: .regularExpression) == nil
        }
        let opening = Array(words(shown.joined(separator: " ")).prefix(3))
        let said = words(narration)
        guard !opening.isEmpty, said.count >= opening.count else { return opening.isEmpty }
        return (0...(said.count - opening.count)).contains { Array(said[$0..<$0 + opening.count]) == opening }
    }

    /// The headings of the list, code and table scenes, in order.
    private static func headings(_ config: VideoConfig) -> [String] {
        config.scenes.compactMap { scene in
            switch scene.content {
            case .list(let c): c.heading
            case .command(let c): c.heading
            case .table(let c): c.heading
            default: nil
            }
        }
    }

    @Test(arguments: DependencyREADMEs.all)
    func slidesShowWholeWordsAndSayWhatTheyShow(_ name: String) throws {
        let config = try R.read(name).config
        #expect(config.scenes.count >= 5, "\(name): \(config.scenes.count) scenes")
        for text in S.visibleTexts(config) {
            #expect(!text.contains("…"), "\(name): '\(text)' is cut")
        }
        for heading in Self.headings(config) {
            #expect(heading.range(of: #"\(\d+/\d+\)"#, options: .regularExpression) == nil, "\(name): \(heading)")
        }
        for scene in config.scenes {
            guard case .list(let list) = scene.content else { continue }
            for item in list.items { #expect(item.count <= 110, "\(name): '\(item)'") }
            // Lists the adapter narrates: every line shown is said, and no slide shows a line
            // or two while the voice reads paragraphs it does not show.
            guard let narration = scene.narration else { continue }
            for item in list.items {
                #expect(Self.says(narration, opening: item), "\(name) \(scene.sceneID): '\(item)' is shown, not said")
            }
            #expect(
                narration.count <= 320 * list.items.count,
                "\(name) \(scene.sceneID): \(list.items.count) lines for \(narration.count) characters")
        }
    }

    @Test func swiftNIOsSubsectionsAreScenesOfTheirOwn() throws {
        let result = try R.read(R.swiftNIO)
        let headings = Self.headings(result.config)
        for expected in [
            "Conceptual Overview · Basic Architecture", "Basic Architecture · EventLoops and EventLoopGroups",
            "Basic Architecture · Bootstrap", "Basic Architecture · ByteBuffer",
            "Basic Architecture · Promises and Futures", "Channels · A Note on Blocking",
        ] {
            #expect(headings.contains(expected), "no scene headed \(expected)")
        }
        // The type list under "Basic Architecture" is shown as its bullets, a few a slide,
        // never as thirteen one-line continuation pages.
        let architecture = S.lists(result.config).filter {
            $0.heading.hasPrefix("Conceptual Overview · Basic Architecture")
        }
        #expect((1...3).contains(architecture.count))
        #expect(architecture.first?.items.first == "EventLoopGroup, a protocol, provided by NIOCore.")
        #expect(architecture.allSatisfy { $0.items.count >= 3 })
        #expect(result.warnings.contains { $0.contains("left out a badge row (sswg") }, "\(result.warnings)")
    }

    @Test func badgeRowsTablesOfContentsAndPointersAreLeftOutAndNamed() throws {
        let yams = try R.read(R.yams).warnings
        #expect(yams.contains { $0.contains("a badge row (SwiftPM, xcodebuild") }, "\(yams)")
        #expect(yams.contains("README.md: left out the “License” section (a short pointer) as boilerplate"))

        let hummingbird = try R.read(R.hummingbird)
        let warned = hummingbird.warnings
        #expect(warned.contains { $0.contains("left out a badge row") }, "\(warned)")
        #expect(warned.contains("README.md: left out the “Sponsors” section (a short pointer) as boilerplate"))
        #expect(warned.contains("README.md: left out the “Backers” section (a short pointer) as boilerplate"))
        // Its Contributing section holds a list: content, not a pointer.
        #expect(Self.headings(hummingbird.config).contains("Contributing"))

        let collections = try R.read(R.collections)
        #expect(collections.warnings.contains { $0.contains("left out the table of contents (“Table of Contents”)") })
        #expect(!Self.headings(collections.config).contains { $0.contains("Table of Contents") })

        let log = try R.read(R.log).warnings
        #expect(log.contains { $0.contains("left out a badge row") }, "\(log)")
    }

    @Test func codeIsIntroducedByTheProseThatRefersToIt() throws {
        let parser = try R.read(R.argumentParser).config
        let dependency = try #require(
            S.commands(parser).first { $0.heading == "Adding ArgumentParser as a Dependency" })
        #expect(dependency.caption?.hasPrefix("To use the ArgumentParser library in a SwiftPM project") == true)
        #expect(dependency.code.contains(".package(url:"))
        let yams = try R.read(R.yams).config
        // Yams' one-line installation subsections share one slide under their parent.
        let installation = try #require(S.lists(yams).first { $0.items.contains { $0.hasPrefix("CocoaPods: ") } })
        #expect(installation.heading == "Installation")
        #expect(installation.items.contains { $0.hasPrefix("Carthage: ") })
    }
}
