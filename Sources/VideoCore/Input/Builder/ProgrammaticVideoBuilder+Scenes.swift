/// Typed `add…` methods, one per built-in scene type. Each takes the type's content fields,
/// then the scene options every method shares (see
/// `add(_:id:narration:voice:minDuration:maxDuration:transition:)`).
extension ProgrammaticVideoBuilder {
    /// Adds a title card.
    @discardableResult
    public func addTitle(
        _ title: String, subtitle: String? = nil, id: String? = nil, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        add(
            .title(TitleContent(title: title, subtitle: subtitle)), id: id, narration: narration, voice: voice,
            minDuration: minDuration, maxDuration: maxDuration, transition: transition)
    }

    /// Adds commands or code in a terminal panel.
    @discardableResult
    public func addCommand(
        heading: String, code: String, language: String? = nil, caption: String? = nil, id: String? = nil,
        narration: String? = nil, voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil,
        transition: SceneTransition? = nil
    ) -> Self {
        add(
            .command(CommandContent(heading: heading, code: code, language: language, caption: caption)), id: id,
            narration: narration, voice: voice, minDuration: minDuration, maxDuration: maxDuration,
            transition: transition)
    }

    /// Adds a heading with bullet items.
    @discardableResult
    public func addList(
        heading: String, items: [String], id: String? = nil, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        add(
            .list(ListContent(heading: heading, items: items)), id: id, narration: narration, voice: voice,
            minDuration: minDuration, maxDuration: maxDuration, transition: transition)
    }

    /// Adds before-and-after code side by side.
    @discardableResult
    public func addCodeComparison(
        heading: String, before: String, after: String, language: String? = nil,
        beforeLabel: String = CodeComparisonContent.defaultBeforeLabel,
        afterLabel: String = CodeComparisonContent.defaultAfterLabel, id: String? = nil, narration: String? = nil,
        voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        let content = CodeComparisonContent(
            heading: heading, before: before, after: after, language: language, beforeLabel: beforeLabel,
            afterLabel: afterLabel)
        return add(
            .codeComparison(content), id: id, narration: narration, voice: voice, minDuration: minDuration,
            maxDuration: maxDuration, transition: transition)
    }

    /// Adds a quotation.
    @discardableResult
    public func addQuote(
        _ text: String, attribution: String? = nil, id: String? = nil, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        add(
            .quote(QuoteContent(text: text, attribution: attribution)), id: id, narration: narration, voice: voice,
            minDuration: minDuration, maxDuration: maxDuration, transition: transition)
    }

    /// Adds the closing card.
    @discardableResult
    public func addOutro(
        _ title: String, subtitle: String? = nil, id: String? = nil, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        add(
            .outro(OutroContent(title: title, subtitle: subtitle)), id: id, narration: narration, voice: voice,
            minDuration: minDuration, maxDuration: maxDuration, transition: transition)
    }

    /// Adds what the viewer will learn.
    @discardableResult
    public func addLearningObjectives(
        _ objectives: [String], heading: String = LearningObjectivesContent.defaultHeading, id: String? = nil,
        narration: String? = nil, voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil,
        transition: SceneTransition? = nil
    ) -> Self {
        add(
            .learningObjectives(LearningObjectivesContent(heading: heading, objectives: objectives)), id: id,
            narration: narration, voice: voice, minDuration: minDuration, maxDuration: maxDuration,
            transition: transition)
    }

    /// Adds a problem statement with its constraints.
    @discardableResult
    public func addProblem(
        title: String, statement: String, constraints: [String] = [], id: String? = nil, narration: String? = nil,
        voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        add(
            .problem(ProblemContent(title: title, statement: statement, constraints: constraints)), id: id,
            narration: narration, voice: voice, minDuration: minDuration, maxDuration: maxDuration,
            transition: transition)
    }

    /// Adds a worked solution: steps, code or both.
    @discardableResult
    public func addSolution(
        title: String, steps: [String] = [], code: String? = nil, language: String? = nil, id: String? = nil,
        narration: String? = nil, voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil,
        transition: SceneTransition? = nil
    ) -> Self {
        add(
            .solution(SolutionContent(title: title, steps: steps, code: code, language: language)), id: id,
            narration: narration, voice: voice, minDuration: minDuration, maxDuration: maxDuration,
            transition: transition)
    }

    /// Adds a multiple-choice question; `answerIndex` counts from 0.
    @discardableResult
    public func addQuiz(
        question: String, options: [String], answerIndex: Int, explanation: String? = nil, revealAfter: Double? = nil,
        id: String? = nil, narration: String? = nil, voice: Voice? = nil, minDuration: Double? = nil,
        maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        let content = QuizContent(
            question: question, options: options, answerIndex: answerIndex, explanation: explanation,
            revealAfter: revealAfter)
        return add(
            .quiz(content), id: id, narration: narration, voice: voice, minDuration: minDuration,
            maxDuration: maxDuration, transition: transition)
    }

    /// Adds a checkpoint: what has been covered and what comes next.
    @discardableResult
    public func addCheckpoint(
        completed: [String], next: [String] = [], heading: String = CheckpointContent.defaultHeading, id: String? = nil,
        narration: String? = nil, voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil,
        transition: SceneTransition? = nil
    ) -> Self {
        add(
            .checkpoint(CheckpointContent(heading: heading, completed: completed, next: next)), id: id,
            narration: narration, voice: voice, minDuration: minDuration, maxDuration: maxDuration,
            transition: transition)
    }

    /// Adds an exercise for the viewer.
    @discardableResult
    public func addExercise(
        title: String, instructions: String, hints: [String] = [], starterCode: String? = nil, language: String? = nil,
        id: String? = nil, narration: String? = nil, voice: Voice? = nil, minDuration: Double? = nil,
        maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        let content = ExerciseContent(
            title: title, instructions: instructions, hints: hints, starterCode: starterCode, language: language)
        return add(
            .exercise(content), id: id, narration: narration, voice: voice, minDuration: minDuration,
            maxDuration: maxDuration, transition: transition)
    }

    /// Adds a picture fitted to the frame with its caption under it.
    /// - Parameters:
    ///   - path: The image file (PNG, JPEG, WebP or SVG); the app resolves it (an absolute path).
    ///   - caption: A line under the picture.
    ///   - zoom: Whether the picture zooms in slowly over the scene.
    @discardableResult
    public func addImage(
        path: String, caption: String? = nil, zoom: Bool = false, id: String? = nil, narration: String? = nil,
        voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil,
        transition: SceneTransition? = nil
    ) -> Self {
        add(
            .image(ImageContent(path: path, caption: caption, zoom: zoom)), id: id, narration: narration, voice: voice,
            minDuration: minDuration, maxDuration: maxDuration, transition: transition)
    }

    /// Adds a table: a header row and body rows.
    /// - Parameters:
    ///   - heading: The heading above the table.
    ///   - header: The column names.
    ///   - rows: The body rows, each a list of cells.
    @discardableResult
    public func addTable(
        heading: String, header: [String], rows: [[String]], id: String? = nil, narration: String? = nil,
        voice: Voice? = nil, minDuration: Double? = nil, maxDuration: Double? = nil,
        transition: SceneTransition? = nil
    ) -> Self {
        add(
            .table(TableContent(heading: heading, header: header, rows: rows)), id: id, narration: narration,
            voice: voice, minDuration: minDuration, maxDuration: maxDuration, transition: transition)
    }
}
