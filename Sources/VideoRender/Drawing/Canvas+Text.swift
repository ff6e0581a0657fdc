internal import CPangoCairo
import VideoCore

extension Canvas {
    /// Draws a text block inside a box, shrinking and then cutting it short so it never
    /// leaves the box.
    ///
    /// Lines wrap at word boundaries (at characters when a word is wider than the box). When
    /// the text does not fit at `style.size`, the font shrinks towards `style.minimumSize`;
    /// when it does not fit even then, it is drawn at the minimum size cut short with an
    /// ellipsis and the result's `fits` is `false`, so the caller can continue the text
    /// elsewhere. Ink never leaves `rect`.
    /// - Parameters:
    ///   - text: The text and its style.
    ///   - rect: The box to draw in.
    ///   - verticalAlignment: Where the text sits when it is shorter than the box.
    /// - Returns: The size used, the area covered and whether everything fitted.
    @discardableResult
    public func draw(_ text: TextBlock, in rect: Canvas.Rect, verticalAlignment: VerticalAlignment = .top) -> TextFit {
        let (layout, fit, origin) = prepare(text, in: rect, verticalAlignment: verticalAlignment)
        if !fit.fits {
            switch text.content {
            case .plain(let s), .markup(let s): cutTexts.append(s)
            }
        }
        guard let layout else { return fit }
        if layout.unknownGlyphCount > 0 {
            switch text.content {
            case .plain(let s), .markup(let s): missingGlyphTexts.append(s)
            }
        }
        cairo_save(cairo)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cairo)
        layout.draw(on: self, at: origin, color: text.style.color)
        cairo_restore(cairo)
        return fit
    }

    /// Draws plain text inside a box; see `draw(_:in:verticalAlignment:)`.
    @discardableResult
    public func drawText(
        _ text: String, in rect: Rect, style: TextStyle, verticalAlignment: VerticalAlignment = .top
    ) -> TextFit {
        draw(TextBlock(text, style: style), in: rect, verticalAlignment: verticalAlignment)
    }

    /// How a text block would be fitted into a box, without drawing it.
    public func fit(_ text: TextBlock, in rect: Canvas.Rect, verticalAlignment: VerticalAlignment = .top) -> TextFit {
        prepare(text, in: rect, verticalAlignment: verticalAlignment).fit
    }

    /// The size a text block takes at its style's size, wrapped at `width` pixels
    /// (`nil`: one line per paragraph), ink included.
    public func measure(_ text: TextBlock, width: Double? = nil) -> Canvas.Size {
        let layout = TextLayout(text, engine: textEngine)
        layout.setWidth(width)
        let covered = layout.extents().covered
        return Size(width: covered.width, height: covered.height)
    }

    /// Whether a text block's first paragraph runs right to left, so markers go on its right.
    func isRightToLeft(_ text: TextBlock) -> Bool {
        TextLayout(text, engine: textEngine).isRightToLeft
    }

    private func prepare(_ text: TextBlock, in rect: Rect, verticalAlignment: VerticalAlignment)
        -> (layout: TextLayout?, fit: TextFit, origin: Point)
    {
        guard rect.width >= 1, rect.height >= 1 else {
            return (
                nil,
                TextFit(
                    fits: false, fontSize: text.style.minimumSize,
                    frame: Rect(x: rect.x, y: rect.y, width: 0, height: 0), lineCount: 0), Point(x: rect.x, y: rect.y)
            )
        }
        let layout = TextLayout(text, engine: textEngine)
        let fits = layout.fit(in: Size(width: rect.width, height: rect.height))
        let (logical, covered) = layout.extents()
        var y: Double
        switch verticalAlignment {
        case .top: y = rect.minY - logical.minY
        case .center: y = rect.minY + (rect.height - logical.height) / 2 - logical.minY
        case .bottom: y = rect.maxY - logical.maxY
        }
        var x = rect.minX
        // Keep overhanging ink (italics, accents) inside the box.
        x += max(0, rect.minX - (x + covered.minX)) - max(0, (x + covered.maxX) - rect.maxX)
        y += max(0, rect.minY - (y + covered.minY)) - max(0, (y + covered.maxY) - rect.maxY)
        x = x.rounded(); y = y.rounded()
        let frame = Rect(x: x + logical.minX, y: y + logical.minY, width: logical.width, height: logical.height)
        return (
            layout, TextFit(fits: fits, fontSize: layout.fontSize, frame: frame, lineCount: layout.lineCount),
            Point(x: x, y: y)
        )
    }
}
