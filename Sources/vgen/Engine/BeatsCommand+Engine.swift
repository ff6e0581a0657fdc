import ArgumentParser
import Foundation
import VGenCommandLine
import VideoAI
import VideoCore

extension BeatsCommand: ExecutableCommand {
    /// Runs the analysis and prints it.
    func execute() async throws {
        let url = URL(fileURLWithPath: file)
        let clock = ContinuousClock()
        let started = clock.now
        let analysis = try MusicAnalyzer().analysis(fileAt: url)
        if timing {
            let cold = clock.now - started
            var warm: [Duration] = []
            for _ in 0..<max(1, timingRuns) {
                let restarted = clock.now
                _ = try MusicAnalyzer().analysis(fileAt: url)
                warm.append(clock.now - restarted)
            }
            func seconds(_ d: Duration) -> Double {
                Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            }
            let sorted = warm.sorted()
            FileHandle.standardError.write(
                Data(
                    "analysis_seconds cold \(seconds(cold)) warm \(seconds(sorted[sorted.count / 2])) best \(seconds(sorted[0]))\n"
                        .utf8))
        }
        let profile = analysis.profile
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(profile), as: UTF8.self))
            return
        }
        print(String(format: "duration   %.3f s", profile.duration))
        print(String(format: "tempo      %.2f BPM (confidence %.2f)", profile.tempoBPM, analysis.tempo.confidence))
        print("beats      \(profile.beats.count)")
        print("downbeats  \(profile.downbeats.count)")
        print("beat times \(profile.beats.map { String(format: "%.3f", $0) }.joined(separator: " "))")
        for section in profile.sections {
            let span = String(format: "%7.3f–%7.3f s", section.start, section.end)
            print(
                "section    \(span)  \(section.label) \(section.name ?? "-") energy \(String(format: "%.2f", section.energy))"
            )
        }
    }
}
