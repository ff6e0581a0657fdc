import Testing
import VideoCore

@Suite struct VideoConfigTests {
    private func scene(_ id: String, narration: String? = nil, min: Double? = nil, max: Double? = nil) throws
        -> SceneConfig
    {
        try SceneConfig(
            sceneID: id, content: .title(TitleContent(title: "T")), narration: narration, minDuration: min,
            maxDuration: max)
    }

    @Test func acceptsAValidVideo() throws {
        let config = try VideoConfig(videoID: "demo", title: "Demo", scenes: [try scene("s1"), try scene("s2")])
        #expect(config.scenes.count == 2)
        #expect(config.scenes[0].sceneType == .title)
    }

    @Test func rejectsTooManyScenes() throws {
        let scenes = try (0...VideoLimits.maxScenes).map { try scene("s\($0)") }
        let error = #expect(throws: VideoError.self) { try VideoConfig(videoID: "v", title: "T", scenes: scenes) }
        #expect(error?.field == "scenes")
        #expect(error?.message.contains("100") == true)
    }

    @Test func rejectsLongSceneIDAndNarration() throws {
        let longID = #expect(throws: VideoError.self) { try scene(String(repeating: "a", count: 201)) }
        #expect(longID?.field == "scene.scene_id")
        let longNarration = #expect(throws: VideoError.self) {
            try scene("a", narration: String(repeating: "x", count: 50_001))
        }
        #expect(longNarration?.field == "scene.narration")
        #expect(longNarration?.message.contains("50000") == true)
    }

    @Test func rejectsBadDurations() throws {
        #expect(throws: VideoError.self) { try scene("a", min: -1) }
        #expect(throws: VideoError.self) { try scene("a", max: 301) }
        let order = #expect(throws: VideoError.self) { try scene("a", min: 10, max: 5) }
        #expect(order?.field == "scene.min_duration")
        #expect(throws: Never.self) { try scene("a", min: 0, max: 300) }
    }

    @Test func rejectsDuplicateIDsAndHostileVideoIDs() throws {
        let dup = #expect(throws: VideoError.self) {
            try VideoConfig(videoID: "v", title: "T", scenes: [try scene("a"), try scene("a")])
        }
        #expect(dup?.field == "scenes[1].scene_id")
        for bad in ["../evil", "a/b", ".hidden", ""] {
            #expect(throws: VideoError.self) { try VideoConfig(videoID: bad, title: "T", scenes: [try scene("a")]) }
        }
    }

    @Test func parsesResolutionsAndColours() throws {
        #expect(try Resolution(parsing: "1280x720") == Resolution(width: 1280, height: 720))
        #expect(throws: VideoError.self) { try Resolution(parsing: "1281x720") }
        #expect(throws: VideoError.self) { try Resolution(parsing: "big") }
        #expect(try AccentColor(validating: "Purple") == .purple)
        let bad = #expect(throws: VideoError.self) { try AccentColor(validating: "mauve") }
        #expect(bad?.message.contains("cyan") == true)
    }

    @Test func makesSafeIDs() {
        #expect(VideoConfig.makeID(from: "Hello, World! 2") == "hello-world-2")
        #expect(VideoConfig.makeID(from: "../..") == "video")
    }
}
