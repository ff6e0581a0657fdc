import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Arabic, Hebrew and Persian slides are mirrored: judged by where the pixels fall.
@Suite struct RightToLeftLayoutTests {
    static let size = Resolution(width: 640, height: 360)

    /// A list slide in `tag`'s own words, the second of three scenes (so the counter shows).
    func listSlide(_ tag: String) throws -> Canvas {
        let language = try Language(validating: tag)
        let p = Phrases(language)
        let scene = try SceneConfig(
            sceneID: "list",
            content: .list(ListContent(heading: p.text(.labelObjectives), items: Array(p.ordinals.prefix(3)))))
        let context = RenderContext(
            resolution: Self.size, sceneIndex: 1, sceneCount: 3, videoTitle: p.text(.thanks), language: language)
        return try RendererRegistry.standard.render(scene, context: context)
    }

    /// The x positions of pixels in `rows` that `matches` accepts.
    func columns(of canvas: Canvas, rows: Range<Int>, where matches: (RGBColor) -> Bool) -> [Int] {
        var xs: [Int] = []
        for y in rows { for x in 0..<canvas.width where matches(canvas.pixel(x: x, y: y)) { xs.append(x) } }
        return xs
    }

    func isAccent(_ c: RGBColor) -> Bool {
        let a = RGBColor(.blue)
        return abs(c.red - a.red) < 0.08 && abs(c.green - a.green) < 0.08 && abs(c.blue - a.blue) < 0.08
    }

    func isText(_ c: RGBColor) -> Bool { c.red > 0.8 && c.green > 0.8 && c.blue > 0.8 }

    @Test(arguments: ["ar", "he", "fa"]) func slidesAreMirrored(tag: String) throws {
        let rtl = try listSlide(tag), ltr = try listSlide("en")
        let w = Double(Self.size.width), h = Self.size.height
        let safe = RenderContext(resolution: Self.size).safeArea
        // The heading: flush with the right edge of the safe area, not the left.
        let band = Int(safe.minY)..<Int(safe.minY + 30)
        let rtlHeading = columns(of: rtl, rows: band, where: isText)
        let ltrHeading = columns(of: ltr, rows: band, where: isText)
        #expect(Double(try #require(rtlHeading.max())) > safe.maxX - 8, "\(tag)")
        #expect(Double(try #require(rtlHeading.min())) > w * 0.4, "\(tag)")
        #expect(Double(try #require(ltrHeading.min())) < safe.minX + 8)
        // The accent bar and the bullets on the right; the footer's counter and its dot on the
        // right in both directions, the title beside them in a mirrored slide.
        let body = Int(safe.minY)..<Int(safe.maxY - 20)
        let rtlAccent = columns(of: rtl, rows: body, where: isAccent)
        let ltrAccent = columns(of: ltr, rows: body, where: isAccent)
        #expect(rtlAccent.count > 50 && ltrAccent.count > 50)
        #expect(Double(rtlAccent.reduce(0, +)) / Double(rtlAccent.count) > w * 0.75, "\(tag)")
        #expect(Double(ltrAccent.reduce(0, +)) / Double(ltrAccent.count) < w * 0.25)
        let footer = Int(safe.maxY - 20)..<h
        let rtlDot = columns(of: rtl, rows: footer, where: isAccent)
        let ltrDot = columns(of: ltr, rows: footer, where: isAccent)
        #expect(!rtlDot.isEmpty && rtlDot.allSatisfy { Double($0) > w * 0.75 }, "\(tag)")
        #expect(!ltrDot.isEmpty && ltrDot.allSatisfy { Double($0) > w * 0.75 })
        let dotLeft = Double(try #require(rtlDot.min()))
        let background = rtl.pixel(x: 2, y: h - 2)
        func isInk(_ c: RGBColor) -> Bool {
            abs(c.red - background.red) + abs(c.green - background.green) + abs(c.blue - background.blue) > 0.3
                && !isAccent(c)
        }
        let rtlInk = columns(of: rtl, rows: footer, where: isInk)
        let counterInk = rtlInk.filter { Double($0) > dotLeft }
        let titleInk = rtlInk.filter { Double($0) < dotLeft }
        #expect(!counterInk.isEmpty, "\(tag): the counter stands right of its dot")
        #expect(!titleInk.isEmpty && Double(titleInk.min()!) > w * 0.3, "\(tag): the title is set from the right")
        #expect(Double(titleInk.max()!) > w * 0.6, "\(tag)")
        #expect(rtl.missingGlyphTexts.isEmpty && rtl.cutTexts.isEmpty)
    }
}
