import Foundation
import QuickStartKit
import Testing
import VideoCore
import VideoRender

/// How an app unit-tests its videos with vgen: validation, a plan-only pass with the
/// deterministic tone voice, and one still of its own scene type. No video is encoded.
@Suite struct QuickStartTests {
    @Test func theReleaseVideoIsValid() throws {
        let config = try QuickStart.releaseVideo()
        #expect(config.scenes.map(\.sceneType) == [.title, MetricScene.sceneType, .list, .outro])
        #expect(config.scenes[1].content.payload(as: MetricScene.self)?.value == 3)
    }

    @Test func planningIsFastAndFrameExact() async throws {
        let pipeline = VideoPipeline(
            registry: QuickStart.registry, writer: QuickStart.writer, synthesizer: ToneSynthesizer())
        let manifest = try await pipeline.plan(try QuickStart.releaseVideo(), synthesizer: ToneSynthesizer())
        #expect(manifest.scenes.count == 4)
        #expect(manifest.scenes[1].words.first?.text == "Here")
        for (a, b) in zip(manifest.scenes, manifest.scenes.dropFirst()) { #expect(a.endFrame == b.startFrame) }
        let again = try await pipeline.plan(try QuickStart.releaseVideo(), synthesizer: ToneSynthesizer())
        #expect(again == manifest)
    }

    @Test func theMetricSceneDrawsItsNumber() throws {
        let config = try QuickStart.releaseVideo(resolution: Resolution(width: 640, height: 360))
        let context = RenderContext(resolution: config.resolution, accentColor: config.accentColor)
        let canvas = try QuickStart.registry.render(config.scenes[1], context: context)
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("metric-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        try canvas.writePNG(to: png)
        #expect(try Data(contentsOf: png).count > 1000)
    }

    @Test func theMetricSceneRoundTripsThroughYAML() throws {
        let config = try QuickStart.releaseVideo()
        let yaml = try config.yamlString()
        #expect(yaml.contains("value: 3") && yaml.contains("label: faster builds"))
        let read = try YAMLAdapter(
            text: yaml, baseDirectory: FileManager.default.temporaryDirectory, customSceneTypes: [MetricScene.sceneType]
        )
        .makeVideoConfig()
        #expect(read == config)
        #expect(
            read.scenes[1].content.payload(as: MetricScene.self)
                == MetricScene(value: 3, unit: "×", label: "faster builds"))
    }

    @Test func theTemplateSaysTheMetric() async throws {
        let config = try QuickStart.releaseVideo()
        let text = try await QuickStart.writer.narration(for: config.scenes[1], at: 1, in: config)
        #expect(text == "Here is the number that matters: 3 times faster builds.")
    }
}
