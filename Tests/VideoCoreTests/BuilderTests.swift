import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// A builder holding all fourteen scene types with strings YAML finds tricky.
enum BuilderSamples {
    /// The SVG the image scene shows, written into `folder` (where YAML specs read from).
    static func picture(in folder: URL) -> String {
        let url = folder.appendingPathComponent("vgen-builder-sample.svg")
        try? TestPictures.writeSVG(to: url)
        return url.resolvingSymlinksInPath().path
    }

    static let code =
        "func greet(_ name: String) -> String {\n    return \"Hello, \\(name)!\" // a: b\n}\n\n\tprint(greet(\"wörld\"))\n"

    static func allTwelve(pictures: URL = FileManager.default.temporaryDirectory) -> ProgrammaticVideoBuilder {
        ProgrammaticVideoBuilder(
            videoID: "tricky-1", title: "Tricky: \"quotes\", colons & ünïcödé ✨", description: "yes",
            accentColor: .pink, voice: .femaleFriendly, resolution: Resolution(width: 640, height: 360), fps: 25,
            theme: .light
        )
        .addTitle("null", subtitle: "  leading spaces", narration: "Welcome: it's 'quoted' and \"double\".")
        .addCommand(
            heading: "- dash start", code: "swift build\n  --flag # comment\n", language: "shell", caption: "true"
        )
        .addList(
            heading: "Items: a list", items: ["1.0", "~", "key: value", "#hash", "", "line one\nline two"],
            id: "custom-id"
        )
        .addCodeComparison(
            heading: "Callbacks → async", before: code, after: "   leading\ntrailing   \n\n", language: "swift",
            beforeLabel: "@before", afterLabel: "[after]"
        )
        .addQuote("“Smart quotes” — and 'single'", attribution: nil, voice: "en-gb", minDuration: 2.5)
        .addOutro("Thanks!", subtitle: "!important", maxDuration: 60)
        .addLearningObjectives(["Write async code", "Avoid data races: really"], heading: "% Goals")
        .addProblem(title: "Two Sum", statement: "Given n ≤ 10⁵ numbers…", constraints: ["*bold*", "&anchor"])
        .addSolution(title: "Solution", steps: [], code: "let x = 1\r\nlet y = 2", language: nil)
        .addQuiz(
            question: "Which is a constant?", options: ["var", "let", "yes", "no"], answerIndex: 1,
            explanation: "`let` binds once.", revealAfter: 0.1, narration: "Think.\n\nThe answer is B."
        )
        .addCheckpoint(completed: ["Tasks"], next: [], heading: "{braces}")
        .addExercise(
            title: "Your turn", instructions: "Reverse a string: \"abc\" → \"cba\"", hints: ["Use reversed()"],
            starterCode: "func reverse(_ s: String) -> String {\n    \"\"\n}", language: "swift"
        )
        .addImage(path: picture(in: pictures), caption: "The pipeline", zoom: true)
        .addTable(heading: "Formats", header: ["Format", "Decoder"], rows: [["PNG", "libavcodec"]])
    }
}

@Suite struct BuilderTests {
    @Test func buildsAllFourteenTypesWithDeterministicIDs() throws {
        let config = try BuilderSamples.allTwelve().build()
        #expect(config.scenes.count == 14)
        #expect(Set(config.scenes.map(\.sceneType)) == Set(SceneType.builtIn))
        #expect(config.scenes.map(\.sceneID).prefix(4) == ["title_1", "command_1", "custom-id", "code_comparison_1"])
        #expect(try BuilderSamples.allTwelve().build() == config)
    }

    @Test func autoIDsSkipExplicitOnes() throws {
        let config = try ProgrammaticVideoBuilder(title: "IDs")
            .addList(heading: "A", items: ["a"], id: "list_1")
            .addList(heading: "B", items: ["b"])
            .addList(heading: "C", items: ["c"])
            .build()
        #expect(config.scenes.map(\.sceneID) == ["list_1", "list_2", "list_3"])
        #expect(config.videoID == "ids")
    }

    @Test func buildReportsTheFieldAtFault() throws {
        let builder = ProgrammaticVideoBuilder(title: "Bad quiz")
            .addTitle("Hi")
            .addQuiz(question: "?", options: ["a", "b"], answerIndex: 5)
        let error = try #require(throws: VideoError.self) { try builder.build() }
        #expect(error.field == "scenes[1].content.answer_index")
        #expect(error.message.contains("0–1"))
        #expect(throws: VideoError.self) { try ProgrammaticVideoBuilder(title: "Empty").build() }
        #expect(throws: VideoError.self) {
            try ProgrammaticVideoBuilder(title: "Dup").addTitle("a", id: "x").addOutro("b", id: "x").build()
        }
    }

    @Test func yamlRoundTripGivesAnEqualConfigForAllTwelveTypes() throws {
        let builder = BuilderSamples.allTwelve()
        let config = try builder.build()
        let yaml = try builder.yamlString()
        let videos = try YAMLAdapter(text: yaml, baseDirectory: FileManager.default.temporaryDirectory).readVideos()
        #expect(videos.count == 1)
        #expect(videos[0].theme == .light)
        let read = try #require(videos.first).config
        for (a, b) in zip(read.scenes, config.scenes) { #expect(a == b, "\(b.sceneID)") }
        #expect(read == config)
        // Readable: unicode unescaped, code as a block.
        #expect(yaml.contains("ünïcödé ✨"))
        #expect(yaml.contains("code: |\n    swift build"))
    }

    /// Transitions, for the video and per scene, survive building, YAML and re-opening a config.
    @Test func transitionsForTheVideoAndEachScene() throws {
        let builder = ProgrammaticVideoBuilder(title: "Cuts", transition: .fade)
        builder.addTitle("Start").addList(heading: "Steps", items: ["one", "two"], transition: .slide)
            .add(.quote(QuoteContent(text: "Less is more.", attribution: nil)), transition: .cut)
        let config = try builder.build()
        #expect(config.transition == .fade)
        #expect(config.scenes.map(\.transition) == [nil, .slide, .cut])
        let videos = try YAMLAdapter(
            text: try builder.yamlString(), baseDirectory: FileManager.default.temporaryDirectory
        )
        .readVideos()
        #expect(videos.map(\.config) == [config])
        #expect(try ProgrammaticVideoBuilder(config).build() == config)
    }

    @Test func exportYAMLWritesAFileTheAdapterReads() throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-builder")
        let file = temporary.file("video.yaml")
        let builder = BuilderSamples.allTwelve(pictures: temporary.url)
        try builder.exportYAML(to: file)
        #expect(try YAMLAdapter(url: file).makeVideoConfig() == builder.build())
        // Starting from a config keeps everything.
        #expect(try ProgrammaticVideoBuilder(builder.build()).build() == builder.build())
    }

    @Test func toneVoiceHasExactDeterministicWordBoundaries() async throws {
        let voice = ToneSynthesizer()
        let speech = try await voice.synthesize("Hello, world. Again", voice: .male)
        #expect(speech.sampleRate == 22_050)
        #expect(speech.words.map(\.text) == ["Hello,", "world.", "Again"])
        let word = 6615, pause = 3308
        #expect(speech.words.map(\.startSample) == [0, word + pause, 2 * word + 2 * pause])
        #expect(speech.words.map(\.endSample) == [word, 2 * word + pause, 3 * word + 2 * pause])
        #expect(speech.samples.count == 3 * word + 2 * pause)
        #expect(speech.samples.contains { abs($0) > 0.05 })
        #expect(speech.samples.allSatisfy { abs($0) <= 0.1 })
        let again = try await voice.synthesize("Hello, world. Again", voice: .male)
        #expect(again == speech)
        let other = try await voice.synthesize("Hello, world. Again", voice: .female)
        #expect(other.words == speech.words)
        let empty = try await voice.synthesize("   ", voice: .male)
        #expect(empty.samples.isEmpty && empty.words.isEmpty)
    }
}
