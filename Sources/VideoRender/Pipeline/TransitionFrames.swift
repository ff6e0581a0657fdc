import VideoCore

/// The frames of a transition between two scenes' pictures, composed in yuv420p with the same
/// blend the montage uses (`YUVFrame.blended(with:weight:)`), so each picture is colour-converted
/// once and not once per frame.
struct TransitionFrames {
    var kind: SceneTransition
    /// The theme's background, for a fade.
    var background: YUVFrame

    /// The picture `progress` (0 < progress < 1) of the way from `old` to `new`.
    /// - Throws: `VideoError` for frames of different sizes or when allocation fails.
    func frame(from old: YUVFrame, to new: YUVFrame, progress: Double) throws -> YUVFrame {
        switch kind {
        case .cut:
            return new
        case .crossfade:
            return try old.blended(with: new, weight: progress)
        case .fade:
            // Through the background: the old picture fades out, then the new one in.
            return progress < 0.5
                ? try background.blended(with: old, weight: 1 - progress * 2)
                : try background.blended(with: new, weight: progress * 2 - 1)
        case .slide:
            // Ease in and out so the push starts and lands gently.
            let eased = progress * progress * (3 - 2 * progress)
            return try old.slid(into: new, by: Int((Double(new.width) * eased).rounded()))
        }
    }
}
