import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Every failure of `vgen` is one line `vgen: error: …` on stderr and an exit status from the
/// table in Docs/CLI.md: 1 for a failed run, 2 for a wrong command line.
@Suite struct CLIErrorTests {
    /// The one stderr line of a failed run, after checking it is the only output and that the
    /// process exited rather than crashed.
    private func errorLine(_ outcome: ProcessOutcome, status: Int32) -> String {
        #expect(outcome.reason == .exit, "killed by a signal: \(outcome.stderr)")
        #expect(outcome.status == status, "exit status \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "\(outcome.stdout)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && outcome.stderr.hasSuffix("\n"), "not one line: \(outcome.stderr)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("vgen: error: "), "\(line)")
        return line
    }

    @Test func optionOutOfRangeIsAUsageError() async throws {
        let line = errorLine(try await CLI.run(["render", "--jobs", "0", "--document", "doc.md"]), status: 2)
        #expect(line == "vgen: error: --jobs must be 1–64")
        // The same through the default subcommand and in another subcommand.
        #expect(errorLine(try await CLI.run(["--jobs", "0", "--document", "doc.md"]), status: 2) == line)
        #expect(errorLine(try await CLI.run(["montage", "--jobs", "65"]), status: 2) == line)
    }

    @Test func unknownOptionAndMissingArgumentAreUsageErrors() async throws {
        let unknown = errorLine(try await CLI.run(["--document", "doc.md", "--bogus"]), status: 2)
        #expect(unknown.hasPrefix("vgen: error: unknown option '--bogus'"), "\(unknown)")
        let missing = errorLine(try await CLI.run(["resume"]), status: 2)
        #expect(missing == "vgen: error: missing expected argument '<folder>'")
        let malformed = errorLine(try await CLI.run(["--fps", "fast", "--document", "doc.md"]), status: 2)
        #expect(malformed.contains("'fast'") && malformed.contains("--fps"), "\(malformed)")
    }

    @Test func missingDocumentFails() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let line = errorLine(try await CLI.run(["--document", "nope.md", "--output-dir", "out"], in: dir), status: 1)
        #expect(line == "vgen: error: nope.md: no such file")
    }

    @Test func badYAMLFieldIsNamedWithItsLineAndColumn() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        try "title: T\nscenes:\n  - scene_type: title\n    title: Y\n    colour: red\n".write(
            to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let line = errorLine(try await CLI.run(["--yaml", "bad.yaml", "--output-dir", "out"], in: dir), status: 1)
        #expect(line.hasPrefix("vgen: error: bad.yaml:5:5: scenes[0]: unknown key 'colour'"), "\(line)")
    }

    @Test func badCaptionMusicAndLoudnessOptionsNameTheirField() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        try "# Doc\n\nSome text.\n".write(to: dir.appendingPathComponent("doc.md"), atomically: true, encoding: .utf8)
        for (option, value, field) in [
            ("--captions", "loud", "captions"), ("--loudness", "3", "loudness"), ("--music", "nope.mp3", "music"),
        ] {
            let line = errorLine(
                try await CLI.run(["--document", "doc.md", option, value, "--output-dir", "out"], in: dir), status: 1)
            #expect(line.contains(field) && line.contains(value), "\(line)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "nothing written")
    }

    @Test func deeplyNestedYAMLFailsInsteadOfCrashing() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let levels = 10_000
        try ("title: T\nscenes: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
            .write(to: dir.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        let line = errorLine(try await CLI.run(["--yaml", "deep.yaml", "--output-dir", "out"], in: dir), status: 1)
        #expect(
            line.hasPrefix("vgen: error: deep.yaml:2:72: lists and mappings are nested more than 64 levels"), "\(line)")
    }

    @Test func deeplyNestedTimelineFailsInsteadOfCrashing() async throws {
        // Foundation's JSON parser stops at 512 levels by itself; the failure is one line too.
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let levels = 10_000
        try Data((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
            .write(to: dir.appendingPathComponent("timeline.json"))
        let line = errorLine(try await CLI.run(["montage", "--timeline", "timeline.json"], in: dir), status: 1)
        #expect(line.hasPrefix("vgen: error: timeline.json: is not a montage timeline"), "\(line)")
    }

    @Test func helpIsNotAnError() async throws {
        let help = try await CLI.run(["render", "--help"])
        #expect(help.status == 0 && help.stderr.isEmpty && help.stdout.contains("--jobs"), "\(help.stderr)")
    }
}
