import Foundation
import VideoAI
import VideoCore
import VideoRender

/// The voice the command line speaks with: an HTTP voice when the environment configures one
/// (`VGEN_TTS=openai`, see Docs/Voices.md), else the in-process voice chain (flite, espeak-ng).
enum CLIVoice {
    /// The synthesizer for this process's environment.
    /// - Throws: `VideoError` (`.invalidInput`) naming the variable at fault.
    static func synthesizer(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> any SpeechSynthesizer
    {
        guard let configuration = try SpeechServiceConfiguration.resolve(environment: environment) else {
            return VoiceChain()
        }
        return HTTPSpeechSynthesizer(configuration: configuration)
    }
}
