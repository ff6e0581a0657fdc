import Foundation
import VideoCore
import VideoTestSupport

/// The WAV readers: vgen's own reader of the speech cache's files (`wavSamples`) and libav's
/// decoding of any audio held in memory (a voice server's answer, `AudioDecoder.decodeAll`).
/// Both must turn any bytes into samples or a `VideoError`.
struct WAVFuzzTarget: FuzzTarget {
    static let name = "wav"

    init(scratch: URL) throws {}

    func seeds() throws -> [Data] {
        let tone = (0..<800).map { Float(sin(Double($0) * 0.07)) * 0.5 }
        return [
            wavData(samples: tone, sampleRate: 8_000), wavData(samples: tone, sampleRate: 22_050, channels: 2),
            TestWAV.data(tone, sampleRate: 16_000, gains: [1, 0.5]),
        ]
    }

    func run(_ data: Data) throws {
        _ = try? wavSamples(data, name: "fuzz.wav")
        _ = try AudioDecoder.decodeAll(data: data, name: "fuzz.wav", sampleRate: 16_000)
    }
}
