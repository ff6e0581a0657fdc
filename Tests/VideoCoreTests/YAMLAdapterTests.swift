import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Reads YAML text with the adapter.
func readYAML(_ text: String, overrides: VideoOverrides = VideoOverrides()) throws -> [YAMLVideo] {
    // The picture the every-type spec's image scene shows.
    try TestPictures.writeSVG(to: FileManager.default.temporaryDirectory.appendingPathComponent("vgen-every-type.svg"))
    return try YAMLAdapter(
        text: text, name: "spec.yaml", baseDirectory: FileManager.default.temporaryDirectory, overrides: overrides
    )
    .readVideos()
}

/// The message of the `VideoError` reading `text` throws.
func yamlError(_ text: String) -> String {
    do {
        _ = try readYAML(text)
        return "no error"
    } catch let error as VideoError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}

@Suite struct YAMLAdapterTests {
    static let everyType = """
        video_id: every-type
        title: Every type
        description: All twelve
        accent_color: Green
        voice: female
        resolution: 1280x720
        fps: 24
        theme: dark
        scenes:
          - scene_id: t
            scene_type: title
            title: Hello
            subtitle: World
            narration: Hi there.
            min_duration: 3
          - scene_type: command
            heading: Install
            code: |
              swift build
              swift test
            language: shell
            caption: Two commands
          - scene_type: list
            heading: Why
            items: [Fast, Safe]
          - scene_type: code_comparison
            heading: Before and after
            before: "a()"
            after: "await a()"
            after_label: Async
          - scene_type: quote
            text: Simple is better.
            attribution: Someone
            voice: en-gb
          - scene_type: outro
            title: Bye
          - scene_type: learning_objectives
            objectives: Write a test
          - scene_type: problem
            title: Sum
            statement: Add two numbers.
            constraints: [Integers only]
          - scene_type: solution
            title: Use +
            steps:
              - Add them
          - scene_type: quiz
            question: 2 + 2?
            options: ["3", "4"]
            answer_index: 1
            reveal_after: 2.5
            max_duration: 20
          - scene_type: checkpoint
            completed: [Setup]
            next: [Testing]
          - scene_type: exercise
            title: Try it
            instructions: Add three numbers.
            hints: [Use + twice]
          - scene_type: image
            path: vgen-every-type.svg
            caption: A drawing
            zoom: true
          - scene_type: table
            heading: Formats
            header: [Format, Decoder]
            rows:
              - [PNG, libavcodec]
              - [SVG, librsvg]
        """

    @Test func readsEveryType() throws {
        let videos = try readYAML(Self.everyType)
        let video = try #require(videos.first)
        let config = video.config
        #expect(video.theme == .dark)
        #expect(config.videoID == "every-type" && config.description == "All twelve")
        #expect(config.accentColor == .green && config.voice == .female && config.fps == 24)
        #expect(config.resolution == Resolution(width: 1280, height: 720))
        #expect(config.scenes.map(\.sceneType) == SceneType.builtIn)
        #expect(config.scenes.map(\.sceneID).prefix(3) == ["t", "command_1", "list_1"])
        let s = config.scenes
        #expect(s[0].content == .title(TitleContent(title: "Hello", subtitle: "World")))
        #expect(s[0].narration == "Hi there." && s[0].minDuration == 3)
        #expect(
            s[1].content
                == .command(
                    CommandContent(
                        heading: "Install", code: "swift build\nswift test\n", language: "shell",
                        caption: "Two commands")))
        #expect(s[2].content == .list(ListContent(heading: "Why", items: ["Fast", "Safe"])))
        #expect(
            s[3].content
                == .codeComparison(
                    CodeComparisonContent(
                        heading: "Before and after", before: "a()", after: "await a()", afterLabel: "Async")))
        #expect(
            s[4].content == .quote(QuoteContent(text: "Simple is better.", attribution: "Someone"))
                && s[4].voice == "en-gb")
        #expect(s[5].content == .outro(OutroContent(title: "Bye")))
        #expect(s[6].content == .learningObjectives(LearningObjectivesContent(objectives: ["Write a test"])))
        #expect(
            s[7].content
                == .problem(ProblemContent(title: "Sum", statement: "Add two numbers.", constraints: ["Integers only"]))
        )
        #expect(s[8].content == .solution(SolutionContent(title: "Use +", steps: ["Add them"])))
        #expect(
            s[9].content
                == .quiz(QuizContent(question: "2 + 2?", options: ["3", "4"], answerIndex: 1, revealAfter: 2.5)))
        #expect(s[9].maxDuration == 20)
        #expect(s[10].content == .checkpoint(CheckpointContent(completed: ["Setup"], next: ["Testing"])))
        #expect(
            s[11].content
                == .exercise(
                    ExerciseContent(title: "Try it", instructions: "Add three numbers.", hints: ["Use + twice"])))
        let picture = FileManager.default.temporaryDirectory.appendingPathComponent("vgen-every-type.svg")
        #expect(
            s[12].content
                == .image(ImageContent(path: picture.resolvingSymlinksInPath().path, caption: "A drawing", zoom: true)))
        #expect(
            s[13].content
                == .table(
                    TableContent(
                        heading: "Formats", header: ["Format", "Decoder"],
                        rows: [["PNG", "libavcodec"], ["SVG", "librsvg"]])))
    }

    @Test func overridesReplaceOnlyWhatTheyGive() throws {
        let config = try #require(try readYAML(Self.everyType, overrides: VideoOverrides(fps: 30, theme: .light)).first)
        #expect(config.config.fps == 30 && config.theme == .light)
        #expect(config.config.accentColor == .green && config.config.resolution.width == 1280)
        let all = try YAMLAdapter(
            text: Self.everyType, baseDirectory: FileManager.default.temporaryDirectory,
            overrides: VideoOverrides(VideoSettings(accentColor: .cyan, videoID: "other"))
        ).makeVideoConfig()
        #expect(all.accentColor == .cyan && all.videoID == "other" && all.resolution == .hd1080)
    }

    @Test func readsAVideoSetWithSharedDefaults() throws {
        let yaml = """
            accent_color: orange
            fps: 25
            videos:
              - video_id: one
                title: One
                scenes: [{scene_type: title, title: One}]
              - title: Two Things
                accent_color: cyan
                scenes:
                  - {scene_type: outro, title: Two}
            """
        let adapter = YAMLAdapter(text: yaml, baseDirectory: FileManager.default.temporaryDirectory)
        let set = try adapter.makeVideoSet()
        #expect(set.map(\.videoID) == ["one", "two-things"])
        #expect(set.map(\.accentColor) == [.orange, .cyan])
        #expect(set.allSatisfy { $0.fps == 25 })
        #expect(throws: VideoError.self) { try adapter.makeVideoConfig() }
        let duplicate = yaml.replacingOccurrences(
            of: "- title: Two Things", with: "- title: Two Things\n    video_id: one")
        #expect(yamlError(duplicate).contains("video_id 'one' is already used by videos[0]"))
    }

    @Test func customSceneTypesAreAcceptedWhenRegistered() throws {
        let yaml = "title: C\nscenes:\n  - scene_type: chart\n    caption: Sales\n"
        #expect(yamlError(yaml).contains("unknown scene type 'chart'"))
        let config = try YAMLAdapter(
            text: yaml, baseDirectory: FileManager.default.temporaryDirectory, customSceneTypes: ["chart"]
        )
        .makeVideoConfig()
        #expect(
            config.scenes[0].content
                == .custom(CustomSceneContent(type: "chart", fields: ["caption": .string("Sales")])))
    }

    @Test func everyContentFieldIsCatalogued() throws {
        // The catalogue drives unknown-key checks and the writer: it must list every key the
        // content structs encode.
        let config = try BuilderSamples.allTwelve().build()
        for scene in config.scenes {
            let yaml = try YAMLAdapter(
                text: try ProgrammaticVideoBuilder(title: "x").add(scene.content).yamlString(),
                baseDirectory: FileManager.default.temporaryDirectory
            ).makeVideoConfig()
            #expect(yaml.scenes[0].content == scene.content, "\(scene.sceneType)")
        }
        #expect(SceneType.builtIn.allSatisfy { !$0.contentFields.isEmpty })
    }
}

@Suite struct YAMLTransitionTests {
    @Test func transitionsAreReadWrittenAndValidated() throws {
        let yaml = """
            title: Moves
            transition: fade
            scenes:
              - scene_type: title
                title: One
              - scene_type: quote
                text: Two
                transition: slide
            """
        let dir = FileManager.default.temporaryDirectory
        let config = try YAMLAdapter(text: yaml, baseDirectory: dir).makeVideoConfig()
        #expect(config.transition == .fade)
        #expect(config.scenes[0].transition == nil && config.scenes[1].transition == .slide)
        let again = try YAMLAdapter(text: try config.yamlString(), baseDirectory: dir).makeVideoConfig()
        #expect(again == config)
        let bad = yaml.replacingOccurrences(of: "transition: slide", with: "transition: wipe")
        let error = #expect(throws: VideoError.self) {
            try YAMLAdapter(text: bad, baseDirectory: dir).makeVideoConfig()
        }
        #expect(error?.description.contains("crossfade") == true)
        #expect(error?.description.hasPrefix("spec.yaml:8:17:") == true, "\(String(describing: error))")
    }
}
