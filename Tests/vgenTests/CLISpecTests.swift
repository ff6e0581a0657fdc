import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen --yaml`, `vgen preview` and `vgen scenes`.
@Suite struct CLISpecTests {
    /// The package's root, for `Examples/all-scenes.yaml`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func allScenesExampleRendersWithTwelveSceneTypes() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let spec = Self.root.appendingPathComponent("Examples/all-scenes.yaml").path
        let outcome = try await CLI.run([
            "--yaml", spec, "--output-dir", dir.path, "--resolution", "320x180", "--fps", "10", "--preset", "ultrafast",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let video = try #require(outcome.stdout.split(separator: "\n").first.map(String.init))
        let folder = URL(fileURLWithPath: video).deletingLastPathComponent()
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("timing_manifest.json")))
        let scenes = (manifest as? [String: Any])?["scenes"] as? [[String: Any]] ?? []
        #expect(Set(scenes.compactMap { $0["scene_type"] as? String }).count == SceneType.builtIn.count)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("thumbnail.png").path))
    }

    @Test func yamlErrorsAreOneLineWithLineAndColumn() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let spec = dir.appendingPathComponent("bad.yaml")
        try "title: X\nscenes:\n  - scene_type: lecture\n    title: Y\n".write(
            to: spec, atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["--yaml", spec.path, "--output-dir", dir.appendingPathComponent("out").path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasPrefix("vgen: error: ") && outcome.stderr.contains("bad.yaml:3:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("code_comparison"), "lists the valid types: \(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func previewWritesOneStill() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let spec = Self.root.appendingPathComponent("Examples/all-scenes.yaml").path
        let png = dir.appendingPathComponent("quiz.png")
        let outcome = try await CLI.run(["preview", spec, "--scene", "9", "--out", png.path, "--resolution", "640x360"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let data = try Data(contentsOf: png)
        #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(data[16..<20].reduce(0) { $0 << 8 | UInt32($1) } == 640)
        let missing = try await CLI.run(["preview", spec, "--scene", "99", "--out", png.path])
        #expect(missing.status == 1 && missing.stderr.contains("has 14 scenes"), "\(missing.stderr)")
    }

    @Test func scenesListsEveryTypeWithItsFields() async throws {
        let outcome = try await CLI.run(["scenes"])
        #expect(outcome.status == 0)
        for type in [
            "title", "command", "list", "code_comparison", "quote", "outro", "learning_objectives", "problem",
            "solution", "quiz", "checkpoint", "exercise",
        ] {
            #expect(outcome.stdout.split(separator: "\n").contains { $0 == type }, "\(type)")
        }
        #expect(outcome.stdout.contains("answer_index"))
    }
}
