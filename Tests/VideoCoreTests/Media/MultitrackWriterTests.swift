import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// One MP4 with every language's sound and subtitles: decoded again, it has the tracks a player
/// switches between, tagged and flagged, with the sound and the text they were made from.
@Suite struct MultitrackWriterTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-multitrack") }

    typealias W = MediaTestClip
    static let frames = 20

    /// A video of `frames` frames with a tone (or silence) and its SubRip captions.
    private func version(_ language: String, frequency: Double?, cues: [String]) throws -> MultitrackWriter.Version {
        let video = temporary.file("\(language).mp4")
        let writer = try MP4Writer(
            url: video, width: W.width, height: W.height, fps: W.fps, sampleRate: W.sampleRate, preset: "ultrafast",
            bFrames: 0)
        let converter = try FrameConverter(width: W.width, height: W.height)
        try writer.writeVideo(try W.convert(converter, W.solid(red: 90, green: 40, blue: 200)), count: Self.frames)
        let seconds = Double(Self.frames) / Double(W.fps)
        try writer.writeAudio(
            frequency.map { W.tone(frequency: $0, seconds: seconds) }
                ?? [Float](repeating: 0, count: Int(seconds * Double(W.sampleRate))))
        try writer.finish()
        let srt = cues.enumerated().map { k, text in
            "\(k + 1)\n00:00:00,\(String(format: "%03d", k * 300)) --> 00:00:00,\(String(format: "%03d", k * 300 + 250))\n\(text)\n"
        }.joined(separator: "\n")
        let captions = temporary.file("\(language).srt")
        try srt.write(to: captions, atomically: true, encoding: .utf8)
        return MultitrackWriter.Version(language: language, video: video, captions: captions)
    }

    @Test func everyLanguageHasItsSoundAndSubtitles() throws {
        let versions = [
            try version("eng", frequency: 440, cues: ["Hello there", "Second line"]),
            try version("spa", frequency: 660, cues: ["Hola a todos"]),
            try version("jpn", frequency: nil, cues: ["こんにちは"]),
        ]
        let out = temporary.file("multi.mp4")
        try MultitrackWriter.write(versions, to: out)
        let tracks = try MediaProbe.tracks(out)
        #expect(tracks.map(\.kind) == ["video", "audio", "audio", "audio", "subtitle", "subtitle", "subtitle"])
        #expect(tracks.map(\.language) == ["eng", "eng", "spa", "jpn", "eng", "spa", "jpn"])
        #expect(tracks.map(\.codec) == ["h264", "aac", "aac", "aac", "mov_text", "mov_text", "mov_text"])
        let audio = tracks.filter { $0.kind == "audio" }
        #expect(audio.map(\.isDefault) == [true, false, false])
        #expect(audio[0].peak > 0.3 && audio[1].peak > 0.3, "\(audio.map(\.peak))")
        #expect(audio[2].peak < 0.01, "the silent version stays silent: \(audio[2].peak)")
        #expect(tracks[0].packetCount == Self.frames)
        let subtitles = tracks.filter { $0.kind == "subtitle" }
        // The muxer fills the gap between two cues with an empty sample.
        #expect(subtitles.map(\.packetCount) == [3, 1, 1])
        #expect(subtitles[0].texts.joined(separator: "|").contains("Hello there"), "\(subtitles[0].texts)")
        #expect(subtitles[0].texts.joined(separator: "|").contains("Second line"), "\(subtitles[0].texts)")
        #expect(subtitles[1].texts.joined().contains("Hola a todos"), "\(subtitles[1].texts)")
        #expect(subtitles[2].texts.joined().contains("こんにちは"), "\(subtitles[2].texts)")
        let info = try MediaProbe.inspect(out)
        #expect(info.videoFrameCount == Self.frames)
        // Same inputs, same bytes; no partial file left beside it.
        let again = temporary.file("again.mp4")
        try MultitrackWriter.write(versions, to: again)
        #expect(try Data(contentsOf: out) == Data(contentsOf: again))
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path)
        #expect(!left.contains { $0.hasSuffix(".partial") }, "\(left)")
    }

    @Test func aVersionWithoutSoundIsNamed() throws {
        let good = try version("eng", frequency: 440, cues: ["Hi"])
        let silentVideo = temporary.file("mute.mp4")
        let writer = try MP4Writer(
            url: silentVideo, width: W.width, height: W.height, fps: W.fps, sampleRate: nil, preset: "ultrafast")
        let converter = try FrameConverter(width: W.width, height: W.height)
        try writer.writeVideo(try W.convert(converter, W.solid(red: 1, green: 2, blue: 3)), count: 3)
        try writer.finish()
        let mute = MultitrackWriter.Version(language: "spa", video: silentVideo, captions: good.captions)
        let out = temporary.file("bad.mp4")
        #expect {
            try MultitrackWriter.write([good, mute], to: out)
        } throws: { ($0 as? VideoError)?.message.contains("mute.mp4 has no audio") == true }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func captionsThatAreNotSubRipAreNamed() throws {
        var bad = try version("eng", frequency: 440, cues: ["Hi"])
        bad.captions = temporary.file("notes.srt")
        try Data("just some words\n".utf8).write(to: bad.captions)
        #expect {
            try MultitrackWriter.write([bad], to: temporary.file("bad.mp4"))
        } throws: { ($0 as? VideoError)?.message.contains("notes.srt") == true }
    }
}
