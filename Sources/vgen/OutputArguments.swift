import ArgumentParser
import Foundation
import VideoCore

/// Where a montage or a talk edit goes and how it is encoded: the options `vgen montage` and
/// `vgen edit` share. Each command gives its own default preset and quality (`encoder`).
struct OutputArguments: ParsableArguments {
    @Option(name: .long, help: "The parent folder of the video's folder.")
    var outputDir: String = "output"

    @Option(
        name: .long, help: "The video id (the output folder's name); derived from the input's name when omitted.")
    var videoId: String?

    @Option(name: .long, help: "x264 preset: ultrafast … veryslow (default: ultrafast for montage, veryfast for edit).")
    var preset: String?

    @Option(name: .long, help: "x264 constant rate factor, 0–51: lower is better and larger (default 23; 20 for edit).")
    var crf: Int?

    /// The parent folder of the task folder.
    var outputURL: URL { URL(fileURLWithPath: outputDir) }

    /// The checked preset and quality, each the command's default when not given.
    /// - Parameters:
    ///   - preset: The command's default preset.
    ///   - crf: The command's default constant rate factor.
    /// - Returns: The preset and the constant rate factor.
    /// - Throws: `VideoError` (fields `preset`, `crf`) for an unknown preset or a quality outside 0–51.
    func encoder(preset defaultPreset: String, crf defaultCRF: Int) throws -> (preset: String, crf: Int) {
        let preset = self.preset ?? defaultPreset
        let crf = self.crf ?? defaultCRF
        guard MP4Writer.x264Presets.contains(preset) else {
            throw VideoError(.invalidInput, "unknown preset '\(preset)'", field: "preset")
        }
        guard (0...51).contains(crf) else {
            throw VideoError(.invalidInput, "crf must be 0–51, not \(crf)", field: "crf")
        }
        return (preset, crf)
    }
}
