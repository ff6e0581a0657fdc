import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen refine` on the command line: its refusals are one line naming what is wrong (the
/// refinements themselves are tested in MontageRefinerTests).
@Suite struct CLIRefineTests {
    private func error(_ arguments: [String]) async throws -> String {
        let outcome = try await CLI.run(arguments)
        #expect(outcome.status != 0 && outcome.reason == .exit, "\(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        return String(lines.first ?? "")
    }

    @Test func refusalsAreOneLine() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli-refine")
        let folder = temporary.url.path
        #expect(try await error(["refine", folder, "faster"]).contains("holds no montage planned from media"))
        #expect(try await error(["refine", folder, "--undo"]).contains("no refinement to undo"))
        #expect(try await error(["refine", folder]).contains("say what to change"))
        #expect(try await error(["refine", folder, "faster", "--undo"]).contains("--undo takes no feedback"))
    }
}
