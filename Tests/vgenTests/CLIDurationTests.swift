import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `--duration`, `--platform` and `--keep-boilerplate`, through the real `vgen` binary.
@Suite struct CLIDurationTests {
    private func stderrLine(_ outcome: ProcessOutcome) -> String {
        #expect(outcome.reason == .exit && outcome.status == 1, "\(outcome.status): \(outcome.stderr)")
        return outcome.stderr.trimmingCharacters(in: .newlines)
    }

    @Test func badDurationAndPlatformAreOneLineErrorsNamingTheField() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        _ = try temporary.write(DocumentFixtures.crashTest, to: "doc.md")
        let bad = stderrLine(try await CLI.run(["--document", "doc.md", "--duration", "soon"], in: temporary.url))
        #expect(bad.hasPrefix("vgen: error: ") && bad.contains("duration") && bad.contains("'soon'"), "\(bad)")
        let short = stderrLine(try await CLI.run(["--document", "doc.md", "--duration", "2s"], in: temporary.url))
        #expect(short.contains("duration") && short.contains("10s"), "\(short)")
        let platform = stderrLine(
            try await CLI.run(["--document", "doc.md", "--platform", "myspace"], in: temporary.url))
        #expect(platform.contains("platform") && platform.contains("shorts"), "\(platform)")
        let long = stderrLine(
            try await CLI.run(["--document", "doc.md", "--platform", "shorts", "--duration", "5m"], in: temporary.url))
        #expect(long.contains("longer than shorts takes (3m)"), "\(long)")
        #expect(!FileManager.default.fileExists(atPath: temporary.file("output").path))
    }

    @Test func durationFitsTheScriptAndPlatformSetsTheFrame() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        _ = try temporary.write(DocumentStructureFixtures.manual(sections: 8), to: "manual.md")
        let outcome = try await CLI.run(
            [
                "--document", "manual.md", "--platform", "shorts", "--duration", "45s", "--stop-after", "audio",
                "--output-dir", "out",
            ], in: temporary.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("fitted to 45"), "\(outcome.stderr)")
        let folder = temporary.url.appendingPathComponent("out/manual")
        let manifest = try JSONDecoder().decode(
            TimingManifest.self, from: Data(contentsOf: folder.appendingPathComponent("timing_manifest.json")))
        #expect(abs(manifest.totalDuration - 45) <= 45 * 0.05, "\(manifest.totalDuration)")
        let script = try JSONDecoder().decode(
            VideoConfig.self, from: Data(contentsOf: folder.appendingPathComponent("stage-budget.json")))
        #expect(script.resolution == Resolution(width: 1080, height: 1920))
        #expect(script.duration == .seconds(45))
        // The platform's caption style is the render's (the task records its options).
        let state = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("state.json")))
        let options = ((state as? [String: Any])?["input"] as? [String: Any])?["options"] as? [String: Any]
        #expect(options?["captions"] as? String == "karaoke", "\(String(describing: options))")
    }

    @Test func keepBoilerplateKeepsTheLicenseSection() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        _ = try temporary.write(DocumentStructureFixtures.loopy, to: "README.md")
        func headings(_ extra: [String], _ out: String) async throws -> (String, String) {
            let outcome = try await CLI.run(
                ["--document", "README.md", "--stop-after", "fit", "--output-dir", out] + extra, in: temporary.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let fit = try String(
                contentsOf: temporary.url.appendingPathComponent("\(out)/readme/stage-fit.json"), encoding: .utf8)
            return (fit, outcome.stderr)
        }
        let (dropped, warnings) = try await headings([], "a")
        let (kept, _) = try await headings(["--keep-boilerplate"], "b")
        #expect(!dropped.contains("\"License\"") && kept.contains("\"License\""), "\(kept)")
        #expect(warnings.contains("License"), "\(warnings)")
    }
}
