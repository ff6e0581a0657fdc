/// Area-averaged GRAY8 thumbnails of decoded pictures of any format, through swscale.
internal import CFFmpeg

/// Scales pictures to `width × height` grayscale (luma) thumbnails, reusing its swscale
/// context while the pictures keep their size and format.
final class GrayScaler {
    private let width: Int
    private let height: Int
    /// Row stride, padded so swscale's vector code never writes past a row's buffer.
    private let stride: Int
    private var buffer: [UInt8]
    private var context: OpaquePointer?

    init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "thumbnail size must be positive")
        self.width = width
        self.height = height
        stride = (width + 63) & ~63
        buffer = [UInt8](repeating: 0, count: stride * (height + 2))
    }

    deinit { sws_freeContext(context) }

    /// The thumbnail of `frame`, row-major, `width × height` bytes.
    /// - Throws: `VideoError(.media)` naming `what` when swscale refuses the picture.
    func thumbnail(of frame: UnsafeMutablePointer<AVFrame>, what: String) throws -> [UInt8] {
        let format = AVPixelFormat(rawValue: frame.pointee.format)
        context = sws_getCachedContext(
            context, frame.pointee.width, frame.pointee.height, format, Int32(width), Int32(height),
            AV_PIX_FMT_GRAY8, SWS_AREA, nil, nil, nil)
        guard let context else {
            throw VideoError(.media, "\(what): cannot scale \(frame.pointee.width)x\(frame.pointee.height) pictures")
        }
        let stride = self.stride
        let rows = buffer.withUnsafeMutableBufferPointer { target in
            let planes: [UnsafeMutablePointer<UInt8>?] = [target.baseAddress, nil, nil, nil]
            let strides: [Int32] = [Int32(stride), 0, 0, 0]
            return sws_scale(
                context, CFFmpeg_frame_const_planes(frame), CFFmpeg_frame_linesizes(frame), 0, frame.pointee.height,
                planes, strides)
        }
        guard rows > 0 else { throw VideoError(.media, "\(what): scaling a picture: \(avErrorString(rows))") }
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height)
        for row in 0..<height { pixels += buffer[row * stride..<row * stride + width] }
        return pixels
    }
}
