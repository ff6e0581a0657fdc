internal import CFFmpeg
import Foundation

/// Writes single pictures as PNG or JPEG files with libavcodec (thumbnails, generated test images).

/// Encodes one picture into an image file.
package enum ImageEncoder {
    /// The file formats written.
    package enum Format: Sendable {
        /// Lossless PNG (RGB).
        case png
        /// JPEG at a quality of 2 (best) – 31 (worst), libavcodec's `qscale`.
        case jpeg(quality: Int)
    }

    /// Writes `picture` to `url` atomically (a temporary file, then a rename).
    /// - Throws: `VideoError` (`.encoding` when libavcodec refuses, `.io` when the file cannot be written).
    package static func write(_ picture: DecodedPicture, to url: URL, format: Format) throws {
        try AtomicFile.write(try encode(picture, format: format), to: url)
    }

    /// Writes a yuv420p frame to `url` atomically, scaled to `width × height` when given (in the
    /// same swscale pass that converts it for the encoder).
    /// - Throws: As `write(_:to:format:)`.
    package static func write(
        _ frame: YUVFrame, to url: URL, format: Format, width: Int? = nil, height: Int? = nil
    ) throws {
        try AtomicFile.write(try encode(try frame.picture(), format: format, width: width, height: height), to: url)
    }

    /// The encoded file's bytes, at `width × height` when given (the picture's size otherwise).
    /// - Throws: `VideoError` (`.encoding`) when libavcodec refuses.
    package static func encode(
        _ picture: DecodedPicture, format: Format, width: Int? = nil, height: Int? = nil
    ) throws -> Data {
        let (outWidth, outHeight) = (width ?? picture.width, height ?? picture.height)
        let (codecID, pixelFormat): (AVCodecID, AVPixelFormat)
        switch format {
        case .png: (codecID, pixelFormat) = (AV_CODEC_ID_PNG, AV_PIX_FMT_RGB24)
        case .jpeg: (codecID, pixelFormat) = (AV_CODEC_ID_MJPEG, AV_PIX_FMT_YUVJ420P)
        }
        guard let codec = avcodec_find_encoder(codecID), var context = Optional(avcodec_alloc_context3(codec)),
            let ctx = context
        else {
            throw VideoError(.encoding, "no image encoder available")
        }
        defer { avcodec_free_context(&context) }
        ctx.pointee.width = Int32(outWidth)
        ctx.pointee.height = Int32(outHeight)
        ctx.pointee.pix_fmt = pixelFormat
        ctx.pointee.time_base = AVRational(num: 1, den: 25)
        if case .jpeg(let quality) = format {
            ctx.pointee.flags |= AV_CODEC_FLAG_QSCALE
            ctx.pointee.global_quality = Int32(min(max(quality, 2), 31)) * FF_QP2LAMBDA
            ctx.pointee.color_range = AVCOL_RANGE_JPEG
        }
        try avCheck(avcodec_open2(ctx, codec, nil), "opening the image encoder", code: .encoding)

        guard var frame = Optional(av_frame_alloc()), let out = frame else {
            throw VideoError(.encoding, "could not allocate a frame")
        }
        defer { av_frame_free(&frame) }
        out.pointee.width = Int32(outWidth)
        out.pointee.height = Int32(outHeight)
        out.pointee.format = pixelFormat.rawValue
        try avCheck(av_frame_get_buffer(out, 0), "allocating an image", code: .encoding)
        let source = picture.frame
        guard
            let sws = sws_getContext(
                source.pointee.width, source.pointee.height, AVPixelFormat(rawValue: source.pointee.format),
                out.pointee.width,
                out.pointee.height, pixelFormat, SWS_BICUBIC, nil, nil, nil)
        else { throw VideoError(.encoding, "cannot convert the picture for encoding") }
        defer { sws_freeContext(sws) }
        let isRGBSource =
            av_pix_fmt_desc_get(AVPixelFormat(rawValue: source.pointee.format))
            .map { $0.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) != 0 } ?? false
        let sourceFull = source.pointee.color_range == AVCOL_RANGE_JPEG || isRGBSource
        _ = sws_setColorspaceDetails(
            sws, sws_getCoefficients(SWS_CS_ITU709), sourceFull ? 1 : 0, sws_getCoefficients(SWS_CS_ITU601), 1, 0,
            1 << 16, 1 << 16)
        let rows = sws_scale(
            sws, CFFmpeg_frame_const_planes(source), CFFmpeg_frame_linesizes(source), 0, source.pointee.height,
            CFFmpeg_frame_planes(out), CFFmpeg_frame_linesizes(out))
        guard rows > 0 else { throw VideoError(.encoding, "converting the picture: \(avErrorString(rows))") }
        out.pointee.pts = 0

        try avCheck(avcodec_send_frame(ctx, out), "encoding an image", code: .encoding)
        try avCheck(avcodec_send_frame(ctx, nil), "encoding an image", code: .encoding)
        guard var packet = Optional(av_packet_alloc()), let p = packet else {
            throw VideoError(.encoding, "could not allocate a packet")
        }
        defer { av_packet_free(&packet) }
        var data = Data()
        while avcodec_receive_packet(ctx, p) >= 0 {
            data.append(p.pointee.data, count: Int(p.pointee.size))
            av_packet_unref(p)
        }
        guard !data.isEmpty else { throw VideoError(.encoding, "the image encoder produced nothing") }
        return data
    }
}
