import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// The front `vgen` answers help and usage errors by itself, hands every command that does
/// work to `vgen-engine` beside it with the same arguments (its output and exit status are the
/// command's), and says in one line where it looked when the engine is missing
/// (Docs/Startup.md).
@Suite struct CLIFrontTests {
    /// A copy of the front alone in a fresh folder: no engine beside it.
    private func loneFront(in folder: TemporaryDirectory) throws -> URL {
        let copy = folder.url.appendingPathComponent("vgen")
        try FileManager.default.copyItem(at: CLI.executable, to: copy)
        return copy
    }

    @Test func frontAnswersHelpAndUsageErrorsWithoutAnEngine() async throws {
        let folder = try TemporaryDirectory(prefix: "vgen-front")
        let front = try loneFront(in: folder)
        let root = try await CLI.run(["--help"], executable: front)
        #expect(root.status == 0, "\(root.stderr)")
        #expect(root.stdout.hasPrefix("OVERVIEW: Turn documents into narrated videos"), "\(root.stdout)")
        #expect(root.stdout.contains("SUBCOMMANDS:") && root.stderr.isEmpty, "\(root.stdout)\(root.stderr)")
        for arguments in [["beats", "--help"], ["help", "beats"]] {
            let beats = try await CLI.run(arguments, executable: front)
            #expect(beats.status == 0, "\(arguments): \(beats.stderr)")
            #expect(beats.stdout.contains("USAGE: vgen beats <file>"), "\(arguments): \(beats.stdout)")
        }
        // The same help as through the engine's own parser.
        let direct = try await Subprocess.run(CLI.engine, ["beats", "--help"], environment: CLI.environment())
        #expect(try await CLI.run(["beats", "--help"], executable: front).stdout == direct.stdout)

        let range = try await CLI.run(["--jobs", "0", "--document", "doc.md"], executable: front)
        #expect(range.status == 2 && range.stdout.isEmpty)
        #expect(range.stderr == "vgen: error: --jobs must be 1–64\n")
        let missing = try await CLI.run(["beats"], executable: front)
        #expect(missing.status == 2)
        #expect(missing.stderr == "vgen: error: missing expected argument '<file>'\n")
        let unknown = try await CLI.run(["montage", "--bogus"], executable: front)
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("vgen: error: unknown option '--bogus'"))
    }

    @Test func missingEngineIsOneLineNamingItsPath() async throws {
        let folder = try TemporaryDirectory(prefix: "vgen-front")
        let front = try loneFront(in: folder)
        let beside = folder.url.resolvingSymlinksInPath().appendingPathComponent("vgen-engine").path
        let outcome = try await CLI.run(["beats", "song.wav"], executable: front)
        #expect(outcome.reason == .exit && outcome.status == 1 && outcome.stdout.isEmpty)
        #expect(
            outcome.stderr
                == "vgen: error: cannot run the engine \(beside): No such file or directory (install vgen-engine beside vgen, or set VGEN_ENGINE)\n",
            "\(outcome.stderr)")
        let named = try await CLI.run(
            ["scenes"], environment: ["VGEN_ENGINE": "/nonexistent/vgen-engine"], executable: front)
        #expect(named.status == 1)
        #expect(
            named.stderr.hasPrefix("vgen: error: cannot run the engine /nonexistent/vgen-engine: "), "\(named.stderr)")
        #expect(named.stderr.split(separator: "\n").count == 1)
    }

    @Test func commandRunsThroughTheFrontIntoTheEngine() async throws {
        let folder = try TemporaryDirectory(prefix: "vgen-front")
        let song = folder.url.appendingPathComponent("beat.wav")
        let beats = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 6)
        let outcome = try await CLI.run(["beats", "--json", song.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let profile = try JSONSerialization.jsonObject(with: outcome.stdoutData) as? [String: Any]
        let tempo = try #require(profile?["tempo_bpm"] as? Double, "\(outcome.stdout)")
        #expect(abs(tempo - 120) < 2, "tempo \(tempo)")
        #expect((profile?["beats"] as? [Double])?.count ?? 0 >= beats.count - 2)
        // The engine's own failure and status come back unchanged.
        let failed = try await CLI.run(["beats", folder.url.appendingPathComponent("none.wav").path])
        #expect(failed.status == 1 && failed.stdout.isEmpty)
        #expect(failed.stderr.hasPrefix("vgen: error: ") && failed.stderr.split(separator: "\n").count == 1)

        // A lone front reaches the engine VGEN_ENGINE names, with the same output.
        let front = try loneFront(in: folder)
        let named = try await CLI.run(
            ["beats", "--json", song.path], environment: ["VGEN_ENGINE": CLI.engine.path], executable: front)
        #expect(named.status == 0 && named.stdout == outcome.stdout, "\(named.stderr)")
    }
}
