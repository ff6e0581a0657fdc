import Foundation

/// WAV files written independently of the library's own `wavData`, so decoder and analyser
/// tests never judge the library by its own writer.

/// 16-bit PCM WAV bytes for tests.
package enum TestWAV {
    /// A WAV file of `samples`: one channel per entry of `gains`, each the samples times its gain
    /// (interleaved), rounded to the nearest 16-bit step.
    package static func data(_ samples: [Float], sampleRate: Int, gains: [Float] = [1]) -> Data {
        var data = Data()
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        let channels = gains.count, bytes = samples.count * 2 * channels
        data.append(contentsOf: Array("RIFF".utf8))
        put(UInt32(36 + bytes))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        put(UInt32(16))
        put(UInt16(1))
        put(UInt16(channels))
        put(UInt32(sampleRate))
        put(UInt32(sampleRate * 2 * channels))
        put(UInt16(2 * channels))
        put(UInt16(16))
        data.append(contentsOf: Array("data".utf8))
        put(UInt32(bytes))
        for s in samples { for g in gains { put(Int16((max(-1, min(1, s * g)) * 32_767).rounded())) } }
        return data
    }
}
