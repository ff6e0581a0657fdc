import Foundation

/// Pure-Swift encoding of Float samples as a 16-bit PCM WAV file.

/// Encodes samples as a RIFF/WAVE file: 16-bit signed little-endian PCM.
///
/// Samples are clipped to -1...1 and rounded to the nearest 16-bit step (1.0 → 32767, -1.0 → -32767).
/// - Parameters:
///   - samples: Float samples, nominally in -1...1; with several channels, interleaved frames
///     (left, right, left, …).
///   - sampleRate: Sample frames per second, in hertz.
///   - channels: Samples per frame (1 = mono).
/// - Returns: The complete file: a 44-byte header followed by the samples.
package func wavData(samples: [Float], sampleRate: Int, channels: Int = 1) -> Data {
    precondition(sampleRate > 0, "sample rate must be positive")
    precondition(channels > 0 && samples.count % channels == 0, "whole frames of one or more channels")
    let bytesPerSample = 2
    let dataSize = samples.count * bytesPerSample
    precondition(dataSize <= Int(UInt32.max) - 36, "too many samples for one WAV file")
    var data = Data(capacity: 44 + dataSize)

    func append(_ text: String) { data.append(contentsOf: Array(text.utf8)) }
    func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) } }
    func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { data.append(contentsOf: $0) } }

    append("RIFF")
    append32(36 + dataSize)
    append("WAVE")
    append("fmt ")
    append32(16)  // PCM format chunk size
    append16(1)  // PCM
    append16(channels)
    append32(sampleRate)
    append32(sampleRate * bytesPerSample * channels)  // byte rate
    append16(bytesPerSample * channels)  // block align
    append16(16)  // bits per sample
    append("data")
    append32(dataSize)

    var pcm = [UInt8](repeating: 0, count: dataSize)
    samples.withUnsafeBufferPointer { source in
        pcm.withUnsafeMutableBufferPointer { bytes in
            for index in 0..<source.count {
                let sample = source[index]
                let clipped = sample.isNaN ? 0 : min(max(sample, -1), 1)
                let value = UInt16(bitPattern: Int16((clipped * 32767).rounded()))
                bytes[index &* 2] = UInt8(value & 0xff)
                bytes[index &* 2 &+ 1] = UInt8(value >> 8)
            }
        }
    }
    data.append(contentsOf: pcm)
    return data
}

/// Rounds samples to the 16-bit steps `wavData` stores, so audio kept in memory equals audio
/// read back from the WAV file (a resumed render then matches an uninterrupted one).
package func quantizedToPCM16(_ samples: [Float]) -> [Float] {
    var out = [Float](repeating: 0, count: samples.count)
    samples.withUnsafeBufferPointer { source in
        out.withUnsafeMutableBufferPointer { target in
            for i in 0..<source.count {
                let sample = source[i]
                let clipped = sample.isNaN ? 0 : min(max(sample, -1), 1)
                target[i] = Float(Int16((clipped * 32767).rounded())) / 32767
            }
        }
    }
    return out
}

/// Reads a mono 16-bit PCM WAV file as written by `wavData`.
/// - Throws: `VideoError(.media)` for anything else.
package func wavSamples(_ data: Data, name: String) throws -> (samples: [Float], sampleRate: Int) {
    let bytes = [UInt8](data)
    func u32(_ at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    guard bytes.count >= 44, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8),
        u16(20) == 1, u16(22) == 1, u16(34) == 16, bytes[36..<40].elementsEqual("data".utf8)
    else { throw VideoError(.media, "\(name) is not a mono 16-bit PCM WAV file written by vgen") }
    let count = min(u32(40), bytes.count - 44) / 2
    var samples = [Float](repeating: 0, count: count)
    samples.withUnsafeMutableBufferPointer { out in
        for i in 0..<count { out[i] = Float(Int16(bitPattern: UInt16(u16(44 + i * 2)))) / 32767 }
    }
    return (samples, u32(24))
}
