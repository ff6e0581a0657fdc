import Foundation
import VideoCore

/// Smart crop: in a 9:16 or 1:1 frame filled from a picture of another shape, the crop is
/// centred on the picture's salient point (`MediaQuality.salientPoint`) instead of its middle,
/// and the Ken Burns move ends there.
extension EditPlanner {
    /// `motion` aimed at the salient point of `item`: the end of the move centred on it, the
    /// start halfway between the move's own start and it (a still centred on it).
    /// - Parameters:
    ///   - motion: The shot's Ken Burns move.
    ///   - item: The photo, with its salient point.
    ///   - frameAspect: Width over height of the frame.
    func aimed(_ motion: MontageTimeline.Motion, at item: AnalyzedMedia, frameAspect: Double)
        -> MontageTimeline.Motion
    {
        guard let sx = item.salientX, let sy = item.salientY, item.item.width > 0, item.item.height > 0 else {
            return motion
        }
        let pictureAspect = Double(item.item.width) / Double(item.item.height)
        /// The pan position (0–1 of the room) that centres a crop at `zoom` on the salient point.
        func centred(zoom: Double) -> (x: Double, y: Double) {
            // The crop's share of the picture's width and height.
            var fw = 1.0, fh = 1.0
            if pictureAspect > frameAspect {
                fw = frameAspect / pictureAspect
            } else {
                fh = pictureAspect / frameAspect
            }
            fw /= zoom
            fh /= zoom
            func pan(_ s: Double, _ f: Double) -> Double { f >= 1 - 1e-9 ? 0.5 : min(1, max(0, (s - f / 2) / (1 - f))) }
            return (pan(sx, fw), pan(sy, fh))
        }
        func r(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
        var aimed = motion
        let end = centred(zoom: motion.endZoom), start = centred(zoom: motion.startZoom)
        aimed.endX = r(end.x)
        aimed.endY = r(end.y)
        let still = motion.startZoom == motion.endZoom && motion.startX == motion.endX && motion.startY == motion.endY
        aimed.startX = r(still ? start.x : (motion.startX + start.x) / 2)
        aimed.startY = r(still ? start.y : (motion.startY + start.y) / 2)
        return aimed
    }
}
