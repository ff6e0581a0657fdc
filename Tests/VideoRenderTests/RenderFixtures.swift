import Foundation
import Testing
import VideoCore
import VideoRender

/// Sample scenes for renderer tests, short and pathologically long.
enum SampleScene: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case titleShort, titleLong, listShort, listLong, listMany, commandShort, commandLong, commandCode, quoteShort,
        quoteLong, outroShort, outroLong, comparisonShort, comparisonLong, objectivesShort, objectivesMany,
        problemShort,
        problemLong, solutionShort, solutionLong, solutionCodeOnly, quizShort, quizLong, checkpointShort,
        checkpointLong,
        exerciseShort, exerciseLong, imageShort, imageSVG, imageLong, tableShort, tableLong

    /// One short sample of each of the fourteen scene types, in `SceneType.builtIn` order.
    static let oneOfEachType: [SampleScene] = [
        .titleShort, .commandShort, .listShort, .comparisonShort, .quoteShort, .outroShort, .objectivesShort,
        .problemShort, .solutionShort, .quizShort, .checkpointShort, .exerciseShort, .imageShort, .tableShort,
    ]

    var testDescription: String { rawValue }

    static let longText = String(
        repeating: "Rendering pipelines turn structured documents into narrated frames, one scene at a time. ",
        count: 17
    )
    .prefix(1_500).description

    func scene() throws -> SceneConfig {
        let content: SceneContent
        switch self {
        case .titleShort:
            content = .title(
                TitleContent(title: "Getting Started with Swift", subtitle: "Part 1 · Installing the toolchain"))
        case .titleLong: content = .title(TitleContent(title: Self.longText, subtitle: Self.longText))
        case .listShort:
            content = .list(
                ListContent(
                    heading: "What you will learn",
                    items: [
                        "Install Swift on Linux and macOS", "Create a package with swift package init",
                        "Build, run and test from the command line", "Add a dependency",
                    ]))
        case .listLong:
            content = .list(ListContent(heading: Self.longText, items: Array(repeating: Self.longText, count: 6)))
        case .listMany:
            content = .list(
                ListContent(heading: "Fifty items", items: (1...50).map { "Item number \($0) with a few words" }))
        case .commandShort:
            content = .command(
                CommandContent(
                    heading: "Create a package",
                    code: "mkdir Hello && cd Hello\nswift package init --type executable\nswift run",
                    language: "bash", caption: "SwiftPM writes Package.swift and a main.swift for you."))
        case .commandLong:
            let code = (1...40).map { "swift build --configuration release --product tool\($0) --jobs 2 # line \($0)" }
                .joined(separator: "\n")
            content = .command(
                CommandContent(heading: Self.longText, code: code, language: nil, caption: Self.longText))
        case .commandCode:
            content = .command(
                CommandContent(
                    heading: "A first function",
                    code:
                        "func greet(_ name: String) -> String {\n    return \"Hello, \\(name)!\"\n}\n\nprint(greet(\"world\"))",
                    language: "swift", caption: "Functions take labelled arguments."))
        case .quoteShort:
            content = .quote(
                QuoteContent(
                    text: "Simplicity is prerequisite for reliability.", attribution: "Edsger W. Dijkstra"))
        case .quoteLong: content = .quote(QuoteContent(text: Self.longText, attribution: Self.longText))
        case .outroShort:
            content = .outro(OutroContent(title: "Thanks for watching", subtitle: "Next: Swift packages in depth"))
        case .outroLong: content = .outro(OutroContent(title: Self.longText, subtitle: Self.longText))
        default: content = teachingContent()
        }
        return try SceneConfig(sceneID: rawValue, content: content)
    }
}

extension SampleScene {
    static let longCode = (1...60).map {
        "    let value\($0) = compute(\"input number \($0)\", factor: \($0 * 3)) // step \($0)"
    }
    .joined(separator: "\n")

    /// The content of the samples of the seven teaching scene types.
    func teachingContent() -> SceneContent {
        let long = Self.longText
        switch self {
        case .comparisonShort:
            return .codeComparison(
                CodeComparisonContent(
                    heading: "From callbacks to async/await",
                    before:
                        "func load(completion: @escaping (Data?) -> Void) {\n    fetch(url) { data in\n        completion(data)\n    }\n}",
                    after:
                        "func load() async throws -> Data {\n    // One line, no callbacks\n    return try await fetch(url)\n}",
                    language: "swift", beforeLabel: "Callbacks", afterLabel: "async/await"))
        case .comparisonLong:
            return .codeComparison(
                CodeComparisonContent(
                    heading: long, before: Self.longCode, after: Self.longCode + Self.longCode, language: "python",
                    beforeLabel: long, afterLabel: long))
        case .objectivesShort:
            return .learningObjectives(
                LearningObjectivesContent(objectives: [
                    "Install the Swift toolchain", "Create and build a package", "Write and run unit tests",
                ]))
        case .objectivesMany:
            return .learningObjectives(
                LearningObjectivesContent(
                    heading: long, objectives: (1...50).map { "Objective \($0): \(long.prefix(90))" }))
        case .problemShort:
            return .problem(
                ProblemContent(
                    title: "Two Sum",
                    statement:
                        "Given an array of integers and a target, return the indices of the two numbers that add up to the target.",
                    constraints: ["2 ≤ n ≤ 10⁴", "Exactly one solution exists", "Use each element once"]))
        case .problemLong:
            return .problem(
                ProblemContent(title: long, statement: long, constraints: Array(repeating: long, count: 12)))
        case .solutionShort:
            return .solution(
                SolutionContent(
                    title: "Solution: one pass with a dictionary",
                    steps: [
                        "Walk the array once", "Look up target − x in the dictionary",
                        "Store each value's index as you go",
                    ],
                    code:
                        "def two_sum(nums, target):\n    seen = {}  # value -> index\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n    return None",
                    language: "python"))
        case .solutionLong:
            return .solution(
                SolutionContent(
                    title: long, steps: Array(repeating: long, count: 10), code: Self.longCode, language: "javascript"))
        case .solutionCodeOnly:
            return .solution(
                SolutionContent(
                    title: "The whole program",
                    code: "{\n  \"name\": \"vgen\",\n  \"version\": 2,\n  \"private\": true\n}", language: "json"))
        case .quizShort:
            return .quiz(
                QuizContent(
                    question: "Which keyword declares a constant in Swift?",
                    options: ["var", "let", "const", "static"],
                    answerIndex: 1, explanation: "let binds a value that cannot change."))
        case .quizLong:
            return .quiz(
                QuizContent(
                    question: long, options: Array(repeating: String(long.prefix(400)), count: 6), answerIndex: 5,
                    explanation: long))
        case .checkpointShort:
            return .checkpoint(
                CheckpointContent(
                    completed: ["Installed Swift", "Created a package", "Wrote a first test"],
                    next: ["Add a dependency", "Publish a release"]))
        case .checkpointLong:
            return .checkpoint(
                CheckpointContent(
                    heading: long, completed: Array(repeating: long, count: 20), next: Array(repeating: long, count: 20)
                ))
        case .exerciseShort:
            return .exercise(
                ExerciseContent(
                    title: "Your turn: reverse a string",
                    instructions: "Write a function that returns its input reversed, without using reversed().",
                    hints: ["Walk the characters from the end", "Strings are collections of Character"],
                    starterCode: "func reverse(_ text: String) -> String {\n    // Your code here\n    return \"\"\n}",
                    language: "swift"))
        case .exerciseLong:
            return .exercise(
                ExerciseContent(
                    title: long, instructions: long, hints: Array(repeating: long, count: 8),
                    starterCode: Self.longCode, language: "yaml"))
        default:
            return mediaContent()
        }
    }
}

extension Canvas {
    /// How many pixels are within `tolerance` (0–1 per channel) of `color`.
    func count(of color: RGBColor, tolerance: Double = 0.04, step: Int = 2) -> Int {
        var n = 0
        for y in stride(from: 0, to: height, by: step) {
            for x in stride(from: 0, to: width, by: step) {
                let p = pixel(x: x, y: y)
                if abs(p.red - color.red) <= tolerance, abs(p.green - color.green) <= tolerance,
                    abs(p.blue - color.blue) <= tolerance
                {
                    n += 1
                }
            }
        }
        return n
    }
}

/// A directory for images tests write for people to look at.
func contactDirectory() throws -> URL {
    // `make contact-sheet` sets VGEN_CONTACT_DIR to keep the sheets.
    let url =
        ProcessInfo.processInfo.environment["VGEN_CONTACT_DIR"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("vgen-render-contact", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
