import Foundation
import VideoAI
import VideoCore

/// `--languages en,es,ja`: one version of a video per language, each rendered into
/// `OUTPUT/<tag>/`, with narration written for the language where the input has it
/// (`narration: {es: …}`) and translated by the configured language model where it has not.
enum LanguageVersions {
    /// Parses `en,es,ja` into languages.
    /// - Throws: `VideoError` naming `--languages` for an empty list, a bad tag or a repeat.
    static func parse(_ text: String) throws -> [Language] {
        let tags = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !tags.isEmpty, !tags.contains(where: \.isEmpty) else {
            throw VideoError(
                .invalidInput, "'\(text)' is not a list of languages such as en,es,ja", field: "--languages")
        }
        let languages = try tags.map { try Language(validating: $0, field: "--languages") }
        if let repeated = languages.first(where: { l in languages.filter { $0 == l }.count > 1 }) {
            throw VideoError(.invalidInput, "'\(repeated.tag)' is listed twice", field: "--languages")
        }
        return languages
    }

    /// The versions of `config`, in the order asked.
    /// - Parameters:
    ///   - config: The video in its own language.
    ///   - languages: The languages wanted.
    ///   - output: The parent folder; each version goes in `output/<tag>/`.
    ///   - model: The model that translates; `nil` uses the configured one, if any.
    ///   - glossary: Terms kept untranslated besides code, commands and file names.
    /// - Returns: Each language's video and folder.
    /// - Throws: `VideoError`: one line naming the languages without narration and the
    ///   variables to set when translation is needed and no model is configured; the model's
    ///   failures.
    static func make(
        _ config: VideoConfig, languages: [Language], output: URL,
        model: (any LanguageModel)? = nil, glossary: [String] = []
    ) async throws -> [(config: VideoConfig, folder: URL)] {
        let lacking = config.languagesLackingNarration(languages)
        let resolved = try model ?? LanguageModelConfiguration.languageModel()
        if !lacking.isEmpty, resolved == nil {
            throw VideoError(
                .invalidInput,
                "--languages: no narration is written in \(lacking.map(\.tag).joined(separator: ", ")) and no "
                    + "language model is configured to translate it: write narration: {\(lacking[0].tag): …} per "
                    + "scene, or set OPENAI_API_KEY (or OPENAI_BASE_URL) or ANTHROPIC_API_KEY (or "
                    + "ANTHROPIC_BASE_URL); VGEN_LLM picks the provider", field: "languages")
        }
        var versions: [(config: VideoConfig, folder: URL)] = []
        for language in languages {
            let folder = output.appendingPathComponent(language.tag, isDirectory: true)
            var version = config.localized(to: language)
            if lacking.contains(language), let resolved {
                let cache = folder.appendingPathComponent(config.videoID, isDirectory: true)
                    .appendingPathComponent("llm-cache", isDirectory: true)
                let translator = NarrationTranslator(
                    model: resolved.cached(in: cache), glossary: glossary)
                version = try await translator.translate(config, to: language)
            }
            versions.append((version, folder))
        }
        return versions
    }
}
