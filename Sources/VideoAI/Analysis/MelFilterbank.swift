import Foundation

/// Triangular filters on the mel scale, stored sparsely (first bin and weights per band).
struct MelFilterbank: Sendable {
    /// One band: its first FFT bin and the weights of the bins from there.
    struct Band: Sendable {
        let firstBin: Int
        let weights: [Double]
    }

    /// The bands, low to high.
    let bands: [Band]
    /// Centre frequency of each band, in hertz.
    let centres: [Double]

    /// Makes `count` bands between `lowHz` and `highHz` for an FFT of `fftSize` at `sampleRate`.
    ///
    /// Bands narrower than one FFT bin are widened to at least one bin, so none is empty.
    init(count: Int, fftSize: Int, sampleRate: Int, lowHz: Double, highHz: Double) {
        func mel(_ f: Double) -> Double { 2595 * log10(1 + f / 700) }
        func hertz(_ m: Double) -> Double { 700 * (pow(10, m / 2595) - 1) }
        let top = min(highHz, Double(sampleRate) / 2)
        let lowMel = mel(lowHz), highMel = mel(top)
        let edges = (0...(count + 1)).map { hertz(lowMel + (highMel - lowMel) * Double($0) / Double(count + 1)) }
        let binHz = Double(sampleRate) / Double(fftSize)
        let lastBin = fftSize / 2
        var bands: [Band] = []
        for b in 0..<count {
            let lo = edges[b], mid = edges[b + 1], hi = edges[b + 2]
            var first = max(0, Int((lo / binHz).rounded(.up)))
            var last = min(lastBin, Int((hi / binHz).rounded(.down)))
            if last < first {
                first = min(lastBin, Int((mid / binHz).rounded()))
                last = first
            }
            var weights: [Double] = []
            for k in first...last {
                let f = Double(k) * binHz
                let w = f <= mid ? (f - lo) / max(mid - lo, 1e-9) : (hi - f) / max(hi - mid, 1e-9)
                weights.append(max(w, first == last ? 1 : 0))
            }
            bands.append(Band(firstBin: first, weights: weights))
        }
        self.bands = bands
        self.centres = Array(edges[1...count])
        var starts = [0]
        for band in bands { starts.append(starts[starts.count - 1] + band.weights.count) }
        storage = (bands.flatMap(\.weights).map(Float.init), starts, bands.map(\.firstBin))
    }

    /// Applies the filters to a magnitude spectrum.
    func apply(_ spectrum: [Float], into output: inout [Float]) {
        if output.count != bands.count { output = [Float](repeating: 0, count: bands.count) }
        let (weights, starts, firstBins) = storage
        spectrum.withUnsafeBufferPointer { s in
            weights.withUnsafeBufferPointer { w in
                output.withUnsafeMutableBufferPointer { out in
                    for b in 0..<out.count {
                        let first = firstBins[b], start = starts[b], end = starts[b + 1]
                        out[b] = Self.dot(w.baseAddress! + start, s.baseAddress! + first, count: end - start)
                    }
                }
            }
        }
    }

    /// The dot product of `count` floats, eight lanes at a time.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            lanes +=
                UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var sum = lanes.sum()
        while i < count {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }

    /// All bands' weights back to back (band `b` owns `starts[b]..<starts[b + 1]`), and each
    /// band's first bin.
    private let storage: (weights: [Float], starts: [Int], firstBins: [Int])
}
