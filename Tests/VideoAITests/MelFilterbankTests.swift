import Foundation
import Testing
import VideoCore

@testable import VideoAI

@Suite struct MelFilterbankTests {
    /// The shared-slope evaluation equals the textbook triangles, bin by bin.
    @Test(arguments: [(1024, 22_050, 40), (512, 8_000, 40), (2048, 44_100, 64)])
    func matchesDirectTriangles(fftSize: Int, sampleRate: Int, count: Int) {
        let bank = MelFilterbank(count: count, fftSize: fftSize, sampleRate: sampleRate, lowHz: 30, highHz: 11_000)
        var state: UInt64 = 42
        let spectrum = (0...(fftSize / 2)).map { _ -> Float in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 10
        }
        var out: [Float] = []
        bank.apply(spectrum, into: &out)
        #expect(out.count == count)

        func mel(_ f: Double) -> Double { 2595 * log10(1 + f / 700) }
        func hertz(_ m: Double) -> Double { 700 * (pow(10, m / 2595) - 1) }
        let top = min(11_000, Double(sampleRate) / 2), (lowMel, highMel) = (mel(30), mel(top))
        let edges = (0...(count + 1)).map { hertz(lowMel + (highMel - lowMel) * Double($0) / Double(count + 1)) }
        let binHz = Double(sampleRate) / Double(fftSize)
        for b in 0..<count {
            var expected = 0.0
            for (k, value) in spectrum.enumerated() {
                let f = Double(k) * binHz
                let (lo, mid, hi) = (edges[b], edges[b + 1], edges[b + 2])
                let w = f <= lo || f >= hi ? 0 : f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid)
                expected += w * Double(value)
            }
            #expect(abs(Double(out[b]) - expected) <= 1e-4 * max(1, expected), "band \(b): \(out[b]) vs \(expected)")
            #expect(expected > 0, "band \(b) holds no bin")
        }
        #expect(bank.centres.count == count && bank.centres == bank.centres.sorted())
    }
}
