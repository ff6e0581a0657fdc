/// The hesitation sounds a clean cut removes: um, uh, er and their spellings, bare or marked
/// the way transcripts mark them (`[um]`, `(uh)`, `<uh>`, `++UH++`, `%hesitation`).
public enum FillerWords {
    /// The bare fillers, lower-cased.
    public static let words: Set<String> = [
        "um", "umm", "uh", "uhh", "uhm", "er", "err", "erm", "ah", "ahh", "eh", "hmm", "hm", "mm", "mhm",
    ]

    /// Whether `text` is a filler, ignoring case, punctuation and marking brackets.
    /// - Parameter text: A word as a transcript writes it.
    /// - Returns: `true` for a filler.
    public static func isFiller(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower == "%hesitation" { return true }
        let bare = lower.filter { $0.isLetter }
        return words.contains(bare) && bare.count == lower.filter { !"[]()<>+%.,!?;:…-\"' ".contains($0) }.count
    }
}
