import VideoCore

extension QuizRenderer {
    /// When the answer appears, in seconds from the start of the scene.
    ///
    /// `revealAfter` when given, at most 0.9 × the duration. Otherwise the start of the word
    /// that begins the answer in the narration: the word after `QuizContent.answerCue`
    /// ("The answer is **B:** let."), compared without case or punctuation, kept inside the
    /// scene. When no words are known or the narration never says the cue,
    /// `QuizContent.defaultRevealFraction` of the duration.
    /// - Parameters:
    ///   - content: The quiz.
    ///   - timeline: The scene's length and spoken words.
    /// - Returns: Seconds from the start of the scene, between 0 and the duration.
    static func revealTime(of content: QuizContent, in timeline: SceneTimeline) -> Double {
        let duration = timeline.duration
        guard duration.isFinite, duration > 0 else { return 0 }
        if let revealAfter = content.revealAfter, revealAfter.isFinite {
            return min(max(0, revealAfter), duration * 0.9)
        }
        if let time = answerStart(in: timeline.words, cue: Phrases(timeline.language).text(.answerIs)) {
            let lastFrame = duration - 1 / Double(max(timeline.fps, 1))
            return min(max(0, time), max(0, lastFrame))
        }
        return duration * QuizContent.defaultRevealFraction
    }

    /// The start of the first word after the answer cue (or the cue's end when nothing follows).
    static func answerStart(in words: [WordTiming], cue: String = QuizContent.answerCue) -> Double? {
        let cue = cue.split(separator: " ").map { normalized(String($0)) }
        let spoken = words.filter { !normalized($0.text).isEmpty }
        let tokens = spoken.map { normalized($0.text) }
        guard !cue.isEmpty, tokens.count >= cue.count else { return nil }
        for start in 0...(tokens.count - cue.count) where Array(tokens[start..<start + cue.count]) == cue {
            let after = start + cue.count
            return after < spoken.count ? spoken[after].startTime : spoken[after - 1].endTime
        }
        return nil
    }

    /// A word's letters and digits, lower-cased: `"Answer,"` → `"answer"`.
    private static func normalized(_ word: String) -> String {
        String(word.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
