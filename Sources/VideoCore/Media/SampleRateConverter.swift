internal import CFFmpeg

/// Resamples mono `Float` audio held in memory with libswresample (one `SwrContext`, freed in
/// `deinit`): voices that speak at different rates meet at one rate in a video.
///
/// # Thread safety
/// One converter per conversion; `resample(_:from:to:)` makes its own.
package final class SampleRateConverter {
    private var context: OpaquePointer?
    private let inputRate: Int
    private let outputRate: Int

    private init(from inputRate: Int, to outputRate: Int) throws {
        var outputLayout = CFFmpeg_layout_mono()
        var inputLayout = CFFmpeg_layout_mono()
        var made: OpaquePointer?
        var status = swr_alloc_set_opts2(
            &made, &outputLayout, AV_SAMPLE_FMT_FLT, Int32(outputRate), &inputLayout, AV_SAMPLE_FMT_FLT,
            Int32(inputRate), 0, nil)
        if status >= 0 { status = swr_init(made) }
        if status < 0 {
            swr_free(&made)
            try avCheck(status, "setting up the resampler from \(inputRate) Hz to \(outputRate) Hz")
        }
        context = made
        self.inputRate = inputRate
        self.outputRate = outputRate
    }

    deinit { swr_free(&context) }

    /// `samples` at `outputRate`: `samples.count × outputRate / inputRate` samples (rounded),
    /// aligned so a sample position scales by the same ratio.
    /// - Parameters:
    ///   - samples: Mono samples at `inputRate`.
    ///   - inputRate: Their rate in hertz.
    ///   - outputRate: The rate wanted.
    /// - Returns: The resampled audio (the input itself when the rates are equal).
    /// - Throws: `VideoError` (`.media`) with libswresample's message when it fails.
    package static func resample(_ samples: [Float], from inputRate: Int, to outputRate: Int) throws -> [Float] {
        guard inputRate != outputRate, !samples.isEmpty else { return samples }
        guard (1_000...384_000).contains(inputRate), (1_000...384_000).contains(outputRate) else {
            throw VideoError(
                .invalidInput, "sample rates \(inputRate) → \(outputRate) Hz are outside 1000–384000 Hz",
                field: "sample_rate")
        }
        return try SampleRateConverter(from: inputRate, to: outputRate).convert(samples)
    }

    private func convert(_ samples: [Float]) throws -> [Float] {
        let wanted = Int((Double(samples.count) * Double(outputRate) / Double(inputRate)).rounded())
        let capacity = Int(swr_get_out_samples(context, Int32(samples.count))) + 64
        var output = [Float](repeating: 0, count: capacity)
        var produced = 0
        try samples.withUnsafeBytes { input in
            try output.withUnsafeMutableBytes { out in
                var source: UnsafePointer<UInt8>? = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
                var destination: UnsafeMutablePointer<UInt8>? = out.baseAddress?.assumingMemoryBound(to: UInt8.self)
                let first = swr_convert(context, &destination, Int32(capacity), &source, Int32(samples.count))
                produced = Int(try avCheck(first, "resampling \(inputRate) Hz to \(outputRate) Hz"))
                // Drain what the filter still holds.
                var tail: UnsafeMutablePointer<UInt8>? = destination.map { $0 + produced * 4 }
                let flushed = swr_convert(context, &tail, Int32(capacity - produced), nil, 0)
                produced += Int(try avCheck(flushed, "resampling \(inputRate) Hz to \(outputRate) Hz"))
            }
        }
        output.removeSubrange(min(produced, output.count)...)
        if output.count < wanted { output += [Float](repeating: 0, count: wanted - output.count) }
        return Array(output.prefix(wanted))
    }
}
