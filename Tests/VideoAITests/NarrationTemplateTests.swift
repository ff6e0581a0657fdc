import Foundation
import Testing
import VideoAI
import VideoCore

@Suite struct NarrationTemplateTests {
    static let samples: [SceneContent] = [
        .title(TitleContent(title: "Getting Started with **Swift**", subtitle: "Part 1 · see https://swift.org")),
        .command(
            CommandContent(
                heading: "Build it", code: "swift build\nswift test", language: "bash",
                caption: "Both run in `Terminal`")),
        .list(ListContent(heading: "## Key ideas", items: ["*Values* over references", "Protocols", "Generics"])),
        .codeComparison(
            CodeComparisonContent(
                heading: "From callbacks to async", before: "a\nb\nc\nd", after: "e\nf", language: "swift",
                beforeLabel: "Callbacks", afterLabel: "Async await")),
        .quote(QuoteContent(text: "Simplicity is prerequisite for reliability", attribution: "Edsger Dijkstra")),
        .outro(OutroContent(title: "Thanks for watching", subtitle: "Next: packages")),
        .learningObjectives(
            LearningObjectivesContent(objectives: ["Install Swift", "Create a package", "Run the tests."])),
        .problem(
            ProblemContent(
                title: "Two Sum", statement: "Find two numbers that add up to a target",
                constraints: ["The input fits in memory", "Exactly one answer exists"])),
        .solution(
            SolutionContent(
                title: "Use a dictionary", steps: ["Walk the array once", "Look up the complement"],
                code: "seen = {}\nfor x in xs: pass", language: "py")),
        .quiz(
            QuizContent(
                question: "Which keyword declares a constant?", options: ["var", "let", "`const`"], answerIndex: 1,
                explanation: "a let binding cannot change.")),
        .checkpoint(
            CheckpointContent(completed: ["Installed Swift", "Created a package"], next: ["Add a dependency"])),
        .exercise(
            ExerciseContent(
                title: "Your turn: reverse a string", instructions: "Write a function that reverses its input",
                hints: ["Walk from the end", "Strings are collections"], starterCode: "func reverse() {}",
                language: "swift")),
        .image(ImageContent(path: "/pictures/pipeline.png", caption: "The render pipeline, from *text* to frames")),
        .table(
            TableContent(
                heading: "Formats", header: ["Format", "Decoder"], rows: [["PNG", "libavcodec"], ["SVG", "librsvg"]])),
    ]

    @Test func everyTypeHasATemplate() {
        #expect(Self.samples.map(\.sceneType) == SceneType.builtIn)
    }

    @Test(arguments: samples)
    func narrationReadsAsSentences(content: SceneContent) {
        let text = TemplateNarrationWriter.narration(for: content, videoTitle: "Swift 101")
        #expect(text.split(separator: " ").count >= 4, "\(text)")
        #expect(text.first?.isUppercase == true, "\(text)")
        #expect(text.last.map { ".!?".contains($0) } == true, "\(text)")
        for symbol in ["*", "#", "`", "_", "<", ">", "{", "}", "http", "..", " ,", " .", "  "] {
            #expect(!text.contains(symbol), "'\(symbol)' in: \(text)")
        }
        // Sentences start with capitals.
        let sentences = text.split(whereSeparator: { ".!?".contains($0) }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for sentence in sentences where !sentence.isEmpty {
            #expect(sentence.first!.isUppercase || sentence.first!.isNumber, "'\(sentence)' in: \(text)")
        }
    }

    @Test func templatesSayWhatTheSceneShows() {
        func say(_ i: Int) -> String { TemplateNarrationWriter.narration(for: Self.samples[i], videoTitle: "") }
        #expect(say(3).contains("Callbacks") && say(3).contains("from 4 lines to 2 lines"))
        #expect(say(6).hasPrefix("Here is what you will learn. By the end, you will be able to do 3 things."))
        #expect(say(7).contains("Two Sum") && say(7).contains("Keep these constraints in mind"))
        #expect(say(8).contains("2 steps") && say(8).contains("Python code, 2 lines long"))
        #expect(say(9).contains("A: var; B: let; or C: const?"))
        #expect(say(9).contains("\(QuizContent.answerCue) B: let. A let binding cannot change."))
        #expect(say(10).contains("Done so far: installed Swift and created a package. Next up: add a dependency."))
        #expect(say(11).contains("Hint 1: Walk from the end.") && say(11).hasSuffix("give it a try."))
    }

    @Test func quizNarrationAnnouncesTheAnswerAfterTheCue() throws {
        // The quiz renderer reveals the answer on the word after the cue: the option's letter.
        let narration = TemplateNarrationWriter.narration(for: Self.samples[9], videoTitle: "")
        let words = narration.split(separator: " ").map(String.init)
        let cue = QuizContent.answerCue.split(separator: " ").map(String.init)
        let at = try #require(words.indices.first { words[$0...].starts(with: cue) })
        #expect(words[at + cue.count] == "B:")
        #expect(at > words.count / 2, "the answer comes late in the narration")
    }
}
