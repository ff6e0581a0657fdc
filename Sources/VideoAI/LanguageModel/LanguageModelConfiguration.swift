import Foundation
import VideoCore

/// A language-model wire format.
public enum LanguageModelProvider: String, Sendable, Hashable, CaseIterable {
    /// OpenAI Chat Completions, also spoken by llama.cpp's server, Ollama, vLLM and LM Studio.
    case openai
    /// Anthropic Messages.
    case anthropic

    /// Where requests go when no base URL is set.
    public var defaultBaseURL: URL {
        switch self {
        case .openai: URL(string: "https://api.openai.com/v1")!
        case .anthropic: URL(string: "https://api.anthropic.com")!
        }
    }

    /// The model asked for when `VGEN_LLM_MODEL` is not set.
    public var defaultModel: String {
        switch self {
        case .openai: "gpt-4o-mini"
        case .anthropic: "claude-haiku-4-5"
        }
    }

    /// The environment variable that holds the API key.
    public var keyVariable: String {
        switch self {
        case .openai: "OPENAI_API_KEY"
        case .anthropic: "ANTHROPIC_API_KEY"
        }
    }

    /// The environment variable that holds the base URL.
    public var baseURLVariable: String {
        switch self {
        case .openai: "OPENAI_BASE_URL"
        case .anthropic: "ANTHROPIC_BASE_URL"
        }
    }
}

/// Which language model to use, where it is, and the key to reach it.
///
/// Printing a configuration never shows the key (`description`, `debugDescription` and the
/// mirror `dump` uses all say only whether one is set), and the type is not `Codable`, so it
/// cannot be written to a file by accident.
public struct LanguageModelConfiguration: Sendable, Hashable {
    /// The wire format.
    public var provider: LanguageModelProvider
    /// The server: `https://api.openai.com/v1`, `http://127.0.0.1:8080/v1`, ….
    public var baseURL: URL
    /// The model to ask for.
    public var model: String
    /// The API key; nil for a local server that needs none.
    public var apiKey: String?

    /// Creates a configuration.
    /// - Parameters:
    ///   - provider: The wire format.
    ///   - baseURL: The server; the provider's own API when nil.
    ///   - model: The model; the provider's default when nil.
    ///   - apiKey: The API key, or nil for a server that needs none.
    public init(provider: LanguageModelProvider, baseURL: URL? = nil, model: String? = nil, apiKey: String? = nil) {
        self.provider = provider
        self.baseURL = baseURL ?? provider.defaultBaseURL
        self.model = model ?? provider.defaultModel
        self.apiKey = apiKey
    }

    /// Reads the configuration from `environment` and, under it, a configuration file.
    ///
    /// `VGEN_LLM` (`openai`, `anthropic` or `none`) picks the provider; without it the file's
    /// `provider` does; without that, `OPENAI_API_KEY` or `OPENAI_BASE_URL` being set picks
    /// OpenAI, then `ANTHROPIC_API_KEY` or `ANTHROPIC_BASE_URL` picks Anthropic, else none.
    /// `OPENAI_BASE_URL`/`ANTHROPIC_BASE_URL` and `VGEN_LLM_MODEL` override the file's
    /// `base_url` and `model`. Keys are read from the environment only.
    /// - Parameters:
    ///   - environment: The variables, for example `ProcessInfo.processInfo.environment`.
    ///   - configFile: A JSON file (`{"provider": …, "model": …, "base_url": …}`) that must
    ///     exist; nil reads `$XDG_CONFIG_HOME/vgen/llm.json` (or `$HOME/.config/vgen/llm.json`)
    ///     when it exists.
    /// - Returns: The configuration, or nil when no language model is configured.
    /// - Throws: `VideoError(.invalidInput)` naming the variable or file at fault.
    public static func resolve(environment: [String: String], configFile: URL? = nil) throws
        -> LanguageModelConfiguration?
    {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
        let file = try ConfigurationFile.load(explicit: configFile, environment: environment)
        let choice: String
        if let chosen = value("VGEN_LLM") {
            choice = chosen.lowercased()
        } else if let chosen = file?.provider {
            choice = chosen.lowercased()
        } else if value("OPENAI_API_KEY") != nil || value("OPENAI_BASE_URL") != nil {
            choice = "openai"
        } else if value("ANTHROPIC_API_KEY") != nil || value("ANTHROPIC_BASE_URL") != nil {
            choice = "anthropic"
        } else {
            choice = "none"
        }
        if choice == "none" { return nil }
        guard let provider = LanguageModelProvider(rawValue: choice) else {
            throw VideoError(.invalidInput, "must be openai, anthropic or none, got \"\(choice)\"", field: "VGEN_LLM")
        }
        let fileApplies = file?.provider.map { $0.lowercased() == choice } ?? true
        var baseURL = provider.defaultBaseURL
        if let text = value(provider.baseURLVariable) {
            baseURL = try url(text, field: provider.baseURLVariable)
        } else if fileApplies, let text = file?.baseURL {
            baseURL = try url(text, field: "base_url")
        }
        let apiKey = value(provider.keyVariable)
        if apiKey == nil, baseURL == provider.defaultBaseURL {
            throw VideoError(
                .invalidInput,
                "is not set: \(baseURL.host ?? "the API") needs a key (a local server set with \(provider.baseURLVariable) needs none)",
                field: provider.keyVariable)
        }
        let model = value("VGEN_LLM_MODEL") ?? (fileApplies ? file?.model : nil) ?? provider.defaultModel
        return LanguageModelConfiguration(provider: provider, baseURL: baseURL, model: model, apiKey: apiKey)
    }

    /// The configured language model, or nil when none is configured: `resolve` then
    /// `HTTPLanguageModel`.
    /// - Parameters:
    ///   - environment: The variables; the process's by default.
    ///   - configFile: A configuration file that must exist, or nil for the default one if any.
    ///   - options: Timeouts, retries, circuit breaker and response cache.
    ///   - transport: How requests are sent; `URLSessionTransport` by default.
    /// - Returns: The model, or nil when `VGEN_LLM` is `none` or nothing is configured.
    /// - Throws: `VideoError(.invalidInput)` for a bad setting.
    public static func languageModel(
        environment: [String: String] = ProcessInfo.processInfo.environment, configFile: URL? = nil,
        options: LanguageModelOptions = LanguageModelOptions(), transport: (any HTTPTransport)? = nil
    ) throws -> (any LanguageModel)? {
        guard let configuration = try resolve(environment: environment, configFile: configFile) else { return nil }
        return HTTPLanguageModel(
            configuration: configuration, options: options, transport: transport ?? URLSessionTransport())
    }

    private static func url(_ text: String, field: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw VideoError(.invalidInput, "must be an http or https URL with a host", field: field)
        }
        guard url.user == nil, url.password == nil, url.query == nil else {
            throw VideoError(
                .invalidInput, "must not hold credentials or a query; keys go in the key variable", field: field)
        }
        return url
    }
}

extension LanguageModelConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `openai gpt-4o-mini at https://api.openai.com/v1 (key set)`: never the key itself.
    public var description: String {
        "\(provider.rawValue) \(model) at \(baseURL.absoluteString) (\(apiKey == nil ? "no key" : "key set"))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the key, for `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "provider": provider, "baseURL": baseURL, "model": model,
                "apiKey": apiKey == nil ? "nil" : "<redacted>",
            ])
    }
}

/// `llm.json`: the provider, model and base URL to use when the environment does not say.
private struct ConfigurationFile {
    var provider: String?
    var model: String?
    var baseURL: String?

    static func load(explicit: URL?, environment: [String: String]) throws -> ConfigurationFile? {
        let url: URL
        if let explicit {
            url = explicit
        } else {
            let base: URL
            if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
                base = URL(fileURLWithPath: xdg)
            } else if let home = environment["HOME"], !home.isEmpty {
                base = URL(fileURLWithPath: home).appendingPathComponent(".config")
            } else {
                return nil
            }
            url = base.appendingPathComponent("vgen/llm.json")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VideoError(.invalidInput, "cannot read \(url.path): \(error.localizedDescription)", field: "llm.json")
        }
        let members: [String: JSONValue]
        do {
            guard let object = try JSONValue.parse(data).objectValue else {
                throw VideoError(.invalidInput, "the top level must be an object")
            }
            members = object
        } catch let error as VideoError {
            throw VideoError(.invalidInput, "\(url.path): \(error.message)", field: "llm.json")
        }
        let known = ["provider", "model", "base_url"]
        for name in members.keys.sorted() where !known.contains(name) {
            let hint = name.lowercased().contains("key") ? "; keys are read from the environment only" : ""
            throw VideoError(
                .invalidInput,
                "\(url.path): unknown setting \"\(name)\" (known: \(known.joined(separator: ", ")))\(hint)",
                field: "llm.json")
        }
        func string(_ name: String) throws -> String? {
            guard let value = members[name] else { return nil }
            guard let text = value.stringValue else {
                throw VideoError(.invalidInput, "\(url.path): \"\(name)\" must be a string", field: "llm.json")
            }
            return text
        }
        return ConfigurationFile(
            provider: try string("provider"), model: try string("model"), baseURL: try string("base_url"))
    }
}

extension LanguageModelConfiguration {
    /// The configured language model for a feature that cannot work without one.
    /// - Parameters:
    ///   - feature: What needs it, as the user asked for it (`--narration ai`, `--prompt`).
    ///   - environment: The variables; the process's by default.
    ///   - options: Timeouts, retries, circuit breaker and response cache.
    /// - Returns: The model.
    /// - Throws: `VideoError(.invalidInput)` for a bad setting, or one line naming the
    ///   variables to set when no model is configured.
    public static func requiredLanguageModel(
        for feature: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        options: LanguageModelOptions = LanguageModelOptions()
    ) throws -> any LanguageModel {
        guard let model = try languageModel(environment: environment, options: options) else {
            throw VideoError(
                .invalidInput,
                "\(feature) needs a language model and none is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL "
                    + "for a local server such as llama.cpp or Ollama) or ANTHROPIC_API_KEY (or ANTHROPIC_BASE_URL); "
                    + "VGEN_LLM picks the provider and VGEN_LLM_MODEL the model")
        }
        return model
    }
}
