import Foundation

/// Chroma and timbre features of a whole piece at a coarse hop, for finding its sections.
///
/// Made by `StructureFeatureAccumulator` inside `SpectralFrontEnd`; read by `SongStructureAnalyzer`.
struct StructureFeatures: Sendable {
    /// Seconds per block (each block averages a few analysis frames).
    var blockSeconds: Double = 0
    /// Twelve pitch-class energies per block (C, C♯, … B), not normalised.
    var chroma: [Float] = []
    /// `StructureFeatureAccumulator.timbreCount` mel-cepstral coefficients (1…12) per block.
    var timbre: [Float] = []

    /// Number of blocks.
    var count: Int { chroma.count / StructureFeatureAccumulator.chromaCount }
}

/// Sums each analysis frame's spectrum into pitch classes (chroma) and its log mel bands into
/// blocks, turning every finished block's mean log mel spectrum into MFCCs with a DCT-II.
///
/// Memory: 24 floats per block of four frames (about 46 ms), under 8 MB for an hour.
struct StructureFeatureAccumulator {
    static let chromaCount = 12
    static let timbreCount = 12

    /// Analysis frames per block.
    let framesPerBlock: Int
    /// The pitch class of each FFT bin, or -1 outside 80 Hz – 5 kHz.
    private let pitchClass: [Int8]
    /// `timbreCount × bands` DCT-II rows for coefficients 1…12.
    private let dct: [Float]
    private let bands: Int
    private let frameSeconds: Double

    private var chromaSum = [Float](repeating: 0, count: chromaCount)
    private var bandSum: [Float]
    private var frames = 0
    private(set) var features = StructureFeatures()

    /// Prepares the accumulator for spectra of `fftSize` at `sampleRate`, `hop` samples apart,
    /// with `bands` log mel bands.
    init(sampleRate: Int, fftSize: Int, hop: Int, bands: Int, framesPerBlock: Int = 4) {
        self.framesPerBlock = framesPerBlock
        self.bands = bands
        frameSeconds = Double(hop) / Double(sampleRate)
        let binHz = Double(sampleRate) / Double(fftSize)
        pitchClass = (0...(fftSize / 2)).map { k in
            let hz = Double(k) * binHz
            guard hz >= 80, hz <= 5_000 else { return -1 }
            // MIDI note 0 is C-1 at 8.1758 Hz; the pitch class is the note modulo 12.
            let note = Int((12 * log2(hz / 8.175_798_9)).rounded())
            return Int8(note % 12)
        }
        var dct = [Float](repeating: 0, count: Self.timbreCount * bands)
        for c in 0..<Self.timbreCount {
            for b in 0..<bands {
                dct[c * bands + b] = Float(cos(Double.pi * Double(c + 1) * (Double(b) + 0.5) / Double(bands)))
            }
        }
        self.dct = dct
        bandSum = [Float](repeating: 0, count: bands)
        features.blockSeconds = frameSeconds * Double(framesPerBlock)
    }

    /// Adds one frame: its magnitude spectrum and its log mel bands.
    mutating func add(spectrum: UnsafeBufferPointer<Float>, logBands: UnsafeBufferPointer<Float>) {
        pitchClass.withUnsafeBufferPointer { classes in
            for k in 0..<min(classes.count, spectrum.count) where classes[k] >= 0 {
                chromaSum[Int(classes[k])] += spectrum[k] * spectrum[k]
            }
        }
        for b in 0..<min(bands, logBands.count) { bandSum[b] += logBands[b] }
        frames += 1
        if frames == framesPerBlock { flush() }
    }

    /// Ends the stream, keeping a last partial block.
    mutating func finish() -> StructureFeatures {
        if frames > 0 { flush() }
        return features
    }

    private mutating func flush() {
        let scale = 1 / Float(frames)
        features.chroma.append(contentsOf: chromaSum.map { $0 * scale })
        for c in 0..<Self.timbreCount {
            var sum: Float = 0
            for b in 0..<bands { sum += dct[c * bands + b] * bandSum[b] }
            features.timbre.append(sum * scale)
        }
        for i in chromaSum.indices { chromaSum[i] = 0 }
        for b in bandSum.indices { bandSum[b] = 0 }
        frames = 0
    }
}
