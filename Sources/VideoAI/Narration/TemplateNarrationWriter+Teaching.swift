import VideoCore

/// The templates of the teaching scene types: code comparison, learning objectives, problem,
/// solution, quiz, checkpoint and exercise.
extension TemplateNarrationWriter {
    static func codeComparisonNarration(_ c: CodeComparisonContent) -> String {
        let heading = SpeechText.sentence(c.heading)
        let language = c.language.map { SpeechText.languageName($0.lowercased()) + " " } ?? ""
        let defaults =
            c.beforeLabel == CodeComparisonContent.defaultBeforeLabel
            && c.afterLabel == CodeComparisonContent.defaultAfterLabel
        var text: String
        if defaults {
            text = "\(heading) Here is the \(language)code before and after the change."
        } else {
            text =
                "\(heading) Compare two versions of the \(language)code: \(phrase(c.beforeLabel)), and then \(phrase(c.afterLabel))."
        }
        let before = lineCount(c.before), after = lineCount(c.after)
        if before != after, before > 0, after > 0 {
            text += " It goes from \(lines(before)) to \(lines(after))."
        }
        return text
    }

    static func objectivesNarration(_ c: LearningObjectivesContent) -> String {
        let heading =
            c.heading == LearningObjectivesContent.defaultHeading
            ? "Here is what you will learn." : SpeechText.sentence(c.heading)
        return listNarration(heading: heading, items: c.objectives) {
            "By the end, you will be able to do \($0) things."
        }
    }

    static func problemNarration(_ c: ProblemContent) -> String {
        var text = "Here is a problem: \(SpeechText.sentence(c.title)) \(SpeechText.sentence(c.statement))"
        let constraints = c.constraints.map { SpeechText.lowercasingFirst(phrase($0)) }.filter { !$0.isEmpty }
        if !constraints.isEmpty {
            let noun = constraints.count == 1 ? "this constraint" : "these constraints"
            text += " Keep \(noun) in mind: \(joined(constraints))."
        }
        return text
    }

    static func solutionNarration(_ c: SolutionContent) -> String {
        var text = listNarration(heading: c.title, items: c.steps) { "Let's walk through it in \($0) steps." }
        if let code = c.code, lineCount(code) > 0 {
            let name = c.language.map { SpeechText.languageName($0.lowercased()) + " " } ?? ""
            text += " Here is the \(name)code, \(lines(lineCount(code))) long."
        }
        return text
    }

    static func quizNarration(_ c: QuizContent) -> String {
        var parts = ["Quiz time. \(SpeechText.sentence(c.question))"]
        let options = c.options.enumerated().map { "\(QuizContent.letter(for: $0.offset)): \(phrase($0.element))" }
        parts.append(
            "Is it "
                + options.enumerated()
                .map { $0.offset == options.count - 1 && options.count > 1 ? "or \($0.element)" : $0.element }
                .joined(separator: "; ") + "?")
        parts.append("Take a moment to think it over.")
        if c.options.indices.contains(c.answerIndex) {
            let answer = phrase(c.options[c.answerIndex])
            parts.append("\(QuizContent.answerCue) \(QuizContent.letter(for: c.answerIndex)): \(answer).")
        }
        if let explanation = c.explanation, !SpeechText.clean(explanation).isEmpty {
            let said = SpeechText.sentence(explanation)
            parts.append(said.prefix(1).uppercased() + said.dropFirst())
        }
        return parts.joined(separator: " ")
    }

    static func checkpointNarration(_ c: CheckpointContent) -> String {
        var text = c.heading == CheckpointContent.defaultHeading ? "Let's take stock." : SpeechText.sentence(c.heading)
        let done = c.completed.map { SpeechText.lowercasingFirst(phrase($0)) }.filter { !$0.isEmpty }
        let next = c.next.map { SpeechText.lowercasingFirst(phrase($0)) }.filter { !$0.isEmpty }
        if !done.isEmpty { text += " Done so far: \(joined(done))." }
        if !next.isEmpty { text += " Next up: \(joined(next))." }
        return text
    }

    static func exerciseNarration(_ c: ExerciseContent) -> String {
        let intro = c.title.lowercased().contains("your turn") ? "" : "Now it's your turn. "
        var text = "\(intro)\(SpeechText.sentence(c.title)) \(SpeechText.sentence(c.instructions))"
        if let code = c.starterCode, lineCount(code) > 0 {
            let name = c.language.map { SpeechText.languageName($0.lowercased()) + " " } ?? ""
            text += " You can start from the \(name)code on screen."
        }
        let hints = c.hints.map(SpeechText.sentence).filter { !$0.isEmpty }
        switch hints.count {
        case 0: break
        case 1: text += " Here is a hint: \(SpeechText.lowercasingFirst(hints[0]))"
        default:
            text +=
                " A few hints. "
                + hints.enumerated().map { "Hint \($0.offset + 1): \($0.element)" }.joined(separator: " ")
        }
        return text + " Pause the video and give it a try."
    }

    // MARK: - Helpers

    /// Cleaned text without its closing punctuation, to place inside a sentence.
    static func phrase(_ text: String) -> String {
        var cleaned = SpeechText.clean(text)
        while let last = cleaned.last, ".!?…".contains(last) { cleaned.removeLast() }
        return cleaned
    }

    /// `a`, `a and b`, `a, b and c`.
    static func joined(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func lineCount(_ code: String) -> Int {
        code.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
    }

    static func lines(_ n: Int) -> String { n == 1 ? "one line" : "\(n) lines" }
}
