import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// The `vgen` command as a user runs it: exit codes, messages, and what is left on disk.
@Suite struct CLITests {
    /// Every bad input gives one clear line on stderr, a non-zero exit and no `video.mp4`.
    @Test(arguments: BadInput.allCases)
    func badInputFailsCleanly(_ bad: BadInput) async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let (arguments, expected) = try bad.prepare(in: dir)
        let outcome = try await CLI.run(["--resolution", "320x180"] + arguments, in: dir)
        #expect(outcome.status != 0, "\(bad): exit status \(outcome.status)")
        let lines = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("vgen: error: ") }
        #expect(lines.count == 1, "\(bad): \(outcome.stderr)")
        #expect(outcome.stderr.lowercased().contains(expected.lowercased()), "\(bad): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let leftovers = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
        #expect(!leftovers.contains { $0.hasSuffix("video.mp4") || $0.hasSuffix(".partial") }, "\(bad): \(leftovers)")
    }

    enum BadInput: String, CaseIterable, CustomTestStringConvertible {
        case missingFile, directory, binaryFile, emptyDocument, hugeDocument, badAccentColour, badResolution
        case unwritableOutput, noDocument, unknownVoice, badTransition

        var testDescription: String { rawValue }

        /// The arguments, and a phrase the error must contain.
        func prepare(in dir: URL) throws -> ([String], String) {
            let doc = dir.appendingPathComponent("doc.md")
            try "# Title\n\nSome text.\n\n## Part\n\n- one\n- two\n".write(to: doc, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out").path
            switch self {
            case .missingFile: return (["--document", "nope.md", "--output-dir", out], "nope.md")
            case .directory: return (["--document", dir.path, "--output-dir", out], "is a directory")
            case .binaryFile:
                let bin = dir.appendingPathComponent("bin.md")
                try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0xFF, 0xFE]).write(to: bin)
                return (["--document", bin.path, "--output-dir", out], "bin.md")
            case .emptyDocument:
                let empty = dir.appendingPathComponent("empty.md")
                try Data().write(to: empty)
                return (["--document", empty.path, "--output-dir", out], "empty")
            case .hugeDocument:
                let huge = dir.appendingPathComponent("huge.md")
                try Data(String(repeating: "Lorem ipsum dolor sit amet. ", count: 190_000).utf8).write(to: huge)
                return (["--document", huge.path, "--output-dir", out], "limit")
            case .badAccentColour:
                return (["--document", doc.path, "--accent-color", "mauve", "--output-dir", out], "accent")
            case .badResolution:
                return (["--document", doc.path, "--resolution", "99x99", "--output-dir", out], "even")
            case .unwritableOutput:
                let file = dir.appendingPathComponent("a-file")
                try Data("x".utf8).write(to: file)
                return (
                    ["--document", doc.path, "--output-dir", file.appendingPathComponent("out").path],
                    "cannot create folder"
                )
            case .noDocument: return (["--output-dir", out], "--document")
            case .badTransition:
                return (["--document", doc.path, "--transition", "wipe", "--output-dir", out], "unknown transition")
            case .unknownVoice:
                return (["--document", doc.path, "--voice", "zz-nonexistent", "--output-dir", out], "unknown voice")
            }
        }
    }

    @Test func helpDescribesTheOptions() async throws {
        let root = try await CLI.run(["--help"])
        #expect(root.status == 0)
        for word in [
            "--document", "--yaml", "render", "resume", "status", "batch", "preview", "scenes", "beats", "montage",
        ] {
            #expect(root.stdout.contains(word), "\(word) missing from vgen --help")
        }
        let render = try await CLI.run(["render", "--help"])
        for option in [
            "--document", "--yaml", "--output-dir", "--accent-color", "--voice", "--resolution", "--fps", "--preset",
            "--transition", "--theme", "--jobs", "--json", "--restart", "--stop-after",
        ] {
            #expect(render.stdout.contains(option), "\(option) missing from vgen render --help")
        }
    }
}
