import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

/// Free-form feedback through a language model on a local server speaking the Chat
/// Completions wire format: the answer becomes the grammar's typed edits, validated.
@Suite struct FeedbackInterpreterTests {
    typealias F = LanguageModelFixtures

    @Test func freeFormFeedbackBecomesTypedEdits() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let answer: JSONValue = [
            "edits": [
                ["op": "pace", "by": .null, "term": .null, "number": 0.5, "name": .null],
                ["op": "last", "by": "any", "term": "sunset", "number": .null, "name": .null],
                ["op": "style", "by": .null, "term": .null, "number": .null, "name": "warm"],
            ]
        ]
        server.enqueue(F.openAI(answer))
        let model = F.openAIModel(server, options: F.fastOptions())
        let edits = try await FeedbackInterpreter(model: model).edits(
            for: "it drags a bit; I'd love it to finish on the sunset, with a golden feel",
            mediaNames: ["beach1.jpg", "sunset.jpg"])
        #expect(edits == [.pace(0.5), .last(MediaMatch(.any, "sunset")), .style("warm")])
        let request = try #require(server.requests.first).json
        #expect(request["response_format"]?["json_schema"]?["schema"] == FeedbackInterpreter.schema)
        let user = try #require(request["messages"]?.arrayValue?.last?["content"]?.stringValue)
        #expect(user.contains("finish on the sunset") && user.contains("sunset.jpg"))
    }

    @Test func anAnswerOutsideTheEditsIsRefused() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        // A style that does not exist passes the schema but not the edit's validation.
        server.enqueue(
            F.openAI(["edits": [["op": "style", "by": .null, "term": .null, "number": .null, "name": "sepia"]]]))
        let model = F.openAIModel(server, options: F.fastOptions())
        await #expect(throws: VideoError.self) {
            try await FeedbackInterpreter(model: model).edits(for: "old-timey", mediaNames: [])
        }
        // Code instead of an edit breaks the schema twice: asked again once, then an error.
        let code: JSONValue = [
            "edits": [["op": "eval", "by": .null, "term": "rm -rf /", "number": .null, "name": .null]]
        ]
        server.enqueue(F.openAI(code), F.openAI(code))
        do {
            _ = try await FeedbackInterpreter(model: model).edits(for: "do something clever", mediaNames: [])
            Issue.record("code was accepted")
        } catch let error as VideoError {
            #expect(!error.message.contains("\n"))
        }
        #expect(server.requests.count == 3)
    }
}
