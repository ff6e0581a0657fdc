import VideoCore

/// Draws a picture fitted inside the safe area (its aspect ratio kept, centred) with its
/// caption under it (below a short accent bar); with `zoom`, the picture zooms in slowly (by `zoomAmount` over the
/// scene, one picture per frame), staying inside the box it was fitted to.
package struct ImageRenderer: SceneRenderer {
    /// How much larger the picture is at the end of a zooming scene than at its start.
    static let zoomAmount = 0.08

    /// Creates the renderer.
    package init() {}

    /// Every frame when the picture zooms, else only 0.
    package func keyframes(for content: ImageContent, timeline: SceneTimeline) -> [Double] {
        guard content.zoom, timeline.fps > 0, timeline.frameCount > 1 else { return [0] }
        return (0..<timeline.frameCount).map { Double($0) / Double(timeline.fps) }
    }

    /// Draws the picture as it looks at `clock`.
    /// - Throws: `VideoError` (`.render`) naming the file when it cannot be read.
    package func draw(_ content: ImageContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) throws {
        let u = context.scale
        let area = SlideChrome.drawBackground(on: canvas, context: context)
        var pictureArea = area
        if let caption = content.caption?.trimmingCharacters(in: .whitespacesAndNewlines), !caption.isEmpty {
            // The caption at the bottom under a short accent bar, the picture above it.
            let style = TextStyle(
                size: 40 * u, minimumSize: 22 * u, color: context.theme.text, alignment: .center, lineSpacing: 1.1)
            let box = Rect(x: area.x, y: 0, width: area.width, height: min(area.height * 0.2, 150 * u))
            let height = canvas.fit(TextBlock(caption, style: style), in: box).frame.height
            var captionBox = box
            captionBox.y = area.maxY - height
            captionBox.height = height
            canvas.draw(TextBlock(caption, style: style), in: captionBox)
            let bar = Rect(
                x: (area.center.x - 80 * u).rounded(), y: (captionBox.y - 24 * u).rounded(), width: 160 * u,
                height: (10 * u).rounded())
            canvas.fillRect(bar, color: context.accent, cornerRadius: 4 * u)
            pictureArea = area.inset(bottom: area.maxY - bar.y + 24 * u)
        }
        guard pictureArea.width >= 1, pictureArea.height >= 1 else { return }
        let zoom = content.zoom ? 1 + Self.zoomAmount * progress(clock) : 1
        let maxZoom = content.zoom ? 1 + Self.zoomAmount : 1
        let picture = try PictureCache.shared.picture(
            at: content.path, fitting: Int((pictureArea.width * maxZoom).rounded(.up)),
            Int((pictureArea.height * maxZoom).rounded(.up)))
        let fitted = Self.fit(width: Double(picture.width), height: Double(picture.height), in: pictureArea)
        let shown = Rect(
            x: fitted.center.x - fitted.width * zoom / 2, y: fitted.center.y - fitted.height * zoom / 2,
            width: fitted.width * zoom, height: fitted.height * zoom)
        try canvas.draw(picture, in: shown, clip: fitted)
    }

    /// How far through the scene `clock` is, 0–1.
    private func progress(_ clock: SceneClock) -> Double {
        guard clock.duration > 0 else { return 1 }
        return min(1, max(0, clock.time / clock.duration))
    }

    /// A `width × height` picture scaled to fit `box`, centred, on whole pixels.
    static func fit(width: Double, height: Double, in box: Rect) -> Rect {
        let scale = min(box.width / width, box.height / height)
        let w = (width * scale).rounded(.down), h = (height * scale).rounded(.down)
        return Rect(x: (box.center.x - w / 2).rounded(), y: (box.center.y - h / 2).rounded(), width: w, height: h)
    }
}
