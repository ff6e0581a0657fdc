import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen --languages en,es --multitrack`: every version rendered to one timing and muxed into
/// one MP4 with every language's sound and subtitles, tagged for players to switch between.
@Suite struct CLIMultitrackTests {
    let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-cli-multitrack") }

    /// Spanish says more in the first scene and English in the second, so each language sets the
    /// floor of one scene.
    static let spec = """
        video_id: multi
        title: Multitrack
        scenes:
          - scene_type: title
            title: Hello
            narration:
              en: Hello.
              es: Hola a todos y bienvenidos a este vídeo de prueba.
          - scene_type: list
            heading: Steps
            items: [One, Two]
            narration:
              en: Two steps, one after the other, each explained in turn, slowly and carefully, so that everyone can follow along without any trouble at all, from the first word to the last.
              es: Dos pasos.
        """

    static let fast = ["--resolution", "320x180", "--fps", "10", "--preset", "ultrafast"]

    func manifest(_ folder: String) throws -> TimingManifest {
        try JSONDecoder().decode(
            TimingManifest.self,
            from: Data(contentsOf: temporary.file("out/\(folder)/multi/timing_manifest.json")))
    }

    @Test func oneFileCarriesEveryLanguage() async throws {
        try Self.spec.write(to: temporary.file("spec.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(
            ["--yaml", "spec.yaml", "--languages", "en,es", "--multitrack", "--output-dir", "out"] + Self.fast,
            in: temporary.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let printed = Array(outcome.lines.suffix(3))
        #expect(printed.count == 3 && printed[0].hasSuffix("out/en/multi/video.mp4"), "\(printed)")
        #expect(printed.count == 3 && printed[2].hasSuffix("out/multitrack/multi/video.mp4"), "\(printed)")

        // One timing: every version's scenes cover the same frames, though the narrations differ.
        let manifests = try ["en", "es"].map(manifest)
        let ranges = manifests.map { $0.scenes.map { [$0.startFrame, $0.frameCount] } }
        #expect(ranges[1] == ranges[0], "\(ranges)")
        let spoken = manifests.map { $0.scenes.map(\.narrationSamples) }
        #expect(spoken[1][0] > spoken[0][0] && spoken[0][1] > spoken[1][1], "\(spoken)")

        let tracks = try MediaProbe.tracks(temporary.file("out/multitrack/multi/video.mp4"))
        let audio = tracks.filter { $0.kind == "audio" }, subtitles = tracks.filter { $0.kind == "subtitle" }
        #expect(tracks.first?.kind == "video" && tracks.filter { $0.kind == "video" }.count == 1)
        #expect(audio.map(\.language) == ["eng", "spa"])
        #expect(audio.map(\.isDefault) == [true, false])
        #expect(audio.allSatisfy { $0.peak > 0.01 }, "every track speaks: \(audio.map(\.peak))")
        #expect(subtitles.map(\.language) == ["eng", "spa"])
        #expect(subtitles.allSatisfy { $0.packetCount > 0 }, "\(subtitles.map(\.packetCount))")
        #expect(subtitles[1].texts.joined(separator: " ").contains("Hola"), "\(subtitles[1].texts)")
        let info = try MediaProbe.inspect(temporary.file("out/multitrack/multi/video.mp4"))
        #expect(info.videoFrameCount == manifests[0].totalFrames)
    }

    @Test func multitrackNeedsTwoLanguages() async throws {
        try Self.spec.write(to: temporary.file("spec.yaml"), atomically: true, encoding: .utf8)
        for extra in [["--languages", "en"], []] {
            let outcome = try await CLI.run(
                ["--yaml", "spec.yaml", "--multitrack", "--output-dir", "out"] + extra + Self.fast, in: temporary.url)
            #expect(outcome.status == 1)
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("--multitrack"), "\(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: temporary.file("out").path), "nothing rendered")
    }
}
