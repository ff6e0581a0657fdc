/// Scaling, cropping and placing pictures into yuv420p output frames with libswscale.
internal import CFFmpeg

/// A rectangle of whole pixels.
package struct PixelRect: Sendable, Hashable, Codable {
    /// Left edge, in pixels.
    package var x: Int
    /// Top edge, in pixels.
    package var y: Int
    /// Width, in pixels.
    package var width: Int
    /// Height, in pixels.
    package var height: Int

    /// Creates a rectangle.
    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Draws decoded pictures (any format) into yuv420p frames: a crop of the source scaled into a
/// rectangle of the target, converted to BT.709 limited range, in one swscale pass.
///
/// The swscale context is cached and rebuilt only when the source or target geometry changes
/// (every frame during a Ken Burns zoom, which costs well under a millisecond). Pictures already
/// in limited-range BT.709 (our own frames, HD clips) are only scaled, not colour-converted,
/// which is about three times faster.
///
/// # Thread safety
/// Not thread-safe: one compositor per rendering task.
package final class PictureCompositor {
    private var context: OpaquePointer?
    private var key: [Int32] = []
    private let flags: Int32

    /// Creates a compositor.
    /// - Parameter highQuality: Bicubic instead of fast bilinear filtering (for one-off scaling;
    ///   per-frame Ken Burns scaling is at most ~1.2x, where fast bilinear looks the same).
    package init(highQuality: Bool = false) {
        flags = highQuality ? Int32(SWS_BICUBIC) : Int32(SWS_FAST_BILINEAR)
    }

    deinit { sws_freeContext(context) }

    /// Scales `crop` of `source` into `rect` of `target`, leaving the rest of `target` untouched.
    ///
    /// Crop and rectangle are clamped to their pictures; the target rectangle's origin is rounded
    /// down to even pixels (yuv420p chroma). Call only on a frame not yet handed to a writer.
    /// - Throws: `VideoError` (`.render`) when swscale refuses the geometry or format.
    package func draw(_ source: DecodedPicture, crop: PixelRect, into target: YUVFrame, at rect: PixelRect) throws {
        let cx = min(max(crop.x, 0), source.width - 1), cy = min(max(crop.y, 0), source.height - 1)
        let cw = min(max(crop.width, 1), source.width - cx), ch = min(max(crop.height, 1), source.height - cy)
        let tx = min(max(rect.x, 0), target.width - 2) & ~1, ty = min(max(rect.y, 0), target.height - 2) & ~1
        let tw = min(max(rect.width, 2), target.width - tx), th = min(max(rect.height, 2), target.height - ty)
        guard let clone = av_frame_clone(source.frame) else {
            throw VideoError(.render, "could not reference a picture")
        }
        defer { var owned: UnsafeMutablePointer<AVFrame>? = clone; av_frame_free(&owned) }
        clone.pointee.crop_left = Int(cx)
        clone.pointee.crop_top = Int(cy)
        clone.pointee.crop_right = Int(source.width - cx - cw)
        clone.pointee.crop_bottom = Int(source.height - cy - ch)
        try avCheck(av_frame_apply_cropping(clone, Int32(AV_FRAME_CROP_UNALIGNED)), "cropping a picture", code: .render)
        let context = try prepare(clone, width: tw, height: th)
        let out = target.frame
        var planes: [UnsafeMutablePointer<UInt8>?] = [nil, nil, nil, nil]
        var strides: [Int32] = [0, 0, 0, 0]
        for plane in 0..<3 {
            let shift = plane == 0 ? 0 : 1
            let stride = CFFmpeg_frame_linesize(out, Int32(plane))
            planes[plane] = CFFmpeg_frame_plane(out, Int32(plane))! + (ty >> shift) * Int(stride) + (tx >> shift)
            strides[plane] = stride
        }
        let rows = sws_scale(
            context, CFFmpeg_frame_const_planes(clone), CFFmpeg_frame_linesizes(clone), 0, clone.pointee.height, planes,
            strides)
        guard rows > 0 else { throw VideoError(.render, "scaling a picture: \(avErrorString(rows))") }
    }

    /// A yuv420p copy of the whole of `source` at `width × height` (stretched if the aspect differs).
    /// - Throws: `VideoError` (`.render`) when swscale refuses.
    package func scaled(_ source: DecodedPicture, width: Int, height: Int) throws -> DecodedPicture {
        let frame = try YUVFrame(width: width, height: height)
        try draw(
            source, crop: PixelRect(x: 0, y: 0, width: source.width, height: source.height), into: frame,
            at: PixelRect(x: 0, y: 0, width: width, height: height))
        return try frame.picture()
    }

    private func prepare(_ source: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) throws -> OpaquePointer {
        var format = AVPixelFormat(rawValue: source.pointee.format)
        let desc = av_pix_fmt_desc_get(format)
        let isRGB = desc.map { $0.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) != 0 } ?? false
        var fullRange = source.pointee.color_range == AVCOL_RANGE_JPEG || isRGB
        // The deprecated "J" formats are full-range yuv: name the plain format and say so.
        let jpegFormats: [(AVPixelFormat, AVPixelFormat)] = [
            (AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUV420P), (AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUV422P),
            (AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_YUV444P), (AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUV440P),
            (AV_PIX_FMT_YUVJ411P, AV_PIX_FMT_YUV411P),
        ]
        if let plain = jpegFormats.first(where: { $0.0 == format }) {
            format = plain.1
            fullRange = true
        }
        let newKey = [
            source.pointee.width, source.pointee.height, format.rawValue, fullRange ? 1 : 0, Int32(width),
            Int32(height), Int32(source.pointee.colorspace.rawValue),
        ]
        if let context, newKey == key { return context }
        context = sws_getCachedContext(
            context, source.pointee.width, source.pointee.height, format, Int32(width), Int32(height),
            AV_PIX_FMT_YUV420P,
            flags, nil, nil, nil)
        guard let context else {
            key = []
            throw VideoError(
                .render, "cannot scale \(source.pointee.width)x\(source.pointee.height) pictures to \(width)x\(height)")
        }
        // Limited-range BT.709 yuv (our own frames, HD clips) then needs no colour conversion,
        // and swscale stays on its plain path (about three times faster than converting).
        let sourceCoefficients = sws_getCoefficients(
            isRGB || Self.isBT709(source.pointee) ? SWS_CS_ITU709 : SWS_CS_ITU601)
        let targetCoefficients = sws_getCoefficients(SWS_CS_ITU709)
        _ = sws_setColorspaceDetails(
            context, sourceCoefficients, fullRange ? 1 : 0, targetCoefficients, 0, 0, 1 << 16, 1 << 16)
        key = newKey
        return context
    }

    /// Whether a yuv picture's colours are BT.709: as tagged, or, untagged, when it is HD
    /// (the convention players follow); JPEG and SD video are BT.601.
    private static func isBT709(_ frame: AVFrame) -> Bool {
        switch frame.colorspace {
        case AVCOL_SPC_BT709: return true
        case AVCOL_SPC_UNSPECIFIED: return frame.color_range != AVCOL_RANGE_JPEG && frame.height >= 720
        default: return false
        }
    }
}
