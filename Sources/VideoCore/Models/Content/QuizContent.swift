/// A multiple-choice question whose answer is revealed after a pause.
///
/// YAML keys: `question`, `options` (2–6), `answer_index` (zero-based: `0` is the first
/// option), `explanation` (optional, shown with the answer), `reveal_after` (optional seconds
/// from the start of the scene; by default the answer appears on the word of the narration
/// that starts it, see `QuizRenderer`).
public struct QuizContent: Hashable, Codable, Sendable {
    /// The question.
    public var question: String
    /// The possible answers, 2 to 6 of them.
    public var options: [String]
    /// The index of the correct option in `options`, from 0.
    public var answerIndex: Int
    /// Why the answer is right, shown and said once it is revealed.
    public var explanation: String?
    /// When the answer appears, in seconds from the start of the scene; `nil` for automatic.
    public var revealAfter: Double?

    /// The fewest options a quiz may have.
    public static let minOptions = 2
    /// The most options a quiz may have.
    public static let maxOptions = 6
    /// How far into the scene, as a fraction of its duration, the answer appears when neither
    /// `revealAfter` nor the narration's word timings say otherwise.
    public static let defaultRevealFraction = 0.6
    /// The words the narration uses to announce the answer; the answer appears on the word
    /// that follows them.
    public static let answerCue = "The answer is"

    /// Creates a quiz question.
    public init(
        question: String, options: [String], answerIndex: Int, explanation: String? = nil, revealAfter: Double? = nil
    ) {
        self.question = question
        self.options = options
        self.answerIndex = answerIndex
        self.explanation = explanation
        self.revealAfter = revealAfter
    }

    enum CodingKeys: String, CodingKey {
        case question, options, answerIndex = "answer_index", explanation, revealAfter = "reveal_after"
    }

    /// The option letter shown and spoken for an option index: `A` for 0, `B` for 1, ….
    public static func letter(for index: Int) -> String {
        guard (0..<26).contains(index) else { return "\(index + 1)" }
        return String(UnicodeScalar(UInt8(65 + index)))
    }
}
