import ArgumentParser
import Foundation
import VideoAI
import VideoCore

/// `vgen beats FILE [--json]`: the tempo, beats, downbeats and energy curve of a piece of music.
struct BeatsCommand: ParsableCommand {
    /// The subcommand's name and help.
    static let configuration = CommandConfiguration(
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
    var file: String

    /// Whether to print JSON instead of a summary.
    @Flag(help: "Print the analysis as one JSON object.")
    var json = false

    @OptionGroup var logging: LoggingArguments

    /// Whether to report the analysis time on standard error (for benchmarks): the first run in
    /// the process (cold: library set-up, FFT planning) and a second, warm run of the same file.
    @Flag(help: .hidden)
    var timing = false

    /// How many warm runs `--timing` makes; it reports their median and the fastest (for
    /// benchmarks and profiling).
    @Option(help: .hidden)
    var timingRuns = 1

    /// Runs the analysis and prints it.
    func run() throws {
        let url = URL(fileURLWithPath: file)
        let clock = ContinuousClock()
        let started = clock.now
        let analysis = try MusicAnalyzer().analysis(fileAt: url)
        if timing {
            let cold = clock.now - started
            var warm: [Duration] = []
            for _ in 0..<max(1, timingRuns) {
                let restarted = clock.now
                _ = try MusicAnalyzer().analysis(fileAt: url)
                warm.append(clock.now - restarted)
            }
            func seconds(_ d: Duration) -> Double {
                Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            }
            let sorted = warm.sorted()
            FileHandle.standardError.write(
                Data(
                    "analysis_seconds cold \(seconds(cold)) warm \(seconds(sorted[sorted.count / 2])) best \(seconds(sorted[0]))\n"
                        .utf8))
        }
        let profile = analysis.profile
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(profile), as: UTF8.self))
            return
        }
        print(String(format: "duration   %.3f s", profile.duration))
        print(String(format: "tempo      %.2f BPM (confidence %.2f)", profile.tempoBPM, analysis.tempo.confidence))
        print("beats      \(profile.beats.count)")
        print("downbeats  \(profile.downbeats.count)")
        print("beat times \(profile.beats.map { String(format: "%.3f", $0) }.joined(separator: " "))")
        for section in profile.sections {
            let span = String(format: "%7.3f–%7.3f s", section.start, section.end)
            print(
                "section    \(span)  \(section.label) \(section.name ?? "-") energy \(String(format: "%.2f", section.energy))"
            )
        }
    }
}
