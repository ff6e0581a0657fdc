import VideoCore

/// The templates of the teaching scene types: code comparison, learning objectives, problem,
/// solution, quiz, checkpoint and exercise.
extension TemplateNarrationWriter {
    static func codeComparisonNarration(_ c: CodeComparisonContent, _ p: Phrases = .english) -> String {
        let heading = SpeechText.sentence(c.heading)
        let code = codeNoun(c.language, p)
        let defaults =
            c.beforeLabel == CodeComparisonContent.defaultBeforeLabel
            && c.afterLabel == CodeComparisonContent.defaultAfterLabel
        var text: String
        if defaults {
            text = "\(heading) \(p.text(.beforeAfter, ["code": code]))"
        } else {
            let compare = p.text(
                .compare, ["code": code, "before": phrase(c.beforeLabel), "after": phrase(c.afterLabel)])
            text = "\(heading) \(compare)"
        }
        let before = lineCount(c.before), after = lineCount(c.after)
        if before != after, before > 0, after > 0 {
            text += " " + p.text(.grows, ["from": lines(before, p), "to": lines(after, p)])
        }
        return text
    }

    static func objectivesNarration(_ c: LearningObjectivesContent, _ p: Phrases = .english) -> String {
        let heading =
            c.heading == LearningObjectivesContent.defaultHeading
            ? p.text(.objectivesIntro) : SpeechText.sentence(c.heading)
        return listNarration(heading: heading, items: c.objectives, p, intro: .objectivesCount)
    }

    static func problemNarration(_ c: ProblemContent, _ p: Phrases = .english) -> String {
        var text = p.text(
            .problem, ["title": SpeechText.sentence(c.title), "statement": SpeechText.sentence(c.statement)])
        let constraints = c.constraints.map { lowercasingFirst(phrase($0), p) }.filter { !$0.isEmpty }
        if !constraints.isEmpty {
            let key: Phrases.Key = constraints.count == 1 ? .constraintOne : .constraintMany
            text += " " + p.text(key, ["items": p.joined(constraints)])
        }
        return text
    }

    static func solutionNarration(_ c: SolutionContent, _ p: Phrases = .english) -> String {
        var text = listNarration(heading: c.title, items: c.steps, p, intro: .steps)
        if let code = c.code, lineCount(code) > 0 {
            text += " " + p.text(.codeListing, ["code": codeNoun(c.language, p), "lines": lines(lineCount(code), p)])
        }
        return text
    }

    static func quizNarration(_ c: QuizContent, _ p: Phrases = .english) -> String {
        var parts = ["\(p.text(.quizTime)) \(SpeechText.sentence(c.question))"]
        let options = c.options.enumerated().map { "\(QuizContent.letter(for: $0.offset)): \(phrase($0.element))" }
        let said = options.enumerated().map {
            $0.offset == options.count - 1 && options.count > 1 ? p.text(.quizOr, ["option": $0.element]) : $0.element
        }
        parts.append(p.text(.quizOptions, ["options": said.joined(separator: p.text(.quizOptionSeparator))]))
        parts.append(p.text(.think))
        if c.options.indices.contains(c.answerIndex) {
            let answer = phrase(c.options[c.answerIndex])
            parts.append("\(p.text(.answerIs)) \(QuizContent.letter(for: c.answerIndex)): \(answer).")
        }
        if let explanation = c.explanation, !SpeechText.clean(explanation).isEmpty {
            let said = SpeechText.sentence(explanation)
            parts.append(said.prefix(1).uppercased() + said.dropFirst())
        }
        return parts.joined(separator: " ")
    }

    static func checkpointNarration(_ c: CheckpointContent, _ p: Phrases = .english) -> String {
        var text = c.heading == CheckpointContent.defaultHeading ? p.text(.takeStock) : SpeechText.sentence(c.heading)
        let done = c.completed.map { lowercasingFirst(phrase($0), p) }.filter { !$0.isEmpty }
        let next = c.next.map { lowercasingFirst(phrase($0), p) }.filter { !$0.isEmpty }
        if !done.isEmpty { text += " " + p.text(.doneSoFar, ["items": p.joined(done)]) }
        if !next.isEmpty { text += " " + p.text(.nextUp, ["items": p.joined(next)]) }
        return text
    }

    static func exerciseNarration(_ c: ExerciseContent, _ p: Phrases = .english) -> String {
        let marker = p.text(.yourTurnMarker).lowercased()
        let intro = c.title.lowercased().contains(marker) ? "" : p.text(.yourTurn) + " "
        var text = "\(intro)\(SpeechText.sentence(c.title)) \(SpeechText.sentence(c.instructions))"
        if let code = c.starterCode, lineCount(code) > 0 {
            text += " " + p.text(.startFrom, ["code": codeNoun(c.language, p)])
        }
        let hints = c.hints.map(SpeechText.sentence).filter { !$0.isEmpty }
        switch hints.count {
        case 0: break
        case 1: text += " " + p.text(.hintOne, ["hint": lowercasingFirst(hints[0], p)])
        default:
            text +=
                " \(p.text(.hintsIntro)) "
                + hints.enumerated().map { p.text(.hintN, ["n": String($0.offset + 1), "hint": $0.element]) }
                .joined(separator: " ")
        }
        return text + " " + p.text(.tryIt)
    }

    // MARK: - Helpers

    /// Cleaned text without its closing punctuation, to place inside a sentence.
    static func phrase(_ text: String) -> String {
        var cleaned = SpeechText.clean(text)
        while let last = cleaned.last, ".!?…".contains(last) { cleaned.removeLast() }
        return cleaned
    }

    /// "code" or "Swift code" in the phrases' language.
    static func codeNoun(_ language: String?, _ p: Phrases) -> String {
        language.map { p.text(.codeNamed, ["language": SpeechText.languageName($0.lowercased())]) } ?? p.text(.code)
    }

    /// `text` with its first letter lower-cased (`SpeechText.lowercasingFirst`), except in
    /// German, whose nouns keep their capital.
    static func lowercasingFirst(_ text: String, _ p: Phrases) -> String {
        p.language.code == "de" ? text : SpeechText.lowercasingFirst(text)
    }

    static func lineCount(_ code: String) -> Int {
        code.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
    }

    static func lines(_ n: Int, _ p: Phrases = .english) -> String {
        n == 1 ? p.text(.oneLine) : p.text(.nLines, ["n": String(n)])
    }
}
