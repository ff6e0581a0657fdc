internal import CFFmpeg
/// Turning pictures upright: the eight EXIF orientations.
import Foundation

extension YUVFrame {
    /// A copy turned by an EXIF orientation (1 as stored; 2 mirrored; 3 turned 180°; 4 flipped;
    /// 5 transposed; 6 needing a quarter turn clockwise; 7 transversed; 8 needing a quarter turn
    /// anticlockwise), so it shows upright. Orientations 5–8 swap width and height.
    /// - Throws: `VideoError` when the new frame cannot be allocated.
    func oriented(_ orientation: Int) throws -> YUVFrame {
        let swaps = (5...8).contains(orientation)
        let out = try YUVFrame(width: swaps ? height : width, height: swaps ? width : height)
        for plane in 0..<3 {
            let (w, h) = plane == 0 ? (width, height) : ((width + 1) / 2, (height + 1) / 2)
            let (outW, outH) = swaps ? (h, w) : (w, h)
            let source = CFFmpeg_frame_plane(frame, Int32(plane))!
            let sourceStride = Int(CFFmpeg_frame_linesize(frame, Int32(plane)))
            let target = CFFmpeg_frame_plane(out.frame, Int32(plane))!
            let targetStride = Int(CFFmpeg_frame_linesize(out.frame, Int32(plane)))
            for y in 0..<outH {
                let row = target + y * targetStride
                for x in 0..<outW {
                    // Which stored pixel shows at (x, y).
                    let (sx, sy): (Int, Int)
                    switch orientation {
                    case 2: (sx, sy) = (w - 1 - x, y)
                    case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                    case 4: (sx, sy) = (x, h - 1 - y)
                    case 5: (sx, sy) = (y, x)
                    case 6: (sx, sy) = (y, h - 1 - x)
                    case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                    case 8: (sx, sy) = (w - 1 - y, x)
                    default: (sx, sy) = (x, y)
                    }
                    row[x] = source[sy * sourceStride + sx]
                }
            }
        }
        return out
    }
}
