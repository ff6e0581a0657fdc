import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Chapters from topic shifts, B-roll placement and highlights, on transcripts the tests write.
@Suite struct TalkDirectionTests {
    /// Two talks of 120 words each, about cats and then about rockets, one word every 0.4 s.
    static func twoTopics(seed: UInt64 = 7) -> Transcript {
        let cats = ["cat", "whiskers", "kitten", "purr", "fur", "litter", "mouse", "paws", "tail", "milk"]
        let rockets = [
            "rocket", "orbit", "engine", "fuel", "launch", "booster", "thrust", "payload", "nozzle", "gravity",
        ]
        let glue = ["the", "a", "and", "then", "with", "of", "is", "we", "that", "our"]
        var random = SplitMix(seed: seed)
        var words: [TranscriptWord] = []
        for k in 0..<240 {
            let topic = k < 120 ? cats : rockets
            let pool = k % 2 == 0 ? topic : glue
            let text = pool[Int(random.next() % UInt64(pool.count))]
            words.append(TranscriptWord(text: text, start: Double(k) * 0.4, end: Double(k) * 0.4 + 0.3))
        }
        return Transcript(words: words, language: "en", source: "test")
    }

    @Test func textTilingFindsAPlantedTopicShift() {
        for seed in [UInt64(1), 7, 42] {
            let transcript = Self.twoTopics(seed: seed)
            let boundaries = TextTiling().boundaries(in: transcript.words)
            #expect(boundaries.contains { abs($0 - 120) <= 10 }, "seed \(seed): \(boundaries)")
            #expect(boundaries.count <= 2, "seed \(seed): \(boundaries)")
            let direction = TalkDirection.offline(transcript)
            #expect(direction.chapters.first?.start == 0)
            let cats = Set(["Cat", "Whiskers", "Kitten", "Purr", "Fur", "Litter", "Mouse", "Paws", "Tail", "Milk"])
            #expect(cats.contains(direction.chapters[0].title), "\(direction.chapters)")
            let last = direction.chapters.last!
            #expect(!cats.contains(last.title) && last.start > 40, "\(direction.chapters)")
        }
        // One topic throughout, or too little text: no shift.
        let short = Transcript(
            words: (0..<30).map { TranscriptWord(text: "cat", start: Double($0), end: Double($0) + 0.5) }, source: "t")
        #expect(TextTiling().boundaries(in: short.words).isEmpty)
    }

    @Test func brollGoesToTheFirstMentionOfItsNameOrKeywords() throws {
        let folder = try TemporaryDirectory(prefix: "vgen-broll")
        for name in ["rocket-launch.jpg", "catPhoto.png", "waves.mp4", "notes.txt", ".hidden.png"] {
            try Data().write(to: folder.file(name))
        }
        try Data("# keyword: file\nocean: waves.mp4\n'big sea': \"waves.mp4\"\n".utf8).write(
            to: folder.file("broll.yaml"))
        let planner = BrollPlanner(seconds: 2)
        let library = try planner.library(in: folder.url)
        #expect(library.map(\.file) == ["catPhoto.png", "rocket-launch.jpg", "waves.mp4"])
        #expect(library.first { $0.file == "waves.mp4" }?.keywords == ["waves", "ocean", "big sea"])
        let text = "we watched the rocket launch over the ocean and then a rocket launch again with a cat photo"
        let words = text.split(separator: " ").enumerated().map {
            TranscriptWord(text: String($1), start: Double($0), end: Double($0) + 0.8)
        }
        let placed = planner.place(library, transcript: Transcript(words: words, source: "t"))
        #expect(placed.map(\.file) == ["rocket-launch.jpg", "waves.mp4", "catPhoto.png"])
        #expect(placed.map(\.word) == [3, 7, 16])
        #expect(placed.map(\.start) == [3, 7, 16])
        #expect(placed[1].isClip && !placed[0].isClip && placed[1].keyword == "ocean")
        // A mention the cut removed does not count; a mention inside an earlier placement is skipped.
        let cut = planner.place(
            library, transcript: Transcript(words: words, source: "t"), isKept: { $0 < 2 || $0 > 8 })
        #expect(cut.map(\.file) == ["rocket-launch.jpg", "catPhoto.png"] && cut.map(\.word) == [11, 16])

        try Data("ocean waves.mp4\n".utf8).write(to: folder.file("broll.yaml"))
        #expect {
            try planner.library(in: folder.url)
        } throws: { ($0 as? VideoError)?.message == "broll.yaml: line 1 is not 'keyword: file'" }
        try Data("sea: missing.mp4\n".utf8).write(to: folder.file("broll.yaml"))
        #expect(throws: VideoError.self) { try planner.library(in: folder.url) }
    }

    @Test func highlightTakesTheDensestPhrasesWithinTheBudget() {
        // Phrases of 2 s each: dense ones (8 words) at 0, 10 and 20 s, sparse ones (3 words) between.
        var words: [TranscriptWord] = []
        for phrase in 0..<6 {
            let start = Double(phrase) * 5
            let count = phrase % 2 == 0 ? 8 : 3
            for k in 0..<count {
                let at = start + Double(k) * 2 / Double(count)
                words.append(TranscriptWord(text: "w\(phrase)\(k)", start: at, end: at + 2 / Double(count) - 0.05))
            }
        }
        let transcript = Transcript(words: words, source: "t")
        let clean = CutPlanner.edit([], fps: 30, duration: 30, source: "talk.mp4")
        let highlight = HighlightPlanner().plan(clean, transcript: transcript, seconds: 7)
        #expect(highlight.duration <= 7)
        #expect(highlight.kept.count == 3, "\(highlight.kept)")
        for (range, start) in zip(highlight.kept, [0.0, 10, 20]) {
            #expect(range.start <= start && range.start >= start - 0.2 && range.end >= start + 1.95, "\(range)")
        }
        #expect(throws: Never.self) { try highlight.validate(fps: 30, sourceDuration: 30) }
        #expect(HighlightPlanner().plan(clean, transcript: transcript, seconds: 1).kept.isEmpty)
    }

    @Test func aModelChoosesTheHighlightsPhrases() async throws {
        // Six phrases of 2 s, every 5 s; the model picks the sparse ones 5 and 1 (and a number out of range).
        var words: [TranscriptWord] = []
        for phrase in 0..<6 {
            let count = phrase % 2 == 0 ? 8 : 3
            for k in 0..<count {
                let at = Double(phrase) * 5 + Double(k) * 2 / Double(count)
                words.append(TranscriptWord(text: "w\(phrase)\(k)", start: at, end: at + 2 / Double(count) - 0.05))
            }
        }
        let transcript = Transcript(words: words, source: "t")
        let clean = CutPlanner.edit([], fps: 30, duration: 30, source: "talk.mp4")
        let server = try LocalHTTPServer()
        server.enqueue(LanguageModelFixtures.openAI(["phrases": [5, 99, 1]]))
        let model = LanguageModelFixtures.openAIModel(server, options: LanguageModelFixtures.fastOptions())
        let chosen = try await HighlightChooser(model: model).choose(
            clean, transcript: transcript, seconds: 7, directory: nil, warn: { _ in })
        #expect(chosen == [5, 1])
        let body = try #require(server.requests.first).json
        #expect(body["response_format"]?["json_schema"]?["name"] == "talk_highlight")
        let highlight = HighlightPlanner().plan(clean, transcript: transcript, seconds: 7, chosen: chosen)
        #expect(highlight.kept.count == 2 && highlight.duration <= 7)
        #expect(
            abs(highlight.kept[0].start - 4.9) < 0.05 && abs(highlight.kept[1].start - 24.9) < 0.05, "\(highlight.kept)"
        )
    }

    @Test func aModelTitlesTheChaptersAndBadTitlesKeepTheKeyPhrases() async throws {
        let folder = try TemporaryDirectory(prefix: "vgen-chapters")
        let transcript = Self.twoTopics()
        let offline = TalkDirection.offline(transcript)
        #expect(offline.chapters.count == 2)
        let server = try LocalHTTPServer()
        server.enqueue(
            LanguageModelFixtures.openAI([
                "title": "Cats and rockets",
                "chapters": ["All about cats", .string(String(repeating: "x", count: 80))],
            ]))
        let model = LanguageModelFixtures.openAIModel(server, options: LanguageModelFixtures.fastOptions())
        let log = Log()
        let titled = try await ChapterTitler(model: model).retitle(
            offline, transcript: transcript, keepTitle: false, directory: folder.url, warn: { log.add($0) })
        #expect(titled.title == "Cats and rockets" && titled.titleSource == "model")
        #expect(titled.chapters.map(\.title) == ["All about cats", offline.chapters[1].title])
        #expect(titled.chapters.map(\.start) == offline.chapters.map(\.start))
        let body = try #require(server.requests.first).json
        #expect(body["response_format"]?["json_schema"]?["name"] == "talk_chapters")

        server.enqueue(LanguageModelFixtures.error(500, "server_error", "down"))
        server.enqueue(LanguageModelFixtures.error(500, "server_error", "down"))
        server.enqueue(LanguageModelFixtures.error(500, "server_error", "down"))
        let other = TalkDirection.offline(Self.twoTopics(seed: 3))
        let failed = try await ChapterTitler(model: model).retitle(
            other, transcript: Self.twoTopics(seed: 3), keepTitle: true, directory: nil, warn: { log.add($0) })
        #expect(failed == other)
        #expect(log.all.contains { $0.hasPrefix("chapters: the language model failed") })
    }
}
