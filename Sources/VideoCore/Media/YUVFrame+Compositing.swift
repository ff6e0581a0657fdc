/// Pixel operations on yuv420p frames for the montage renderer: fill, copy, blend, tone curves, blur.
internal import CFFmpeg

extension YUVFrame {
    /// A new frame of one flat colour (defaults to black: Y 16, U and V 128, limited range).
    /// - Throws: `VideoError` (`.encoding`) when the frame cannot be allocated.
    package static func filled(width: Int, height: Int, y: UInt8 = 16, u: UInt8 = 128, v: UInt8 = 128) throws
        -> YUVFrame
    {
        let frame = try YUVFrame(width: width, height: height)
        frame.fill(y: y, u: u, v: v)
        return frame
    }

    /// Sets every sample of each plane to one value, in place (a frame not yet handed on).
    internal func fill(y: UInt8, u: UInt8, v: UInt8) {
        for (plane, value) in [(0, y), (1, u), (2, v)] {
            forEachRow(plane) { row, count in row.update(repeating: value, count: count) }
        }
    }

    /// A new frame whose pixels are undefined until drawn (for frames a picture will cover whole).
    /// - Throws: `VideoError` (`.encoding`) when the frame cannot be allocated.
    package static func uninitialized(width: Int, height: Int) throws -> YUVFrame {
        try YUVFrame(width: width, height: height)
    }

    /// A new frame with the same pixels (on a buffer of `pool` when given, of this frame's size).
    /// - Throws: `VideoError` (`.encoding`) when the frame cannot be allocated.
    package func copy(pool: YUVFramePool? = nil) throws -> YUVFrame {
        let out = try newFrame(pool)
        for plane in 0..<3 {
            let source = CFFmpeg_frame_plane(frame, Int32(plane))!,
                sourceStride = Int(CFFmpeg_frame_linesize(frame, Int32(plane)))
            out.forEachRow(plane) { row, count, index in row.update(from: source + index * sourceStride, count: count) }
        }
        return out
    }

    /// A new frame mixing this one with `other`: `self × (1 − weight) + other × weight`.
    ///
    /// Mixing in yuv is the same as mixing in RGB (the conversion is affine), so this is a
    /// crossfade; with a black `other` it is a fade to black. The weight is rounded down to
    /// 1/256ths and each sample is `(a × (256 − w) + b × w + 128) >> 8`, 16 samples at a time
    /// (`YUVRowKernels.blend`).
    /// - Parameters:
    ///   - other: A frame of the same size.
    ///   - weight: `other`'s share, 0–1.
    ///   - pool: Where the new frame's buffer comes from (a pool of this frame's size), if anywhere.
    /// - Throws: `VideoError` for frames of different sizes or when allocation fails.
    package func blended(with other: YUVFrame, weight: Double, pool: YUVFramePool? = nil) throws -> YUVFrame {
        guard other.width == width, other.height == height else {
            throw VideoError(
                .render, "cannot blend a \(other.width)x\(other.height) frame into a \(width)x\(height) one")
        }
        let w = UInt16(min(max(weight, 0), 1) * 256)
        let out = try newFrame(pool)
        for plane in 0..<3 {
            let a = CFFmpeg_frame_plane(frame, Int32(plane))!,
                aStride = Int(CFFmpeg_frame_linesize(frame, Int32(plane)))
            let b = CFFmpeg_frame_plane(other.frame, Int32(plane))!,
                bStride = Int(CFFmpeg_frame_linesize(other.frame, Int32(plane)))
            out.forEachRow(plane) { row, count, index in
                YUVRowKernels.blend(a + index * aStride, b + index * bStride, into: row, count: count, weight: w)
            }
        }
        return out
    }

    /// A frame of this one's size: from `pool` when given (it must be of this size), else newly allocated.
    private func newFrame(_ pool: YUVFramePool?) throws -> YUVFrame {
        guard let pool else { return try YUVFrame(width: width, height: height) }
        precondition(pool.width == width && pool.height == height, "the pool's frames are of another size")
        return try pool.frame()
    }

    /// A new frame in which this one has moved `offset` pixels to the left and `next` fills the
    /// room on the right (a slide: `next` pushes this frame out).
    /// - Parameters:
    ///   - next: The incoming frame, of the same size.
    ///   - offset: How far, in pixels; rounded down to even so the chroma planes move with the luma.
    /// - Returns: The composed frame.
    /// - Throws: `VideoError` for frames of different sizes or when allocation fails.
    package func slid(into next: YUVFrame, by offset: Int) throws -> YUVFrame {
        guard next.width == width, next.height == height else {
            throw VideoError(.render, "cannot slide a \(next.width)x\(next.height) frame into a \(width)x\(height) one")
        }
        let luma = min(max(offset, 0), width) & ~1
        let out = try YUVFrame(width: width, height: height)
        for plane in 0..<3 {
            let shift = plane == 0 ? luma : luma / 2
            let a = CFFmpeg_frame_plane(frame, Int32(plane))!,
                aStride = Int(CFFmpeg_frame_linesize(frame, Int32(plane)))
            let b = CFFmpeg_frame_plane(next.frame, Int32(plane))!,
                bStride = Int(CFFmpeg_frame_linesize(next.frame, Int32(plane)))
            out.forEachRow(plane) { row, count, index in
                let kept = max(count - shift, 0)
                row.update(from: a + index * aStride + (count - kept), count: kept)
                (row + kept).update(from: b + index * bStride, count: count - kept)
            }
        }
        return out
    }

    /// Maps every sample through a 256-entry table per plane, in place (a colour grade).
    ///
    /// Call only on a frame not yet handed to a writer.
    /// - Parameters:
    ///   - y: The luma table.
    ///   - u: The blue-difference table.
    ///   - v: The red-difference table.
    package func applyLookupTables(y: [UInt8], u: [UInt8], v: [UInt8]) {
        precondition(y.count == 256 && u.count == 256 && v.count == 256, "lookup tables have 256 entries")
        for (plane, table) in [(0, y), (1, u), (2, v)] {
            table.withUnsafeBufferPointer { lut in
                forEachRow(plane) { row, count in YUVRowKernels.lookUp(row, count: count, table: lut.baseAddress!) }
            }
        }
    }

    /// A new frame blurred by three passes of a box filter of `radius` samples on every plane.
    ///
    /// Meant for small frames (the blurred background is made tiny, blurred, then scaled up).
    /// - Throws: `VideoError` when allocation fails.
    package func boxBlurred(radius: Int) throws -> YUVFrame {
        let out = try copy()
        guard radius > 0 else { return out }
        for plane in 0..<3 {
            let w = plane == 0 ? width : (width + 1) / 2, h = plane == 0 ? height : (height + 1) / 2
            let r = max(1, plane == 0 ? radius : radius / 2)
            var values = [Int](repeating: 0, count: w * h)
            out.forEachRow(plane) { row, count, index in for x in 0..<count { values[index * w + x] = Int(row[x]) } }
            for _ in 0..<3 {
                values = Self.boxPass(values, width: w, height: h, radius: r, horizontal: true)
                values = Self.boxPass(values, width: w, height: h, radius: r, horizontal: false)
            }
            out.forEachRow(plane) { row, count, index in for x in 0..<count { row[x] = UInt8(values[index * w + x]) } }
        }
        return out
    }

    /// A decodable view of this frame, for drawing it with `PictureCompositor`.
    /// - Throws: `VideoError` when the frame cannot be referenced.
    package func picture(time: Double = 0) throws -> DecodedPicture {
        // A method of the frame, so the frame outlives the new reference being taken.
        try DecodedPicture(referencing: frame, time: time)
    }

    private static func boxPass(_ values: [Int], width: Int, height: Int, radius: Int, horizontal: Bool) -> [Int] {
        var out = values
        let lines = horizontal ? height : width, length = horizontal ? width : height
        let step = horizontal ? 1 : width
        for line in 0..<lines {
            let base = horizontal ? line * width : line
            var sum = 0
            // Edges clamp: the window extends the first and last samples.
            for k in -radius...radius { sum += values[base + min(max(k, 0), length - 1) * step] }
            for i in 0..<length {
                out[base + i * step] = sum / (2 * radius + 1)
                let leaving = min(max(i - radius, 0), length - 1), entering = min(i + radius + 1, length - 1)
                sum += values[base + entering * step] - values[base + leaving * step]
            }
        }
        return out
    }

    private func forEachRow(_ plane: Int, _ body: (UnsafeMutablePointer<UInt8>, Int) -> Void) {
        forEachRow(plane) { row, count, _ in body(row, count) }
    }

    private func forEachRow(_ plane: Int, _ body: (UnsafeMutablePointer<UInt8>, Int, Int) -> Void) {
        let w = plane == 0 ? width : (width + 1) / 2, h = plane == 0 ? height : (height + 1) / 2
        let base = CFFmpeg_frame_plane(frame, Int32(plane))!, stride = Int(CFFmpeg_frame_linesize(frame, Int32(plane)))
        for row in 0..<h { body(base + row * stride, w, row) }
    }
}
