import Foundation

/// Writes a soundtrack as AAC at a loudness target, checked on what the AAC decodes to.
///
/// The encoder's low-pass and its overshoot move loudness and true peak a little (on clicky
/// music, by most of a loudness unit), so after the first encode the file is decoded and
/// measured; when it misses the target by more than 0.1 LU, or its true peak is above the
/// ceiling, the mix is normalised again with the correction and encoded once more.
package struct NormalizedSoundtrack: Sendable {
    /// The loudness target and ceiling; `loudness == nil` writes the samples as they are.
    package var sound: SoundOptions
    /// The samples' rate.
    package var sampleRate: Int
    /// Interleaved channels.
    package var channels: Int

    /// Creates a writer.
    /// - Parameters:
    ///   - sound: The loudness target (`loudness`) and true-peak ceiling (`truePeak`).
    ///   - sampleRate: The rate of the samples.
    ///   - channels: How many channels the samples interleave (1 or 2).
    package init(sound: SoundOptions, sampleRate: Int, channels: Int = 1) {
        self.sound = sound
        self.sampleRate = sampleRate
        self.channels = max(1, channels)
    }

    /// Normalises `samples` and encodes them to a new AAC file at `url`.
    /// - Parameters:
    ///   - samples: The mix (interleaved when `channels` is 2).
    ///   - url: The file to write.
    ///   - flag: Checked between the passes.
    /// - Throws: `VideoError` when encoding or decoding fails, `CancellationError`.
    package func write(_ samples: [Float], to url: URL, flag: CancellationFlag) throws {
        guard let target = sound.loudness else { return try encode(samples, to: url, flag: flag) }
        var normalizer = LoudnessNormalizer(
            target: target, truePeak: sound.truePeak, sampleRate: sampleRate, channels: channels)
        try encode(normalizer.normalize(samples), to: url, flag: flag)
        let meter = LoudnessMeter(sampleRate: sampleRate, channels: channels)
        let decoded = try decode(url)
        let loudness = meter.integratedLoudness(decoded)
        let peak = meter.truePeak(decoded)
        guard loudness.isFinite, abs(loudness - target) > 0.1 || peak > sound.truePeak else { return }
        try flag.check()
        normalizer.target += target - loudness
        if peak > sound.truePeak { normalizer.truePeak -= peak - sound.truePeak + 0.1 }
        try encode(normalizer.normalize(samples), to: url, flag: flag)
    }

    private func encode(_ samples: [Float], to url: URL, flag: CancellationFlag) throws {
        try? FileManager.default.removeItem(at: url)
        let writer = try AudioFileWriter(
            url: url, sampleRate: sampleRate, channels: channels, interleaved: channels > 1)
        let chunk = sampleRate * channels
        for start in stride(from: 0, to: samples.count, by: chunk) {
            try flag.check()
            try writer.write(Array(samples[start..<min(samples.count, start + chunk)]))
        }
        try writer.finish()
    }

    private func decode(_ url: URL) throws -> [Float] {
        let decoder = try AudioDecoder(url: url, sampleRate: sampleRate, channels: channels)
        var samples: [Float] = []
        while let chunk = try decoder.read(maxSamples: 1 << 16) { samples.append(contentsOf: chunk) }
        return samples
    }
}
