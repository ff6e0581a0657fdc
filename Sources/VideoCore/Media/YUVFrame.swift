/// A converted picture ready for the encoder: one yuv420p `AVFrame` with its own refcounted buffer.
internal import CFFmpeg

/// One picture in yuv420p (BT.709, limited range), as `FrameConverter` produces it and
/// `MP4Writer.writeVideo(_:count:)` consumes it.
///
/// # Thread safety
/// The frame is filled once, inside `FrameConverter.convert(bgra:stride:)`, and never written
/// again: the writer sends refcounted clones (`av_frame_clone`) to the encoder, which only read
/// the shared buffer, and buffer refcounts are atomic. Sharing it between tasks is therefore
/// safe, hence `@unchecked Sendable`.
package final class YUVFrame: @unchecked Sendable {
    /// The owned frame. Never mutated after `init` returns.
    internal let frame: UnsafeMutablePointer<AVFrame>

    /// The picture's width, in pixels.
    package let width: Int
    /// The picture's height, in pixels.
    package let height: Int

    /// Allocates a yuv420p frame with an uninitialised, refcounted buffer.
    internal init(width: Int, height: Int) throws {
        guard let frame = av_frame_alloc() else {
            throw VideoError(.encoding, "could not allocate a \(width)x\(height) video frame")
        }
        YUVFrame.describe(frame, width: width, height: height)
        let status = av_frame_get_buffer(frame, 0)
        guard status >= 0 else {
            var owned: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&owned)
            throw VideoError(.encoding, "allocating a \(width)x\(height) video frame: \(avErrorString(status))")
        }
        self.frame = frame
        self.width = width
        self.height = height
    }

    /// Takes ownership of `frame`, whose buffer and planes the caller has set (`YUVFramePool`),
    /// and tags it as a `width × height` yuv420p BT.709 limited-range picture.
    internal init(describing frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) {
        YUVFrame.describe(frame, width: width, height: height)
        self.frame = frame
        self.width = width
        self.height = height
    }

    private static func describe(_ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) {
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        frame.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        frame.pointee.color_range = AVCOL_RANGE_MPEG
        frame.pointee.colorspace = AVCOL_SPC_BT709
        frame.pointee.color_primaries = AVCOL_PRI_BT709
        frame.pointee.color_trc = AVCOL_TRC_BT709
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&owned)
    }

    /// A copy of one plane's samples without row padding (0 = Y, 1 = U, 2 = V).
    ///
    /// Meant for tests and diagnostics: the luma plane is `width × height` bytes, each chroma
    /// plane `⌈width/2⌉ × ⌈height/2⌉`.
    package func plane(_ index: Int) -> [UInt8] {
        precondition((0...2).contains(index), "yuv420p has planes 0, 1 and 2")
        let planeWidth = index == 0 ? width : (width + 1) / 2
        let planeHeight = index == 0 ? height : (height + 1) / 2
        let base = CFFmpeg_frame_plane(frame, Int32(index))!
        let stride = Int(CFFmpeg_frame_linesize(frame, Int32(index)))
        var out = [UInt8](repeating: 0, count: planeWidth * planeHeight)
        out.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<planeHeight {
                (buffer.baseAddress! + row * planeWidth).update(from: base + row * stride, count: planeWidth)
            }
        }
        return out
    }
}
