import Foundation
import VideoCore

/// Where an HTTP voice is and how to ask it: an OpenAI-compatible `POST {base}/audio/speech`
/// server (OpenAI itself, or a local TTS server that speaks the same wire format).
///
/// Read from the environment (see Docs/Voices.md): `VGEN_TTS` (`openai` or `none`, the
/// default), `OPENAI_BASE_URL` (default `https://api.openai.com/v1`), `OPENAI_API_KEY`
/// (needed for the default address), `VGEN_TTS_MODEL` (default `tts-1`), `VGEN_TTS_VOICE`
/// (default `alloy`) and `VGEN_TTS_FORMAT` (`wav`, the default, or `pcm`).
public struct SpeechServiceConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// How the server sends audio back.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// A WAV file.
        case wav
        /// Raw 16-bit little-endian mono samples at 24 kHz.
        case pcm
    }

    /// The API's base address, for example `https://api.openai.com/v1`.
    public var baseURL: URL
    /// The model, for example `tts-1`.
    public var model: String
    /// The server's voice for the portable voice names, for example `alloy`.
    public var voice: String
    /// The audio format asked for.
    public var format: Format
    /// The API key, sent as a bearer token; never logged.
    public var apiKey: String?
    /// Seconds to wait for an answer.
    public var timeout: Double

    /// The OpenAI API's address.
    public static let openAIBaseURL = URL(string: "https://api.openai.com/v1")!

    /// Creates a configuration.
    /// - Parameters:
    ///   - baseURL: The API's base address.
    ///   - model: The model.
    ///   - voice: The server's voice for the portable names.
    ///   - format: `wav` or `pcm`.
    ///   - apiKey: The key, if the server needs one.
    ///   - timeout: Seconds to wait for an answer.
    public init(
        baseURL: URL = openAIBaseURL, model: String = "tts-1", voice: String = "alloy", format: Format = .wav,
        apiKey: String? = nil, timeout: Double = 60
    ) {
        self.baseURL = baseURL
        self.model = model
        self.voice = voice
        self.format = format
        self.apiKey = apiKey
        self.timeout = timeout
    }

    /// The configuration the environment asks for, or `nil` when `VGEN_TTS` is unset or `none`.
    /// - Parameter environment: The variables, for example `ProcessInfo.processInfo.environment`.
    /// - Returns: The configuration, or `nil` for the in-process voices.
    /// - Throws: `VideoError` (`.invalidInput`) naming the variable at fault.
    public static func resolve(environment: [String: String]) throws -> SpeechServiceConfiguration? {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
        let choice = value("VGEN_TTS")?.lowercased() ?? "none"
        if choice == "none" { return nil }
        guard choice == "openai" else {
            throw VideoError(.invalidInput, "must be openai or none, got \"\(choice)\"", field: "VGEN_TTS")
        }
        var configuration = SpeechServiceConfiguration(apiKey: value("OPENAI_API_KEY"))
        if let text = value("OPENAI_BASE_URL") {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host != nil
            else {
                throw VideoError(
                    .invalidInput, "must be an http or https address, got \"\(text)\"", field: "OPENAI_BASE_URL")
            }
            configuration.baseURL = url
        }
        if configuration.apiKey == nil, configuration.baseURL == openAIBaseURL {
            throw VideoError(
                .invalidInput,
                "is not set: api.openai.com needs a key (a local server set with OPENAI_BASE_URL needs none)",
                field: "OPENAI_API_KEY")
        }
        if let model = value("VGEN_TTS_MODEL") { configuration.model = model }
        if let voice = value("VGEN_TTS_VOICE") { configuration.voice = voice }
        if let text = value("VGEN_TTS_FORMAT") {
            guard let format = Format(rawValue: text.lowercased()) else {
                throw VideoError(.invalidInput, "must be wav or pcm, got \"\(text)\"", field: "VGEN_TTS_FORMAT")
            }
            configuration.format = format
        }
        return configuration
    }

    /// The address, model, voice and format; never the key.
    public var description: String {
        "\(baseURL.absoluteString) model \(model) voice \(voice) format \(format.rawValue)"
    }
}
