import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Items light up on their words in the rendered video: the picture changes inside a scene
/// fall on the manifest's frames of the words that say each item, ±1 frame.
@Suite struct RevealVideoTests {
    static let resolution = Resolution(width: 320, height: 180)

    /// A list, a checkpoint and a code panel whose narration names a line, spoken by the tone voice.
    func config() throws -> VideoConfig {
        try VideoConfig(
            videoID: "reveal", title: "Reveal", resolution: Self.resolution, fps: 30,
            scenes: [
                try SceneConfig(
                    sceneID: "list",
                    content: .list(
                        ListContent(
                            heading: "Setup steps",
                            items: ["Install Swift on Linux", "Create a package", "Run the tests"]))),
                try SceneConfig(
                    sceneID: "check",
                    content: .checkpoint(
                        CheckpointContent(completed: ["Installed Swift", "Wrote a test"], next: ["Ship a release"]))),
                try SceneConfig(
                    sceneID: "code",
                    content: .command(
                        CommandContent(
                            heading: "Greeting", code: "let name = readName()\nprint(greet(name))", language: "swift")),
                    narration: "This code reads a name. First readName asks for it, then greet builds the message."),
            ])
    }

    /// Frames (from the video's start) where the picture differs clearly from the frame before.
    func changes(in video: URL) throws -> [Int] {
        let frames = try MediaProbe.videoFrameSignatures(
            video, width: Self.resolution.width, height: Self.resolution.height)
        return (1..<frames.count).filter { f in
            zip(frames[f].pixels, frames[f - 1].pixels).count { abs(Int($0) - Int($1)) > 24 } > 12
        }
    }

    /// The frame of the first word after each `lead` word in a scene, in order.
    func frames(after leads: [String], in scene: SceneTiming, fps: Int) -> [Int] {
        var result: [Int] = []
        var from = 0
        for lead in leads {
            guard let i = scene.words[from...].firstIndex(where: { $0.text == lead }) else { continue }
            let word = scene.words[i + 1]
            result.append(scene.startFrame + Int(((word.startTime - scene.startTime) * Double(fps)).rounded()))
            from = i + 1
        }
        return result
    }

    @Test func picturesChangeOnTheWordsThatSayEachItem() async throws {
        let out = try TemporaryDirectory(prefix: "vgen-reveal")
        let options = RenderOptions(preset: "ultrafast")
        let result = try await VideoPipeline(registry: .standard, synthesizer: ToneSynthesizer(), options: options)
            .render(try config(), to: out.url)
        let manifest = result.manifest, fps = manifest.fps
        let transition = Int((options.transitionDuration * Double(fps)).rounded())
        // The template says "Setup steps. Here are 3 points. First, install … Second, create …
        // Finally, run …" and "Let's take stock. Done so far: installed Swift and wrote a test.
        // Next up: ship a release."
        let list = manifest.scenes[0], check = manifest.scenes[1], code = manifest.scenes[2]
        let checkTexts = check.words.map(\.text)
        #expect(checkTexts.contains("so") && checkTexts.contains("up:"), "\(checkTexts)")
        var expected = frames(after: ["First,", "Second,", "Finally,"], in: list, fps: fps)
        expected += frames(after: ["far:", "and", "up:"], in: check, fps: fps)
        expected += frames(after: ["First", "then"], in: code, fps: fps)
        #expect(expected.count == 8)
        // Changes inside scene bodies: after each scene's transition has settled.
        let bodies = manifest.scenes.map { ($0.startFrame + transition + 2)..<$0.endFrame }
        let found = try changes(in: result.videoURL).filter { f in bodies.contains { $0.contains(f) } }
        print("reveal: words at frames \(expected.sorted()), picture changes at frames \(found)")
        #expect(found.count == expected.count, "changes at \(found), words at \(expected)")
        for frame in expected {
            #expect(found.contains { abs($0 - frame) <= 1 }, "no change within a frame of \(frame): \(found)")
        }
        for frame in found {
            #expect(expected.contains { abs($0 - frame) <= 1 }, "change at \(frame) off the words \(expected)")
        }

        // --reveal none: one picture per scene.
        let still = try await VideoPipeline(
            registry: .standard, synthesizer: ToneSynthesizer(),
            options: RenderOptions(preset: "ultrafast", reveal: .none)
        ).render(try config(), to: out.folder("none"))
        let stillChanges = try changes(in: still.videoURL).filter { f in bodies.contains { $0.contains(f) } }
        #expect(stillChanges.isEmpty, "\(stillChanges)")
    }
}
