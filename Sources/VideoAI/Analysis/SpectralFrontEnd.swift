import Foundation
import VideoCore

/// Turns streamed samples into an `OnsetEnvelope`: a short-time Fourier transform on FFTW,
/// mel bands, log compression and spectral flux, plus an RMS energy curve.
///
/// Only one frame of samples is kept between calls, so memory does not grow with the length
/// of the audio beyond the per-frame features (a few bytes per 12 ms frame).
struct SpectralFrontEnd {
    /// Analysis parameters.
    struct Settings: Sendable {
        var fftSize = 1024
        var hop = 256
        var melBands = 40
        var lowHz = 30.0
        var highHz = 11_000.0
        /// Frames between the two spectra whose difference is the flux.
        var fluxLag = 1
        /// Gain inside `log(1 + gain * energy)`.
        var logGain = 1.0
        /// Bands below this frequency feed `lowStrength`.
        var lowBandLimitHz = 200.0
        /// Coarse bands kept per frame for downbeat cues.
        var coarseBands = 8
        /// Seconds per energy value.
        var energyHop = 0.1
    }

    private let settings: Settings
    private let sampleRate: Int
    private let fft: FloatSpectrum
    private let window: [Float]
    private let filterbank: MelFilterbank
    private let lowBandCount: Int
    private let energyHopSamples: Int

    /// Samples not yet consumed by a frame; `bufferStart` is the absolute index of the first.
    private var buffer: [Float]
    private var bufferStart: Int
    private var nextFrame = 0
    private var totalSamples = 0

    private var spectrum: [Float]
    private var melEnergies: [Float]
    /// The last `fluxLag` log band spectra, a ring of `melBands`-long rows.
    private var history: [Float]
    private var historyFilled = 0
    private var logBands: [Float]
    private var strength: [Float] = []
    private var lowStrength: [Float] = []
    private var coarse: [Float] = []

    private var structure: StructureFeatureAccumulator

    private var energy: [Float] = []
    private var energySum = 0.0
    private var energyCount = 0

    /// Prepares a front end for audio at `sampleRate`.
    init(sampleRate: Int, settings: Settings = Settings()) {
        self.settings = settings
        self.sampleRate = sampleRate
        fft = FloatSpectrum(size: settings.fftSize)
        window = (0..<settings.fftSize).map {
            Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(settings.fftSize)))
        }
        spectrum = [Float](repeating: 0, count: settings.fftSize / 2 + 1)
        melEnergies = [Float](repeating: 0, count: settings.melBands)
        filterbank = MelFilterbank(
            count: settings.melBands, fftSize: settings.fftSize, sampleRate: sampleRate,
            lowHz: settings.lowHz, highHz: settings.highHz)
        lowBandCount = max(1, filterbank.centres.filter { $0 < settings.lowBandLimitHz }.count)
        energyHopSamples = max(1, Int((settings.energyHop * Double(sampleRate)).rounded()))
        // Frames are centred on their time: the first starts half a frame before the audio.
        buffer = [Float](repeating: 0, count: settings.fftSize / 2)
        bufferStart = -settings.fftSize / 2
        history = [Float](repeating: 0, count: settings.fluxLag * settings.melBands)
        logBands = [Float](repeating: 0, count: settings.melBands)
        structure = StructureFeatureAccumulator(
            sampleRate: sampleRate, fftSize: settings.fftSize, hop: settings.hop, bands: settings.melBands)
    }

    /// Frames per second of the features.
    var frameRate: Double { Double(sampleRate) / Double(settings.hop) }

    /// Feeds the next samples.
    mutating func consume(_ samples: [Float]) {
        guard !samples.isEmpty else { return }
        totalSamples += samples.count
        accumulateEnergy(samples)
        buffer.append(contentsOf: samples)
        processAvailableFrames()
    }

    /// Ends the stream and returns the features of the whole piece.
    mutating func finish() -> OnsetEnvelope {
        if energyCount > 0 {
            energy.append(Float((energySum / Double(energyCount)).squareRoot()))
            energySum = 0
            energyCount = 0
        }
        buffer.append(contentsOf: repeatElement(0, count: settings.fftSize / 2 + settings.hop))
        let frames = totalSamples == 0 ? 0 : (totalSamples - 1) / settings.hop + 1
        processAvailableFrames(limit: frames)
        return OnsetEnvelope(
            frameRate: frameRate, strength: strength, lowStrength: lowStrength, bands: coarse,
            bandCount: settings.coarseBands, energy: energy, energyHop: Double(energyHopSamples) / Double(sampleRate),
            duration: Double(totalSamples) / Double(sampleRate), structure: structure.finish())
    }

    private mutating func accumulateEnergy(_ samples: [Float]) {
        samples.withUnsafeBufferPointer { samples in
            var start = 0
            while start < samples.count {
                let end = min(samples.count, start + energyHopSamples - energyCount)
                // Eight lanes of squares per step: a single running sum was a chain of dependent
                // additions as long as the audio.
                var lanes = SIMD8<Float>()
                var i = start
                while i + 8 <= end {
                    let x = UnsafeRawPointer(samples.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                    lanes += x * x
                    i += 8
                }
                var sum = Double(lanes.sum())
                while i < end {
                    sum += Double(samples[i]) * Double(samples[i])
                    i += 1
                }
                energySum += sum
                energyCount += end - start
                if energyCount == energyHopSamples {
                    energy.append(Float((energySum / Double(energyCount)).squareRoot()))
                    energySum = 0
                    energyCount = 0
                }
                start = end
            }
        }
    }

    private mutating func processAvailableFrames(limit: Int = .max) {
        let n = settings.fftSize
        while nextFrame < limit {
            let start = nextFrame * settings.hop - n / 2
            let offset = start - bufferStart
            guard offset + n <= buffer.count else { break }
            buffer.withUnsafeBufferPointer { samples in
                window.withUnsafeBufferPointer { window in
                    spectrum.withUnsafeMutableBufferPointer { spectrum in
                        fft.magnitudes(of: samples, from: offset, window: window, into: spectrum)
                    }
                }
            }
            analyseFrame()
            nextFrame += 1
        }
        // Drop the samples no later frame needs.
        let keepFrom = nextFrame * settings.hop - n / 2 - bufferStart
        if keepFrom > 4096 && keepFrom <= buffer.count {
            buffer.removeFirst(keepFrom)
            bufferStart += keepFrom
        }
    }

    /// `log(1 + x)` for `x >= 0` within about 1e-5, without a library call (it was a fifth of
    /// the analysis time): `1 + x = m * 2^e` with `m` in [1, 2), and `log m = 2 atanh(t)` with
    /// `t = (m - 1) / (m + 1) <= 1/3`, summed to the seventh power.
    @inline(__always)
    static func fastLog1p(_ x: Float) -> Float {
        let y = 1 + max(0, x)
        let bits = y.bitPattern
        let e = Float(Int32(bitPattern: (bits >> 23) & 0xff) - 127)
        let m = Float(bitPattern: (bits & 0x7f_ffff) | 0x3f80_0000)
        let t = (m - 1) / (m + 1), t2 = t * t
        let logM = 2 * t * (1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7))))
        return e * 0.693_147_18 + logM
    }

    private mutating func analyseFrame() {
        filterbank.apply(spectrum, into: &melEnergies)
        let gain = Float(settings.logGain)
        let bandCount = melEnergies.count
        let row = (nextFrame % settings.fluxLag) * bandCount
        let hasPrevious = historyFilled >= settings.fluxLag
        var flux: Float = 0, lowFlux: Float = 0
        let lowBands = lowBandCount
        melEnergies.withUnsafeBufferPointer { energies in
            history.withUnsafeMutableBufferPointer { previous in
                logBands.withUnsafeMutableBufferPointer { current in
                    // Two plain loops: the logarithms vectorise, the flux sums do not.
                    for b in 0..<bandCount { current[b] = Self.fastLog1p(gain * energies[b]) }
                    for b in 0..<bandCount {
                        let value = current[b]
                        // The row being overwritten holds the spectrum from `fluxLag` frames ago.
                        let d = max(0, value - previous[row + b])
                        flux += d
                        if b < lowBands { lowFlux += d }
                        previous[row + b] = value
                    }
                    if !hasPrevious {
                        flux = 0
                        lowFlux = 0
                    }
                }
            }
        }
        historyFilled += 1
        spectrum.withUnsafeBufferPointer { spectrum in
            logBands.withUnsafeBufferPointer { structure.add(spectrum: spectrum, logBands: $0) }
        }
        strength.append(flux)
        lowStrength.append(lowFlux)

        let coarseCount = settings.coarseBands
        let per = max(1, bandCount / coarseCount)
        for c in 0..<coarseCount {
            let lo = min(bandCount, c * per), hi = c == coarseCount - 1 ? bandCount : min(bandCount, lo + per)
            var sum: Float = 0
            for b in lo..<hi { sum += logBands[b] }
            coarse.append(sum / Float(max(1, hi - lo)))
        }
    }
}
