/// How a video's soundtrack is mixed: an optional music bed ducked under the narration, and
/// the loudness the final mix is normalised to (EBU R128 / ITU-R BS.1770; see `Docs/Sound.md`).
public struct SoundOptions: Hashable, Sendable, Codable {
    /// The music file laid under the narration (any format FFmpeg decodes), looped or trimmed
    /// to the video; `nil` for narration only.
    public var music: String?
    /// The music's level before ducking, in dB relative to the narration's loudness.
    public var musicLevel: Double
    /// How far the music is lowered while the narration speaks, in dB (negative).
    public var duckingDepth: Double
    /// How long the music takes to duck, in seconds; applied ahead of the speech.
    public var duckingAttack: Double
    /// How long the music takes to come back after the speech, in seconds.
    public var duckingRelease: Double
    /// The music's fade-in at the start of the video, in seconds.
    public var fadeIn: Double
    /// The music's fade-out at the end of the video, in seconds.
    public var fadeOut: Double
    /// The integrated loudness of the final mix, in LUFS; `nil` leaves the mix as it is.
    public var loudness: Double?
    /// The highest true peak of the final mix, in dBTP.
    public var truePeak: Double

    /// The loudness range `--loudness` accepts, in LUFS.
    public static let loudnessRange = -40.0...(-5.0)

    /// Creates options; the defaults are the issue's: −15 dB ducking with 100 ms attack and
    /// 400 ms release, −14 LUFS integrated, −1 dBTP.
    /// - Parameters:
    ///   - music: The music file, or `nil`.
    ///   - musicLevel: The music's level relative to the narration's, in dB.
    ///   - duckingDepth: The ducking depth in dB.
    ///   - duckingAttack: The attack in seconds.
    ///   - duckingRelease: The release in seconds.
    ///   - fadeIn: The music's fade-in in seconds.
    ///   - fadeOut: The music's fade-out in seconds.
    ///   - loudness: The integrated loudness target in LUFS, or `nil` to leave the level alone.
    ///   - truePeak: The true-peak ceiling in dBTP.
    public init(
        music: String? = nil, musicLevel: Double = -6, duckingDepth: Double = -15, duckingAttack: Double = 0.1,
        duckingRelease: Double = 0.4, fadeIn: Double = 1, fadeOut: Double = 2, loudness: Double? = -14,
        truePeak: Double = -1
    ) {
        self.music = music
        self.musicLevel = musicLevel
        self.duckingDepth = duckingDepth
        self.duckingAttack = duckingAttack
        self.duckingRelease = duckingRelease
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
        self.loudness = loudness
        self.truePeak = truePeak
    }

    /// Checks a loudness target.
    /// - Parameter lufs: The integrated loudness asked for.
    /// - Returns: `lufs` when it lies in `loudnessRange`.
    /// - Throws: `VideoError` (`.invalidInput`, field `loudness`) otherwise.
    public static func validate(loudness lufs: Double) throws -> Double {
        guard lufs.isFinite, loudnessRange.contains(lufs) else {
            throw VideoError.invalid(
                "loudness", "\(lufs) LUFS is outside \(Int(loudnessRange.lowerBound))…\(Int(loudnessRange.upperBound))")
        }
        return lufs
    }

    enum CodingKeys: String, CodingKey {
        case music, musicLevel = "music_level", duckingDepth = "ducking_depth", duckingAttack = "ducking_attack",
            duckingRelease = "ducking_release", fadeIn = "fade_in", fadeOut = "fade_out", loudness,
            truePeak = "true_peak"
    }

    /// Decodes options; missing keys take the defaults.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a value of the wrong type; `VideoError` (`.invalidInput`)
    ///   naming the field for a value out of range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SoundOptions()
        music = try c.decodeIfPresent(String.self, forKey: .music)
        musicLevel = try c.decodeIfPresent(Double.self, forKey: .musicLevel) ?? d.musicLevel
        duckingDepth = try c.decodeIfPresent(Double.self, forKey: .duckingDepth) ?? d.duckingDepth
        duckingAttack = try c.decodeIfPresent(Double.self, forKey: .duckingAttack) ?? d.duckingAttack
        duckingRelease = try c.decodeIfPresent(Double.self, forKey: .duckingRelease) ?? d.duckingRelease
        fadeIn = try c.decodeIfPresent(Double.self, forKey: .fadeIn) ?? d.fadeIn
        fadeOut = try c.decodeIfPresent(Double.self, forKey: .fadeOut) ?? d.fadeOut
        loudness = c.contains(.loudness) ? try c.decodeIfPresent(Double.self, forKey: .loudness) : d.loudness
        truePeak = try c.decodeIfPresent(Double.self, forKey: .truePeak) ?? d.truePeak
        if let loudness { _ = try Self.validate(loudness: loudness) }
        // A hand-edited state file can hold any number: keep each within what the mixer handles.
        for (field, value, range) in [
            ("music_level", musicLevel, -60.0...20.0), ("ducking_depth", duckingDepth, -60.0...0.0),
            ("ducking_attack", duckingAttack, 0.0...10.0), ("ducking_release", duckingRelease, 0.0...10.0),
            ("fade_in", fadeIn, 0.0...60.0), ("fade_out", fadeOut, 0.0...60.0), ("true_peak", truePeak, -20.0...0.0),
        ] where !(value.isFinite && range.contains(value)) {
            throw VideoError.invalid(field, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
    }
}
