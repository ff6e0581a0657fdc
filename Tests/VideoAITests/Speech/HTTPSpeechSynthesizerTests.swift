import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// The HTTP voice against a real server on 127.0.0.1 that answers `POST /v1/audio/speech`
/// with speech made by espeak-ng in process.
@Suite struct HTTPSpeechSynthesizerTests {
    let text = "The server speaks these words, and vgen finds where each one starts."

    @Test func speaksThroughTheWireFormatAndAlignsTheWords() async throws {
        let server = try LocalHTTPServer()
        let served = try await EspeakSynthesizer().synthesize(text, voice: "en-us")
        server.enqueue(
            StubReply(
                headers: ["Content-Type": "audio/wav"],
                body: wavData(samples: served.samples, sampleRate: served.sampleRate)))
        let voice = HTTPSpeechSynthesizer(
            configuration: SpeechServiceConfiguration(
                baseURL: server.baseURL.appendingPathComponent("v1"), model: "tts-test", voice: "alloy",
                apiKey: "sk-test"))
        let speech = try await voice.synthesize(text, voice: .female)

        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/v1/audio/speech")
        #expect(request.headers["authorization"] == "Bearer sk-test")
        #expect(request.headers["content-type"] == "application/json")
        let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: String])
        #expect(body == ["model": "tts-test", "input": text, "voice": "alloy", "response_format": "wav"])

        #expect(speech.sampleRate == 22_050)
        #expect(abs(speech.samples.count - served.samples.count) <= 2)
        #expect(speech.words.map(\.text) == served.words.map(\.text))
        let errors = zip(speech.words, served.words).map { Double(abs($0.startSample - $1.startSample)) / 22_050 }
        #expect((median(errors) ?? 1) <= 0.05)
        #expect(!voice.identifier.contains("sk-test"))
    }

    @Test func pcmAnswersAndServerVoiceNames() async throws {
        let server = try LocalHTTPServer()
        let served = try await EspeakSynthesizer().synthesize("Raw samples this time.", voice: "en-us")
        let at24k = try SampleRateConverter.resample(served.samples, from: served.sampleRate, to: 24_000)
        var pcm = Data()
        for sample in at24k {
            let value = Int16(max(-32768, min(32767, (sample * 32767).rounded())))
            withUnsafeBytes(of: value.littleEndian) { pcm.append(contentsOf: $0) }
        }
        server.enqueue(StubReply(headers: ["Content-Type": "audio/pcm"], body: pcm))
        let voice = HTTPSpeechSynthesizer(
            configuration: SpeechServiceConfiguration(baseURL: server.baseURL, format: .pcm))
        let speech = try await voice.synthesize("Raw samples this time.", voice: "nova")
        let body = try #require(try JSONSerialization.jsonObject(with: server.requests[0].body) as? [String: String])
        #expect(body["voice"] == "nova" && body["response_format"] == "pcm" && body["model"] == "tts-1")
        #expect(server.requests[0].headers["authorization"] == nil)
        #expect(abs(speech.samples.count - served.samples.count) <= 2 && speech.words.count == 4)
    }

    @Test func refusalsAreOneLineErrorsAndRateLimitsRetryable() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(
            StubReply(status: 429, body: Data(#"{"error":{"message":"slow down"}}"#.utf8)),
            StubReply(status: 400, body: Data(#"{"error":{"message":"bad voice"}}"#.utf8)),
            StubReply(headers: ["Content-Type": "audio/wav"], body: Data("not audio at all".utf8)))
        let voice = HTTPSpeechSynthesizer(configuration: SpeechServiceConfiguration(baseURL: server.baseURL))
        for retryable in [true, false, false] {
            do {
                _ = try await voice.synthesize("Hello.", voice: .male)
                Issue.record("no error")
            } catch let error as VideoError {
                #expect(error.isRetryable == retryable && error.code == .speech)
                #expect(!error.message.contains("\n"))
            }
        }
    }

    @Test func configurationFromTheEnvironment() throws {
        #expect(try SpeechServiceConfiguration.resolve(environment: [:]) == nil)
        let local = try #require(
            try SpeechServiceConfiguration.resolve(environment: [
                "VGEN_TTS": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:8880/v1", "VGEN_TTS_MODEL": "kokoro",
                "VGEN_TTS_VOICE": "af_bella", "VGEN_TTS_FORMAT": "pcm",
            ]))
        #expect(local.model == "kokoro" && local.voice == "af_bella" && local.format == .pcm && local.apiKey == nil)
        for (environment, field) in [
            (["VGEN_TTS": "openai"], "OPENAI_API_KEY"), (["VGEN_TTS": "azure"], "VGEN_TTS"),
            (["VGEN_TTS": "openai", "OPENAI_BASE_URL": "ftp://x"], "OPENAI_BASE_URL"),
            (["VGEN_TTS": "openai", "OPENAI_API_KEY": "k", "VGEN_TTS_FORMAT": "mp3"], "VGEN_TTS_FORMAT"),
        ] {
            #expect { try SpeechServiceConfiguration.resolve(environment: environment) } throws: {
                ($0 as? VideoError)?.field == field
            }
        }
    }
}
