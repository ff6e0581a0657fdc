import ArgumentParser

/// Options shared by every command that renders a video. Options left out keep the input's
/// own values (a YAML spec's), or the defaults shown. The engine turns them into overrides,
/// settings and render options (`RenderArguments+Engine.swift`).
package struct RenderArguments: ParsableArguments {
    @Option(name: .long, help: "The parent folder of the video's folder.")
    package var outputDir: String = "output"

    @Option(name: .long, help: "Accent colour: blue (default), orange, purple, green, pink or cyan.")
    package var accentColor: String?

    @Option(
        name: .long,
        help:
            "Voice: male (default), female, male_warm, female_friendly, a flite voice (cmu_us_kal16…) or any espeak-ng voice (en-gb, de, fr+f2…)."
    )
    package var voice: String?

    @Option(
        name: .long,
        help:
            "The video's language as a BCP 47 tag: en (default), de, pt-BR, zh-Hans… (Docs/Languages.md lists all 30).")
    package var language: String?

    @Option(
        name: .long,
        help:
            "Make one version per language, each in its own folder: en,es,ja… Narration not written for a language (narration: {es: …}) is translated by the configured language model."
    )
    package var languages: String?

    @Flag(
        name: .long,
        help:
            "With --languages: also write OUTPUT/multitrack/<video_id>/video.mp4, one MP4 with every language's sound and subtitle track (the first language's is the default); every version gets the same scene timing."
    )
    package var multitrack = false

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT (default 1920x1080).")
    package var resolution: String?

    @Option(name: .long, help: "Frames per second, 1–120 (default 30).")
    package var fps: Int?

    @Option(
        name: .long,
        help: "x264 preset: ultrafast, superfast, veryfast (default), faster, fast, medium, slow, slower, veryslow.")
    package var preset: String = "veryfast"

    @Option(name: .long, help: "The video id (the output folder's name); derived from the input's name when omitted.")
    package var videoId: String?

    @Option(name: .long, help: "How scenes give way to each other: cut, fade, crossfade (default) or slide.")
    package var transition: String?

    @Option(name: .long, help: "Colour theme: dark (default) or light.")
    package var theme: String?

    @Option(
        name: .long,
        help: """
            How long the video should be: 90s, 3m, 1m30s or full. The script is fitted to it (±5%, measured \
            on the spoken narration); without it, a script longer than 10 minutes is fitted to 10 minutes.
            """)
    package var duration: String?

    @Option(
        name: .long,
        help: "Where it will be published: youtube, shorts, tiktok or reels (sets the frame and the default length).")
    package var platform: String?

    @Flag(name: .long, help: "Keep tables of contents and one-line License or Contributing sections of a document.")
    package var keepBoilerplate = false

    // Language models (Docs/LanguageModels.md).
    @Option(
        name: .long,
        help:
            "Who writes the narration: template (default, offline) or ai (the language model set by VGEN_LLM, OPENAI_* or ANTHROPIC_*)."
    )
    package var narration: String = "template"

    @Option(name: .long, help: "Items light up as they are said: words (default) or none.")
    package var reveal: String = "words"

    @Option(
        name: .long,
        help:
            "Captions in the picture: off (default), burn, or karaoke (the spoken word highlighted). SRT and VTT are always written."
    )
    package var captions: String?

    @Option(name: .long, help: "A music file laid under the narration, looped or trimmed, faded, ducked under speech.")
    package var music: String?

    @Option(
        name: .long, help: "Integrated loudness of the final mix in LUFS, -40…-5 (default -14; true peak ≤ -1 dBTP).")
    package var loudness: Double?

    /// The defaults.
    package init() {}
}
