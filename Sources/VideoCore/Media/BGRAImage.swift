/// A still image as premultiplied BGRA bytes, for drawing on a Cairo canvas.
internal import CFFmpeg
import Foundation

/// A picture as rows of premultiplied BGRA bytes (Cairo's `ARGB32` on little-endian
/// machines), `stride` bytes apart: what a canvas draws an image from.
package struct BGRAImage: Sendable, Hashable {
    /// Width in pixels.
    package let width: Int
    /// Height in pixels.
    package let height: Int
    /// Bytes from one row to the next (a multiple of 4, at least `4 × width`).
    package let stride: Int
    /// `stride × height` bytes.
    package let pixels: [UInt8]

    /// Wraps premultiplied BGRA rows.
    /// - Parameters:
    ///   - width: Width in pixels.
    ///   - height: Height in pixels.
    ///   - stride: Bytes from one row to the next.
    ///   - pixels: `stride × height` bytes.
    package init(width: Int, height: Int, stride: Int, pixels: [UInt8]) {
        precondition(stride >= width * 4 && pixels.count >= stride * height, "BGRA rows too short")
        self.width = width
        self.height = height
        self.stride = stride
        self.pixels = pixels
    }
}

extension ImageDecoder {
    /// Decodes the first picture of an image file (PNG, JPEG, WebP, …) to BGRA with its
    /// transparency, scaled down (never up) to fit within `maxWidth × maxHeight`.
    /// - Parameters:
    ///   - url: The image file.
    ///   - maxWidth: The widest the result may be, in pixels.
    ///   - maxHeight: The highest the result may be, in pixels.
    /// - Returns: The picture, premultiplied.
    /// - Throws: `VideoError` (`.media`) when the file is missing, not an image libav reads,
    ///   corrupt, or too large to decode.
    package static func decodeBGRA(_ url: URL, fitting maxWidth: Int, _ maxHeight: Int) throws -> BGRAImage {
        let (picture, _, _, _) = try firstPicture(
            url, reducedTo: max(1, min(maxWidth, maxHeight)), maximumPixels: maximumDecodedPixels)
        let scale = min(
            1, Double(max(1, maxWidth)) / Double(picture.width), Double(max(1, maxHeight)) / Double(picture.height))
        let width = max(1, Int((Double(picture.width) * scale).rounded()))
        let height = max(1, Int((Double(picture.height) * scale).rounded()))
        let frame = picture.frame
        guard
            let context = sws_getContext(
                frame.pointee.width, frame.pointee.height, AVPixelFormat(rawValue: frame.pointee.format), Int32(width),
                Int32(height), AV_PIX_FMT_BGRA, SWS_BICUBIC, nil, nil, nil)
        else {
            throw VideoError(.media, "\(url.lastPathComponent): cannot convert its pictures to BGRA")
        }
        defer { sws_freeContext(context) }
        // Padded rows (and a spare one) so swscale's vector code never writes past the buffer.
        let stride = (width * 4 + 63) & ~63
        var pixels = [UInt8](repeating: 0, count: stride * (height + 1))
        let rows = pixels.withUnsafeMutableBufferPointer { target in
            let planes: [UnsafeMutablePointer<UInt8>?] = [target.baseAddress, nil, nil, nil]
            let strides: [Int32] = [Int32(stride), 0, 0, 0]
            return sws_scale(
                context, CFFmpeg_frame_const_planes(frame), CFFmpeg_frame_linesizes(frame), 0, frame.pointee.height,
                planes, strides)
        }
        guard rows > 0 else {
            throw VideoError(.media, "\(url.lastPathComponent): converting to BGRA: \(avErrorString(rows))")
        }
        pixels.removeLast(stride)
        // Cairo wants colour premultiplied by alpha.
        for row in 0..<height {
            var i = row * stride
            for _ in 0..<width {
                let alpha = UInt16(pixels[i + 3])
                if alpha < 255 {
                    for c in 0..<3 { pixels[i + c] = UInt8((UInt16(pixels[i + c]) * alpha + 127) / 255) }
                }
                i += 4
            }
        }
        return BGRAImage(width: width, height: height, stride: stride, pixels: pixels)
    }
}
