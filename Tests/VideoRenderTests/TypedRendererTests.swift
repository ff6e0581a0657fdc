import Foundation
import Testing
import VideoCore
import VideoRender

/// An app's own scene type: a gauge with a whole number and a nested detail.
struct GaugeContent: SceneContentPayload {
    static let sceneType: SceneType = "gauge"
    struct Detail: Codable, Hashable, Sendable {
        var label: String
        var tags: [String]
        var ratio: Double?
    }
    var percent: Int
    var detail: Detail
}

/// Draws the gauge as a bar: `percent` of the safe area's width, `ratio` of its height, and
/// nothing before 5 s.
struct GaugeRenderer: SceneRenderer {
    var version: String { "3" }

    func keyframes(for content: GaugeContent, timeline: SceneTimeline) -> [Double] { [5, -1, 2, 5, .nan, 20, 7] }

    func draw(_ content: GaugeContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        canvas.fill(context.theme.background)
        guard clock.time >= 5 else { return }
        let area = context.safeArea
        canvas.fillRect(
            Canvas.Rect(
                x: area.x, y: area.y, width: area.width * Double(content.percent) / 100,
                height: area.height * (content.detail.ratio ?? 1)), color: context.accent)
    }
}

/// A title renderer of an app that reads title scenes as its own payload.
struct BannerRenderer: SceneRenderer {
    struct Banner: SceneContentPayload {
        static var sceneType: SceneType { .title }
        var text: String
    }
    func draw(_ content: Banner, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {}
}

@Suite struct TypedRendererTests {
    static let gauge = GaugeContent(
        percent: 50, detail: .init(label: "CPU: busy", tags: ["yes", "3", "", " padded "], ratio: 0.5))

    var registry: RendererRegistry {
        var registry = RendererRegistry.standard
        registry.register(GaugeRenderer())
        return registry
    }

    func scene(_ fields: [String: JSONValue], id: String = "bad") throws -> SceneConfig {
        try SceneConfig(sceneID: id, content: .custom(CustomSceneContent(type: "gauge", fields: fields)))
    }

    @Test func aCustomTypedRendererDrawsThroughTheRegistry() throws {
        let scene = try SceneConfig(sceneID: "g", content: try SceneContent(Self.gauge))
        let context = RenderContext(resolution: Resolution(width: 200, height: 100), accentColor: .orange)
        let timeline = SceneTimeline.still(duration: 10, fps: 25)
        #expect(try registry.keyframes(for: scene, timeline: timeline) == [0, 5, 7], "sorted, inside the scene")
        let before = try registry.render(scene, context: context, at: SceneClock(time: 4.9, timeline: timeline))
        #expect(before.pixel(x: 20, y: 20) == context.theme.background)
        let after = try registry.render(scene, context: context, at: SceneClock(time: 5, timeline: timeline))
        // The safe area is x 10…190, y 5…95: the bar covers x 10…100 and y 5…50.
        #expect(after.pixel(x: 20, y: 20).hexString == context.accent.hexString)
        #expect(after.pixel(x: 120, y: 20) == context.theme.background, "50 percent wide")
        #expect(after.pixel(x: 20, y: 70) == context.theme.background, "half as high")
        let still = try registry.render(scene, context: context)
        #expect(still.pixel(x: 20, y: 20).hexString == context.accent.hexString, "a still is the final state")
    }

    @Test func customContentRoundTripsThroughYAMLAndJSON() throws {
        let config = try ProgrammaticVideoBuilder(title: "Gauges")
            .add(Self.gauge, id: "g")
            .add(GaugeContent(percent: -7, detail: .init(label: "none", tags: [])))
            .addTitle("Hi")
            .build()
        #expect(config.scenes.map(\.sceneID) == ["g", "gauge_1", "title_1"])
        #expect(config.scenes[0].content.payload(as: GaugeContent.self) == Self.gauge)
        #expect(config.scenes[2].content.payload(as: GaugeContent.self) == nil, "a title is not a gauge")
        let yaml = try config.yamlString()
        #expect(yaml.contains("percent: 50") && yaml.contains("detail:") && yaml.contains("ratio: 0.5"))
        let directory = FileManager.default.temporaryDirectory
        let read = try YAMLAdapter(text: yaml, baseDirectory: directory, customSceneTypes: ["gauge"]).makeVideoConfig()
        #expect(read == config)
        #expect(read.scenes[1].content.payload(as: GaugeContent.self)?.percent == -7)
        let json = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(VideoConfig.self, from: json) == config)

        let written = """
            title: Handwritten
            scenes:
              - scene_type: gauge
                scene_id: cpu
                percent: 40
                detail:
                  label: CPU
                  tags: [hot, "42"]
                  ratio: 0.25
            """
        let handwritten = try YAMLAdapter(text: written, baseDirectory: directory, customSceneTypes: ["gauge"])
            .makeVideoConfig()
        #expect(
            handwritten.scenes[0].content.payload(as: GaugeContent.self)
                == GaugeContent(percent: 40, detail: .init(label: "CPU", tags: ["hot", "42"], ratio: 0.25)))
    }

    @Test func contentOfTheWrongTypeGivesTheRegistrysError() throws {
        let context = RenderContext(resolution: Resolution(width: 64, height: 64))
        let detail: JSONValue = .object(["label": .string("x"), "tags": .array([])])
        let cases: [(SceneConfig, String)] = [
            (try scene(["percent": .string("many"), "detail": detail]), "field 'percent' is not a whole number"),
            (
                try scene(["percent": .number(2.5), "detail": detail]),
                "a number does not fit its field in GaugeContent"
            ),
            (try scene(["percent": .number(1)]), "missing field 'detail'"),
            (
                try scene(["percent": .number(1), "detail": .object(["tags": .array([])])]),
                "missing field 'detail.label'"
            ),
        ]
        for (scene, reason) in cases {
            let error = try #require(throws: VideoError.self) { try registry.render(scene, context: context) }
            #expect(error.code == .render)
            #expect(
                error.message.hasPrefix("the gauge renderer (VideoRenderTests.GaugeRenderer) cannot draw scene 'bad': ")
            )
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(throws: VideoError.self) {
                try registry.keyframes(for: scene, timeline: .still(duration: 2, fps: 25))
            }
            #expect(throws: VideoError.self) { try registry.fits(scene, context: context) }
        }
        var banners = RendererRegistry.standard
        banners.register(BannerRenderer())
        let error = try #require(throws: VideoError.self) {
            try banners.render(try SampleScene.titleShort.scene(), context: context)
        }
        #expect(error.code == .render)
        #expect(error.message.contains("cannot draw scene 'titleShort': its title content is not a Banner"))
    }

    @Test func identityNamesTheRendererAndItsVersion() throws {
        var registry = self.registry
        let title = try registry.identity(of: .title)
        #expect(title == "title/VideoRender.TitleRenderer/1")
        #expect(try registry.identity(of: .quiz) == "quiz/VideoRender.QuizRenderer/3")
        #expect(try registry.identity(of: "gauge") == "gauge/VideoRenderTests.GaugeRenderer/3")
        let all = try Set(registry.sceneTypes.map { try registry.identity(of: $0) })
        #expect(all.count == 15)
        registry.register(BannerRenderer())
        #expect(try registry.identity(of: .title) == "title/VideoRenderTests.BannerRenderer/1")
        #expect(registry.sceneTypes.count == 15)
        #expect(throws: VideoError.self) { try registry.identity(of: "nope") }
    }
}
