import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Bad documents: each is a `VideoError` located at the file, never a crash.
@Suite struct DocumentInputErrorTests {
    typealias S = DocumentTestSupport

    private func error(reading url: URL) -> VideoError? {
        #expect(throws: VideoError.self) { try DocumentAdapter(url: url).makeVideoConfig() }
    }

    @Test func missingFileIsAnIOError() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        let error = error(reading: folder.appendingPathComponent("MISSING.md"))
        #expect(error?.code == .io)
        #expect(error?.location?.file.hasSuffix("MISSING.md") == true)
        #expect(error?.location?.line == nil)
        #expect(error?.message == "no such file")
        #expect(error?.description.hasSuffix("MISSING.md: no such file") == true, "\(String(describing: error))")
    }

    @Test func directoryIsRejected() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        let docs = folder.appendingPathComponent("docs.md")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let error = error(reading: docs)
        #expect(error?.code == .invalidInput)
        #expect(error?.description.contains("docs.md: is a directory") == true)
        let device = self.error(reading: URL(fileURLWithPath: "/dev/zero"))  // would never end if read whole
        #expect(device?.code == .invalidInput)
        #expect(device?.description == "/dev/zero: is not a regular file")
        #expect(device?.location == VideoError.Location(file: "/dev/zero"))
    }

    @Test func binaryFilesAreRejected() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        let png = folder.appendingPathComponent("logo.md")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: png)
        let nul = error(reading: png)
        #expect(nul?.code == .invalidInput)
        #expect(nul?.description.contains("logo.md: looks like a binary file") == true)

        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72, 0x0A]).write(to: latin1)  // "Café noir" in Latin-1
        let utf8 = error(reading: latin1)
        #expect(utf8?.code == .invalidInput)
        #expect(utf8?.description.contains("latin1.txt: is not valid UTF-8") == true)

        let text = #expect(throws: VideoError.self) { try S.read("# A\u{0}B") }
        #expect(text?.location?.file == "README.md")
    }

    @Test func emptyAndBlankDocumentsAreRejected() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        for (name, content) in [("empty.md", ""), ("blank.md", " \n\t\r\n  \n"), ("bom.txt", "\u{FEFF}\n")] {
            let url = folder.appendingPathComponent(name)
            try Data(content.utf8).write(to: url)
            let error = error(reading: url)
            #expect(error?.code == .invalidInput)
            #expect(error?.description == "\(url.relativePath): is empty")
        }
        let nothing = #expect(throws: VideoError.self) {
            try S.read(
                "[![Build](https://x.example/b.svg)](https://x.example)\n\n<img src=\"a.png\">\n\n<!-- c -->\n",
                name: "badges.md")
        }
        #expect(nothing?.code == .invalidInput)
        #expect(nothing?.description.contains("badges.md: has no readable text") == true)
    }

    @Test func oversizedDocumentsAreRejected() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-doc")
        let folder = temporary.url
        let big = folder.appendingPathComponent("big.md")
        let line = String(repeating: "word ", count: 19) + "\n"
        try Data(String(repeating: line, count: 5_000_000 / line.utf8.count + 1).utf8).write(to: big)
        let file = error(reading: big)
        #expect(file?.code == .invalidInput)
        #expect(file?.description.contains("big.md: is") == true)
        #expect(file?.message.contains("the limit is \(VideoLimits.maxDocumentBytes)") == true)

        let text = #expect(throws: VideoError.self) {
            try S.read(String(repeating: "a", count: VideoLimits.maxDocumentBytes + 1), name: "huge.md")
        }
        #expect(text?.description.contains("huge.md: is 2000001 bytes") == true)
    }

    @Test func hostileNestingDoesNotCrash() throws {
        let quotes = "# Deep\n\n" + String(repeating: ">", count: 5_000) + " deep quote\n"
        #expect(throws: Never.self) { try S.read(quotes) }
        let lists =
            "# Deep\n\n" + (0..<300).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let config = try S.read(lists).config
        #expect(config.scenes.count >= 3)
        let emphasis =
            "# Deep\n\n" + String(repeating: "*a ", count: 5_000) + "text" + String(repeating: " a*", count: 5_000)
        #expect(throws: Never.self) { try S.read(emphasis) }
    }

    @Test func parsesConcurrently() async throws {
        let expected = try S.read(DocumentFixtures.readme).config
        try await withThrowingTaskGroup(of: VideoConfig.self) { group in
            for _ in 0..<8 { group.addTask { try S.read(DocumentFixtures.readme).config } }
            for try await config in group { #expect(config == expected) }
        }
    }
}
