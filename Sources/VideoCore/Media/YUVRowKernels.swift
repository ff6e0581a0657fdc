/// The per-row loops of the montage's frame drawing (blend, lookup tables), written with SIMD.

/// Row kernels on 8-bit samples: fixed-point blending and table look-ups.
///
/// Each processes whole 16-sample (blend) or 8-sample (table) blocks with vector or word-wide
/// operations and finishes the row's tail one sample at a time with the same arithmetic, so the
/// result does not depend on where a row starts or how long it is.
///
/// # Thread safety
/// Stateless; the pointers' owners say who may touch the rows.
package enum YUVRowKernels {
    /// `out[x] = (a[x] × (256 − weight) + b[x] × weight + 128) >> 8` for `count` samples.
    ///
    /// `weight` is in 1/256ths (0 keeps `a`, 256 gives `b`); `out` may be `a` or `b`.
    /// - Parameters:
    ///   - a: The first row.
    ///   - b: The second row.
    ///   - out: Where the mix goes.
    ///   - count: Samples in the row.
    ///   - weight: `b`'s share, 0–256.
    package static func blend(
        _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, count: Int,
        weight: UInt16
    ) {
        let wb = min(weight, 256), wa = 256 &- wb
        let vwa = SIMD16<UInt16>(repeating: wa), vwb = SIMD16<UInt16>(repeating: wb)
        let half = SIMD16<UInt16>(repeating: 128)
        var x = 0
        while x + 16 <= count {
            let va = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(a + x).loadUnaligned(as: SIMD16<UInt8>.self))
            let vb = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(b + x).loadUnaligned(as: SIMD16<UInt8>.self))
            let mixed = (va &* vwa &+ vb &* vwb &+ half) &>> 8
            UnsafeMutableRawPointer(out + x).storeBytes(
                of: SIMD16<UInt8>(truncatingIfNeeded: mixed), as: SIMD16<UInt8>.self)
            x += 16
        }
        while x < count {
            out[x] = UInt8(truncatingIfNeeded: (UInt16(a[x]) &* wa &+ UInt16(b[x]) &* wb &+ 128) >> 8)
            x += 1
        }
    }

    /// `row[x] = table[row[x]]` for `count` samples, in place; `table` has 256 entries.
    ///
    /// Eight samples are loaded and stored as one word (a gather has no vector form worth having
    /// on SSE2), so the loop is eight independent look-ups per load and store.
    package static func lookUp(_ row: UnsafeMutablePointer<UInt8>, count: Int, table: UnsafePointer<UInt8>) {
        var x = 0
        while x + 8 <= count {
            let raw = UnsafeMutableRawPointer(row + x)
            let v = raw.loadUnaligned(as: UInt64.self)
            var r = UInt64(table[Int(truncatingIfNeeded: v & 0xFF)])
            r |= UInt64(table[Int(truncatingIfNeeded: (v >> 8) & 0xFF)]) << 8
            r |= UInt64(table[Int(truncatingIfNeeded: (v >> 16) & 0xFF)]) << 16
            r |= UInt64(table[Int(truncatingIfNeeded: (v >> 24) & 0xFF)]) << 24
            r |= UInt64(table[Int(truncatingIfNeeded: (v >> 32) & 0xFF)]) << 32
            r |= UInt64(table[Int(truncatingIfNeeded: (v >> 40) & 0xFF)]) << 40
            r |= UInt64(table[Int(truncatingIfNeeded: (v >> 48) & 0xFF)]) << 48
            r |= UInt64(table[Int(truncatingIfNeeded: v >> 56)]) << 56
            raw.storeBytes(of: r, as: UInt64.self)
            x += 8
        }
        while x < count {
            row[x] = table[Int(row[x])]
            x += 1
        }
    }
}
