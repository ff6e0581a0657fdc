internal import CPangoCairo
import Foundation
import VideoCore

/// A picture being drawn: a 32-bit image of a fixed pixel size with a small drawing API.
///
/// Renderers draw scenes on a canvas; the encoder reads its pixels. Coordinates are pixels
/// with the origin at the top left. Text is set with Pango (any script, wrapped and fitted
/// to boxes, see `draw(_:in:verticalAlignment:)`).
///
/// # Thread safety
/// A canvas is not `Sendable`: use it from one task at a time. Each canvas has its own
/// font map, so canvases on different threads never share Pango state.
public final class Canvas {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    let surface: OpaquePointer
    let cairo: OpaquePointer
    private var textEngineStorage: TextEngine?
    /// The texts drawn cut short with an ellipsis, in drawing order (for checks that no
    /// slide text is cut).
    package internal(set) var cutTexts: [String] = []
    /// The texts drawn with characters no installed font has (Pango's unknown glyphs), in
    /// drawing order; `RendererRegistry.missingGlyphs(in:context:)` reports them.
    package internal(set) var missingGlyphTexts: [String] = []
    /// The language text is set in (fonts and shaping follow it); set before drawing text.
    public var language: Language = .english {
        didSet { if language != oldValue { textEngineStorage = nil } }
    }

    /// Creates a canvas of the given size, transparent black until something is drawn.
    /// - Throws: `VideoError` (`.render`) when the size is outside 1–16384 pixels or Cairo
    ///   cannot create the image.
    public init(width: Int, height: Int) throws {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw VideoError(.render, "canvas size \(width)x\(height) is outside 1–16384 pixels")
        }
        self.width = width
        self.height = height
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        cairo = cairo_create(surface)
        let status = cairo_status(cairo)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw VideoError(
                .render, "creating a \(width)x\(height) canvas: \(String(cString: cairo_status_to_string(status)))")
        }
    }

    /// Creates a canvas of a frame size.
    /// - Throws: `VideoError` (`.render`) when Cairo cannot create the image.
    public convenience init(resolution: Resolution) throws {
        try self.init(width: resolution.width, height: resolution.height)
    }

    deinit {
        textEngineStorage = nil
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Canvas.Rect { Rect(x: 0, y: 0, width: Double(width), height: Double(height)) }

    /// The Pango state for this canvas, made on first use.
    var textEngine: TextEngine {
        if let engine = textEngineStorage { return engine }
        let engine = TextEngine(language: language)
        textEngineStorage = engine
        return engine
    }

    // MARK: - Shapes

    /// Covers the whole canvas with `color` (replacing what was there, opacity included).
    public func fill(_ color: RGBColor) {
        cairo_save(cairo)
        cairo_set_operator(cairo, CAIRO_OPERATOR_SOURCE)
        setSource(color)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }

    /// Fills a rectangle, optionally with rounded corners.
    /// - Parameters:
    ///   - rect: The area to fill.
    ///   - color: The fill colour; its opacity blends with what is below.
    ///   - cornerRadius: The corner radius in pixels; 0 for square corners.
    public func fillRect(_ rect: Canvas.Rect, color: RGBColor, cornerRadius: Double = 0) {
        guard rect.width > 0, rect.height > 0 else { return }
        addRectPath(rect, cornerRadius: cornerRadius)
        setSource(color)
        cairo_fill(cairo)
    }

    /// Outlines a rectangle; the stroke lies inside `rect`.
    /// - Parameters:
    ///   - rect: The outer edge of the outline.
    ///   - color: The stroke colour.
    ///   - lineWidth: The stroke width in pixels.
    ///   - cornerRadius: The outer corner radius in pixels; 0 for square corners.
    public func strokeRect(_ rect: Canvas.Rect, color: RGBColor, lineWidth: Double = 1, cornerRadius: Double = 0) {
        let path = rect.insetBy(dx: lineWidth / 2, dy: lineWidth / 2)
        guard lineWidth > 0, path.width > 0, path.height > 0 else { return }
        addRectPath(path, cornerRadius: max(0, cornerRadius - lineWidth / 2))
        setSource(color)
        cairo_set_line_width(cairo, lineWidth)
        cairo_stroke(cairo)
    }

    /// Fills the ellipse inscribed in `rect` (a circle when it is square).
    public func fillEllipse(in rect: Canvas.Rect, color: RGBColor) {
        guard rect.width > 0, rect.height > 0 else { return }
        cairo_save(cairo)
        cairo_translate(cairo, rect.center.x, rect.center.y)
        cairo_scale(cairo, rect.width / 2, rect.height / 2)
        cairo_new_path(cairo)
        cairo_arc(cairo, 0, 0, 1, 0, 2 * Double.pi)
        cairo_restore(cairo)
        setSource(color)
        cairo_fill(cairo)
    }

    /// Draws a straight line with square-cut ends.
    /// - Parameters:
    ///   - start: Where the line starts.
    ///   - end: Where it ends.
    ///   - color: The line colour.
    ///   - width: The line width in pixels.
    public func drawLine(from start: Canvas.Point, to end: Canvas.Point, color: RGBColor, width: Double = 1) {
        guard width > 0 else { return }
        cairo_new_path(cairo)
        cairo_move_to(cairo, start.x, start.y)
        cairo_line_to(cairo, end.x, end.y)
        setSource(color)
        cairo_set_line_width(cairo, width)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        cairo_stroke(cairo)
    }

    // MARK: - Compositing

    /// Composites another canvas of the same size over this one.
    ///
    /// With two opaque canvases, each pixel becomes `other × alpha + self × (1 − alpha)`:
    /// painting the next scene at rising alpha gives a crossfade.
    /// - Parameters:
    ///   - other: The canvas to paint; drawn at the top left, clipped to this canvas.
    ///   - alpha: Its opacity, 0–1.
    public func paint(_ other: Canvas, alpha: Double = 1) {
        let a = min(1, max(0, alpha))
        guard a > 0 else { return }
        cairo_surface_flush(other.surface)
        cairo_save(cairo)
        cairo_set_source_surface(cairo, other.surface, 0, 0)
        if a >= 1 { cairo_paint(cairo) } else { cairo_paint_with_alpha(cairo, a) }
        cairo_restore(cairo)
    }

    /// Composites another canvas, of any size, with its top-left corner at `origin`.
    ///
    /// Parts falling outside this canvas are clipped. Slide transitions and contact sheets
    /// use it.
    /// - Parameters:
    ///   - other: The canvas to paint.
    ///   - origin: Where its top-left corner goes, in this canvas's pixels.
    ///   - alpha: Its opacity, 0–1.
    public func paint(_ other: Canvas, at origin: Canvas.Point, alpha: Double = 1) {
        let a = min(1, max(0, alpha))
        guard a > 0 else { return }
        cairo_surface_flush(other.surface)
        cairo_save(cairo)
        cairo_set_source_surface(cairo, other.surface, origin.x, origin.y)
        if a >= 1 { cairo_paint(cairo) } else { cairo_paint_with_alpha(cairo, a) }
        cairo_restore(cairo)
    }

    /// A new canvas with the same size and pixels (its own text state).
    public func copy() -> Canvas {
        // The size was valid for `self`, so only memory exhaustion could fail here.
        guard let canvas = try? Canvas(width: width, height: height) else {
            fatalError("out of memory copying a \(width)x\(height) canvas")
        }
        cairo_surface_flush(surface)
        cairo_set_operator(canvas.cairo, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_surface(canvas.cairo, surface, 0, 0)
        cairo_paint(canvas.cairo)
        cairo_set_operator(canvas.cairo, CAIRO_OPERATOR_OVER)
        return canvas
    }

    // MARK: - Output

    /// Writes the canvas as a PNG file.
    /// - Throws: `VideoError` (`.io`) with Cairo's message when the file cannot be written.
    public func writePNG(to url: URL) throws {
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, url.path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw VideoError(.io, "writing \(url.path): \(String(cString: cairo_status_to_string(status)))")
        }
    }

    /// Calls `body` with the pixels: rows of premultiplied BGRA bytes (`AV_PIX_FMT_BGRA` on
    /// little-endian machines), `stride` bytes apart, valid only during the call.
    package func withBGRA<T>(_ body: (UnsafeRawPointer, Int) throws -> T) rethrows -> T {
        cairo_surface_flush(surface)
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!)
        return try body(data, Int(cairo_image_surface_get_stride(surface)))
    }

    /// The colour of one pixel (opacity un-premultiplied).
    package func pixel(x: Int, y: Int) -> RGBColor {
        precondition((0..<width).contains(x) && (0..<height).contains(y), "pixel (\(x), \(y)) is outside the canvas")
        return withBGRA { data, stride in
            let p = data + y * stride + x * 4
            let b = Double(p.load(fromByteOffset: 0, as: UInt8.self)),
                g = Double(p.load(fromByteOffset: 1, as: UInt8.self))
            let r = Double(p.load(fromByteOffset: 2, as: UInt8.self)),
                a = Double(p.load(fromByteOffset: 3, as: UInt8.self))
            guard a > 0 else { return RGBColor(red: 0, green: 0, blue: 0, alpha: 0) }
            return RGBColor(red: r / a, green: g / a, blue: b / a, alpha: a / 255)
        }
    }

    /// The smallest rectangle holding every pixel that differs from `background` by more
    /// than `tolerance` (0–255) in any channel, or `nil` when none does.
    package func inkBounds(background: RGBColor, tolerance: Int = 2) -> Rect? {
        let a = background.alpha
        let expected = [background.blue * a, background.green * a, background.red * a, a].map {
            Int(($0 * 255).rounded())
        }
        return withBGRA { data, stride in
            var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
            let bytes = data.assumingMemoryBound(to: UInt8.self)
            for y in 0..<height {
                let row = bytes + y * stride
                var rowMin = -1, rowMax = -1
                for x in 0..<width {
                    let p = row + x * 4
                    if abs(Int(p[0]) - expected[0]) > tolerance || abs(Int(p[1]) - expected[1]) > tolerance
                        || abs(Int(p[2]) - expected[2]) > tolerance || abs(Int(p[3]) - expected[3]) > tolerance
                    {
                        if rowMin < 0 { rowMin = x }
                        rowMax = x
                    }
                }
                guard rowMin >= 0 else { continue }
                minX = min(minX, rowMin)
                maxX = max(maxX, rowMax)
                minY = min(minY, y)
                maxY = y
            }
            guard maxX >= 0 else { return nil }
            return Rect(
                x: Double(minX), y: Double(minY), width: Double(maxX - minX + 1), height: Double(maxY - minY + 1))
        }
    }

    // MARK: - Helpers

    func setSource(_ color: RGBColor) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    private func addRectPath(_ rect: Rect, cornerRadius: Double) {
        cairo_new_path(cairo)
        let r = min(max(0, cornerRadius), rect.width / 2, rect.height / 2)
        guard r > 0 else {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            return
        }
        let half = Double.pi / 2
        cairo_arc(cairo, rect.maxX - r, rect.minY + r, r, -half, 0)
        cairo_arc(cairo, rect.maxX - r, rect.maxY - r, r, 0, half)
        cairo_arc(cairo, rect.minX + r, rect.maxY - r, r, half, 2 * half)
        cairo_arc(cairo, rect.minX + r, rect.minY + r, r, 2 * half, 3 * half)
        cairo_close_path(cairo)
    }
}
