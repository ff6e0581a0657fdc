import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

@Suite struct ScriptStageTests {
    private func run(_ scenes: [SceneConfig]) async throws -> (VideoConfig, [String]) {
        let config = try VideoConfig(videoID: "v", title: "T", scenes: scenes)
        let events = EventRecorder()
        let context = PipelineContext(directory: FileManager.default.temporaryDirectory, events: events.record)
        return (try await ScriptStage().run(config, context: context), events.warnings)
    }

    @Test func fillsMissingNarrationAndKeepsOwn() async throws {
        let (video, _) = try await run([
            try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "Hello"))),
            try SceneConfig(
                sceneID: "b", content: .title(TitleContent(title: "X")), narration: "My **own** words: https://x.y/z"),
        ])
        #expect(video.scenes[0].narration == "Welcome to Hello.")
        #expect(video.scenes[1].narration == "My own words")
    }

    @Test func listItemsAreReadWhenTheProseOnlyLeadsIn() async throws {
        let items = ["Fast start-up", "Structured logs", "Encrypted traffic"]
        let (video, _) = try await run([
            try SceneConfig(
                sceneID: "a", content: .list(ListContent(heading: "Features", items: items)),
                narration: "It has these features."),
            try SceneConfig(
                sceneID: "b", content: .list(ListContent(heading: "Why", items: ["Fast start-up matters"])),
                narration: "Fast start-up matters to everyone."),
        ])
        let first = try #require(video.scenes[0].narration)
        #expect(first.hasPrefix("It has these features."))
        for item in items { #expect(first.lowercased().contains(item.lowercased())) }
        #expect(video.scenes[1].narration == "Fast start-up matters to everyone.")
    }

    @Test func warnsWhenNarrationWillRunOverMaxDuration() async throws {
        let long = String(repeating: "word ", count: 200)
        let (_, warnings) = try await run([
            try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "T")), narration: long, maxDuration: 10)
        ])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("max_duration") == true)
    }
}
