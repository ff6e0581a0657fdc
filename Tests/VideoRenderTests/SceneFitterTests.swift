import Foundation
import Testing
import VideoCore

@testable import VideoRender

/// Text that does not fit continues on follow-up scenes instead of being cut short.
@Suite struct SceneFitterTests {
    let fitter = SceneFitter(registry: .standard, theme: .dark)

    @Test func longListsAreContinued() throws {
        let items = (1...30).map { "Point number \($0), which takes a whole line of words to say properly here." }
        let config = try VideoConfig(
            videoID: "v", title: "T", resolution: Resolution(width: 640, height: 360),
            scenes: [
                try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "T"))),
                try SceneConfig(sceneID: "long", content: .list(ListContent(heading: "Points", items: items))),
            ])
        let (fitted, warnings) = try fitter.fit(config)
        #expect(fitted.scenes.count > 2)
        #expect(warnings.count == 1 && warnings[0].contains("long"))
        var all: [String] = []
        for (k, scene) in fitted.scenes.dropFirst().enumerated() {
            guard case .list(let list) = scene.content else { Issue.record("not a list"); continue }
            #expect(list.heading == "Points (\(k + 1)/\(fitted.scenes.count - 1))")
            all += list.items
            let context = RenderContext(
                resolution: config.resolution, sceneIndex: k + 1, sceneCount: config.scenes.count)
            #expect(try RendererRegistry.standard.fits(scene, context: context), "part \(k + 1) still overflows")
        }
        #expect(all == items, "every item is shown once, in order")
        #expect(fitted.scenes[1].sceneID == "long" && fitted.scenes[2].sceneID == "long-2")
    }

    @Test func longCodeIsContinuedAndShortScenesStay() throws {
        let code = (1...120).map { "let value\($0) = compute(\($0)) // line \($0)" }.joined(separator: "\n")
        let config = try VideoConfig(
            videoID: "v", title: "T", resolution: Resolution(width: 640, height: 360),
            scenes: [
                try SceneConfig(
                    sceneID: "code", content: .command(CommandContent(heading: "Code", code: code, language: "swift")),
                    narration: "First sentence. Second sentence. Third sentence. Fourth sentence."),
                try SceneConfig(sceneID: "short", content: .list(ListContent(heading: "Short", items: ["one"]))),
            ])
        let (fitted, _) = try fitter.fit(config)
        let parts = fitted.scenes.dropLast()
        #expect(parts.count > 1)
        let lines = parts.flatMap { scene -> [String] in
            guard case .command(let c) = scene.content else { return [] }
            return c.code.components(separatedBy: "\n")
        }
        #expect(lines == code.components(separatedBy: "\n"))
        #expect(
            parts.compactMap(\.narration).joined(separator: " ")
                == "First sentence. Second sentence. Third sentence. Fourth sentence.")
        #expect(fitted.scenes.last?.sceneID == "short")
    }
}
