import Foundation
import Testing
import VideoCore

@testable import VideoRender

@Suite struct RendererTests {
    /// 16:9, 9:16 and 1:1 at 720p-class sizes (1080p and 4K are checked in `SceneLayoutTests`).
    static let resolutions = [
        Resolution(width: 1280, height: 720), Resolution(width: 720, height: 1280), Resolution(width: 720, height: 720),
    ]

    @Test(arguments: SampleScene.allCases, RendererTests.resolutions)
    func inkStaysInsideSafeArea(sample: SampleScene, resolution: Resolution) throws {
        let accents = AccentColor.allCases
        let context = RenderContext(
            resolution: resolution, accentColor: accents[SampleScene.allCases.firstIndex(of: sample)! % accents.count],
            sceneIndex: 2, sceneCount: 9, videoTitle: "Swift on Linux")
        let canvas = try RendererRegistry.standard.render(try sample.scene(), context: context)
        #expect(canvas.width == resolution.width && canvas.height == resolution.height)
        let ink = try #require(canvas.inkBounds(background: context.theme.background))
        #expect(context.safeArea.contains(ink), "ink \(ink) leaves safe area \(context.safeArea)")
        // Text draws: a good share of pixels is close to the text colour.
        #expect(canvas.count(of: context.theme.text, tolerance: 0.1, step: 3) > 100)
        #expect(canvas.count(of: context.accent, step: 3) > 40, "accent colour missing")
    }

    @Test(arguments: SampleScene.oneOfEachType + [.listLong, .commandLong, .quizLong, .comparisonLong, .exerciseLong])
    func lightThemeStaysInsideSafeArea(sample: SampleScene) throws {
        let context = RenderContext(resolution: Resolution(width: 1280, height: 720), theme: .light, videoTitle: "Demo")
        let canvas = try RendererRegistry.standard.render(try sample.scene(), context: context)
        let ink = try #require(canvas.inkBounds(background: VideoTheme.light.background))
        #expect(context.safeArea.contains(ink))
        #expect(canvas.count(of: VideoTheme.light.text, tolerance: 0.1) > 200)
    }

    @Test func rendersNonLatinText() throws {
        let texts = ["مرحبا بالعالم، هذا اختبار للنص العربي", "你好，世界。这是中文测试。", "Emoji 🎬🚀✨ and Ελληνικά, עברית, हिन्दी"]
        let context = RenderContext(sceneCount: 3, videoTitle: texts[1])
        for (i, text) in texts.enumerated() {
            let scenes: [SceneContent] = [
                .title(TitleContent(title: text, subtitle: text)),
                .list(ListContent(heading: text, items: [text, text])),
                .command(CommandContent(heading: text, code: "echo \"\(text)\"", caption: text)),
                .quote(QuoteContent(text: text, attribution: text)), .outro(OutroContent(title: text, subtitle: text)),
            ]
            for content in scenes {
                let canvas = try RendererRegistry.standard.render(
                    try SceneConfig(sceneID: "s\(i)", content: content), context: context)
                let ink = try #require(canvas.inkBounds(background: context.theme.background))
                #expect(context.safeArea.contains(ink))
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        let scene = try SampleScene.commandShort.scene()
        let context = RenderContext(resolution: Resolution(width: 640, height: 360), videoTitle: "Same")
        let a = try RendererRegistry.standard.render(scene, context: context)
        let b = try RendererRegistry.standard.render(scene, context: context)
        let bytesA = a.withBGRA { Data(bytes: $0, count: $1 * a.height) }
        let bytesB = b.withBGRA { Data(bytes: $0, count: $1 * b.height) }
        #expect(bytesA == bytesB)
    }

    @Test func concurrentRenderingMatchesSerialRendering() async throws {
        let context = RenderContext(
            resolution: Resolution(width: 640, height: 360), sceneCount: 4, videoTitle: "Threads")
        let samples: [SampleScene] = [.titleShort, .listShort, .commandShort, .quoteShort, .outroShort, .listLong]
        func pixels(_ sample: SampleScene) throws -> Data {
            let canvas = try RendererRegistry.standard.render(try sample.scene(), context: context)
            return canvas.withBGRA { Data(bytes: $0, count: $1 * canvas.height) }
        }
        let serial = try samples.map(pixels)
        let concurrent = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for round in 0..<3 {
                for (i, sample) in samples.enumerated() { group.addTask { (i, try pixels(sample)) } }
                _ = round
            }
            var results: [(Int, Data)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == samples.count * 3)
        for (i, data) in concurrent {
            #expect(data == serial[i], "scene \(samples[i]) differs when drawn concurrently")
        }
    }

    @Test func writesContactImages() throws {
        let dir = try contactDirectory()
        let context = RenderContext(accentColor: .blue, sceneIndex: 3, sceneCount: 12, videoTitle: "Swift Packages 101")
        for sample in SampleScene.allCases {
            let canvas = try RendererRegistry.standard.render(try sample.scene(), context: context)
            let url = dir.appendingPathComponent("\(sample.rawValue).png")
            try canvas.writePNG(to: url)
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
        let scripts = try SceneConfig(
            sceneID: "scripts",
            content: .list(
                ListContent(
                    heading: "Scripts · نصوص · 文字",
                    items: [
                        "مرحبا بالعالم، هذا اختبار للنص العربي", "你好，世界。这是中文测试。", "Emoji 🎬🚀✨", "Ελληνικά, עברית, हिन्दी",
                    ])))
        let light = RenderContext(
            accentColor: .green, theme: .light, sceneIndex: 1, sceneCount: 5, videoTitle: "Scripts")
        try RendererRegistry.standard.render(scripts, context: context).writePNG(
            to: dir.appendingPathComponent("scripts.png"))
        try RendererRegistry.standard.render(try SampleScene.commandShort.scene(), context: light)
            .writePNG(to: dir.appendingPathComponent("light-command.png"))
        let small = RenderContext(
            resolution: Resolution(width: 1280, height: 720), accentColor: .pink, sceneCount: 5, videoTitle: "Small")
        try RendererRegistry.standard.render(try SampleScene.quoteShort.scene(), context: small)
            .writePNG(to: dir.appendingPathComponent("720-quote.png"))
    }

    // MARK: - Registry

    /// Fills the frame: a title renderer that replaces the built-in one.
    struct FillingTitleRenderer: SceneRenderer {
        var color: RGBColor
        func draw(_ content: TitleContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
            canvas.fill(color)
        }
    }

    /// An app's diagram scene.
    struct DiagramContent: SceneContentPayload {
        static let sceneType: SceneType = "diagram"
        var caption: String?
    }

    struct DiagramRenderer: SceneRenderer {
        func draw(_ content: DiagramContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
            canvas.fill(RGBColor(hex: 0x00FF00))
        }
    }

    @Test func standardRegistryHasTheFourteenBuiltIns() {
        let registry = RendererRegistry.standard
        #expect(Set(registry.sceneTypes) == Set(SceneType.builtIn))
        #expect(registry.sceneTypes.count == 14)
        for type in registry.sceneTypes { #expect(registry.renderer(for: type)?.sceneType == type) }
        #expect(registry.renderer(for: "diagram") == nil)
    }

    @Test func registeringReplacesTheRendererOfTheSameType() throws {
        var registry = RendererRegistry.standard
        registry.register(FillingTitleRenderer(color: RGBColor(hex: 0xFF0000)))
        registry.register(DiagramRenderer())
        #expect(registry.sceneTypes.first == .title && registry.sceneTypes.last == "diagram")
        #expect(registry.sceneTypes.count == 15)
        let context = RenderContext(resolution: Resolution(width: 64, height: 64))
        let title = try registry.render(try SampleScene.titleShort.scene(), context: context)
        #expect(title.pixel(x: 10, y: 10) == RGBColor(hex: 0xFF0000))
        let custom = try SceneConfig(sceneID: "d", content: try SceneContent(DiagramContent()))
        #expect(try registry.render(custom, context: context).pixel(x: 1, y: 1) == RGBColor(hex: 0x00FF00))
    }

    @Test func missingRendererThrows() throws {
        let scene = try SceneConfig(
            sceneID: "q", content: .custom(CustomSceneContent(type: "poll", fields: ["question": .string("?")])))
        let error = try #require(throws: VideoError.self) {
            try RendererRegistry.standard.render(scene, context: RenderContext())
        }
        #expect(error.code == .render)
        #expect(error.message == "no renderer for scene type 'poll'")
        #expect(throws: VideoError.self) { try RendererRegistry.standard.identity(of: "poll") }
    }

    @Test func safeAreaAndScaleFollowTheResolution() {
        let context = RenderContext(resolution: Resolution(width: 1280, height: 720))
        #expect(context.safeArea == Rect(x: 64, y: 36, width: 1152, height: 648))
        #expect(abs(context.scale - 2.0 / 3.0) < 1e-9)
        #expect(RenderContext(resolution: Resolution(width: 1080, height: 1920)).scale == 1)
    }
}
