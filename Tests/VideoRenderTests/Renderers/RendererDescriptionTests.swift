import Foundation
import Testing
import VideoCore
import VideoRender

/// A metric an app draws and describes, so a planner offers it.
struct MetricContent: SceneContentPayload {
    static let sceneType: SceneType = "metric"
    var value: String
    var label: String?
}

/// Draws nothing; describes its fields.
struct MetricRenderer: SceneRenderer {
    var sceneDescription: SceneTypeDescription {
        SceneTypeDescription(
            type: "wrong-name", summary: "One big number and what it counts.",
            fields: [
                SceneField("value", .text, required: true, "The number"), SceneField("label", .text, "What it counts"),
            ])
    }
    func draw(_ content: MetricContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {}
}

/// What the registry tells planners about its scene types (`RendererRegistry.sceneDescriptions`).
@Suite struct RendererDescriptionTests {
    @Test func standardRegistryDescribesEveryBuiltInType() {
        let descriptions = RendererRegistry.standard.sceneDescriptions
        #expect(Set(descriptions.map(\.type)) == Set(SceneType.builtIn))
        for description in descriptions {
            #expect(description.fields == description.type.contentFields)
            #expect(!description.summary.hasPrefix("A scene of type"), "\(description.type)")
        }
    }

    @Test func anAppsDescribedTypeIsOfferedUnderItsOwnNameAndAnUndescribedOneIsNot() {
        var registry = RendererRegistry.standard
        registry.register(MetricRenderer())
        registry.register(GaugeRenderer())
        let descriptions = registry.sceneDescriptions
        let metric = descriptions.last
        #expect(metric?.type == "metric")
        #expect(metric?.fields.map(\.name) == ["value", "label"])
        #expect(!descriptions.contains { $0.type == "gauge" })
    }
}
