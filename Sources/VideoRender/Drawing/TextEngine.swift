internal import CPangoCairo
import VideoCore

/// One canvas's Pango state: its own font map and context.
///
/// Pango's default font map is per thread and Swift tasks hop threads, so every canvas
/// makes its own (on first text use) and frees it with the canvas.
final class TextEngine {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    init() {
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        CPangoCairo_object_unref(UnsafeMutableRawPointer(context))
        CPangoCairo_object_unref(UnsafeMutableRawPointer(fontMap))
    }
}
