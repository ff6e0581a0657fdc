import ArgumentParser

/// Where a montage or a talk edit goes and how it is encoded: the options `vgen montage` and
/// `vgen edit` share. Each command gives its own default preset and quality (the engine's
/// `encoder(preset:crf:)`).
package struct OutputArguments: ParsableArguments {
    /// The parent folder of the video's folder.
    @Option(name: .long, help: "The parent folder of the video's folder.")
    package var outputDir: String = "output"

    /// The video id, if given.
    @Option(
        name: .long, help: "The video id (the output folder's name); derived from the input's name when omitted.")
    package var videoId: String?

    /// The x264 preset, if given.
    @Option(name: .long, help: "x264 preset: ultrafast … veryslow (default: ultrafast for montage, veryfast for edit).")
    package var preset: String?

    /// The x264 constant rate factor, if given.
    @Option(name: .long, help: "x264 constant rate factor, 0–51: lower is better and larger (default 23; 20 for edit).")
    package var crf: Int?

    /// The defaults.
    package init() {}
}
