import Foundation
import Testing
import VideoCore

/// Specs nested deeper than 64 levels are refused with one located line before Yams (which
/// recurses) reads them; nesting that only looks deep in the text is not.
@Suite struct YAMLNestingTests {
    private let folder = FileManager.default.temporaryDirectory

    /// The error reading `text`, if any.
    private func readError(_ text: String) -> VideoError? {
        do {
            _ = try YAMLAdapter(text: text, baseDirectory: folder).readVideos()
            return nil
        } catch {
            return error as? VideoError
        }
    }

    private func isTooDeep(_ error: VideoError?) -> Bool {
        error?.message.contains("nested more than 64 levels") == true
    }

    /// `title: T` and `scenes:` holding `levels` flow sequences inside one another.
    private func flowSpec(levels: Int) -> String {
        "title: T\nscenes: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
    }

    /// `head`, then `line` on `count` lines, the first indented `first` spaces and each
    /// following one a space more (50 MB for 10,000 levels, so built as bytes).
    private func staircase(_ head: String, _ line: String, first: Int, count: Int) -> String {
        var bytes = Array(head.utf8)
        bytes.reserveCapacity(bytes.count + count * (first + line.utf8.count) + count * count / 2 + count)
        let spaces = [UInt8](repeating: 0x20, count: first + count)
        for indent in first..<(first + count) {
            bytes.append(contentsOf: spaces[0..<indent])
            bytes.append(contentsOf: line.utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func tenThousandFlowSequencesAreRefusedAtTheLevelPastTheLimit() throws {
        let error = try #require(readError(flowSpec(levels: 10_000)))
        // The mapping is level 1, so the 64th `[` (column 9 + 63) opens level 65.
        #expect(error.code == .invalidInput)
        #expect(error.location == VideoError.Location(file: "spec.yaml", line: 2, column: 72))
        #expect(error.description.hasPrefix("spec.yaml:2:72: lists and mappings are nested more than 64 levels"))
        #expect(!error.description.contains("\n"))
    }

    @Test func tenThousandBlockMappingsAreRefused() throws {
        // `x:` holds a mapping indented one more space per level: the line with `i` spaces is
        // level i + 1, so level 65 starts on line 2 + 64, at column 65.
        let text = staircase("title: T\nx:\n", "k:\n", first: 1, count: 10_000)
        let error = try #require(readError(text))
        #expect(isTooDeep(error), "\(error)")
        #expect(error.location == VideoError.Location(file: "spec.yaml", line: 66, column: 65))
    }

    @Test func tenThousandBlockSequencesAreRefused() throws {
        // Indented: `scenes:` then `-` one more space in per line (the first `-` is level 2).
        let indented = staircase("title: T\nscenes:\n", "-\n", first: 0, count: 10_000)
        let error = try #require(readError(indented))
        #expect(isTooDeep(error), "\(error)")
        #expect(error.location == VideoError.Location(file: "spec.yaml", line: 66, column: 64))
        // Compact: `- - - …` on one line, 20 kB.
        let compact = "title: T\nscenes:\n" + String(repeating: "- ", count: 10_000) + "x\n"
        let compactError = try #require(readError(compact))
        #expect(isTooDeep(compactError), "\(compactError)")
        #expect(compactError.location == VideoError.Location(file: "spec.yaml", line: 3, column: 127))
    }

    @Test func sixtyFourLevelsAreRead() throws {
        // 64 levels fail only for what the schema wants, not for their depth.
        let flow = try #require(readError(flowSpec(levels: 63)))
        #expect(!isTooDeep(flow) && flow.message.contains("must be a mapping"), "\(flow)")
        #expect(isTooDeep(readError(flowSpec(levels: 64))))
        let block = staircase("title: T\nx:\n", "k:\n", first: 1, count: 63)
        let blockError = try #require(readError(block))
        #expect(!isTooDeep(blockError) && blockError.message.contains("unknown key 'x'"), "\(blockError)")
        #expect(isTooDeep(readError(block + String(repeating: " ", count: 64) + "k:\n")))
    }

    @Test func chainedAliasesCountAsDeepAsWhatTheyRepeat() throws {
        // Each alias repeats the list before it inside a new list: 75,000 of them crashed Yams
        // (freeing the tree) with no nesting in the text.
        var text = "title: T\nscenes: [{scene_type: title, title: x}]\na0: &a0 [1]\n"
        for i in 1..<200 { text += "a\(i): &a\(i) [*a\(i - 1)]\n" }
        let error = try #require(readError(text))
        #expect(isTooDeep(error) && error.message.contains("through the alias *a62"), "\(error)")
        #expect(error.location?.line == 3 + 63)
        // Reusing one anchored list (and a scalar) many times nests no deeper than the list.
        var reuse = "title: T\nvoice: &v male\nscenes:\n"
        reuse += "  - {scene_type: quiz, question: Q, options: &o [a, b], answer_index: 0}\n"
        for _ in 1..<90 { reuse += "  - {scene_type: quiz, question: Q, options: *o, answer_index: 1, voice: *v}\n" }
        let config = try YAMLAdapter(text: reuse, baseDirectory: folder).makeVideoConfig()
        #expect(config.scenes.count == 90)
    }

    @Test func bracketsInScalarsAndCommentsAreNotNesting() throws {
        let deep = String(repeating: "[", count: 1_000)
        let spec = """
            title: "\(deep)"
            # \(deep)
            description: a \(deep) b {{ it's
            scenes:
              - scene_type: title
                title: '\(deep) it''s'
                narration: |
                  \(deep)
                  - - - {
                subtitle: plain text
                  continued \(deep)
            """
        let config = try YAMLAdapter(text: spec, baseDirectory: folder).makeVideoConfig()
        #expect(config.title == deep)
        #expect(config.description == "a \(deep) b {{ it's")
    }

    @Test func nestingHiddenBehindWhatLooksLikeAQuoteIsCounted() throws {
        // The `'` continues the plain scalar above (it starts no quoted text), so the lists
        // after it are real: counting them as quoted would let them through.
        let hidden =
            "title: T\nsubtitle: text\n  'continued\nscenes: " + String(repeating: "[", count: 100)
            + String(repeating: "]", count: 100) + " # '\n"
        #expect(isTooDeep(readError(hidden)))
        // In a flow sequence, `a: b` is a mapping of its own: 40 brackets nest 80 levels.
        let pairs = "title: T\nscenes: " + String(repeating: "[a: ", count: 40) + String(repeating: "]", count: 40)
        #expect(isTooDeep(readError(pairs)))
    }

    @Test func documentFilesNameTheirPathInTheError() throws {
        let url = folder.appendingPathComponent("vgen-deep-\(UUID().uuidString).yaml")
        try flowSpec(levels: 10_000).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: VideoError.self) { try YAMLAdapter(url: url).readVideos() }
        #expect(error?.location == VideoError.Location(file: url.relativePath, line: 2, column: 72))
    }
}
