import Foundation
import Testing
import VideoAI
import VideoCore

/// The script stage on a document's scenes: the adapter's narration already says what each
/// slide shows, so nothing is read twice, and the metadata finds the document's topic.
@Suite struct DocumentScriptTests {
    static let readme = """
        # Loopy

        Loopy is an event-driven networking library for Swift built around event loops.

        ## Architecture

        The basic building blocks of Loopy are the following types:

        - `EventLoop`. This is the object that waits for events on sockets and runs a callback for each of them, one after another, on its own thread for its whole life.
        - `EventLoopGroup`. This provides a pool of event loops that share the work of a server between the processor cores of the machine it runs on.
        - `Channel`, which owns a socket and passes the events that arrive on it, such as data received or a connection closed, through its pipeline.

        ### Event loops

        The event loop is an object that waits for events (usually input and output events, such as data received) and then runs a callback when they happen. A program has few event loops: usually one or two per processor core. Event loops run for the whole life of the program, spinning in an endless loop that dispatches events.

        Event loops are gathered into event loop groups. A group spreads new connections over its event loops, so that no single event loop is overloaded while the others wait.

        ### Channels

        A channel owns one socket and is responsible for its lifetime. Every event on the socket reaches the channel, which passes it through its pipeline of handlers.
        """

    private func script(_ config: VideoConfig) async throws -> VideoConfig {
        let context = PipelineContext(directory: FileManager.default.temporaryDirectory) { _ in }
        return try await ScriptStage().run(config, context: context)
    }

    @Test func theScriptStageKeepsTheAdaptersNarrationOfEverySlide() async throws {
        let config = try DocumentAdapter(text: Self.readme, name: "README.md").makeVideoConfig()
        let scripted = try await script(config)
        var narrated = 0
        for (before, after) in zip(config.scenes, scripted.scenes) {
            guard case .list(let list) = before.content, let own = before.narration else { continue }
            narrated += 1
            // No template reading of the items was added: the narration already covers them.
            #expect(after.narration == SpeechText.clean(own), "\(list.heading)")
            #expect(after.narration?.contains("Here are") == false && after.narration?.contains("First,") == false)
        }
        #expect(narrated >= 3)
    }

    @Test func aDocumentAboutEventLoopsIsTaggedWithThem() async throws {
        let config = try await script(try DocumentAdapter(text: Self.readme, name: "README.md").makeVideoConfig())
        let narrations = config.scenes.map {
            TimingPlanner.Narration(scene: $0, sampleCount: 16_000 * 12, words: [], audioFile: "a.wav")
        }
        let manifest = TimingPlanner().plan(narrations, fps: 30, sampleRate: 16_000)
        let metadata = VideoMetadata(config: config, manifest: manifest)
        #expect(metadata.keywords.prefix(3).contains("event loop"), "\(metadata.keywords)")
        #expect(metadata.keywords.contains("channel"), "\(metadata.keywords)")
        #expect(metadata.tags.first == "loopy")
        #expect(metadata.titleVariants.question == "What is Loopy?")
        #expect(metadata.titleVariants.withSubtitle?.hasPrefix("Loopy: an event-driven networking library") == true)
        #expect(metadata.youtubeChapters.first?.startTime == 0 && metadata.youtubeChapters.count >= 3)
        let again = VideoMetadata(config: config, manifest: manifest)
        #expect(again == metadata)
    }
}
