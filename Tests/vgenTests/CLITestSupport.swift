import Foundation
import Synchronization
import VideoCore
import VideoTestSupport

/// Runs the built `vgen` binary (the front, which execs `vgen-engine` beside it) as a user
/// would, in a subprocess.
enum CLI {
    /// The `vgen` executable built beside the test bundle.
    static var executable: URL { productsFolder.appendingPathComponent("vgen") }

    /// The `vgen-engine` executable the front runs, beside it.
    static var engine: URL { productsFolder.appendingPathComponent("vgen-engine") }

    /// The folder of the built products (the test bundle's).
    private static var productsFolder: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // XCTest bundles on Linux are executables in the products folder; on macOS, bundles.
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "Contents" || dir.lastPathComponent == "MacOS" {
            dir.deleteLastPathComponent()
        }
        return dir
    }

    /// The environment `vgen` runs in: the test process's with every language-model variable
    /// removed and `VGEN_LLM=none`, so no test reaches a real provider, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { name, _ in
            !name.hasPrefix("OPENAI_") && !name.hasPrefix("ANTHROPIC_") && !name.hasPrefix("VGEN_LLM")
        }
        environment["VGEN_LLM"] = "none"
        environment["XDG_CONFIG_HOME"] = "/nonexistent-vgen-test-config"
        environment["VGEN_ENGINE"] = nil  // the engine beside the front
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs `vgen` with `arguments` to its end, in `environment()` plus `environment`.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        executable: URL = CLI.executable
    ) async throws -> ProcessOutcome {
        try await Subprocess.run(executable, arguments, in: directory, environment: Self.environment(environment))
    }

    /// Runs `vgen`, reading its stdout line by line, and sends `signal` as soon as a line
    /// satisfies `trigger` (from the thread reading the lines, so the process gets no time
    /// to run on first).
    /// - Returns: The line that triggered the signal (`nil` if none did), and how `vgen` ended.
    static func run(
        _ arguments: [String], signal: Int32, when trigger: @escaping @Sendable (String) -> Bool
    ) async throws -> (trigger: String?, outcome: ProcessOutcome) {
        let sent = Mutex<String?>(nil)
        let outcome = try await Subprocess.run(executable, arguments, environment: environment()) { line, pid in
            let send = sent.withLock { sent in
                guard sent == nil, trigger(line) else { return false }
                sent = line
                return true
            }
            if send { kill(pid, signal) }
        }
        return (sent.withLock { $0 }, outcome)
    }
}

/// One line of `vgen --json` output.
struct JSONEvent {
    let fields: [String: Any]

    /// The line's event, or `nil` when it is not a JSON object.
    init?(_ line: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return nil
        }
        fields = object
    }

    /// `pipeline_started`, `stage_started`, `progress`, …
    var event: String? { fields["event"] as? String }
    /// The stage it is about.
    var stage: String? { fields["stage"] as? String }
    /// The scene a progress report is at, from 1.
    var scene: Int? { fields["scene"] as? Int }
}
