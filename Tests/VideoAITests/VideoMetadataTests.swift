import Foundation
import Testing
import VideoAI
import VideoCore

/// `metadata.json` made offline: YouTube-valid chapters, title variants, keywords and tags.
@Suite struct VideoMetadataTests {
    /// A manifest whose scenes last about `seconds` each (the planner adds 1 s of padding).
    private func manifest(_ config: VideoConfig, seconds: [Double]) -> TimingManifest {
        let narrations = zip(config.scenes, seconds).map { scene, length in
            TimingPlanner.Narration(
                scene: scene, sampleCount: Int((max(length - 1, 0) * 16_000).rounded()), words: [], audioFile: "a.wav")
        }
        return TimingPlanner().plan(narrations, fps: 30, sampleRate: 16_000)
    }

    private func video(_ headings: [String]) throws -> VideoConfig {
        let scenes =
            [try SceneConfig(sceneID: "title", content: .title(TitleContent(title: "Loopy", subtitle: "Event loops.")))]
            + (try headings.enumerated().map { i, heading in
                try SceneConfig(sceneID: "s\(i)", content: .list(ListContent(heading: heading, items: ["A point."])))
            })
        return try VideoConfig(videoID: "loopy", title: "Loopy", description: "About loops.", scenes: scenes)
    }

    /// Each chapter's length as the description's whole-second times show it.
    private func lengths(_ chapters: [VideoMetadata.Chapter], duration: Double) -> [Double] {
        chapters.indices.map { i in
            (i + 1 < chapters.count ? chapters[i + 1].startTime : duration) - chapters[i].startTime.rounded(.down)
        }
    }

    @Test func chaptersInTheDescriptionFollowYouTubesRules() throws {
        let headings = [
            "Overview", "Architecture", "Architecture (continued)", "Architecture · Event loops",
            "Architecture · Channels",
            "Getting Started", "FAQ",
        ]
        let config = try video(headings)
        let timing = manifest(config, seconds: [4, 30, 12, 6, 4, 5, 40, 3])
        let metadata = VideoMetadata(config: config, manifest: timing)
        // Every section is still a chapter of its own; "(continued)" is no new one.
        #expect(metadata.chapters.map(\.title) == ["Introduction"] + headings.filter { !$0.hasSuffix("(continued)") })
        #expect(metadata.youtubeChapters.map(\.title) == ["Overview", "Architecture", "Getting Started"])
        #expect(metadata.youtubeChapters.map(\.startTime) == [0, 34, 61])
        let listed = metadata.youtubeChapters
        #expect(listed.first?.startTime == 0)
        #expect(listed.count >= YouTubeRules.minimumChapters)
        #expect(lengths(listed, duration: metadata.duration).allSatisfy { $0 >= 10 }, "\(listed)")
        #expect(zip(listed, listed.dropFirst()).allSatisfy { $0.startTime < $1.startTime })
        #expect(listed.allSatisfy { $0.startTime == $0.startTime.rounded(.down) })
        // Two short subsections of one section merge under the section's name.
        #expect(!listed.contains { $0.title == "Architecture · Channels" })
        #expect(metadata.notes.isEmpty)
        let lines = listed.map {
            "\(Int($0.startTime) / 60):\(String(format: "%02d", Int($0.startTime) % 60)) \($0.title)"
        }
        #expect(metadata.description == "About loops.\n\n" + lines.joined(separator: "\n"))
        #expect(metadata.description.contains("\n0:00 "))
    }

    @Test func aVideoTooShortForThreeChaptersListsNoneAndSaysSo() throws {
        let config = try video(["Overview", "Usage"])
        let metadata = VideoMetadata(config: config, manifest: manifest(config, seconds: [6, 9, 8]))
        #expect(metadata.chapters.count == 3)  // the source's sections are still there
        #expect(metadata.youtubeChapters.isEmpty)
        #expect(metadata.description == "About loops.")
        #expect(metadata.notes.count == 1)
        #expect(metadata.notes.first?.contains("at least 3") == true)
    }

    @Test func keywordsComeFromTheNarrationInAFixedOrder() throws {
        let narration = [
            "The event loop is an object that waits for events and then runs a callback.",
            "A program has few event loops, usually one or two per processor core.",
            "Event loops are gathered into event loop groups that spread connections over the loops.",
            "Each channel is registered on one event loop for its whole life.",
            "A channel owns a socket. The channel pipeline passes events through its handlers.",
        ]
        let scenes =
            [
                try SceneConfig(
                    sceneID: "t", content: .title(TitleContent(title: "Loopy")), narration: "Welcome to Loopy.")
            ]
            + (try narration.enumerated().map { i, text in
                try SceneConfig(
                    sceneID: "s\(i)",
                    content: .list(ListContent(heading: i < 3 ? "Event loops" : "Channels", items: ["x"])),
                    narration: text)
            })
        let config = try VideoConfig(videoID: "loopy", title: "Loopy", scenes: scenes)
        let metadata = VideoMetadata(
            config: config, manifest: manifest(config, seconds: Array(repeating: 12, count: 6)))
        #expect(metadata.keywords.first == "event loop")
        #expect(metadata.keywords.prefix(4).contains("channel"))
        #expect(!metadata.keywords.contains { ["the", "is", "a", "one", "event", "loop"].contains($0) })
        #expect(metadata.tags.first == "loopy")
        #expect(YouTubeRules.tagCharacters(metadata.tags) <= YouTubeRules.maximumTagCharacters)
        let again = VideoMetadata(config: config, manifest: manifest(config, seconds: Array(repeating: 12, count: 6)))
        #expect(again.keywords == metadata.keywords && again.tags == metadata.tags)
    }

    @Test func tagsStopAtFiveHundredCharactersCountingQuotesAndCommas() {
        #expect(YouTubeRules.tagCharacters(["Foo-Baz"]) == 7)
        #expect(YouTubeRules.tagCharacters(["Foo Baz"]) == 9)
        #expect(YouTubeRules.tagCharacters(["a", "b c"]) == 1 + 1 + 5)
        let many = (1...200).map { "keyword number \($0)" }
        let tags = YouTubeRules.tags(preferred: ["loopy", "Loopy"], keywords: many + ["<b>bold</b>"])
        #expect(tags.first == "loopy" && !tags.contains("Loopy"))  // once, ignoring case
        #expect(YouTubeRules.tagCharacters(tags) <= 500)
        #expect(YouTubeRules.tagCharacters(tags + ["keyword number 999"]) > 500)
        #expect(!tags.contains { $0.contains("<") || $0.contains(">") })
    }

    @Test func titleVariantsAreShortQuestionsAndHowTos() {
        let rocket = TitleVariants(
            title: "Rocket 🚀", subtitle: "Rocket is a blazing fast static site generator written in Swift ✨.",
            chapterTitles: ["Introduction", "Installation", "Usage"])
        #expect(rocket.original == "Rocket 🚀")
        #expect(rocket.question == "What is Rocket?")
        #expect(rocket.howTo == "How to get started with Rocket")
        #expect(rocket.withSubtitle == "Rocket: a blazing fast static site generator written in Swift")
        #expect(rocket.short == "Rocket 🚀")
        #expect(TitleVariants(title: "Rocket", subtitle: nil, chapterTitles: ["Usage"]).howTo == "How to use Rocket")
        #expect(
            TitleVariants(title: "Getting started with Vapor", subtitle: nil, chapterTitles: []).howTo
                == "How to get started with Vapor")
        #expect(
            TitleVariants(title: "How do event loops work", subtitle: nil, chapterTitles: []).question
                == "How do event loops work?")
        let long =
            "The Composable Architecture: a library for building applications in a consistent and understandable way"
        let variants = TitleVariants(title: long, subtitle: nil, chapterTitles: [])
        #expect(variants.short.count <= TitleVariants.shortLength)
        #expect(long.hasPrefix(variants.short) && !variants.short.hasSuffix("…"))
        #expect(variants.question == nil)  // a sentence-like title makes no "What is …?"
    }

    @Test func metadataKeepsItsOldFieldsAndReadsOldFiles() throws {
        let config = try video(["Overview", "Usage", "FAQ"])
        let metadata = VideoMetadata(config: config, manifest: manifest(config, seconds: [12, 12, 12, 12]))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(metadata)) as? [String: Any]
        let keys = Set(json?.keys.map { $0 } ?? [])
        #expect(
            keys == [
                "video_id", "title", "description", "duration", "resolution", "fps", "scenes", "chapters",
                "title_variants", "youtube_chapters", "keywords", "tags", "notes",
            ])
        let old = #"""
            {"video_id": "v", "title": "T", "description": "D", "duration": 12.5, "resolution": "1920x1080", "fps": 30,
             "scenes": [], "chapters": [{"title": "Introduction", "start_time": 0}]}
            """#
        let read = try JSONDecoder().decode(VideoMetadata.self, from: Data(old.utf8))
        #expect(read.title == "T" && read.chapters.count == 1)
        #expect(read.titleVariants.original == "T" && read.tags.isEmpty && read.youtubeChapters.isEmpty)
        #expect(try JSONDecoder().decode(VideoMetadata.self, from: JSONEncoder().encode(metadata)) == metadata)
    }
}
