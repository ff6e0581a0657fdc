import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

@Suite struct CanvasTests {
    static let red = RGBColor(hex: 0xFF0000)

    @Test func fillSetsEveryPixelAndPixelsAreBGRA() throws {
        let canvas = try Canvas(width: 8, height: 4)
        canvas.fill(Self.red)
        #expect(canvas.pixel(x: 7, y: 3) == Self.red)
        let (stride, first) = canvas.withBGRA { data, stride in
            (stride, Array(UnsafeRawBufferPointer(start: data, count: 4)))
        }
        #expect(stride >= 8 * 4)
        #expect(first == [0, 0, 255, 255])
        #expect(canvas.inkBounds(background: Self.red) == nil)
    }

    @Test func invalidSizeThrows() {
        #expect(throws: VideoError.self) { try Canvas(width: 0, height: 10) }
    }

    @Test func paintAtHalfAlphaBlendsHalfway() throws {
        let black = try Canvas(width: 16, height: 16), white = try Canvas(width: 16, height: 16)
        black.fill(.black)
        white.fill(.white)
        black.paint(white, alpha: 0.5)
        let p = black.pixel(x: 8, y: 8)
        #expect(abs(p.red - 0.5) < 0.01 && abs(p.green - 0.5) < 0.01 && abs(p.blue - 0.5) < 0.01)
        #expect(p.alpha == 1)
        black.paint(white, alpha: 1)
        #expect(black.pixel(x: 0, y: 0) == .white)
    }

    @Test func copyIsIndependent() throws {
        let canvas = try Canvas(width: 10, height: 10)
        canvas.fill(Self.red)
        let copy = canvas.copy()
        canvas.fill(.black)
        #expect(copy.pixel(x: 5, y: 5) == Self.red)
        #expect(canvas.pixel(x: 5, y: 5) == .black)
    }

    @Test func inkBoundsFindsAFilledRectangle() throws {
        let canvas = try Canvas(width: 100, height: 60)
        canvas.fill(.black)
        canvas.fillRect(Rect(x: 10, y: 20, width: 30, height: 15), color: .white)
        #expect(canvas.inkBounds(background: .black) == Rect(x: 10, y: 20, width: 30, height: 15))
        canvas.strokeRect(Rect(x: 50, y: 5, width: 40, height: 40), color: Self.red, lineWidth: 4, cornerRadius: 8)
        #expect(canvas.inkBounds(background: .black) == Rect(x: 10, y: 5, width: 80, height: 40))
        canvas.drawLine(from: Point(x: 0, y: 55), to: Point(x: 20, y: 55), color: .white, width: 2)
        #expect(canvas.inkBounds(background: .black)?.minX == 0)
    }

    @Test func writesAPNG() throws {
        let canvas = try Canvas(width: 32, height: 16)
        canvas.fill(Self.red)
        let temporary = try TemporaryDirectory(prefix: "vgen-canvas")
        let url = temporary.uniquePath(extension: "png")
        try canvas.writePNG(to: url)
        let data = try Data(contentsOf: url)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let error = try #require(throws: VideoError.self) {
            try canvas.writePNG(to: URL(fileURLWithPath: "/nonexistent-dir/x.png"))
        }
        #expect(error.code == .io)
    }

    // MARK: - Text

    static let box = Rect(x: 40, y: 30, width: 400, height: 120)

    func drawn(_ block: TextBlock, in box: Rect = CanvasTests.box) throws -> (Canvas, TextFit) {
        let canvas = try Canvas(width: 480, height: 200)
        canvas.fill(.black)
        let fit = canvas.draw(block, in: box)
        return (canvas, fit)
    }

    @Test func shortTextFitsAtItsSize() throws {
        let (canvas, fit) = try drawn(TextBlock("Hello", style: TextStyle(size: 40, minimumSize: 10)))
        #expect(fit.fits && fit.fontSize == 40 && fit.lineCount == 1)
        let ink = try #require(canvas.inkBounds(background: .black))
        #expect(Self.box.contains(ink))
        #expect(ink.height > 20 && ink.height < 45)
    }

    @Test func longerTextWrapsThenShrinks() throws {
        let text = "The quick brown fox jumps over the lazy dog again and again"
        let (_, wrapped) = try drawn(TextBlock(text, style: TextStyle(size: 24)))
        #expect(wrapped.fits && wrapped.lineCount > 1 && wrapped.fontSize == 24)
        let (canvas, shrunk) = try drawn(
            TextBlock(String(repeating: text + " ", count: 3), style: TextStyle(size: 40, minimumSize: 8)))
        #expect(shrunk.fits && shrunk.fontSize < 40 && shrunk.fontSize >= 8)
        #expect(Self.box.contains(try #require(canvas.inkBounds(background: .black))))
        #expect(Self.box.contains(shrunk.frame))
    }

    @Test func textTooLongForTheMinimumIsCutShortInsideTheBox() throws {
        let text = String(repeating: "overflowing words ", count: 200)
        for block in [
            TextBlock(text, style: TextStyle(size: 30, minimumSize: 16)),
            TextBlock(String(repeating: "line\n", count: 60), style: TextStyle(family: FontFamily.mono, size: 20)),
            TextBlock(
                markup: String(repeating: "<b>bold</b> line\n", count: 60), style: TextStyle(size: 20, italic: true)),
        ] {
            let (canvas, fit) = try drawn(block)
            #expect(!fit.fits)
            #expect(fit.fontSize == block.style.minimumSize)
            let ink = try #require(canvas.inkBounds(background: .black))
            #expect(Self.box.contains(ink), "ink \(ink)")
            #expect(ink.height > Self.box.height * 0.6, "the box should be mostly used")
        }
    }

    @Test func plainTextIsNotMarkup() throws {
        let canvas = try Canvas(width: 10, height: 10)
        let style = TextStyle(size: 30)
        let plain = canvas.measure(TextBlock("<b>x</b>", style: style))
        let markup = canvas.measure(TextBlock(markup: "<b>x</b>", style: style))
        #expect(plain.width > markup.width * 3)
        #expect(TextBlock.escapeMarkup("<a href='x'>&\"") == "&lt;a href=&apos;x&apos;&gt;&amp;&quot;")
        // Broken markup is shown literally rather than dropped.
        let broken = canvas.measure(TextBlock(markup: "<b>unclosed", style: style))
        #expect(broken.width > canvas.measure(TextBlock("unclosed", style: style)).width)
    }

    @Test func centredTextIsCentred() throws {
        let (canvas, _) = try drawn(TextBlock("Mid", style: TextStyle(size: 40, alignment: .center)))
        let ink = try #require(canvas.inkBounds(background: .black))
        #expect(abs(ink.center.x - Self.box.center.x) < 4)
        let (bottomCanvas, _) = try {
            let c = try Canvas(width: 480, height: 200)
            c.fill(.black)
            return (c, c.draw(TextBlock("Low", style: TextStyle(size: 40)), in: Self.box, verticalAlignment: .bottom))
        }()
        let low = try #require(bottomCanvas.inkBounds(background: .black))
        #expect(low.maxY > Self.box.maxY - 20 && low.maxY <= Self.box.maxY)
    }

    @Test(arguments: ["مرحبا بالعالم، هذا نص عربي طويل بعض الشيء", "你好，世界。这是一段中文。", "Emoji 🎬🚀✨ mixed with text"])
    func drawsAnyScript(text: String) throws {
        let (canvas, fit) = try drawn(TextBlock(text, style: TextStyle(size: 36, minimumSize: 12)))
        #expect(fit.lineCount >= 1)
        let ink = try #require(canvas.inkBounds(background: .black))
        #expect(Self.box.contains(ink))
    }

    @Test func tinyBoxDrawsNothingAndSaysSo() throws {
        let (canvas, fit) = try drawn(
            TextBlock("Hello", style: TextStyle(size: 40)), in: Rect(x: 10, y: 10, width: 0.5, height: 40))
        #expect(!fit.fits)
        #expect(canvas.inkBounds(background: .black) == nil)
    }
}
