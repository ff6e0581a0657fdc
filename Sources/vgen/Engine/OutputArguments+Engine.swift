import Foundation
import VGenCommandLine
import VideoCore

/// The output folder and the checked encoder settings of a montage or a talk edit.
extension OutputArguments {
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
