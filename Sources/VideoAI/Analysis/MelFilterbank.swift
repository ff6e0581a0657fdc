import Foundation
import VideoCore

/// Triangular filters on the mel scale.
///
/// Neighbouring triangles share their slopes: between two consecutive mel points a bin's weight
/// in the rising band is `r` and in the falling one `1 - r`. So each interval between mel points
/// needs only two sums, `Σ s` and `Σ r·s`, and every band is `R[b] + S[b + 1] - R[b + 1]`: one
/// pass over the bins instead of two overlapping ones.
struct MelFilterbank: Sendable {
    /// Centre frequency of each band, in hertz.
    let centres: [Double]
    /// The bins between mel points `j` and `j + 1` (above the first, up to the second).
    private let intervals: [Range<Int>]
    /// Each bin's weight in the band rising through its interval.
    private let rising: [Float]
    /// For a band too narrow to hold a bin, the bin nearest its centre (weight 1).
    private let nearest: [Int?]

    /// Makes `count` bands between `lowHz` and `highHz` for an FFT of `fftSize` at `sampleRate`.
    ///
    /// Bands narrower than one FFT bin take the bin nearest their centre, so none is empty.
    init(count: Int, fftSize: Int, sampleRate: Int, lowHz: Double, highHz: Double) {
        func mel(_ f: Double) -> Double { 2595 * log10(1 + f / 700) }
        func hertz(_ m: Double) -> Double { 700 * (pow(10, m / 2595) - 1) }
        let top = min(highHz, Double(sampleRate) / 2)
        let lowMel = mel(lowHz), highMel = mel(top)
        let edges = (0...(count + 1)).map { hertz(lowMel + (highMel - lowMel) * Double($0) / Double(count + 1)) }
        let binHz = Double(sampleRate) / Double(fftSize)
        let lastBin = fftSize / 2
        var rising = [Float](repeating: 0, count: lastBin + 1)
        intervals = (0...count).map { j in
            let first = max(0, Int((edges[j] / binHz).rounded(.down)) + 1)
            let last = min(lastBin, Int((edges[j + 1] / binHz).rounded(.down)))
            guard first <= last else { return first..<first }
            for k in first...last {
                rising[k] = Float((Double(k) * binHz - edges[j]) / max(edges[j + 1] - edges[j], 1e-9))
            }
            return first..<(last + 1)
        }
        self.rising = rising
        let intervals = self.intervals
        nearest = (0..<count).map { b in
            intervals[b].isEmpty && intervals[b + 1].isEmpty
                ? min(lastBin, Int((edges[b + 1] / binHz).rounded())) : nil
        }
        centres = Array(edges[1...count])
    }

    /// Applies the filters to a magnitude spectrum.
    func apply(_ spectrum: [Float], into output: inout [Float]) {
        let count = nearest.count
        if output.count != count { output = [Float](repeating: 0, count: count) }
        spectrum.withUnsafeBufferPointer { s in
            rising.withUnsafeBufferPointer { r in
                output.withUnsafeMutableBufferPointer { out in
                    // Interval j finishes band j - 1 (its falling side) and starts band j.
                    var previousRising: Float = 0
                    for (j, range) in intervals.enumerated() {
                        let (plain, weighted) =
                            range.isEmpty
                            ? (0, 0)
                            : Self.sums(
                                s.baseAddress! + range.lowerBound, r.baseAddress! + range.lowerBound,
                                count: range.count)
                        if j > 0 { out[j - 1] = nearest[j - 1].map { s[$0] } ?? previousRising + plain - weighted }
                        previousRising = weighted
                    }
                }
            }
        }
    }

    /// `Σ s` and `Σ r·s` over `count` values, eight lanes at a time.
    @inline(__always)
    static func sums(_ s: UnsafePointer<Float>, _ r: UnsafePointer<Float>, count: Int) -> (Float, Float) {
        var plain = SIMD8<Float>(), weighted = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            let x = UnsafeRawPointer(s + i).loadUnaligned(as: SIMD8<Float>.self)
            plain += x
            weighted += x * UnsafeRawPointer(r + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var (p, w) = (plain.sum(), weighted.sum())
        while i < count {
            p += s[i]
            w += s[i] * r[i]
            i += 1
        }
        return (p, w)
    }
}
