extension Voice {
    /// The espeak-ng variants the portable names stand for in a language other than English.
    static let variants: [Voice: String] = [.male: "m3", .female: "f3", .maleWarm: "m1", .femaleFriendly: "f4"]

    /// The voice that speaks `language`: a portable name (`male`, `female`, …) becomes that
    /// language's espeak-ng voice with the matching variant (`de+m3`, `ja+f3`); an explicit
    /// engine voice (`fr+f2`, `cmu_us_rms`) and every voice in English stay as they are, so
    /// flite keeps English.
    /// - Parameter language: The video's language.
    /// - Returns: The voice to synthesize with.
    public func speaking(in language: Language) -> Voice {
        guard !language.isEnglish, let variant = Self.variants[self] else { return self }
        return Voice("\(language.profile.espeakVoice)+\(variant)")
    }
}
