import VideoCore

/// The full result of analysing a piece: the profile plus the tempo estimate behind it.
public struct MusicAnalysis: Sendable, Equatable {
    /// Duration, tempo, beats, downbeats and energy, as `vgen beats` reports them.
    public let profile: AudioAnalysisProfile
    /// The tempo with its confidence and local curve.
    public let tempo: TempoEstimate
}
