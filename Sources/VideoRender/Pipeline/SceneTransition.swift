/// Draws the frames of a transition between two pictures.
struct SceneTransition {
    var kind: Transition
    var background: RGBColor

    /// The picture `progress` (0 < progress < 1) of the way from `old` to `new`.
    func frame(from old: Canvas, to new: Canvas, progress: Double) throws -> Canvas {
        switch kind {
        case .cut:
            return new
        case .crossfade:
            let frame = old.copy()
            frame.paint(new, alpha: progress)
            return frame
        case .fade:
            let frame = try Canvas(width: new.width, height: new.height)
            frame.fill(background)
            if progress < 0.5 {
                frame.paint(old, alpha: 1 - progress * 2)
            } else {
                frame.paint(new, alpha: progress * 2 - 1)
            }
            return frame
        case .slide:
            // Ease in and out so the push starts and lands gently.
            let eased = progress * progress * (3 - 2 * progress)
            let offset = (Double(new.width) * eased).rounded()
            let frame = try Canvas(width: new.width, height: new.height)
            frame.fill(background)
            frame.paint(old, at: Point(x: -offset, y: 0))
            frame.paint(new, at: Point(x: Double(new.width) - offset, y: 0))
            return frame
        }
    }
}
