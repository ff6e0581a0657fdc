import Foundation
import VideoCore

/// Translates narration with a language model, keeping a glossary untranslated: code in
/// backticks, command-line options and commands, file names, environment variables and the
/// product names given.
///
/// Protected terms are swapped for numbered markers (`⟦1⟧`) before the text is sent and put
/// back in the answer, so they come back byte for byte whatever the model does; an answer that
/// drops or repeats a marker is refused. Answers are structured (`{"translation": string}`).
/// Give it a model cached in the task folder (`LanguageModel.cached(in:)`) so a re-render asks
/// nothing twice.
public struct NarrationTranslator: Sendable {
    /// The model that translates.
    public var model: any LanguageModel
    /// Words kept as written, besides the code, commands and names found by their shape.
    public var glossary: [String]

    /// Creates a translator.
    /// - Parameters:
    ///   - model: The language model (cached in the task folder, for re-renders).
    ///   - glossary: Product names and other terms kept untranslated (`vgen`, `SwiftPM`).
    public init(model: any LanguageModel, glossary: [String] = []) {
        self.model = model
        self.glossary = glossary
    }

    /// Translates one narration.
    /// - Parameters:
    ///   - text: The narration.
    ///   - source: Its language.
    ///   - target: The language wanted.
    /// - Returns: The translation, with every protected term as written in `text`.
    /// - Throws: `VideoError` (`.io`) when the model fails, answers off the schema, or loses a
    ///   protected term.
    public func translate(_ text: String, from source: Language, to target: Language) async throws -> String {
        guard source != target, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return text }
        let shield = GlossaryShield(text, glossary: glossary)
        let request = LanguageModelRequest(
            system: """
                You translate the narration of a technical video from \(source.profile.englishName) \
                (\(source.tag)) into \(target.profile.englishName) (\(target.tag)), to be spoken aloud. Keep \
                every marker such as ⟦1⟧ exactly as written, once each, where it belongs in the sentence: \
                it stands for code, a command or a product name. Answer with the JSON object \
                {"translation": "…"}.
                """,
            messages: [.user(shield.masked)],
            output: StructuredOutput(
                name: "translation", description: "The narration, translated.", schema: Self.schema),
            maxTokens: min(4096, 200 + text.count * 2), temperature: 0)
        let response = try await model.complete(request)
        guard let translated = response.json?["translation"]?.stringValue, !translated.isEmpty else {
            throw VideoError(.io, "translation to \(target.tag): the language model gave no translation")
        }
        return try shield.restore(translated, language: target)
    }

    /// `config` in `target`: each scene's narration written for `target` in YAML
    /// (`narration: {es: …}`) is used as written; the others are translated from the video's
    /// language. Titles and content stay as written.
    /// - Parameters:
    ///   - config: The video, in its own language.
    ///   - target: The language wanted.
    /// - Returns: The video in `target`, its `language` set.
    /// - Throws: `VideoError` as `translate(_:from:to:)` does.
    public func translate(_ config: VideoConfig, to target: Language) async throws -> VideoConfig {
        var result = config.localized(to: target)
        for index in result.scenes.indices {
            let scene = config.scenes[index]
            // A plain `narration` is in the video's language; a per-language one may have the target's.
            let written =
                scene.narrations == nil
                ? (target == config.language ? scene.narration : nil) : scene.narration(in: target)
            guard written == nil, let text = scene.narration(in: config.language) else { continue }
            result.scenes[index].narration = try await translate(text, from: config.language, to: target)
        }
        return result
    }

    static let schema: JSONValue = [
        "type": "object",
        "properties": ["translation": ["type": "string"]],
        "required": ["translation"],
        "additionalProperties": false,
    ]
}

/// A narration with its protected terms replaced by numbered markers.
struct GlossaryShield {
    /// The text sent to the model.
    let masked: String
    /// The protected terms, marker `⟦k+1⟧` standing for `terms[k]`.
    let terms: [String]

    /// Shapes kept untranslated: code in backticks, options (`--languages`), paths and file
    /// names (`Sources/App`, `Package.swift`), environment variables (`VGEN_LLM`) and words
    /// that mix case or carry digits the way identifiers do (`SwiftPM`, `mp4`).
    static let patterns = [
        #"`[^`\n]+`"#,
        #"(?<![\w-])--?[A-Za-z][\w-]*"#,
        #"\b[\w.-]*[/\\][\w./\\-]+"#,
        #"\b\w+\.(swift|md|yaml|yml|json|mp4|txt|sh|py|js|ts|c|h)\b"#,
        #"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"#,
        #"\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b"#,
    ]

    init(_ text: String, glossary: [String]) {
        var ranges: [Range<String.Index>] = []
        func claim(_ range: Range<String.Index>) {
            if !ranges.contains(where: { $0.overlaps(range) }) { ranges.append(range) }
        }
        // Glossary terms first (longest first), as whole words.
        for term in glossary.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            let escaped = NSRegularExpression.escapedPattern(for: term)
            for range in Self.matches(#"(?<!\w)"# + escaped + #"(?!\w)"#, in: text) { claim(range) }
        }
        for pattern in Self.patterns {
            for range in Self.matches(pattern, in: text) { claim(range) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var masked = ""
        var terms: [String] = []
        var cursor = text.startIndex
        for range in ranges {
            masked += text[cursor..<range.lowerBound]
            terms.append(String(text[range]))
            masked += "⟦\(terms.count)⟧"
            cursor = range.upperBound
        }
        masked += text[cursor...]
        self.masked = masked
        self.terms = terms
    }

    /// The answer with the terms put back.
    /// - Throws: `VideoError(.io)` naming the term when a marker is missing or repeated.
    func restore(_ answer: String, language: Language) throws -> String {
        var result = answer
        for (k, term) in terms.enumerated() {
            let marker = "⟦\(k + 1)⟧"
            let count = result.components(separatedBy: marker).count - 1
            guard count == 1 else {
                throw VideoError(
                    .io,
                    "translation to \(language.tag): the language model \(count == 0 ? "dropped" : "repeated") "
                        + "the untranslated term '\(term)'")
            }
            result = result.replacingOccurrences(of: marker, with: term)
        }
        if result.contains("⟦") {
            throw VideoError(.io, "translation to \(language.tag): the language model added a marker of its own")
        }
        return result
    }

    private static func matches(_ pattern: String, in text: String) -> [Range<String.Index>] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text)
        }
    }
}
