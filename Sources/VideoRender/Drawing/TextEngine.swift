internal import CPangoCairo
import VideoCore

/// One canvas's Pango state: its own font map and context.
///
/// Pango's default font map is per thread and Swift tasks hop threads, so every canvas
/// makes its own (on first text use) and frees it with the canvas. A language other than
/// English is set on the context, so fontconfig's fallback picks that language's faces
/// (Noto Sans CJK JP for Japanese, SC for Chinese) and HarfBuzz its local forms.
final class TextEngine {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    /// Whether text is set for a right-to-left language (Arabic, Hebrew, Persian): its
    /// layouts are mirrored (`TextLayout`).
    let mirrorsLayouts: Bool

    init(language: Language? = nil) {
        mirrorsLayouts = language?.isRightToLeft ?? false
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        if let language, !language.isEnglish {
            pango_context_set_language(context, pango_language_from_string(Self.pangoLanguage(of: language)))
        }
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    /// The language name fontconfig knows for `language` (`zh-cn` for Simplified Chinese).
    static func pangoLanguage(of language: Language) -> String {
        language.code == "zh" ? "zh-cn" : language.tag.lowercased()
    }

    deinit {
        CPangoCairo_object_unref(UnsafeMutableRawPointer(context))
        CPangoCairo_object_unref(UnsafeMutableRawPointer(fontMap))
    }
}
