import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Markdown images become image scenes and GFM tables table scenes; remote pictures and
/// pictures outside the document's folder are skipped with a warning.
@Suite struct DocumentPicturesTests {
    @Test func localPicturesBecomeImageScenesAndOthersAreSkipped() throws {
        let folder = try TemporaryDirectory(prefix: "vgen-doc-pictures")
        let docs = try folder.folder("docs")
        try TestPictures.writePNG(to: docs.appendingPathComponent("screen.png"))
        try TestPictures.writeSVG(to: docs.appendingPathComponent("flow.svg"))
        try TestPictures.writePNG(to: folder.file("outside.png"))
        let doc = try folder.write(
            """
            # Tool

            The tool draws pictures.

            ## Screens

            ![The main screen](screen.png)

            ![How data flows](flow.svg "zoom")

            ![A remote picture](https://example.com/picture.png)

            ![Outside](../outside.png)

            ![Missing](missing.png)

            Some words after the pictures.
            """, to: "docs/README.md")
        let result = try DocumentAdapter(url: doc).read()
        let images = result.config.scenes.compactMap { scene -> ImageContent? in
            if case .image(let c) = scene.content { c } else { nil }
        }
        let real = docs.resolvingSymlinksInPath()
        #expect(
            images == [
                ImageContent(path: real.appendingPathComponent("screen.png").path, caption: "The main screen"),
                ImageContent(path: real.appendingPathComponent("flow.svg").path, caption: "How data flows", zoom: true),
            ])
        #expect(result.warnings.count == 3, "\(result.warnings)")
        #expect(
            result.warnings.contains { $0.contains("https://example.com/picture.png") && $0.contains("not fetched") })
        #expect(result.warnings.contains { $0.contains("../outside.png") && $0.contains("outside") })
        #expect(result.warnings.contains { $0.contains("missing.png") })
        // The alt text is said over the picture.
        let narrations = result.config.scenes.compactMap { scene -> String? in
            if case .image = scene.content { scene.narration } else { nil }
        }
        #expect(narrations == ["The main screen.", "How data flows."])
    }

    @Test func aLongTableIsContinuedWithItsHeader() throws {
        let rows = (1...20).map { "| tool\($0) | does thing \($0) |" }.joined(separator: "\n")
        let doc = """
            # Tools

            ## Catalogue

            These are the tools:

            | Name | Purpose |
            |---|---|
            \(rows)
            """
        let config = try DocumentAdapter(text: doc, name: "README.md").makeVideoConfig()
        let tables = config.scenes.compactMap { scene -> (TableContent, String?)? in
            if case .table(let c) = scene.content { (c, scene.narration) } else { nil }
        }
        #expect(tables.count == 3)
        #expect(tables.map(\.0.heading) == ["Catalogue", "Catalogue (continued)", "Catalogue (continued)"])
        #expect(tables.allSatisfy { $0.0.header == ["Name", "Purpose"] })
        #expect(tables.map(\.0.rows.count) == [7, 7, 6])
        #expect(tables.flatMap(\.0.rows) == (1...20).map { ["tool\($0)", "does thing \($0)"] })
        // Each part says its rows; the first also the paragraph that announced the table.
        let first = try #require(tables[0].1)
        #expect(first.hasPrefix("These are the tools"), "\(first)")
        #expect(first.contains("tool1, does thing 1. tool2, does thing 2."), "\(first)")
        #expect(tables[1].1?.hasPrefix("tool8, does thing 8.") == true)
    }

    @Test func aTableTooWideForATableSceneBecomesListLines() throws {
        let header = (1...9).map { "c\($0)" }
        let cells = (1...9).map(String.init)
        let doc = [
            "# Wide", "", "## Grid", "", "| " + header.joined(separator: " | ") + " |",
            "|" + String(repeating: "---|", count: 9), "| " + cells.joined(separator: " | ") + " |",
        ].joined(separator: "\n")
        let config = try DocumentAdapter(text: doc, name: "README.md").makeVideoConfig()
        #expect(!config.scenes.contains { $0.sceneType == .table })
        let items = config.scenes.compactMap { scene -> [String]? in
            if case .list(let c) = scene.content { c.items } else { nil }
        }
        #expect(items == [[header.joined(separator: " — "), cells.joined(separator: " — ")]])
    }
}
