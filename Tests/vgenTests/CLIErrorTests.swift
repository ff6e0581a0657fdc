import Foundation
import Testing

/// Every failure of `vgen` is one line `vgen: error: …` on stderr and an exit status from the
/// table in Docs/CLI.md: 1 for a failed run, 2 for a wrong command line.
@Suite struct CLIErrorTests {
    /// The one stderr line of a failed run, after checking it is the only output and that the
    /// process exited rather than crashed.
    private func errorLine(_ outcome: CLI.Outcome, status: Int32) -> String {
        #expect(outcome.exited, "killed by a signal: \(outcome.stderr)")
        #expect(outcome.status == status, "exit status \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "\(outcome.stdout)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && outcome.stderr.hasSuffix("\n"), "not one line: \(outcome.stderr)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("vgen: error: "), "\(line)")
        return line
    }

    @Test func optionOutOfRangeIsAUsageError() throws {
        let line = errorLine(try CLI.run(["render", "--jobs", "0", "--document", "doc.md"]), status: 2)
        #expect(line == "vgen: error: --jobs must be 1–64")
        // The same through the default subcommand and in another subcommand.
        #expect(errorLine(try CLI.run(["--jobs", "0", "--document", "doc.md"]), status: 2) == line)
        #expect(errorLine(try CLI.run(["montage", "--jobs", "65"]), status: 2) == line)
    }

    @Test func unknownOptionAndMissingArgumentAreUsageErrors() throws {
        let unknown = errorLine(try CLI.run(["--document", "doc.md", "--bogus"]), status: 2)
        #expect(unknown.hasPrefix("vgen: error: unknown option '--bogus'"), "\(unknown)")
        let missing = errorLine(try CLI.run(["resume"]), status: 2)
        #expect(missing == "vgen: error: missing expected argument '<folder>'")
        let malformed = errorLine(try CLI.run(["--fps", "fast", "--document", "doc.md"]), status: 2)
        #expect(malformed.contains("'fast'") && malformed.contains("--fps"), "\(malformed)")
    }

    @Test func missingDocumentFails() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = errorLine(try CLI.run(["--document", "nope.md", "--output-dir", "out"], in: dir), status: 1)
        #expect(line == "vgen: error: nope.md: no such file")
    }

    @Test func badYAMLFieldIsNamedWithItsLineAndColumn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "title: T\nscenes:\n  - scene_type: title\n    title: Y\n    colour: red\n".write(
            to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let line = errorLine(try CLI.run(["--yaml", "bad.yaml", "--output-dir", "out"], in: dir), status: 1)
        #expect(line.hasPrefix("vgen: error: bad.yaml:5:5: scenes[0]: unknown key 'colour'"), "\(line)")
    }

    @Test func deeplyNestedYAMLFailsInsteadOfCrashing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let levels = 10_000
        try ("title: T\nscenes: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
            .write(to: dir.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        let line = errorLine(try CLI.run(["--yaml", "deep.yaml", "--output-dir", "out"], in: dir), status: 1)
        #expect(
            line.hasPrefix("vgen: error: deep.yaml:2:72: lists and mappings are nested more than 64 levels"), "\(line)")
    }

    @Test func deeplyNestedTimelineFailsInsteadOfCrashing() throws {
        // Foundation's JSON parser stops at 512 levels by itself; the failure is one line too.
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let levels = 10_000
        try Data((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
            .write(to: dir.appendingPathComponent("timeline.json"))
        let line = errorLine(try CLI.run(["montage", "--timeline", "timeline.json"], in: dir), status: 1)
        #expect(line.hasPrefix("vgen: error: timeline.json: is not a montage timeline"), "\(line)")
    }

    @Test func helpIsNotAnError() throws {
        let help = try CLI.run(["render", "--help"])
        #expect(help.status == 0 && help.stderr.isEmpty && help.stdout.contains("--jobs"), "\(help.stderr)")
    }
}
