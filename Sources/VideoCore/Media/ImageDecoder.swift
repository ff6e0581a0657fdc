internal import CFFmpeg
/// Still images (JPEG, PNG, WebP, BMP, TIFF, HEIC where libav has a decoder) decoded with libav.
import Foundation

/// Decodes still images through libavformat/libavcodec and scales them with libswscale.
///
/// JPEGs are decoded at reduced size (libavcodec's DCT-domain `lowres`) when the picture is
/// much larger than needed, which makes a 12-megapixel photo several times cheaper to read.
/// The EXIF tags the decoder exports (for example `DateTimeOriginal`, `Orientation`) come back
/// in `DecodedImage.metadata`.
package enum ImageDecoder {
    /// A decoded still with what its file says about it.
    package struct DecodedImage: Sendable {
        /// The picture, yuv420p (BT.709, limited range), at most the source's size.
        package var picture: DecodedPicture
        /// The image's full width in the file, in pixels.
        package var sourceWidth: Int
        /// The image's full height in the file, in pixels.
        package var sourceHeight: Int
        /// Container and frame metadata (EXIF tags by name, when the decoder exports them).
        package var metadata: [String: String]
    }

    /// Decodes the first picture of an image file, scaled to cover `width × height`.
    ///
    /// The result keeps the image's aspect ratio and is the smallest size at least `width` wide
    /// and `height` high (never larger than the source; even dimensions).
    /// - Parameters:
    ///   - url: The image file.
    ///   - width: The width to cover, in pixels.
    ///   - height: The height to cover, in pixels.
    /// - Returns: The scaled picture and metadata.
    /// - Throws: `VideoError` (`.media`) when the file is missing, not an image libav reads, or corrupt.
    package static func decode(_ url: URL, covering width: Int, _ height: Int) throws -> DecodedImage {
        let input = try MediaProbe.Input(url)
        guard let index = input.videoStreamIncludingStills else {
            throw VideoError(.media, "\(input.path) holds no picture")
        }
        let stream = input.stream(index)
        let parameters = stream.pointee.codecpar.pointee
        guard let codec = avcodec_find_decoder(parameters.codec_id) else {
            throw VideoError(
                .media, "\(input.path): no decoder for \(String(cString: avcodec_get_name(parameters.codec_id)))")
        }
        let fullWidth = Int(parameters.width), fullHeight = Int(parameters.height)
        var lowres: Int32 = 0
        if fullWidth > 0, fullHeight > 0 {
            while lowres < Int32(codec.pointee.max_lowres),
                fullWidth >> (lowres + 1) >= width, fullHeight >> (lowres + 1) >= height
            {
                lowres += 1
            }
        }
        let decoder = try StreamDecoder(stream, path: input.path, lowres: lowres)
        var decoded: DecodedPicture?
        var metadata = dictionary(input.context.pointee.metadata)
        let keep = { (frame: UnsafeMutablePointer<AVFrame>) throws in
            guard decoded == nil else { return }
            decoded = try DecodedPicture(referencing: frame)
            metadata.merge(dictionary(frame.pointee.metadata)) { _, new in new }
        }
        try input.forEachPacket { packet in
            if decoded == nil, packet.pointee.stream_index == index { try decoder.decode(packet, keep) }
        }
        if decoded == nil { try decoder.decode(nil, keep) }
        guard let picture = decoded, picture.width > 0, picture.height > 0 else {
            throw VideoError(.media, "\(input.path): no picture could be decoded")
        }
        let sourceWidth = fullWidth > 0 ? fullWidth : picture.width,
            sourceHeight = fullHeight > 0 ? fullHeight : picture.height
        let scale = min(1, max(Double(width) / Double(picture.width), Double(height) / Double(picture.height)))
        let outWidth = max(2, Int((Double(picture.width) * scale).rounded(.up)) & ~1)
        let outHeight = max(2, Int((Double(picture.height) * scale).rounded(.up)) & ~1)
        let scaled = try PictureCompositor(highQuality: true).scaled(picture, width: outWidth, height: outHeight)
        return DecodedImage(picture: scaled, sourceWidth: sourceWidth, sourceHeight: sourceHeight, metadata: metadata)
    }

    /// Every entry of a libav dictionary.
    static func dictionary(_ dict: OpaquePointer?) -> [String: String] {
        var out: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>?
        while let next = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX) {
            out[String(cString: next.pointee.key)] = String(cString: next.pointee.value)
            entry = next
        }
        return out
    }
}

extension MediaProbe.Input {
    /// The first video stream, cover-art style stills included.
    var videoStreamIncludingStills: Int32? {
        let index = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        return index >= 0 ? index : nil
    }
}
