import Foundation
import Testing
import VideoCore

@Suite struct YAMLExampleTests {
    /// `Examples/all-scenes.yaml` in the package.
    static let allScenes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/all-scenes.yaml")

    @Test func allScenesExampleUsesEveryTypeOnce() throws {
        let videos = try YAMLAdapter(url: Self.allScenes).readVideos()
        let video = try #require(videos.first)
        #expect(videos.count == 1 && video.theme == .dark)
        #expect(video.config.videoID == "swift-concurrency-in-3-minutes")
        #expect(Set(video.config.scenes.map(\.sceneType)) == Set(SceneType.builtIn))
        #expect(video.config.scenes.count == SceneType.builtIn.count)
        // And it survives the trip through the writer.
        let again = try YAMLAdapter(
            text: try video.config.yamlString(theme: video.theme),
            baseDirectory: Self.allScenes.deletingLastPathComponent()
        )
        .makeVideoConfig()
        #expect(again == video.config)
    }
}
