import ArgumentParser

/// `vgen edit talk.mp4`: a recorded talk cut clean.
package struct EditCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Cut the pauses and filler words out of a recorded talk.",
        discussion: """
            Writes <output-dir>/<video_id>/video.mp4, transcript.json, edit.json (the kept ranges in \
            source time and each removal with its reason), direction.json (chapters from topic shifts, \
            B-roll placements), captions.srt/.vtt, talk.otio (the cut for Resolve, Premiere or Final \
            Cut), metadata.json (chapters, title variants, tags), thumbnail-1…3.png and, with --platform \
            or --duration, highlight.mp4. Without --transcript the speech is recognized offline by \
            pocketsphinx (English). Edit edit.json and render it again with --edit. vgen resume \
            continues a killed edit (Docs/Talks.md).
            """)

    @Argument(help: "The recording: any video with a sound track that libav decodes.")
    package var talk: String

    @Option(
        name: .long,
        help: "Its transcript: SRT, WebVTT, or Whisper JSON (faster-whisper, whisper.cpp, WhisperX, OpenAI).")
    package var transcript: String?

    @Option(name: .long, help: "Render this cut list (an edit.json) instead of planning one.")
    package var edit: String?

    @Option(name: .long, help: "Pauses longer than this many seconds are cut (default 0.6).")
    package var maxPause: Double = 0.6

    @Option(name: .long, help: "Seconds of pause kept on each side of a cut (default 0.15).")
    package var margin: Double = 0.15

    @Flag(name: .long, help: "Keep filler words (um, uh, er).")
    package var keepFillers = false

    @Option(
        name: .long,
        help:
            "A folder of B-roll pictures and clips, placed where the talk mentions their names or broll.yaml's keywords."
    )
    package var broll: String?

    @Option(name: .long, help: "How B-roll is shown: cutaway (whole frame) or pip (picture in picture).")
    package var brollStyle: String = "cutaway"

    @Option(
        name: .long, help: "The video's title (title card, thumbnails, metadata); else the model's or a key phrase.")
    package var title: String?

    @Flag(name: .long, help: "Open with a title card and close with an outro.")
    package var cards = false

    @Option(name: .long, help: "Also cut highlight.mp4 for youtube, shorts, tiktok or reels (9:16, 60 s by default).")
    package var platform: String?

    @Option(name: .long, help: "The highlight's length: 60, 90s, 1m30s … (default: the platform's).")
    package var duration: String?

    @OptionGroup package var output: OutputArguments

    @OptionGroup package var task: TaskArguments

    /// The defaults.
    package init() {}
}
