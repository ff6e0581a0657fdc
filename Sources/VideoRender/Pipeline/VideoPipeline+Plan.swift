import Foundation

extension VideoPipeline {
    /// Plans a video without drawing or writing anything: writes the script, speaks it and
    /// lays the scenes on frame boundaries, returning the timing manifest a render of the
    /// same video with the same voice would write.
    ///
    /// With `ToneSynthesizer` this takes milliseconds and is fully deterministic, which suits
    /// an app's unit tests:
    ///
    /// ```swift
    /// let manifest = try await VideoPipeline().plan(try builder.build(), synthesizer: ToneSynthesizer())
    /// #expect(manifest.scenes.count == 12)
    /// ```
    /// - Parameters:
    ///   - config: The video.
    ///   - synthesizer: The voice; `nil` uses the audio stage's (espeak-ng by default).
    ///   - events: Receives the script stage's progress and warnings.
    /// - Returns: The manifest: every scene's frames and every word's times (audio file names
    ///   as a render would write them, though none is written).
    /// - Throws: `VideoError` when the video is invalid or the voice fails.
    public func plan(
        _ config: VideoConfig, synthesizer: (any SpeechSynthesizer)? = nil,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TimingManifest {
        let (config, warnings) = try fitted(config)
        for warning in warnings { events(.warning(warning)) }
        var speaking = audio
        if let synthesizer { speaking.synthesizer = synthesizer }
        // The script stage writes nothing; its context only carries events.
        let context = PipelineContext(directory: FileManager.default.temporaryDirectory, events: events)
        let scripted = try await script.run(config, context: context)
        return try await speaking.narrate(scripted, context: context).manifest
    }
}
