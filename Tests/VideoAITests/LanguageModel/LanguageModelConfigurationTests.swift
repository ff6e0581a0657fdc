import Foundation
import Testing
import VideoAI
import VideoCore

/// Which provider the environment and the configuration file pick.
@Suite struct LanguageModelConfigurationTests {
    /// An environment with no configuration file in reach.
    private func environment(_ values: [String: String]) -> [String: String] {
        values.merging(["HOME": "/nonexistent-vgen-home"]) { own, _ in own }
    }

    private func resolve(_ values: [String: String], file: URL? = nil) throws -> LanguageModelConfiguration? {
        try LanguageModelConfiguration.resolve(environment: environment(values), configFile: file)
    }

    @Test func nothingSetMeansNoModel() throws {
        #expect(try resolve([:]) == nil)
        #expect(try LanguageModelConfiguration.languageModel(environment: environment([:])) == nil)
        #expect(try resolve(["OPENAI_API_KEY": "  "]) == nil, "a blank key is no key")
    }

    @Test func noneWinsOverKeys() throws {
        #expect(try resolve(["VGEN_LLM": "none", "OPENAI_API_KEY": "k", "ANTHROPIC_API_KEY": "k"]) == nil)
        #expect(try resolve(["VGEN_LLM": "NONE", "OPENAI_API_KEY": "k"]) == nil)
    }

    @Test func aKeyPicksItsProviderWithDefaults() throws {
        let openai = try #require(try resolve(["OPENAI_API_KEY": "sk-1"]))
        #expect(openai.provider == .openai)
        #expect(openai.baseURL.absoluteString == "https://api.openai.com/v1")
        #expect(openai.model == "gpt-4o-mini")
        #expect(openai.apiKey == "sk-1")

        let anthropic = try #require(try resolve(["ANTHROPIC_API_KEY": "sk-ant-1"]))
        #expect(anthropic.provider == .anthropic)
        #expect(anthropic.baseURL.absoluteString == "https://api.anthropic.com")
        #expect(anthropic.model == "claude-haiku-4-5")
        #expect(anthropic.apiKey == "sk-ant-1")
    }

    @Test func vgenLLMChoosesBetweenTwoKeys() throws {
        let both = ["OPENAI_API_KEY": "sk-o", "ANTHROPIC_API_KEY": "sk-a"]
        #expect(try resolve(both)?.provider == .openai)
        let anthropic = try resolve(both.merging(["VGEN_LLM": "Anthropic", "VGEN_LLM_MODEL": "claude-x"]) { $1 })
        #expect(anthropic?.provider == .anthropic)
        #expect(anthropic?.apiKey == "sk-a")
        #expect(anthropic?.model == "claude-x")
    }

    @Test func aLocalServerNeedsNoKey() throws {
        let local = try #require(
            try resolve(["OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "VGEN_LLM_MODEL": "qwen"]))
        #expect(local.provider == .openai)
        #expect(local.baseURL.absoluteString == "http://127.0.0.1:8080/v1")
        #expect(local.apiKey == nil)
        #expect(local.model == "qwen")
        let model = try #require(
            try LanguageModelConfiguration.languageModel(
                environment: environment(["ANTHROPIC_BASE_URL": "http://localhost:9"])))
        #expect(model.provider == "anthropic")
        #expect(model.model == "claude-haiku-4-5")
    }

    @Test func badSettingsNameTheirVariable() throws {
        let missingKey = try #require(throws: VideoError.self) { try resolve(["VGEN_LLM": "openai"]) }
        #expect(missingKey.field == "OPENAI_API_KEY")
        #expect(missingKey.code == .invalidInput)
        let unknown = try #require(throws: VideoError.self) { try resolve(["VGEN_LLM": "gemini"]) }
        #expect(unknown.field == "VGEN_LLM")
        #expect(unknown.message.contains("gemini"))
        let badURL = try #require(throws: VideoError.self) {
            try resolve(["OPENAI_BASE_URL": "ftp://example.com", "OPENAI_API_KEY": "k"])
        }
        #expect(badURL.field == "OPENAI_BASE_URL")
        let secretInURL = try #require(throws: VideoError.self) {
            try resolve(["ANTHROPIC_BASE_URL": "https://user:pw@example.com", "VGEN_LLM": "anthropic"])
        }
        #expect(secretInURL.field == "ANTHROPIC_BASE_URL")
        #expect(!secretInURL.description.contains("pw"))
    }

    @Test func theConfigFileFillsInWhatTheEnvironmentLeaves() throws {
        let folder = try LanguageModelFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("llm.json")
        try Data(#"{"provider": "anthropic", "model": "claude-file", "base_url": "http://127.0.0.1:7/"}"#.utf8)
            .write(to: file)

        let fromFile = try #require(try resolve([:], file: file))
        #expect(fromFile.provider == .anthropic)
        #expect(fromFile.model == "claude-file")
        #expect(fromFile.baseURL.absoluteString == "http://127.0.0.1:7/")
        #expect(fromFile.apiKey == nil)

        let overridden = try #require(
            try resolve(["VGEN_LLM_MODEL": "claude-env", "ANTHROPIC_API_KEY": "a"], file: file))
        #expect(overridden.model == "claude-env")
        #expect(overridden.apiKey == "a")

        // The file's model and base URL are for its provider only.
        let other = try #require(try resolve(["VGEN_LLM": "openai", "OPENAI_API_KEY": "o"], file: file))
        #expect(other.model == "gpt-4o-mini")
        #expect(other.baseURL == LanguageModelProvider.openai.defaultBaseURL)
        #expect(try resolve(["VGEN_LLM": "none"], file: file) == nil)
    }

    @Test func theDefaultConfigFileIsFoundUnderXDGConfigHome() throws {
        let folder = try LanguageModelFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("vgen"), withIntermediateDirectories: true)
        try Data(#"{"provider": "openai", "base_url": "http://127.0.0.1:11434/v1"}"#.utf8)
            .write(to: folder.appendingPathComponent("vgen/llm.json"))
        let found = try resolve(["XDG_CONFIG_HOME": folder.path])
        #expect(found?.baseURL.absoluteString == "http://127.0.0.1:11434/v1")
    }

    @Test func aConfigFileCannotHoldKeysOrUnknownSettings() throws {
        let folder = try LanguageModelFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("llm.json")
        try Data(#"{"provider": "openai", "api_key": "sk-in-file"}"#.utf8).write(to: file)
        let keyed = try #require(throws: VideoError.self) { try resolve([:], file: file) }
        #expect(keyed.message.contains("keys are read from the environment only"))
        #expect(!keyed.description.contains("sk-in-file"))

        try Data(#"{"provider": 3}"#.utf8).write(to: file)
        #expect(throws: VideoError.self) { try resolve([:], file: file) }
        try Data("not json".utf8).write(to: file)
        #expect(throws: VideoError.self) { try resolve([:], file: file) }
        let missing = folder.appendingPathComponent("absent.json")
        let error = try #require(throws: VideoError.self) { try resolve([:], file: missing) }
        #expect(error.message.contains("absent.json"))
    }
}
