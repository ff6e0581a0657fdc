import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `captions:`, `music:` and `loudness:` in a YAML spec.
@Suite struct YAMLSoundFieldsTests {
    static let scenes = "scenes:\n  - scene_type: title\n    title: Hi\n"

    @Test func theFieldsAreRead() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-yaml-sound")
        try Data([0]).write(to: temporary.url.appendingPathComponent("bed.mp3"))
        let text = "title: T\ncaptions: karaoke\nmusic: bed.mp3\nloudness: -16\n" + Self.scenes
        let video = try #require(try YAMLAdapter(text: text, baseDirectory: temporary.url).readVideos().first)
        #expect(video.captions == .karaoke)
        #expect(video.music?.lastPathComponent == "bed.mp3")
        #expect(video.loudness == -16)
        let plain = try #require(
            try YAMLAdapter(text: "title: T\n" + Self.scenes, baseDirectory: temporary.url).readVideos().first)
        #expect(plain.captions == nil && plain.music == nil && plain.loudness == nil)
    }

    @Test(arguments: [
        ("captions: loud", "captions"), ("loudness: 0", "loudness"), ("music: ../outside.mp3", "music"),
        ("music: missing.mp3", "music"),
    ])
    func badValuesAreLocatedErrors(line: String, field: String) throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-yaml-sound")
        let text = "title: T\n\(line)\n" + Self.scenes
        do {
            _ = try YAMLAdapter(text: text, baseDirectory: temporary.url).readVideos()
            Issue.record("\(line) was accepted")
        } catch let error as VideoError {
            #expect(error.location?.line == 2 && error.description.contains(field), "\(error)")
        }
    }
}
