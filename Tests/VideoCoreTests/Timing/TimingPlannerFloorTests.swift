import Foundation
import Testing
import VideoCore

/// Per-scene frame floors (`--multitrack`): a scene lasts at least its floor, the scenes after
/// it move, and a floor shorter than the narration changes nothing.
@Suite struct TimingPlannerFloorTests {
    static let rate = 1000

    func narrations() throws -> [TimingPlanner.Narration] {
        try ["a", "b", "c"].map {
            TimingPlanner.Narration(
                scene: try SceneConfig(sceneID: $0, content: .title(TitleContent(title: $0))),
                sampleCount: 1000, words: [], audioFile: "audio/\($0).wav")
        }
    }

    @Test func floorsLengthenOnlyTheirScenes() throws {
        var planner = TimingPlanner(leadIn: 0, tail: 0)
        let plain = planner.plan(try narrations(), fps: 10, sampleRate: Self.rate)
        #expect(plain.scenes.map(\.frameCount) == [10, 10, 10])
        planner.sceneFrameFloors = ["b": 25, "c": 4]
        let floored = planner.plan(try narrations(), fps: 10, sampleRate: Self.rate)
        #expect(floored.scenes.map(\.frameCount) == [10, 25, 10])
        #expect(floored.scenes.map(\.startFrame) == [0, 10, 35])
        #expect(floored.totalFrames == 45)
        #expect(floored.scenes[2].narrationStart == 3.5, "the next scene's narration moves with it")
    }
}
