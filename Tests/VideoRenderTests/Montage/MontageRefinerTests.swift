import Foundation
import Testing
import VideoAI
import VideoCore
import VideoRender
import VideoTestSupport

/// `vgen refine` end to end: versions kept beside each other, history.json, only changed
/// chunks encoded again, and `--undo` restoring the previous version byte for byte.
@Suite struct MontageRefinerTests {
    private let temporary: TemporaryDirectory
    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-refine") }

    /// A 4-second montage of six named photos on a 120 BPM beat track; its folder.
    private func montage() async throws -> URL {
        let dir = temporary.url
        let photos = dir.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let names = ["beach1", "city", "beach2", "park", "sunset", "market"]
        for (url, name) in zip(try MontageFixtures.writePhotos(count: 6, to: photos, width: 160, height: 120), names) {
            try FileManager.default.moveItem(at: url, to: photos.appendingPathComponent("\(name).png"))
        }
        let song = dir.appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 6)
        let settings = EditPlanner.Settings(
            videoID: "trip", musicPath: song.path, shortSide: 144, fps: 10, duration: 4)
        let result = try await MontagePipeline(render: MontageRenderStage(jobs: 2)).render(
            media: [photos], music: song, order: .name, settings: settings, to: dir.appendingPathComponent("out"))
        return result.directory
    }

    /// Mean Cr − Cb of a picture scaled to 16 × 16.
    private func warmth(_ url: URL) throws -> Double {
        let picture = try ImageDecoder.decode(url, covering: 32, 32).picture
        let frame = try YUVFrame.filled(width: 16, height: 16)
        try PictureCompositor().draw(
            picture, crop: PixelRect(x: 0, y: 0, width: picture.width, height: picture.height), into: frame,
            at: PixelRect(x: 0, y: 0, width: 16, height: 16))
        let mean = { (plane: [UInt8]) in Double(plane.reduce(0) { $0 + Int($1) }) / Double(plane.count) }
        return mean(frame.plane(2)) - mean(frame.plane(1))
    }

    private func bytes(_ folder: URL) throws -> [String: Data] {
        try Dictionary(
            uniqueKeysWithValues: ["video.mp4", "timeline.json", "thumbnail.png"].map {
                ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
            })
    }

    /// About 12 s on a loaded 2-core host: three renders (the original and two refinements),
    /// each re-analysing the song and encoding a new soundtrack; a shorter montage of this beat
    /// track is a single shot, which cannot show chunks being reused.
    @Test func refinementsAreVersionsAndUndoRestoresThemExactly() async throws {
        let folder = try await montage()
        let original = try bytes(folder)
        let refiner = MontageRefiner(pipeline: MontagePipeline(render: MontageRenderStage(jobs: 2)))

        // An unknown phrase is refused before anything is written.
        await #expect(throws: VideoError.self) {
            try await refiner.refine(taskDirectory: folder, feedback: "faster, make it sparkle")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(RefineHistory.file).path))
        #expect(try bytes(folder) == original)

        let ended = try await refiner.refine(taskDirectory: folder, feedback: "end on the sunset")
        #expect(ended.version.number == 1)
        #expect(ended.montage.timeline.segments.last!.media.hasSuffix("sunset.png"))
        // Only the chunks holding the swapped shots are encoded again.
        #expect(ended.montage.cachedChunks > 0, "\(ended.montage.renderedChunks) rendered")
        #expect(ended.montage.renderedChunks > 0)
        let first = try bytes(folder)
        #expect(first["video.mp4"] != original["video.mp4"])

        let warmer = try await refiner.refine(taskDirectory: folder, feedback: "warmer, only cuts")
        #expect(warmer.montage.timeline.style == "warm")
        #expect(warmer.montage.timeline.segments.allSatisfy { $0.transition == .cut })
        // The edits add up: the sunset still ends it.
        #expect(warmer.montage.timeline.segments.last!.media.hasSuffix("sunset.png"))
        // The grade is warmer on the rendered pictures: the same shot's thumbnail has more red
        // than blue difference (mean Cr − Cb) than before.
        let before = try warmth(folder.appendingPathComponent("versions/1/thumbnail.png"))
        let after = try warmth(folder.appendingPathComponent("versions/2/thumbnail.png"))
        #expect(after > before + 3, "Cr − Cb \(after) vs \(before)")
        for n in 0...2 {
            let version = folder.appendingPathComponent("versions/\(n)")
            #expect(FileManager.default.fileExists(atPath: version.appendingPathComponent("video.mp4").path), "\(n)")
        }
        let history = try #require(try RefineHistory.load(from: folder))
        #expect(history.versions.map(\.feedback) == ["", "end on the sunset", "warmer, only cuts"])
        #expect(history.versions[2].edits == [.warmth(1), .transition(.cut)])
        #expect(history.versions.allSatisfy { $0.score != nil })

        // A phrase the grammar cannot read changes nothing.
        await #expect(throws: VideoError.self) {
            try await refiner.refine(taskDirectory: folder, feedback: "make it sparkle")
        }
        #expect(try RefineHistory.load(from: folder)?.versions.count == 3)

        #expect(try refiner.undo(taskDirectory: folder).number == 1)
        #expect(try bytes(folder) == first)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("versions/2").path))
        #expect(try refiner.undo(taskDirectory: folder).number == 0)
        #expect(try bytes(folder) == original)
        #expect(throws: VideoError.self) { try refiner.undo(taskDirectory: folder) }
        #expect(try RefineHistory.load(from: folder)?.undone.count == 2)
    }

    @Test func feedbackTheGrammarCannotReadGoesToTheLanguageModel() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let answer: JSONValue = [
            "edits": [["op": "favour", "by": "colour", "term": "blue", "number": .null, "name": .null]]
        ]
        let body: JSONValue = [
            "id": "c1", "object": "chat.completion", "model": "gpt-test",
            "choices": [
                [
                    "index": 0, "finish_reason": "stop",
                    "message": ["role": "assistant", "content": .string(answer.jsonString), "refusal": .null],
                ]
            ],
            "usage": ["prompt_tokens": 10, "completion_tokens": 5],
        ]
        server.enqueue(StubReply(status: 200, headers: ["Content-Type": "application/json"], body: body.jsonData()))
        let model = HTTPLanguageModel(
            configuration: LanguageModelConfiguration(
                provider: .openai, baseURL: URL(string: server.baseURL.absoluteString + "/v1")!, model: "gpt-test",
                apiKey: "sk-test"),
            options: LanguageModelOptions(timeout: 30, retry: RetryPolicy(attempts: 1, initialDelay: 0.01)))
        let refiner = MontageRefiner(interpreter: FeedbackInterpreter(model: model))
        let read = try await refiner.edits(for: "faster", mediaNames: [])
        #expect(read.source == "grammar" && read.edits == [.pace(0.5)])
        #expect(server.requests.isEmpty)
        let free = try await refiner.edits(for: "it should feel like the sea", mediaNames: ["a.png"])
        #expect(free.source == "language-model" && free.edits == [.favour(MediaMatch(.colour, "blue"))])
        #expect(server.requests.count == 1)
    }
}
