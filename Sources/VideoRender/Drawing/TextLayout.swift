internal import CPangoCairo
import VideoCore

/// A Pango layout holding one text block, fitted into a box: the thin wrapper over Pango.
///
/// Fitting wraps at word boundaries (characters when a word is longer than the line), shrinks
/// the font from the style's size towards its minimum, and when even the minimum does not
/// fit, cuts the text short with an ellipsis so it never leaves the box.
///
/// In a right-to-left language the layout is mirrored: text set to start at the left starts
/// at the right whatever its first letters' direction (Pango already swaps the alignment of
/// right-to-left paragraphs; a paragraph that starts with Latin letters is swapped here).
/// Monospaced text (code) keeps its own direction and alignment.
final class TextLayout {
    private let layout: OpaquePointer
    private let style: TextStyle
    private(set) var fontSize: Double = 0

    init(_ block: TextBlock, engine: TextEngine) {
        layout = pango_layout_new(engine.context)
        style = block.style
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let align: PangoAlignment
        switch block.style.alignment {
        case .left: align = PANGO_ALIGN_LEFT
        case .center: align = PANGO_ALIGN_CENTER
        case .right: align = PANGO_ALIGN_RIGHT
        }
        if block.style.lineSpacing != 1 { pango_layout_set_line_spacing(layout, Float(block.style.lineSpacing)) }
        switch block.content {
        case .plain(let text): pango_layout_set_text(layout, text, -1)
        case .markup(let markup):
            if Self.isValidMarkup(markup) {
                pango_layout_set_markup(layout, markup, -1)
            } else {
                pango_layout_set_text(layout, markup, -1)
            }
        }
        pango_layout_set_alignment(layout, align)
        if engine.mirrorsLayouts, block.style.family != FontFamily.mono, align != PANGO_ALIGN_CENTER, !isRightToLeft {
            pango_layout_set_alignment(layout, align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        }
        setFontSize(block.style.size)
    }

    deinit { CPangoCairo_object_unref(UnsafeMutableRawPointer(layout)) }

    static func isValidMarkup(_ markup: String) -> Bool {
        var error: UnsafeMutablePointer<GError>?
        let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error) != 0
        if let error { g_error_free(error) }
        return ok
    }

    func setFontSize(_ size: Double) {
        fontSize = size
        let desc = pango_font_description_new()
        pango_font_description_set_family(desc, style.family)
        let weight: PangoWeight
        switch style.weight {
        case .light: weight = PANGO_WEIGHT_LIGHT
        case .regular: weight = PANGO_WEIGHT_NORMAL
        case .semibold: weight = PANGO_WEIGHT_SEMIBOLD
        case .bold: weight = PANGO_WEIGHT_BOLD
        }
        pango_font_description_set_weight(desc, weight)
        pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(desc, size * Double(CPangoCairo_PANGO_SCALE))
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
    }

    /// Wraps lines at `width` pixels (`nil`: no wrapping).
    func setWidth(_ width: Double?) {
        pango_layout_set_width(layout, width.map { Self.units($0) } ?? -1)
    }

    /// Ellipsizes at the end when the text is taller than `height` pixels (`nil`: never).
    func setMaxHeight(_ height: Double?) {
        if let height {
            pango_layout_set_height(layout, Self.units(height))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        } else {
            pango_layout_set_height(layout, -1)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE)
        }
    }

    /// The logical rectangle and the union of it with the ink rectangle, in layout pixels.
    func extents() -> (logical: Rect, covered: Rect) {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_pixel_extents(layout, &ink, &logical)
        let l = Rect(
            x: Double(logical.x), y: Double(logical.y), width: Double(logical.width), height: Double(logical.height))
        guard ink.width > 0, ink.height > 0 else { return (l, l) }
        let i = Rect(x: Double(ink.x), y: Double(ink.y), width: Double(ink.width), height: Double(ink.height))
        return (l, l.union(i))
    }

    var lineCount: Int { Int(pango_layout_get_line_count(layout)) }

    /// How many characters no font on the machine has a glyph for (drawn as boxes, "tofu").
    var unknownGlyphCount: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    /// Whether the first paragraph runs right to left (Arabic, Hebrew, …).
    var isRightToLeft: Bool {
        let direction = pango_layout_get_direction(layout, 0)
        return direction == PANGO_DIRECTION_RTL || direction == PANGO_DIRECTION_WEAK_RTL
    }

    /// Whether the text, at the current size, fits within `size`.
    func fits(_ size: Size) -> Bool {
        let covered = extents().covered
        return covered.width <= size.width + 0.5 && covered.height <= size.height + 0.5
    }

    /// Fits the text into `box` (see the type's summary); returns whether all of it fitted.
    func fit(in box: Size) -> Bool {
        setWidth(box.width)
        setMaxHeight(nil)
        if fits(box) { return true }
        let minimum = style.minimumSize
        if minimum < style.size {
            setFontSize(minimum)
            if fits(box) {
                var lo = minimum, hi = style.size
                while hi - lo > max(0.5, lo * 0.02) {
                    let mid = (lo + hi) / 2
                    setFontSize(mid)
                    if fits(box) { lo = mid } else { hi = mid }
                }
                setFontSize(lo)
                return true
            }
        }
        truncate(toFit: box)
        return false
    }

    /// Cuts the text short with an ellipsis at the current size so it fits `box`.
    private func truncate(toFit box: Size) {
        setMaxHeight(box.height)
        if fits(box) { return }
        // Pango keeps one line of every paragraph whatever the height: drop whole lines.
        guard let textPointer = pango_layout_get_text(layout) else { return }
        let bytes = Array(
            UnsafeBufferPointer(
                start: UnsafeRawPointer(textPointer).assumingMemoryBound(to: UInt8.self),
                count: strlen(textPointer)))
        var starts: [Int] = []
        var bottoms: [Double] = []
        let iter = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            starts.append(Int(pango_layout_iter_get_index(iter)))
            bottoms.append(Double(logical.y + logical.height) / Double(CPangoCairo_PANGO_SCALE))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        var keep = bottoms.firstIndex { $0 > box.height } ?? bottoms.count
        let original = pango_layout_get_attributes(layout).map { pango_attr_list_copy($0) }
        defer { if let original { pango_attr_list_unref(original) } }
        while keep > 0 {
            let end = keep < starts.count ? starts[keep] : bytes.count
            var prefix = Array(bytes[..<min(end, bytes.count)])
            while let last = prefix.last, last == 0x0A || last == 0x20 || last == 0x0D || last == 0x09 {
                prefix.removeLast()
            }
            let text = String(decoding: prefix, as: UTF8.self) + "…"
            // Drop the markup attributes of the removed text so none spills onto the ellipsis.
            let attributes = original.map { pango_attr_list_copy($0) }
            if let attributes {
                pango_attr_list_update(attributes, Int32(prefix.count), Int32(bytes.count - prefix.count), 0)
            }
            pango_layout_set_text(layout, text, -1)
            if let attributes {
                pango_layout_set_attributes(layout, attributes)
                pango_attr_list_unref(attributes)
            }
            if fits(box) { return }
            keep -= 1
        }
        pango_layout_set_text(layout, "", 0)
    }

    /// Draws the layout with its top-left corner at `origin`.
    func draw(on canvas: Canvas, at origin: Point, color: RGBColor) {
        cairo_move_to(canvas.cairo, origin.x, origin.y)
        canvas.setSource(color)
        pango_cairo_show_layout(canvas.cairo, layout)
    }

    private static func units(_ pixels: Double) -> Int32 {
        Int32(clamping: Int((pixels * Double(CPangoCairo_PANGO_SCALE)).rounded(.down)))
    }
}
