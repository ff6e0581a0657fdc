/// Bilinear scaling of yuv420p pictures into yuv420p frames, in Swift with SIMD (the Ken Burns path).

/// Scales a crop of a yuv420p picture into a rectangle of a yuv420p frame, plane by plane, with
/// bilinear filtering in fixed point (8-bit fractions).
///
/// Each output row is made in two passes: the two source rows around it are mixed into a 16-bit
/// row by SIMD (`SIMD16`), then each output sample mixes the two neighbours of its source
/// position in that row. Sample positions are centre-aligned (as swscale and most scalers do);
/// edges clamp. Meant for moderate ratios (Ken Burns moves shrink by at most
/// ~1.3×; clips are mostly drawn at 1:1 or enlarged): `PictureCompositor` uses it only when the
/// crop is at most twice the rectangle each way.
///
/// Values stay within a code value of exact bilinear interpolation (`BilinearScalerTests`).
///
/// # Thread safety
/// Not thread-safe: holds per-call scratch rows; one scaler per compositor.
package final class BilinearScaler {
    private var columns: [Int32] = []
    private var fractions: [UInt16] = []
    private var mixed: [UInt16] = []

    /// Creates a scaler.
    package init() {}

    /// Scales the plane region `crop` (in the plane's own samples, fractional) of `source` into
    /// `width × height` samples at `target`.
    /// - Parameters:
    ///   - source: The plane's first sample.
    ///   - sourceStride: Bytes from one source row to the next.
    ///   - sourceWidth: The source plane's width (for clamping).
    ///   - sourceHeight: The source plane's height.
    ///   - crop: Left, top, width and height of the region, in source samples.
    ///   - target: The first output sample.
    ///   - targetStride: Bytes from one output row to the next.
    ///   - width: Output samples per row.
    ///   - height: Output rows.
    package func scalePlane(
        _ source: UnsafePointer<UInt8>, sourceStride: Int, sourceWidth: Int, sourceHeight: Int,
        crop: (x: Double, y: Double, width: Double, height: Double),
        into target: UnsafeMutablePointer<UInt8>, targetStride: Int, width: Int, height: Int
    ) {
        guard width > 0, height > 0, sourceWidth > 0, sourceHeight > 0 else { return }
        // Column positions and fractions, once per call (the crop moves every frame).
        if columns.count < width {
            columns = [Int32](repeating: 0, count: width)
            fractions = [UInt16](repeating: 0, count: width)
        }
        let stepX = crop.width / Double(width), stepY = crop.height / Double(height)
        var first = sourceWidth, last = 0
        for ox in 0..<width {
            let (x0, f) = Self.position(crop.x + (Double(ox) + 0.5) * stepX - 0.5, limit: sourceWidth)
            columns[ox] = Int32(x0)
            fractions[ox] = f
            first = min(first, x0)
            last = max(last, min(x0 + 1, sourceWidth - 1))
        }
        let span = last - first + 1
        if mixed.count < span + 17 { mixed = [UInt16](repeating: 0, count: span + 17) }
        columns.withUnsafeBufferPointer { columns in
            fractions.withUnsafeBufferPointer { fractions in
                mixed.withUnsafeMutableBufferPointer { mixed in
                    let row = mixed.baseAddress!
                    for oy in 0..<height {
                        let (y0, fy) = Self.position(crop.y + (Double(oy) + 0.5) * stepY - 0.5, limit: sourceHeight)
                        let y1 = min(y0 + 1, sourceHeight - 1)
                        Self.mixRows(
                            source + y0 * sourceStride + first, source + y1 * sourceStride + first, into: row,
                            count: span, weight: fy)
                        row[span] = row[span - 1]  // the right neighbour of a column clamped to the edge
                        Self.mixColumns(
                            row, first: first, columns: columns.baseAddress!, fractions: fractions.baseAddress!,
                            into: target + oy * targetStride, count: width)
                    }
                }
            }
        }
    }

    /// The sample left of (or at) `position`, clamped to `0..<limit`, and the fraction towards
    /// the next one in 1/256ths.
    @inline(__always)
    private static func position(_ position: Double, limit: Int) -> (Int, UInt16) {
        let clamped = min(max(position, 0), Double(limit - 1))
        var whole = Int(clamped)
        var fraction = Int(((clamped - Double(whole)) * 256).rounded())
        if fraction >= 256 {
            whole = min(whole + 1, limit - 1)
            fraction = 0
        }
        return (whole, UInt16(fraction))
    }

    /// `out[i] = a[i] × (256 − weight) + b[i] × weight` (16-bit, not rounded), 16 at a time.
    @inline(__always)
    private static func mixRows(
        _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt16>, count: Int,
        weight: UInt16
    ) {
        let wa = SIMD16<UInt16>(repeating: 256 &- weight), wb = SIMD16<UInt16>(repeating: weight)
        var i = 0
        while i + 16 <= count {
            let va = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(a + i).loadUnaligned(as: SIMD16<UInt8>.self))
            let vb = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(b + i).loadUnaligned(as: SIMD16<UInt8>.self))
            UnsafeMutableRawPointer(out + i).storeBytes(of: va &* wa &+ vb &* wb, as: SIMD16<UInt16>.self)
            i += 16
        }
        while i < count {
            out[i] = UInt16(a[i]) &* (256 &- weight) &+ UInt16(b[i]) &* weight
            i += 1
        }
    }

    /// Each output sample from the two mixed samples around its column, rounded to 8 bits
    /// (`row` has one sample more than the span, repeating its last).
    @inline(__always)
    private static func mixColumns(
        _ row: UnsafePointer<UInt16>, first: Int, columns: UnsafePointer<Int32>, fractions: UnsafePointer<UInt16>,
        into out: UnsafeMutablePointer<UInt8>, count: Int
    ) {
        let base = row - first
        for ox in 0..<count {
            let x0 = Int(columns[ox])
            let f = UInt32(fractions[ox])
            let v = UInt32(base[x0]) &* (256 &- f) &+ UInt32(base[x0 + 1]) &* f
            out[ox] = UInt8(truncatingIfNeeded: (v &+ 32768) >> 16)
        }
    }
}
