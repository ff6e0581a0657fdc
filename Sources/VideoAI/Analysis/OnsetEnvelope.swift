import VideoCore

/// Frame-rate features of a whole piece, small enough to keep for hours of audio.
///
/// Made by `SpectralFrontEnd` from streamed samples; the tempo estimator, beat tracker and
/// downbeat estimator read it.
struct OnsetEnvelope: Sendable {
    /// Frames per second of `strength`, `lowStrength` and `bands`.
    let frameRate: Double
    /// Onset strength (log-compressed, half-wave-rectified spectral flux) per frame.
    let strength: [Float]
    /// Onset strength of the low bands only (kick drum, bass), per frame.
    let lowStrength: [Float]
    /// Coarse log band energies, `bandCount` values per frame, for harmonic-change cues.
    let bands: [Float]
    /// How many coarse bands each frame of `bands` holds.
    let bandCount: Int
    /// RMS energy per `energyHop` seconds, not normalised.
    let energy: [Float]
    /// Seconds per value of `energy`.
    let energyHop: Double
    /// Length of the audio, in seconds.
    let duration: Double
    /// Chroma and timbre blocks for the song's sections.
    var structure = StructureFeatures()

    /// Frame count.
    var count: Int { strength.count }

    /// The time of frame `index`, in seconds (frames are centred on their time).
    func time(ofFrame index: Double) -> Double { index / frameRate }
}
