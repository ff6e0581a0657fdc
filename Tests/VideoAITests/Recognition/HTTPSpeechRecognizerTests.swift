import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// The OpenAI-compatible transcription client against a real server on 127.0.0.1.
@Suite struct HTTPSpeechRecognizerTests {
    static let answer = """
        {"task": "transcribe", "language": "english", "duration": 1.0, "text": "Um, hello world.",
         "words": [{"word": "Um,", "start": 0.0, "end": 0.3}, {"word": "hello", "start": 0.4, "end": 0.7},
                   {"word": "world.", "start": 0.7, "end": 1.0}]}
        """

    @Test func postsMultipartWAVAndReadsWordTimes() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.setFallback(StubReply(body: Data(Self.answer.utf8)))
        var recognizer = HTTPSpeechRecognizer(baseURL: server.baseURL.appendingPathComponent("v1"), apiKey: "sk-test")
        recognizer.chunkSeconds = 1
        let samples = (0..<36_000).map { Float(sin(Double($0) * 0.05)) * 0.3 }
        let transcript = try await recognizer.transcribe(samples, sampleRate: 24_000)
        // 1.5 s of audio in 1 s chunks: two requests, the second's words shifted by 1 s.
        let requests = server.requests
        #expect(requests.count == 2)
        let first = try #require(requests.first)
        #expect(first.method == "POST" && first.path == "/v1/audio/transcriptions")
        #expect(first.headers["authorization"] == "Bearer sk-test")
        #expect(first.headers["content-type"] == "multipart/form-data; boundary=\(HTTPSpeechRecognizer.boundary)")
        let body = String(decoding: first.body, as: UTF8.self)
        #expect(body.contains("name=\"response_format\"\r\n\r\nverbose_json\r\n"))
        #expect(body.contains("name=\"timestamp_granularities[]\"\r\n\r\nword\r\n"))
        #expect(body.contains("name=\"model\"\r\n\r\nwhisper-1\r\n"))
        #expect(body.contains("filename=\"audio.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF"))
        // The WAV inside is one second at 16 kHz, 16-bit mono.
        let riff = try #require(first.body.range(of: Data("RIFF".utf8)))
        let size = first.body[riff.lowerBound + 40..<riff.lowerBound + 44].withUnsafeBytes {
            $0.loadUnaligned(as: UInt32.self)
        }
        #expect(size == 32_000)
        #expect(transcript.words.map(\.text) == ["Um,", "hello", "world.", "Um,", "hello", "world."])
        #expect(transcript.words[0].isFiller && transcript.words[3].start == 1.0 && transcript.words[5].end == 2.0)
        #expect(transcript.source == "openai-transcription" && transcript.language == "english")
    }

    @Test func refusalsAndBadAnswersAreOneLineErrors() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.enqueue(
            StubReply(status: 503, body: Data("busy".utf8)), StubReply(body: Data(#"{"text": "no words"}"#.utf8)))
        let recognizer = HTTPSpeechRecognizer(baseURL: server.baseURL)
        let samples = [Float](repeating: 0, count: 1600)
        await #expect {
            try await recognizer.transcribe(samples, sampleRate: 16_000)
        } throws: { error in
            let error = error as? VideoError
            return error?.isRetryable == true && error?.message == "the transcription server answered HTTP 503: busy"
        }
        await #expect {
            try await recognizer.transcribe(samples, sampleRate: 16_000)
        } throws: { error in
            (error as? VideoError)?.message.hasPrefix("the transcription server's answer is not verbose_json") == true
        }
    }
}
