import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct YAMLErrorTests {
    @Test func malformedYAMLIsReportedWithLineAndColumn() {
        let message = yamlError("title: T\nscenes:\n  - scene_type: title\n    title: [unclosed\n")
        #expect(message.hasPrefix("spec.yaml:5:1: malformed YAML"), "\(message)")
        let tab = yamlError("title: T\nscenes:\n\t- x\n")
        #expect(tab.hasPrefix("spec.yaml:3:1: malformed YAML"), "\(tab)")
    }

    @Test func unknownSceneTypeListsTheValidOnes() {
        let message = yamlError("title: T\nscenes:\n  - scene_id: a\n    scene_type: quizz\n")
        #expect(
            message.hasPrefix("spec.yaml:4:17: scenes[0] (a): unknown scene type 'quizz' (did you mean 'quiz'?)"),
            "\(message)")
        #expect(
            message.contains("valid types: title, command, list, code_comparison, quote, outro, learning_objectives"))
    }

    @Test func unknownColourThemeAndVoiceListTheValidOnes() {
        let colour = yamlError("title: T\naccent_color: teal\nscenes: [{scene_type: title, title: x}]\n")
        #expect(colour.hasPrefix("spec.yaml:2:1: accent_color: unknown accent colour 'teal'"), "\(colour)")
        #expect(colour.contains("blue, orange, purple, green, pink, cyan"))
        let theme = yamlError("title: T\ntheme: sepia\nscenes: [{scene_type: title, title: x}]\n")
        #expect(theme.contains("unknown theme 'sepia'; valid: dark, light"), "\(theme)")
        let voice = yamlError("title: T\nscenes:\n  - scene_type: title\n    title: x\n    voice: robot voice\n")
        #expect(voice.hasPrefix("spec.yaml:5:12: scenes[0]: unknown voice 'robot voice'"), "\(voice)")
        #expect(voice.contains("male, female, male_warm, female_friendly"))
    }

    @Test func unknownKeysAreNamedWithTheScene() {
        let message = yamlError(
            "title: T\nscenes:\n  - scene_id: intro\n    scene_type: title\n    title: x\n    narraton: Hi\n")
        #expect(
            message.hasPrefix("spec.yaml:6:5: scenes[0] (intro): unknown key 'narraton' (did you mean 'narration'?)"),
            "\(message)")
        #expect(message.contains("valid keys for a title scene: scene_id, scene_type, narration"))
        let top = yamlError("titel: T\nscenes: []\n")
        #expect(top.contains("unknown key 'titel' (did you mean 'title'?)"), "\(top)")
        let content = yamlError("title: T\nscenes:\n  - scene_type: title\n    title: x\n    content: {}\n")
        #expect(content.contains("unknown key 'content'"), "\(content)")
    }

    @Test func missingRequiredFieldsAreNamed() {
        let quiz = yamlError(
            "title: T\nscenes:\n  - scene_id: q\n    scene_type: quiz\n    question: Why?\n    options: [a, b]\n")
        #expect(
            quiz.hasPrefix("spec.yaml:3:5: scenes[0] (q): missing required field 'answer_index' for a quiz scene"),
            "\(quiz)")
        #expect(yamlError("scenes: []\n").contains("missing required field 'title'"))
        #expect(yamlError("title: T\n").contains("missing required field 'scenes'"))
        #expect(yamlError("title: T\nscenes:\n  - title: x\n").contains("missing required field 'scene_type'"))
        #expect(yamlError("title: T\nscenes: []\n").contains("at least one scene"))
    }

    @Test func wrongKindsAndBrokenLimitsPointAtTheField() {
        let index = yamlError(
            "title: T\nscenes:\n  - scene_type: quiz\n    question: Q\n    options: [a, b]\n    answer_index: two\n")
        #expect(
            index.hasPrefix("spec.yaml:6:19: scenes[0]: 'answer_index' must be a whole number, not 'two'"), "\(index)")
        let range = yamlError(
            "title: T\nscenes:\n  - scene_type: quiz\n    question: Q\n    options: [a, b]\n    answer_index: 4\n")
        #expect(range.hasPrefix("spec.yaml:6:5: scenes[0]: 'answer_index' 4 is not an option"), "\(range)")
        let fps = yamlError("title: T\nfps: 1000\nscenes: [{scene_type: title, title: x}]\n")
        #expect(fps.hasPrefix("spec.yaml:2:1: fps 1000 is outside 1–120"), "\(fps)")
        let resolution = yamlError("title: T\nresolution: big\nscenes: [{scene_type: title, title: x}]\n")
        #expect(resolution.contains("'big' is not WIDTHxHEIGHT"), "\(resolution)")
        let duplicate = yamlError(
            "title: T\nscenes:\n  - {scene_id: a, scene_type: title, title: x}\n  - {scene_id: a, scene_type: outro, title: y}\n"
        )
        #expect(
            duplicate.hasPrefix("spec.yaml:4:6: scenes[1] (a): 'scene_id' 'a' is used by an earlier scene"),
            "\(duplicate)")
        let twice = yamlError("title: T\ntitle: U\nscenes: []\n")
        #expect(twice.hasPrefix("spec.yaml:2:1: key 'title' is given twice"), "\(twice)")
        #expect(yamlError("").contains("empty"))
        #expect(yamlError("- a\n- b\n").contains("must be a mapping"))
    }

    @Test func missingFilesAreIOErrors() {
        let adapter = YAMLAdapter(url: URL(fileURLWithPath: "/nonexistent/spec.yaml"))
        let error = #expect(throws: VideoError.self) { try adapter.makeVideoConfig() }
        #expect(error?.code == .io)
    }

    @Test func mediaPathsStayInsideTheSpecFolder() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-media")
        let root = temporary.url
        let folder = root.appendingPathComponent("spec")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: folder.appendingPathComponent("images/a.png"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("outside.png"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link.png"),
            withDestinationURL: root.appendingPathComponent("outside.png"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("inner.png"),
            withDestinationURL: folder.appendingPathComponent("images/a.png"))
        let adapter = YAMLAdapter(url: folder.appendingPathComponent("video.yaml"))

        let resolved = try adapter.resolveMediaPath("images/a.png")
        #expect(resolved.path.hasSuffix("/spec/images/a.png"))
        #expect(try adapter.resolveMediaPath("./images/../images/a.png") == resolved)
        #expect(try adapter.resolveMediaPath(folder.appendingPathComponent("images/a.png").path) == resolved)
        #expect(try adapter.resolveMediaPath("inner.png") == resolved)
        for escaping in [
            "../outside.png", "images/../../outside.png", root.appendingPathComponent("outside.png").path, "link.png",
            "/etc/passwd",
        ] {
            let error = #expect(throws: VideoError.self, "\(escaping)") { try adapter.resolveMediaPath(escaping) }
            #expect(error?.code == .invalidInput, "\(escaping)")
        }
        let missing = #expect(throws: VideoError.self) { try adapter.resolveMediaPath("images/none.png") }
        #expect(missing?.code == .io)
        #expect(throws: VideoError.self) { try adapter.resolveMediaPath("") }
    }
}
