import ArgumentParser

/// `vgen montage --music SONG MEDIA…`: photos and clips cut on the beats of a song.
package struct MontageCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "montage",
        abstract: "Cut photos and clips into a montage on the beats of a song.",
        discussion: """
            Writes <output-dir>/<video_id>/video.mp4, timeline.json (the edit: segments with media, \
            in/out points, frames, transitions), analysis.json (the music profile) and thumbnail.png. \
            Edit timeline.json and render it again with --timeline: only the chunks whose \
            segments changed are encoded again. The folder's state.json is saved after every stage \
            (music, media, plan, render, output); vgen resume continues a killed or cancelled montage.
            """)

    /// Photos, clips and folders of them.
    @Argument(help: "Photos, clips and folders holding them.")
    package var media: [String] = []

    @Option(name: .long, help: "The song (any audio file libav decodes).")
    package var music: String?

    @Option(name: .long, help: "Length in seconds (default: the whole song).")
    package var duration: Double?

    @Option(name: .long, help: "Frame shape: 16:9, 9:16 or 1:1.")
    package var aspect: String = "16:9"

    @Option(name: .long, help: "Style: natural, cinematic, warm, cool, vivid or mono.")
    package var style: String = "natural"

    @Option(name: .long, help: "Order: name, time (capture time) or shuffle.")
    package var order: String = "time"

    @Option(name: .long, help: "Pictures of another shape: fill (crop), fit (bars) or blur (blurred background).")
    package var fit: String = "fill"

    @Option(name: .long, help: "Use one transition everywhere: cut, crossfade, fade or zoom.")
    package var transition: String?

    @Option(name: .long, help: "Volume of clips' own sound under the music, 0–1.")
    package var clipAudio: Double = 0

    @Option(name: .long, help: "Rounds of automatic refinement: plan again while the plan's score rises (0–10).")
    package var autoRefine: Int = 0

    @Flag(
        name: .long,
        help: "Play each clip shot at 0.5–2x so its motion peak lands on a beat (its own sound is then muted).")
    package var speedRamp = false

    @Option(name: .long, help: "Short side of the frame in pixels.")
    package var size: Int = 1080

    @Option(name: .long, help: "Frames per second (1–120).")
    package var fps: Int = 30

    @Option(name: .long, help: "Render this timeline.json again instead of planning.")
    package var timeline: String?

    @OptionGroup package var output: OutputArguments

    @Option(name: .long, help: "Stop after this stage (music, media, plan, render); vgen resume continues.")
    package var stopAfter: String?

    @OptionGroup package var task: TaskArguments

    /// The defaults.
    package init() {}
}
