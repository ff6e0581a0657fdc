import Foundation
import Testing
import VideoCore
import VideoRender

/// Validation and coding of the scene contents (the models live in VideoCore; their tests sit
/// here beside the renderers that draw them).
@Suite struct SceneContentTests {
    func error(_ content: SceneContent) throws -> VideoError {
        try #require(throws: VideoError.self) { try SceneConfig(sceneID: "s", content: content) }
    }

    @Test func quizAnswerIndexMustNameAnOption() throws {
        for bad in [4, -1] {
            let e = try error(.quiz(QuizContent(question: "Q?", options: ["a", "b", "c", "d"], answerIndex: bad)))
            #expect(e.field == "scene.content.answer_index")
            #expect(e.code == .invalidInput)
            #expect(e.message.contains("0–3"))
        }
        _ = try SceneConfig(
            sceneID: "ok", content: .quiz(QuizContent(question: "Q?", options: ["a", "b"], answerIndex: 1)))
    }

    @Test func quizNeedsTwoToSixOptions() throws {
        for options in [["only"], Array(repeating: "x", count: 7)] {
            let e = try error(.quiz(QuizContent(question: "Q?", options: options, answerIndex: 0)))
            #expect(e.field == "scene.content.options")
            #expect(e.message.contains("2–6"))
        }
        let reveal = try error(
            .quiz(QuizContent(question: "Q?", options: ["a", "b"], answerIndex: 0, revealAfter: -1)))
        #expect(reveal.field == "scene.content.reveal_after")
    }

    @Test func listsAreLimitedToMaxItems() throws {
        let many = (0...VideoLimits.maxItems).map { "item \($0)" }
        let cases: [(SceneContent, String)] = [
            (.list(ListContent(heading: "h", items: many)), "items"),
            (.learningObjectives(LearningObjectivesContent(objectives: many)), "objectives"),
            (.problem(ProblemContent(title: "t", statement: "s", constraints: many)), "constraints"),
            (.solution(SolutionContent(title: "t", steps: many)), "steps"),
            (.checkpoint(CheckpointContent(completed: ["a"], next: many)), "next"),
            (.exercise(ExerciseContent(title: "t", instructions: "i", hints: many)), "hints"),
        ]
        for (content, field) in cases {
            let e = try error(content)
            #expect(e.field == "scene.content.\(field)")
            #expect(e.message.contains("\(VideoLimits.maxItems)"))
        }
    }

    @Test func textAndCodeLengthsAreLimited() throws {
        let longCode = String(repeating: "x", count: VideoLimits.maxCodeLength + 1)
        let longText = String(repeating: "y", count: VideoLimits.maxTextLength + 1)
        #expect(
            try error(.codeComparison(CodeComparisonContent(heading: "h", before: "a", after: longCode))).field
                == "scene.content.after")
        #expect(try error(.solution(SolutionContent(title: "t", code: longCode))).field == "scene.content.code")
        #expect(
            try error(.exercise(ExerciseContent(title: "t", instructions: "i", starterCode: longCode))).field
                == "scene.content.starter_code")
        #expect(try error(.problem(ProblemContent(title: "t", statement: longText))).field == "scene.content.statement")
        #expect(
            try error(.quiz(QuizContent(question: "q", options: ["a", longText], answerIndex: 0))).field
                == "scene.content.options[1]")
        #expect(try error(.checkpoint(CheckpointContent(completed: [longText]))).field == "scene.content.completed[0]")
    }

    @Test func solutionNeedsStepsOrCode() throws {
        #expect(try error(.solution(SolutionContent(title: "t", code: "  \n"))).field == "scene.content.steps")
        _ = try SceneConfig(sceneID: "a", content: .solution(SolutionContent(title: "t", code: "x = 1")))
        _ = try SceneConfig(sceneID: "b", content: .solution(SolutionContent(title: "t", steps: ["think"])))
    }

    @Test func sceneTypesMatchTheirContent() throws {
        let types = try SampleScene.oneOfEachType.map { try $0.scene().sceneType }
        #expect(types == SceneType.builtIn)
    }

    @Test func contentsDecodeFromSnakeCaseWithDefaults() throws {
        func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
            try JSONDecoder().decode(T.self, from: Data(json.utf8))
        }
        let quiz = try decode(
            QuizContent.self, #"{"question":"Q?","options":["a","b"],"answer_index":1,"reveal_after":2.5}"#)
        #expect(quiz == QuizContent(question: "Q?", options: ["a", "b"], answerIndex: 1, revealAfter: 2.5))
        let comparison = try decode(
            CodeComparisonContent.self, #"{"heading":"h","before":"a","after":"b","after_label":"Now"}"#)
        #expect(comparison.beforeLabel == "Before" && comparison.afterLabel == "Now" && comparison.language == nil)
        let checkpoint = try decode(CheckpointContent.self, #"{"completed":["x","y"],"next":"z"}"#)
        #expect(checkpoint == CheckpointContent(heading: "Checkpoint", completed: ["x", "y"], next: ["z"]))
        let exercise = try decode(
            ExerciseContent.self, #"{"title":"t","instructions":"i","starter_code":"let x = 1","language":"swift"}"#)
        #expect(exercise.starterCode == "let x = 1" && exercise.hints.isEmpty)
        let objectives = try decode(LearningObjectivesContent.self, #"{"objectives":["a"]}"#)
        #expect(objectives.heading == LearningObjectivesContent.defaultHeading)
        let problem = try decode(ProblemContent.self, #"{"title":"t","statement":"s","constraints":null}"#)
        #expect(problem.constraints.isEmpty)
        let encoded = String(decoding: try JSONEncoder().encode(exercise), as: UTF8.self)
        #expect(encoded.contains("\"starter_code\"") && !encoded.contains("starterCode"))
    }

    /// A scene written the way YAML specs write it: the type next to the content's fields.
    struct TypedScene: Codable {
        var content: SceneContent
        enum CodingKeys: String, CodingKey { case sceneType = "scene_type", content }
        init(content: SceneContent) { self.content = content }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let type = try c.decode(SceneType.self, forKey: .sceneType)
            content = try SceneContent(type: type, fieldsFrom: try c.superDecoder(forKey: .content))
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(content.sceneType, forKey: .sceneType)
            try content.encodeFields(to: c.superEncoder(forKey: .content))
        }
    }

    @Test func everyTypeRoundTripsThroughItsFields() throws {
        var contents = try SampleScene.allCases.map { try $0.scene().content }
        contents.append(
            .custom(CustomSceneContent(type: "diagram", fields: ["caption": .string("A box"), "size": .number(2)])))
        for content in contents {
            let data = try JSONEncoder().encode(TypedScene(content: content))
            #expect(try JSONDecoder().decode(TypedScene.self, from: data).content == content)
        }
        let json = #"{"scene_type":"quiz","content":{"question":"Q?","options":["a","b","c"],"answer_index":2}}"#
        #expect(
            try JSONDecoder().decode(TypedScene.self, from: Data(json.utf8)).content
                == .quiz(QuizContent(question: "Q?", options: ["a", "b", "c"], answerIndex: 2)))
    }
}
