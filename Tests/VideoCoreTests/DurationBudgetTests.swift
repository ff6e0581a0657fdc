import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct DurationBudgetTests {
    @Test(arguments: [
        ("90s", 90.0), ("3m", 180.0), ("1m30s", 90.0), ("90", 90.0), ("1.5m", 90.0), ("1h", 3600.0), (" 2M ", 120.0),
    ])
    func writtenLengthsParse(_ text: String, _ seconds: Double) throws {
        #expect(try DurationBudget(parsing: text) == .seconds(seconds))
    }

    @Test func fullAndTheWrittenFormRoundTrip() throws {
        #expect(try DurationBudget(parsing: "FULL") == .full)
        for text in ["45s", "3m", "1m30s", "1h", "full"] {
            #expect(try DurationBudget(parsing: text).description == text)
        }
    }

    @Test(arguments: ["soon", "3x", "m", "1m30", "-5s", "", "5s", "13h", "nan"])
    func badLengthsNameTheField(_ text: String) {
        #expect {
            try DurationBudget(parsing: text)
        } throws: { error in
            (error as? VideoError)?.field == "duration"
        }
    }

    @Test func yamlTakesDurationAndNamesItsLineWhenBad() throws {
        let good = try YAMLAdapter(
            text: "title: T\nduration: 3m\nscenes:\n  - scene_type: title\n    title: A\n",
            baseDirectory: URL(fileURLWithPath: "/tmp")
        )
        .makeVideoConfig()
        #expect(good.duration == .seconds(180))
        // Written back and read again.
        let again = try YAMLAdapter(text: try good.yamlString(), baseDirectory: URL(fileURLWithPath: "/tmp"))
            .makeVideoConfig()
        #expect(again.duration == .seconds(180))
        #expect {
            try YAMLAdapter(
                text: "title: T\nduration: later\nscenes:\n  - scene_type: title\n    title: A\n",
                baseDirectory: URL(fileURLWithPath: "/tmp")
            )
            .makeVideoConfig()
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("spec.yaml:2:") && message.contains("duration") && message.contains("'later'")
        }
    }

    @Test func builderAndJSONCarryTheBudget() throws {
        let builder = ProgrammaticVideoBuilder(title: "T")
        builder.duration = .seconds(90)
        _ = builder.addTitle("T")
        let video = try builder.build()
        #expect(video.duration == .seconds(90))
        let decoded = try JSONDecoder().decode(VideoConfig.self, from: JSONEncoder().encode(video))
        #expect(decoded.duration == .seconds(90))
    }

    @Test func platformsSetFrameAndLimits() throws {
        #expect(Platform.shorts.resolution == Resolution(width: 1080, height: 1920))
        #expect(Platform.shorts.captions == .karaoke && Platform.youtube.captions == .off)
        #expect(try Platform.shorts.budget(asked: nil) == .seconds(60))
        #expect(try Platform.youtube.budget(asked: nil) == nil)
        #expect(try Platform.reels.budget(asked: .full) == .seconds(180))
        #expect(try Platform.tiktok.budget(asked: .seconds(300)) == .seconds(300))
        #expect(throws: VideoError.self) { try Platform.shorts.budget(asked: .seconds(300)) }
        #expect(throws: VideoError.self) { try Platform(validating: "myspace") }
    }
}
