import Foundation
import VideoCore

/// Speech recognition by an OpenAI-compatible server: `POST {base}/audio/transcriptions`, a
/// multipart form with the audio as 16 kHz mono WAV, `response_format=verbose_json` and
/// `timestamp_granularities[]=word` (wire format and source in `Docs/Talks.md`). OpenAI,
/// faster-whisper-server, LocalAI and whisper.cpp's server speak it.
///
/// The service takes files up to 25 MB, so recordings longer than `chunkSeconds` go in
/// several requests whose word times are shifted to where each chunk starts.
public struct HTTPSpeechRecognizer: SpeechRecognizer {
    /// The server, model, key and timeout (the voice and format fields are not used).
    public var baseURL: URL
    /// The model the server runs, `whisper-1` on OpenAI.
    public var model: String
    /// The bearer token, when the server wants one.
    public var apiKey: String?
    /// The spoken language (ISO 639-1), when known; the server guesses otherwise.
    public var language: String?
    /// How long one request may take, in seconds.
    public var timeout: Double
    /// How requests are sent.
    public var transport: any HTTPTransport
    /// The longest piece of audio sent in one request, in seconds (10 min is 19 MB of WAV).
    public var chunkSeconds: Double = 600

    /// The form's boundary: fixed, so the same audio makes the same request bytes.
    static let boundary = "vgen-transcription-boundary-7c1f4a"

    /// `openai-transcription`.
    public var name: String { "openai-transcription" }

    /// Creates the recognizer.
    /// - Parameters:
    ///   - baseURL: The API's base, for example `https://api.openai.com/v1`.
    ///   - model: The model name.
    ///   - apiKey: The bearer token, if any.
    ///   - language: The spoken language, if known.
    ///   - timeout: Seconds one request may take.
    ///   - transport: How requests are sent; `URLSessionTransport` by default.
    public init(
        baseURL: URL, model: String = "whisper-1", apiKey: String? = nil, language: String? = nil,
        timeout: Double = 300, transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.language = language
        self.timeout = timeout
        self.transport = transport
    }

    /// Sends the speech to the server and reads the words of its `verbose_json` answer.
    /// - Parameters:
    ///   - samples: Mono samples, −1…1.
    ///   - sampleRate: Their rate (resampled to 16 kHz before upload).
    /// - Returns: The words, `source` `openai-transcription`.
    /// - Throws: `VideoError` (`.speech`; retryable for 429, 5xx and network failures).
    public func transcribe(_ samples: [Float], sampleRate: Int) async throws -> Transcript {
        let audio = try await DedicatedThread.run(name: "vgen-resample") { _ in
            try SampleRateConverter.resample(samples, from: sampleRate, to: 16_000)
        }
        let chunk = max(1, Int(chunkSeconds * 16_000))
        var words: [TranscriptWord] = []
        var spokenLanguage: String?
        for start in stride(from: 0, to: max(audio.count, 1), by: chunk) {
            try Task.checkCancellation()
            let piece = Array(audio[start..<min(audio.count, start + chunk)])
            let part = try await send(piece)
            let offset = Double(start) / 16_000
            spokenLanguage = spokenLanguage ?? part.language
            words += part.words.map {
                TranscriptWord(
                    text: $0.text, start: $0.start + offset, end: $0.end + offset, confidence: $0.confidence,
                    isFiller: $0.isFiller)
            }
        }
        return Transcript(words: words, language: spokenLanguage, source: name)
    }

    private func send(_ samples: [Float]) async throws -> Transcript {
        let response = try await transport.sendToSpeechService(request(samples), service: "transcription server")
        do {
            // A silent piece of audio has no words: that is no error here.
            return try WhisperJSONParser(limits: TranscriptLimits(), name: "answer").parse(response.body)
        } catch let error as VideoError {
            throw VideoError(.speech, "the transcription server's answer is not verbose_json: \(error.description)")
        }
    }

    /// The multipart request for one piece of audio.
    func request(_ samples: [Float]) -> HTTPRequest {
        var fields: [(String, String)] = [
            ("model", model), ("response_format", "verbose_json"), ("timestamp_granularities[]", "word"),
        ]
        if let language { fields.append(("language", language)) }
        var body = Data()
        func add(_ text: String) { body.append(Data(text.utf8)) }
        for (name, value) in fields {
            add("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        add("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n")
        add("Content-Type: audio/wav\r\n\r\n")
        body.append(wavData(samples: samples, sampleRate: 16_000))
        add("\r\n--\(Self.boundary)--\r\n")
        var headers = ["Content-Type": "multipart/form-data; boundary=\(Self.boundary)"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        return HTTPRequest(
            url: baseURL.appendingPathComponent("audio").appendingPathComponent("transcriptions"), method: "POST",
            headers: headers, body: body, timeout: timeout)
    }
}
