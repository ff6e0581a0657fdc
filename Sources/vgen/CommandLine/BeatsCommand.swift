import ArgumentParser

/// `vgen beats FILE [--json]`: the tempo, beats, downbeats and energy curve of a piece of music.
package struct BeatsCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "beats",
        abstract: "Find the tempo, beats, downbeats, energy curve and sections of a piece of music.",
        discussion: """
            Reads any audio file libavformat decodes (WAV, FLAC, MP3, AAC/M4A, Ogg Vorbis, Opus) or \
            the audio track of a video. With --json, prints one object: {"duration", "tempo_bpm", \
            "beats", "downbeats", "energy": {"hop_seconds", "values"}, "sections": [{"start", "end", \
            "label", "name", "energy"}]}, times in seconds.
            """)

    /// The file to analyse.
    @Argument(help: "The audio or video file to analyse.")
    package var file: String

    /// Whether to print JSON instead of a summary.
    @Flag(help: "Print the analysis as one JSON object.")
    package var json = false

    @OptionGroup package var logging: LoggingArguments

    /// Whether to report the analysis time on standard error (for benchmarks): the first run in
    /// the process (cold: library set-up, FFT planning) and a second, warm run of the same file.
    @Flag(help: .hidden)
    package var timing = false

    /// How many warm runs `--timing` makes; it reports their median and the fastest (for
    /// benchmarks and profiling).
    @Option(help: .hidden)
    package var timingRuns = 1

    /// The defaults.
    package init() {}
}
