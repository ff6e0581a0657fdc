import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Image scenes draw PNG and SVG pictures fitted with their caption; table scenes draw every
/// cell whole and continue long tables.
@Suite struct PictureTableRendererTests {
    let context = RenderContext(resolution: Resolution(width: 640, height: 360), videoTitle: "Pictures")

    func close(_ a: RGBColor, _ b: RGBColor) -> Bool {
        abs(a.red - b.red) < 0.05 && abs(a.green - b.green) < 0.05 && abs(a.blue - b.blue) < 0.05
    }

    @Test func aPNGIsFittedInsideTheSafeAreaWithItsCaption() throws {
        let canvas = try RendererRegistry.standard.render(try SampleScene.imageShort.scene(), context: context)
        for color in TestPictures.quarters.map(RGBColor.init(hex:)) {
            #expect(canvas.count(of: color, tolerance: 0.03) > 300, "\(color) missing")
        }
        let ink = try #require(canvas.inkBounds(background: context.theme.background))
        #expect(context.safeArea.contains(ink))
        #expect(canvas.cutTexts.isEmpty)
    }

    @Test func anSVGIsDrawnThroughLibrsvg() throws {
        let canvas = try RendererRegistry.standard.render(try SampleScene.imageSVG.scene(), context: context)
        #expect(canvas.count(of: RGBColor(hex: TestPictures.svgCircle), tolerance: 0.03) > 500)
        // The drawing keeps its 3:2 shape: the circle is round.
        var xs: [Int] = [], ys: [Int] = []
        for y in 0..<canvas.height {
            for x in 0..<canvas.width where close(canvas.pixel(x: x, y: y), RGBColor(hex: TestPictures.svgCircle)) {
                xs.append(x)
                ys.append(y)
            }
        }
        let width = Double(xs.max()! - xs.min()!), height = Double(ys.max()! - ys.min()!)
        #expect(abs(width - height) <= 2, "circle \(width)×\(height)")
    }

    @Test func zoomChangesThePictureEveryFrameAndStaysInItsBox() throws {
        let scene = try SampleScene.imageLong.scene()
        let timeline = SceneTimeline.still(duration: 2, fps: 30)
        let keyframes = try RendererRegistry.standard.keyframes(for: scene, timeline: timeline)
        #expect(keyframes.count == 60)
        let first = try RendererRegistry.standard.render(
            scene, context: context, at: SceneClock(time: 0, timeline: timeline))
        let last = try RendererRegistry.standard.render(scene, context: context, at: .end(of: timeline))
        #expect(
            first.withBGRA { Data(bytes: $0, count: $1 * 360) } != last.withBGRA { Data(bytes: $0, count: $1 * 360) })
        #expect(context.safeArea.contains(try #require(last.inkBounds(background: context.theme.background))))
        #expect(
            try RendererRegistry.standard.keyframes(for: try SampleScene.imageShort.scene(), timeline: timeline) == [0])
    }

    @Test func aMissingPictureIsAClearError() throws {
        let scene = try SceneConfig(sceneID: "i", content: .image(ImageContent(path: "/nonexistent/picture.png")))
        #expect(throws: VideoError.self) { try RendererRegistry.standard.render(scene, context: context) }
    }

    @Test func tableCellsAreDrawnWholeAndLongTablesAreContinued() throws {
        let short = try SampleScene.tableShort.scene()
        let canvas = try RendererRegistry.standard.render(short, context: context)
        #expect(canvas.cutTexts.isEmpty)
        #expect(try RendererRegistry.standard.fits(short, context: context))
        // Zebra rows: the header tint and the alternate-row shade are both drawn.
        let theme = context.theme
        #expect(canvas.count(of: context.accent.mixed(with: theme.background, fraction: 0.7), tolerance: 0.02) > 300)
        #expect(canvas.count(of: theme.surface.mixed(with: theme.background, fraction: 0.25), tolerance: 0.01) > 300)

        let long = try SampleScene.tableLong.scene()
        #expect(try !RendererRegistry.standard.fits(long, context: context))
        let config = try VideoConfig(videoID: "t", title: "Tables", resolution: context.resolution, scenes: [long])
        let (fitted, warnings) = try SceneFitter(registry: .standard, theme: .dark).fit(config)
        #expect(fitted.scenes.count > 1 && warnings.count == 1)
        var rows: [[String]] = []
        for (k, scene) in fitted.scenes.enumerated() {
            guard case .table(let part) = scene.content else {
                Issue.record("part \(k) is not a table")
                continue
            }
            #expect(part.header == ["Name", "What it does", "Since"], "every part keeps the header")
            #expect(part.heading.hasSuffix("(\(k + 1)/\(fitted.scenes.count))"))
            #expect(try RendererRegistry.standard.fits(scene, context: context))
            #expect(try RendererRegistry.standard.render(scene, context: context).cutTexts.isEmpty)
            rows += part.rows
        }
        guard case .table(let original) = long.content else { return }
        #expect(rows == original.rows, "no row lost or repeated")
    }
}
