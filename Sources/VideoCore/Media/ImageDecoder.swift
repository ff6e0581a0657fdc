internal import CFFmpeg
import Foundation

/// Still images (JPEG, PNG, WebP, BMP, TIFF, HEIC where libav has a decoder) decoded with libav.

/// Decodes still images through libavformat/libavcodec and scales them with libswscale.
///
/// JPEGs are decoded at reduced size (libavcodec's DCT-domain `lowres`) when the picture is
/// much larger than needed, which makes a 12-megapixel photo several times cheaper to read.
/// The EXIF tags the decoder exports (for example `DateTimeOriginal`, `Orientation`) come back
/// in `DecodedImage.metadata`, and the picture is turned upright by its EXIF orientation (a
/// phone's portrait photo is stored sideways), so sizes are as the image shows.
package enum ImageDecoder {
    /// A decoded still with what its file says about it.
    package struct DecodedImage: Sendable {
        /// The picture, yuv420p (BT.709, limited range), at most the source's size.
        package var picture: DecodedPicture
        /// The image's full width as it shows (after its EXIF orientation), in pixels.
        package var sourceWidth: Int
        /// The image's full height as it shows (after its EXIF orientation), in pixels.
        package var sourceHeight: Int
        /// Container and frame metadata (EXIF tags by name, when the decoder exports them).
        package var metadata: [String: String]
    }

    /// The most pixels a picture may have as decoded (after JPEG's reduced-size decoding):
    /// 50 megapixels, about 150 MB of RGB, so two photos decoded at once stay within a few
    /// hundred megabytes. A 200-megapixel JPEG still decodes (at a quarter or less of its size).
    package static let maximumDecodedPixels = 50_000_000

    /// Decodes the first picture of an image file, scaled to cover `width × height`.
    ///
    /// The result keeps the image's aspect ratio and is the smallest size at least `width` wide
    /// and `height` high (never larger than the source; even dimensions).
    /// - Parameters:
    ///   - url: The image file.
    ///   - width: The width to cover, in pixels.
    ///   - height: The height to cover, in pixels.
    ///   - maximumPixels: Refuse pictures that would decode to more pixels than this.
    /// - Returns: The scaled picture and metadata.
    /// - Throws: `VideoError` (`.media`) when the file is missing, not an image libav reads,
    ///   corrupt, or too large to decode.
    package static func decode(
        _ url: URL, covering width: Int, _ height: Int, maximumPixels: Int = maximumDecodedPixels
    ) throws -> DecodedImage {
        // The EXIF orientation is known only after decoding; a portrait photo stored sideways
        // covers a frame turned a quarter, so ask both ways round for the reduced-size decode.
        let (picture, metadata, fullWidth, fullHeight) = try firstPicture(
            url, reducedTo: max(width, height), maximumPixels: maximumPixels)
        let orientation = metadata["Orientation"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1
        let turned = (5...8).contains(orientation)
        var sourceWidth = fullWidth, sourceHeight = fullHeight
        // Scale as stored, to cover the asked size as it will show.
        let (coverWidth, coverHeight) = turned ? (height, width) : (width, height)
        let scale = min(
            1, max(Double(coverWidth) / Double(picture.width), Double(coverHeight) / Double(picture.height)))
        let outWidth = max(2, Int((Double(picture.width) * scale).rounded(.up)) & ~1)
        let outHeight = max(2, Int((Double(picture.height) * scale).rounded(.up)) & ~1)
        var scaled = try YUVFrame(width: outWidth, height: outHeight)
        try PictureCompositor(highQuality: true).draw(
            picture, crop: PixelRect(x: 0, y: 0, width: picture.width, height: picture.height), into: scaled,
            at: PixelRect(x: 0, y: 0, width: outWidth, height: outHeight))
        if (2...8).contains(orientation) {
            scaled = try scaled.oriented(orientation)
            if turned { swap(&sourceWidth, &sourceHeight) }
        }
        return DecodedImage(
            picture: try scaled.picture(), sourceWidth: sourceWidth,
            sourceHeight: sourceHeight, metadata: metadata)
    }

    /// The first picture of an image file as decoded (any pixel format), at reduced size
    /// (JPEG's `lowres`) while it stays at least `side` pixels both ways, with the file's
    /// metadata and the picture's full size.
    /// - Throws: `VideoError` (`.media`) when the file is missing, not an image libav reads,
    ///   corrupt, or too large to decode.
    static func firstPicture(_ url: URL, reducedTo side: Int, maximumPixels: Int) throws -> (
        picture: DecodedPicture, metadata: [String: String], fullWidth: Int, fullHeight: Int
    ) {
        let input = try MediaProbe.Input(url, maximumPixels: maximumPixels)
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
        let limit = String(format: "%g", Double(maximumPixels) / 1e6) + "-megapixel limit for decoding"
        guard fullWidth > 0, fullHeight > 0 else {
            // The probe decodes pictures it cannot size otherwise, within the limit.
            throw VideoError(.media, "\(url.lastPathComponent): no picture size: corrupt, or over the \(limit)")
        }
        let (lowresWidth, lowresHeight) = (side, side)
        var lowres: Int32 = 0
        while lowres < Int32(codec.pointee.max_lowres),
            fullWidth >> (lowres + 1) >= lowresWidth, fullHeight >> (lowres + 1) >= lowresHeight
        {
            lowres += 1
        }
        let (decodedWidth, decodedHeight) = (fullWidth >> lowres, fullHeight >> lowres)
        if decodedWidth * decodedHeight > maximumPixels {
            throw VideoError(
                .media,
                "\(url.lastPathComponent) is \(fullWidth)×\(fullHeight): larger than the \(limit)")
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
        return (picture, metadata, fullWidth, fullHeight)
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
