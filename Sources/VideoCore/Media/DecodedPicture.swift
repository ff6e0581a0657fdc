/// A decoded picture of any pixel format, owned: a still image or one frame of a clip.
internal import CFFmpeg

/// One decoded picture (any libav pixel format, any size) that `PictureCompositor` can draw from.
///
/// `ImageDecoder` returns photos as yuv420p (BT.709, limited range) scaled to the size asked
/// for; `VideoClipDecoder` returns its frames as the codec produced them (a new reference to the
/// decoder's buffer, no copy).
///
/// # Thread safety
/// The frame is never written after `init`; buffer references are atomic, so sharing it
/// between tasks is safe, hence `@unchecked Sendable`.
package final class DecodedPicture: @unchecked Sendable {
    /// The owned frame. Never mutated after `init` returns.
    internal let frame: UnsafeMutablePointer<AVFrame>
    /// Width in pixels.
    package let width: Int
    /// Height in pixels.
    package let height: Int
    /// Presentation time in seconds (0 for stills).
    package let time: Double

    /// Takes a new reference to `source`'s buffers.
    internal init(referencing source: UnsafeMutablePointer<AVFrame>, time: Double = 0) throws {
        guard let frame = av_frame_clone(source) else {
            throw VideoError(.media, "could not reference a decoded picture")
        }
        self.frame = frame
        self.width = Int(frame.pointee.width)
        self.height = Int(frame.pointee.height)
        self.time = time
    }

    /// Takes ownership of `frame`.
    internal init(owning frame: UnsafeMutablePointer<AVFrame>, time: Double = 0) {
        self.frame = frame
        self.width = Int(frame.pointee.width)
        self.height = Int(frame.pointee.height)
        self.time = time
    }

    /// Copies a BGRA image (opaque or premultiplied rows, as a canvas draws them) into a picture
    /// of its own, so `ImageEncoder` can write it.
    /// - Parameter image: The rows to copy.
    /// - Throws: `VideoError` (`.media`) when the frame cannot be allocated.
    package convenience init(_ image: BGRAImage) throws {
        guard var frame = Optional(av_frame_alloc()), let made = frame else {
            throw VideoError(.media, "could not allocate a picture")
        }
        made.pointee.width = Int32(image.width)
        made.pointee.height = Int32(image.height)
        made.pointee.format = AV_PIX_FMT_BGRA.rawValue
        let status = av_frame_get_buffer(made, 0)
        guard status >= 0 else {
            av_frame_free(&frame)
            throw VideoError(.media, "allocating a \(image.width)x\(image.height) picture: \(avErrorString(status))")
        }
        let stride = Int(made.pointee.linesize.0)
        image.pixels.withUnsafeBytes { source in
            for row in 0..<image.height {
                (made.pointee.data.0! + row * stride).update(
                    from: source.baseAddress!.assumingMemoryBound(to: UInt8.self) + row * image.stride,
                    count: image.width * 4)
            }
        }
        self.init(owning: made)
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&owned)
    }

    /// The width-to-height ratio (1 for an empty picture).
    package var aspectRatio: Double { height > 0 ? Double(width) / Double(height) : 1 }

    /// A grayscale (luma) thumbnail of exactly `width × height` pixels, row-major, area-averaged.
    ///
    /// Used for quality analysis and near-duplicate hashing; the picture is stretched to the size.
    /// - Throws: `VideoError` (`.media`) when swscale refuses the picture's format.
    package func grayThumbnail(width: Int, height: Int) throws -> [UInt8] {
        try GrayScaler(width: width, height: height).thumbnail(
            of: frame, what: "a \(self.width)x\(self.height) picture")
    }

    /// A `width × height` luma thumbnail of the picture as it shows when turned by an EXIF
    /// `orientation` (a clip's display rotation, say); `width × height` is the shown size.
    /// - Throws: `VideoError` (`.media`) when swscale refuses the picture's format.
    package func grayThumbnail(width: Int, height: Int, orientation: Int) throws -> [UInt8] {
        guard (2...8).contains(orientation) else { return try grayThumbnail(width: width, height: height) }
        let swaps = (5...8).contains(orientation)
        let (storedWidth, storedHeight) = swaps ? (height, width) : (width, height)
        let stored = try grayThumbnail(width: storedWidth, height: storedHeight)
        var out = [UInt8](repeating: 0, count: width * height)
        stored.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                orientPlane(
                    source.baseAddress!, stride: storedWidth, width: storedWidth, height: storedHeight,
                    orientation: orientation, into: target.baseAddress!, stride: width)
            }
        }
        return out
    }
}
