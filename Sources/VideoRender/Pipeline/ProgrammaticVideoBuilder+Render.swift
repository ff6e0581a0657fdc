import Foundation
import VideoCore

extension ProgrammaticVideoBuilder {
    /// Builds, validates and renders the video into `<directory>/<video_id>/`.
    ///
    /// ```swift
    /// let result = try await builder.render(to: outputFolder)
    /// print(result.videoURL.path)
    /// ```
    /// - Parameters:
    ///   - directory: The parent folder; created if missing.
    ///   - options: How frames are drawn and encoded; `nil` uses the defaults with the
    ///     builder's `theme`.
    ///   - synthesizer: The voice (flite and espeak-ng in a `VoiceChain` by default; `ToneSynthesizer` for tests).
    ///   - events: Receives stage and progress events.
    /// - Returns: The finished video's paths, manifest, metadata and timings.
    /// - Throws: `VideoError` when the video is invalid or a stage fails.
    public func render(
        to directory: URL, options: RenderOptions? = nil, synthesizer: any SpeechSynthesizer = VoiceChain(),
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> RenderResult {
        let config = try build()
        let options = options ?? RenderOptions(theme: theme.map(VideoTheme.init(named:)) ?? .dark)
        let pipeline = VideoPipeline(audio: AudioStage(synthesizer: synthesizer), video: VideoStage(options: options))
        return try await pipeline.render(config, to: directory, events: events)
    }
}

extension VideoTheme {
    /// The theme a spec names: `.dark` or `.light`.
    public init(named name: ThemeName) {
        switch name {
        case .dark: self = .dark
        case .light: self = .light
        }
    }
}
