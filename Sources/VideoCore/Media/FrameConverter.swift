/// BGRA → yuv420p conversion with libswscale, the one step between drawing and encoding.
internal import CFFmpeg

/// Converts Cairo's ARGB32 pixels (premultiplied, little-endian, i.e. `AV_PIX_FMT_BGRA`) of a
/// fixed size into yuv420p frames with BT.709 coefficients and limited (TV) range.
///
/// Uses bilinear filtering and two swscale threads. The output has the same size as the input.
///
/// # Thread safety
/// Not thread-safe: one converter per rendering task.
package final class FrameConverter {
    private let context: OpaquePointer
    /// Width of the pictures converted, in pixels.
    package let width: Int
    /// Height of the pictures converted, in pixels.
    package let height: Int

    /// Creates a converter for pictures of one size.
    /// - Parameters:
    ///   - width: Picture width in pixels (positive).
    ///   - height: Picture height in pixels (positive).
    /// - Throws: `VideoError` (`.invalidInput` for a bad size, `.encoding` when swscale refuses).
    package init(width: Int, height: Int) throws {
        guard width > 0, height > 0, width <= 16384, height <= 16384 else {
            throw VideoError(.invalidInput, "frame size \(width)x\(height) is not a valid picture size")
        }
        guard let context = sws_alloc_context() else {
            throw VideoError(.encoding, "could not allocate a swscale context")
        }
        let options: [(String, Int64)] = [
            ("srcw", Int64(width)), ("srch", Int64(height)), ("src_format", Int64(AV_PIX_FMT_BGRA.rawValue)),
            ("dstw", Int64(width)), ("dsth", Int64(height)), ("dst_format", Int64(AV_PIX_FMT_YUV420P.rawValue)),
            ("sws_flags", Int64(SWS_BILINEAR)), ("threads", 2),
        ]
        for (name, value) in options {
            let status = av_opt_set_int(UnsafeMutableRawPointer(context), name, value, 0)
            guard status >= 0 else {
                sws_freeContext(context)
                throw VideoError(.encoding, "setting swscale option \(name): \(avErrorString(status))")
            }
        }
        var status = sws_init_context(context, nil, nil)
        if status >= 0 {
            // RGB input is full range; the output is BT.709 limited range, as players expect for HD.
            let bt709 = sws_getCoefficients(SWS_CS_ITU709)
            status = sws_setColorspaceDetails(context, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16)
        }
        guard status >= 0 else {
            sws_freeContext(context)
            throw VideoError(.encoding, "setting up BGRA→yuv420p conversion: \(avErrorString(status))")
        }
        self.context = context
        self.width = width
        self.height = height
    }

    deinit {
        sws_freeContext(context)
    }

    /// Converts one picture.
    /// - Parameters:
    ///   - bgra: The first byte of the top row: `height` rows of `width` BGRA pixels.
    ///   - stride: Bytes from one row to the next (at least `4 × width`).
    /// - Returns: A new frame holding the converted picture.
    /// - Throws: `VideoError` when the stride is too small or swscale fails.
    package func convert(bgra: UnsafeRawPointer, stride: Int) throws -> YUVFrame {
        guard stride >= width * 4, stride <= Int(Int32.max) else {
            throw VideoError(.invalidInput, "row stride \(stride) is too small for \(width) BGRA pixels")
        }
        let output = try YUVFrame(width: width, height: height)
        let source: [UnsafePointer<UInt8>?] = [bgra.assumingMemoryBound(to: UInt8.self), nil, nil, nil]
        let sourceStrides: [Int32] = [Int32(stride), 0, 0, 0]
        let rows = sws_scale(
            context, source, sourceStrides, 0, Int32(height),
            CFFmpeg_frame_planes(output.frame), CFFmpeg_frame_linesizes(output.frame))
        guard rows == Int32(height) else {
            throw VideoError(.encoding, "converting a \(width)x\(height) picture to yuv420p: \(avErrorString(rows))")
        }
        return output
    }
}
