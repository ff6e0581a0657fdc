import Foundation
import Testing
import VideoAI

@Suite struct MusicAnalyzerTests {
    @Test func silenceHasNoBeats() throws {
        let profile = try MusicAnalyzer().analyze(samples: [Float](repeating: 0, count: 22_050 * 5), sampleRate: 22_050)
        #expect(profile.beats.isEmpty)
        #expect(profile.tempoBPM == 0)
        #expect(abs(profile.duration - 5) < 0.01)
    }
}
