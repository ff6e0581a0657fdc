/// Draws the frames of a transition between two pictures.
struct SceneTransition {
    var kind: Transition
    var background: RGBColor

    /// The picture `progress` (0 < progress < 1) of the way from `old` to `new`, on a new canvas.
    func frame(from old: Canvas, to new: Canvas, progress: Double) throws -> Canvas {
        let frame = try Canvas(width: new.width, height: new.height)
        draw(from: old, to: new, progress: progress, on: frame)
        return frame
    }

    /// Draws the picture `progress` of the way from `old` to `new` over the whole of `frame`
    /// (a canvas of their size, reused from frame to frame).
    func draw(from old: Canvas, to new: Canvas, progress: Double, on frame: Canvas) {
        frame.fill(background)
        switch kind {
        case .cut:
            frame.paint(new)
        case .crossfade:
            frame.paint(old)
            frame.paint(new, alpha: progress)
        case .fade:
            if progress < 0.5 {
                frame.paint(old, alpha: 1 - progress * 2)
            } else {
                frame.paint(new, alpha: progress * 2 - 1)
            }
        case .slide:
            // Ease in and out so the push starts and lands gently.
            let eased = progress * progress * (3 - 2 * progress)
            let offset = (Double(new.width) * eased).rounded()
            frame.paint(old, at: Point(x: -offset, y: 0))
            frame.paint(new, at: Point(x: Double(new.width) - offset, y: 0))
        }
    }
}
