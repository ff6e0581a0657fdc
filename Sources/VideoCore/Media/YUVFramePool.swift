/// Reusable yuv420p frame buffers of one size, for renderers that make a new frame per picture.
internal import CFFmpeg

/// A pool of yuv420p picture buffers of one size (libavutil's `AVBufferPool`).
///
/// A montage makes a new `YUVFrame` for every picture it draws (3 MB at 1080p), hands it to the
/// encoder and forgets it; allocating that much per frame costs page faults and zeroing in the
/// kernel. Frames made here take a buffer the encoder has already let go of instead: a buffer
/// goes back to the pool only when its last reference (ours, the writer's queue's, the
/// encoder's) is released, so a frame is never reused while anything still reads it, and each
/// `YUVFrame` keeps its contract of being filled once and never written after it is handed on.
///
/// Rows are 64-byte aligned and every plane has at least 64 bytes after its last row, so SIMD
/// loops may read (never write) a little past a row's end.
///
/// # Thread safety
/// `av_buffer_pool_get` takes the pool's lock and buffers are released with atomic reference
/// counts from any thread (the encoder's), hence `@unchecked Sendable`. The pool itself is freed
/// once it is dropped and its last buffer has come back.
package final class YUVFramePool: @unchecked Sendable {
    /// The frames' width, in pixels.
    package let width: Int
    /// The frames' height, in pixels.
    package let height: Int
    private let pool: OpaquePointer
    private let lumaStride: Int
    private let chromaStride: Int
    private let chromaHeight: Int

    /// Creates a pool of `width × height` buffers (none is allocated until asked for).
    /// - Throws: `VideoError` (`.encoding`) for an empty size or when the pool cannot be made.
    package init(width: Int, height: Int) throws {
        guard width > 0, height > 0 else {
            throw VideoError(.encoding, "cannot pool \(width)x\(height) video frames")
        }
        self.width = width
        self.height = height
        lumaStride = (width + 63) & ~63
        chromaStride = ((width + 1) / 2 + 63) & ~63
        chromaHeight = (height + 1) / 2
        let size = lumaStride * height + 2 * chromaStride * chromaHeight + 3 * 64
        guard let pool = av_buffer_pool_init(size, nil) else {
            throw VideoError(.encoding, "could not make a pool of \(width)x\(height) video frames")
        }
        self.pool = pool
    }

    deinit {
        var owned: OpaquePointer? = pool
        av_buffer_pool_uninit(&owned)
    }

    /// A frame whose pixels are undefined until drawn, on a pooled buffer.
    /// - Throws: `VideoError` (`.encoding`) when no buffer can be had.
    package func frame() throws -> YUVFrame {
        guard let buffer = av_buffer_pool_get(pool) else {
            throw VideoError(.encoding, "could not allocate a \(width)x\(height) video frame")
        }
        guard let frame = av_frame_alloc() else {
            var owned: UnsafeMutablePointer<AVBufferRef>? = buffer
            av_buffer_unref(&owned)
            throw VideoError(.encoding, "could not allocate a \(width)x\(height) video frame")
        }
        let base = buffer.pointee.data!
        let lumaSize = lumaStride * height + 64, chromaSize = chromaStride * chromaHeight + 64
        frame.pointee.buf.0 = buffer
        frame.pointee.data.0 = base
        frame.pointee.data.1 = base + lumaSize
        frame.pointee.data.2 = base + lumaSize + chromaSize
        frame.pointee.linesize.0 = Int32(lumaStride)
        frame.pointee.linesize.1 = Int32(chromaStride)
        frame.pointee.linesize.2 = Int32(chromaStride)
        return YUVFrame(describing: frame, width: width, height: height)
    }

    /// A frame of one flat colour (black by default), on a pooled buffer.
    /// - Throws: `VideoError` (`.encoding`) when no buffer can be had.
    package func filled(y: UInt8 = 16, u: UInt8 = 128, v: UInt8 = 128) throws -> YUVFrame {
        let out = try frame()
        out.fill(y: y, u: u, v: v)
        return out
    }
}
