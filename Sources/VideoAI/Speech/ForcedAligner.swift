import Foundation
import VideoCore

/// Finds where each word of a text is spoken in audio that came without word times (an HTTP
/// voice's answer).
///
/// The same text is spoken by an in-process voice that reports its own word times (the
/// reference); dynamic time warping between the two recordings' `SpeechFeatures` (MFCCs and
/// the energy slope, every 10 ms) maps each reference frame to a frame of the audio, and the
/// reference's word boundaries follow that map. Measured against espeak-ng's own word events
/// (espeak-ng as the "server", flite as the reference), the median error is in Docs/Voices.md.
///
/// # Thread safety
/// A value type; alignment runs on the calling task (it is arithmetic on Swift arrays).
public struct ForcedAligner: Sendable {
    /// The in-process voice that speaks the reference.
    public var reference: any SpeechSynthesizer
    /// The reference voice.
    public var referenceVoice: Voice

    /// Creates an aligner.
    /// - Parameters:
    ///   - reference: A voice with word events; flite (through a `VoiceChain`) by default.
    ///   - referenceVoice: The voice it speaks with.
    public init(reference: any SpeechSynthesizer = VoiceChain(), referenceVoice: Voice = .male) {
        self.reference = reference
        self.referenceVoice = referenceVoice
    }

    /// The words of `text` placed in `samples`.
    /// - Parameters:
    ///   - samples: The audio to align, mono.
    ///   - sampleRate: Its rate.
    ///   - text: What it says.
    /// - Returns: One word per written word of `text`, positions in `samples`.
    /// - Throws: `VideoError` when the reference voice fails.
    public func align(_ samples: [Float], sampleRate: Int, text: String) async throws -> [SpokenWord] {
        let speech = try await reference.synthesize(text, voice: referenceVoice)
        return try Self.align(samples, sampleRate: sampleRate, to: speech)
    }

    /// The words of `reference` placed in `samples` by dynamic time warping.
    /// - Parameters:
    ///   - samples: The audio to align.
    ///   - sampleRate: Its rate.
    ///   - reference: The same words spoken with word times.
    /// - Returns: `reference`'s words with positions in `samples`.
    /// - Throws: `VideoError` (`.media`) when resampling fails.
    static func align(_ samples: [Float], sampleRate: Int, to reference: SpeechAudio) throws -> [SpokenWord] {
        let target = try SpeechFeatures(samples: samples, sampleRate: sampleRate).frames
        let source = try SpeechFeatures(samples: reference.samples, sampleRate: reference.sampleRate).frames
        guard !target.isEmpty, !source.isEmpty else {
            return reference.words.map { SpokenWord(text: $0.text, startSample: 0, endSample: 0) }
        }
        let map = DynamicTimeWarp.map(source, onto: target)
        let hopSeconds = Double(SpeechFeatures.hop) / Double(SpeechFeatures.sampleRate)
        func place(_ position: Int) -> Int {
            let seconds = Double(position) / Double(reference.sampleRate)
            let frame = min(map.count - 1, max(0, Int((seconds / hopSeconds).rounded())))
            // A frame's centre-to-start offset is the same in both recordings, so frames map directly.
            return min(samples.count, Int((Double(map[frame]) * hopSeconds * Double(sampleRate)).rounded()))
        }
        return reference.words.map { word in
            let start = place(word.startSample)
            return SpokenWord(text: word.text, startSample: start, endSample: max(start, place(word.endSample)))
        }
    }
}

/// Dynamic time warping between two feature sequences, within a band around the diagonal.
enum DynamicTimeWarp {
    /// For each frame of `source`, the first frame of `target` the best path pairs it with.
    static func map(_ source: [[Float]], onto target: [[Float]]) -> [Int] {
        let n = source.count, m = target.count
        // The band: wide enough for one voice to be half again as fast anywhere in the text.
        let width = max(60, Int(Double(max(n, m)) * 0.25))
        func centre(_ i: Int) -> Int { n == 1 ? 0 : i * (m - 1) / (n - 1) }
        let span = 2 * width + 1
        var cost = [Float](repeating: .infinity, count: n * span)
        var step = [UInt8](repeating: 0, count: n * span)
        func index(_ i: Int, _ j: Int) -> Int? {
            let k = j - centre(i) + width
            return k >= 0 && k < span ? i * span + k : nil
        }
        func distance(_ a: [Float], _ b: [Float]) -> Float {
            var sum: Float = 0
            for d in a.indices { let x = a[d] - b[d]; sum += x * x }
            return sum.squareRoot()
        }
        for i in 0..<n {
            let low = max(0, centre(i) - width), high = min(m - 1, centre(i) + width)
            guard low <= high else { continue }
            for j in low...high {
                guard let here = index(i, j) else { continue }
                let d = distance(source[i], target[j])
                if i == 0 && j == 0 { cost[here] = d; continue }
                var best = Float.infinity, from: UInt8 = 0
                if i > 0, j > 0, let k = index(i - 1, j - 1), cost[k] + 2 * d < best {
                    best = cost[k] + 2 * d; from = 1
                }
                if i > 0, let k = index(i - 1, j), cost[k] + d < best { best = cost[k] + d; from = 2 }
                if j > 0, let k = index(i, j - 1), cost[k] + d < best { best = cost[k] + d; from = 3 }
                cost[here] = best
                step[here] = from
            }
        }
        // Walk back from the end, noting the first target frame of each source frame.
        var first = [Int](repeating: 0, count: n)
        var i = n - 1, j = m - 1
        if index(i, j) == nil { j = min(m - 1, centre(i) + width) }
        while true {
            first[i] = j
            guard let here = index(i, j), i > 0 || j > 0 else { break }
            switch step[here] {
            case 1: i -= 1; j -= 1
            case 2: i -= 1
            case 3: j -= 1
            default: if i > 0 { i -= 1 } else { j -= 1 }
            }
            if j < 0 { j = 0 }
        }
        return first
    }
}
