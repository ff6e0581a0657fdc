import Foundation
import VideoCore

/// A voice on an OpenAI-compatible speech server: `POST {base}/audio/speech` with a JSON body
/// `{"model", "input", "voice", "response_format"}`, answered with the audio (see Docs/Voices.md
/// for the wire format and its source).
///
/// The answer is decoded with the FFmpeg libraries and resampled to `sampleRate`. The server
/// sends no word times, so they come from a `ForcedAligner`: the same text spoken by an
/// in-process voice, warped onto the answer.
///
/// A portable voice name (`male`, `female`, …) asks for the configuration's `voice`; any other
/// name is sent to the server as it is (`nova`, `onyx`, …). Rate limits (429), server errors
/// (5xx) and timeouts are thrown as retryable, so the task engine tries again.
///
/// # Thread safety
/// A value type; requests share nothing.
public struct HTTPSpeechSynthesizer: SpeechSynthesizer {
    /// Where the server is and what to ask it for.
    public var configuration: SpeechServiceConfiguration
    /// How word times are found.
    public var aligner: ForcedAligner
    /// The rate of the speech returned, in hertz.
    public var sampleRate: Int
    /// How requests are sent.
    public var transport: any HTTPTransport

    /// The longest input the wire format accepts, in characters.
    public static let maxInputLength = 4096

    /// Creates the voice.
    /// - Parameters:
    ///   - configuration: The server and model.
    ///   - aligner: Finds word times; flite by default.
    ///   - sampleRate: The rate of the speech returned (the chain's 22 050 Hz by default).
    ///   - transport: How requests are sent; `URLSessionTransport` by default.
    public init(
        configuration: SpeechServiceConfiguration, aligner: ForcedAligner = ForcedAligner(),
        sampleRate: Int = VoiceChain.defaultSampleRate, transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.configuration = configuration
        self.aligner = aligner
        self.sampleRate = sampleRate
        self.transport = transport
    }

    /// `openai-speech` with the address, model, voice, format, rate and the aligner's reference
    /// voice (its word times depend on it); never the key.
    public var identifier: String {
        "openai-speech \(configuration) \(sampleRate) Hz aligned by \(aligner.reference.identifier) \(aligner.referenceVoice)"
    }

    /// Asks the server to speak `text`, then aligns the answer with the text.
    /// - Parameters:
    ///   - text: What to say (at most `maxInputLength` characters).
    ///   - voice: A portable name (the configuration's voice) or the server's own voice name.
    /// - Returns: The speech at `sampleRate` and the aligned time of each written word.
    /// - Throws: `VideoError` (`.invalidInput` for a text too long, `.speech` for a refusal
    ///   or audio that does not decode; retryable for 429, 5xx and network failures).
    public func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio {
        guard text.count <= Self.maxInputLength else {
            throw VideoError(
                .invalidInput, "is \(text.count) characters; the speech server takes at most \(Self.maxInputLength)",
                field: "narration")
        }
        let response = try await transport.sendToSpeechService(
            try request(text, voice: voice), service: "speech server")
        let samples = try decode(response.body)
        let words = try await aligner.align(samples, sampleRate: sampleRate, text: text)
        return SpeechAudio(samples: samples, sampleRate: sampleRate, words: words)
    }

    /// The request for `text`: JSON with sorted keys, bearer token when there is a key.
    func request(_ text: String, voice: Voice) throws -> HTTPRequest {
        let name = Voice.portable.contains(voice) ? configuration.voice : voice.name
        let body: [String: String] = [
            "model": configuration.model, "input": text, "voice": name,
            "response_format": configuration.format.rawValue,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = ["Content-Type": "application/json"]
        if let key = configuration.apiKey { headers["Authorization"] = "Bearer \(key)" }
        return HTTPRequest(
            url: configuration.baseURL.appendingPathComponent("audio").appendingPathComponent("speech"),
            method: "POST", headers: headers, body: try encoder.encode(body), timeout: configuration.timeout)
    }

    /// The answer's samples at `sampleRate`.
    private func decode(_ body: Data) throws -> [Float] {
        guard !body.isEmpty else { throw VideoError(.speech, "the speech server sent no audio") }
        do {
            switch configuration.format {
            case .pcm:
                // Raw 16-bit little-endian mono at 24 kHz.
                let count = body.count / 2
                let samples = body.withUnsafeBytes { raw in
                    (0..<count).map { i in
                        Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))) / 32768
                    }
                }
                return try SampleRateConverter.resample(samples, from: 24_000, to: sampleRate)
            case .wav:
                return try AudioDecoder.decodeAll(data: body, name: "the speech server's WAV", sampleRate: sampleRate)
                    .samples
            }
        } catch let error as VideoError {
            throw VideoError(.speech, "the speech server's audio does not decode: \(error.message)")
        }
    }
}
