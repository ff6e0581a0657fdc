internal import CFFmpeg
import Foundation

extension MediaProbe {
    /// Decodes every video frame (in presentation order) and hashes its exact yuv420p pixels.
    ///
    /// Each hash covers the visible rows of Y, then U, then V, with no padding: the same bytes
    /// as `ffmpeg -f rawvideo -pix_fmt yuv420p` writes per frame, and as `YUVFrame.plane(_:)`
    /// gives for the picture that was encoded, so decoders and sources can be compared frame
    /// by frame (`ContentHash.hex`).
    /// - Parameter url: The file to decode.
    /// - Returns: One hash per decoded frame.
    /// - Throws: `VideoError` (`.media`) when the file is unreadable, has no video, is not
    ///   yuv420p or fails to decode.
    package static func videoFrameHashes(_ url: URL) throws -> [String] {
        let input = try Input(url)
        guard let videoIndex = input.videoStream else { throw VideoError(.media, "\(input.path) has no video stream") }
        let decoder = try StreamDecoder(input.stream(videoIndex), path: input.path)
        var hashes: [String] = []
        let collect = { (frame: UnsafeMutablePointer<AVFrame>) throws in
            guard frame.pointee.format == AV_PIX_FMT_YUV420P.rawValue else {
                throw VideoError(.media, "\(input.path) is not yuv420p")
            }
            let (width, height) = (Int(frame.pointee.width), Int(frame.pointee.height))
            var bytes: [UInt8] = []
            bytes.reserveCapacity(width * height * 3 / 2)
            for plane in 0..<3 {
                let (w, h) = plane == 0 ? (width, height) : ((width + 1) / 2, (height + 1) / 2)
                let base = CFFmpeg_frame_plane(frame, Int32(plane))!
                let stride = Int(CFFmpeg_frame_linesize(frame, Int32(plane)))
                for row in 0..<h { bytes.append(contentsOf: UnsafeBufferPointer(start: base + row * stride, count: w)) }
            }
            hashes.append(ContentHash.hex(bytes))
        }
        try input.forEachPacket { packet in
            if packet.pointee.stream_index == videoIndex { try decoder.decode(packet, collect) }
        }
        try decoder.decode(nil, collect)
        return hashes
    }
}
