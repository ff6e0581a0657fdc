internal import CPangoCairo
import VideoCore

extension Canvas {
    /// Draws a picture scaled into `rect` (stretched to it: give `rect` the picture's aspect
    /// ratio), with good filtering, clipped to `clip` when given.
    /// - Parameters:
    ///   - image: The picture.
    ///   - rect: Where it goes, in canvas pixels.
    ///   - clip: The area outside which nothing is drawn.
    /// - Throws: `VideoError` (`.render`) when Cairo cannot wrap the pixels.
    package func draw(_ image: BGRAImage, in rect: Canvas.Rect, clip: Canvas.Rect? = nil) throws {
        guard image.width > 0, image.height > 0, rect.width > 0, rect.height > 0 else { return }
        var pixels = image.pixels
        try pixels.withUnsafeMutableBufferPointer { buffer in
            guard
                let source = cairo_image_surface_create_for_data(
                    buffer.baseAddress, CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height),
                    Int32(image.stride))
            else { throw VideoError(.render, "cannot wrap a \(image.width)x\(image.height) picture") }
            defer { cairo_surface_destroy(source) }
            let status = cairo_surface_status(source)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw VideoError(.render, "wrapping a picture: \(String(cString: cairo_status_to_string(status)))")
            }
            cairo_save(cairo)
            defer { cairo_restore(cairo) }
            if let clip {
                cairo_rectangle(cairo, clip.x, clip.y, clip.width, clip.height)
                cairo_clip(cairo)
            }
            cairo_translate(cairo, rect.x, rect.y)
            cairo_scale(cairo, rect.width / Double(image.width), rect.height / Double(image.height))
            cairo_set_source_surface(cairo, source, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD)
            cairo_pattern_set_extend(cairo_get_source(cairo), CAIRO_EXTEND_PAD)
            cairo_rectangle(cairo, 0, 0, Double(image.width), Double(image.height))
            cairo_fill(cairo)
        }
    }

    /// Runs `body` with drawing clipped to `rect`.
    func clipped(to rect: Canvas.Rect, _ body: () throws -> Void) rethrows {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cairo)
        try body()
    }
}
