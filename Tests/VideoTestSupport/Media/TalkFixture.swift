import Foundation
import VideoAI
import VideoCore

/// A generated talk: flite sentences with 2–3 s pauses and fillers inserted between them, over
/// a picture whose brightness counts the frames, muxed by `MP4Writer`; and its transcript,
/// written from flite's own word times.
package struct TalkFixture {
    package static let fps = 30
    package static let width = 320
    package static let height = 180
    /// The gap between sentences that a clean cut leaves (two 0.15 s margins).
    package static let gap = 0.3

    package let url: URL
    package let transcript: Transcript
    package let sampleRate: Int
    package let samples: [Float]
    /// How much was inserted on top of the plain talk (pauses, fillers and their gaps), seconds.
    package let inserted: Double

    /// Writes the transcript as faster-whisper JSON (`segments` with `words`), as a user would give it.
    package func writeTranscriptJSON(to url: URL) throws {
        let words = transcript.words.map {
            ["word": " " + $0.text, "start": $0.start, "end": $0.end, "probability": 0.9] as [String: Any]
        }
        let segment: [String: Any] = [
            "start": transcript.words.first?.start ?? 0, "end": transcript.words.last?.end ?? 0,
            "text": transcript.text,
            "words": words,
        ]
        let json: [String: Any] = ["language": "en", "segments": [segment]]
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
    }

    /// The luma of source frame `k`: 50 levels, 4 apart.
    package static func luma(_ k: Int) -> UInt8 { UInt8(24 + 4 * (k % 50)) }

    package static func make(in folder: URL) async throws -> TalkFixture {
        let voice = FliteSynthesizer()
        let sentences = [
            "the cat sat on the mat", "we talk about video editing today", "silence is removed from the talk",
            "and every word stays in place", "thank you all for listening",
        ]
        var rate = 0
        var audio: [Float] = []
        var words: [TranscriptWord] = []
        var inserted = 0.0
        func silence(_ seconds: Double) { audio += [Float](repeating: 0, count: Int(seconds * Double(rate))) }
        func speak(_ text: String, filler: Bool = false) async throws -> Double {
            let speech = try await voice.synthesize(text, voice: .male)
            rate = speech.sampleRate
            // Trimmed to the sound, so the layout's gaps are exact.
            let first = speech.samples.firstIndex { abs($0) > 0.01 } ?? 0
            let last = speech.samples.lastIndex { abs($0) > 0.01 } ?? speech.samples.count - 1
            let offset = audio.count
            audio += speech.samples[first...last]
            for word in speech.words {
                let start = Double(offset + max(0, word.startSample - first)) / Double(rate)
                let end = Double(offset + min(last - first + 1, max(0, word.endSample - first))) / Double(rate)
                words.append(TranscriptWord(text: word.text, start: start, end: max(start, end), isFiller: filler))
            }
            return Double(last - first + 1) / Double(rate)
        }
        rate = try await voice.synthesize("x", voice: .male).sampleRate
        silence(gap)
        _ = try await speak(sentences[0])
        // A filler with pauses around it: gap, um, gap (the cut leaves one gap).
        silence(gap)
        inserted += try await speak("um", filler: true) + gap
        silence(gap)
        _ = try await speak(sentences[1])
        silence(gap + 2.5)
        inserted += 2.5
        _ = try await speak(sentences[2])
        silence(gap + 2.0)
        inserted += 2.0
        _ = try await speak(sentences[3])
        // A filler hard against the words around it: only the word goes.
        silence(0.05)
        inserted += try await speak("uh", filler: true)
        silence(0.05)
        _ = try await speak(sentences[4])
        silence(gap)

        let url = folder.appendingPathComponent("talk.mp4")
        let frames = Int((Double(audio.count) / Double(rate) * Double(fps)).rounded(.down))
        audio = Array(audio.prefix(frames * rate / fps))
        let writer = try MP4Writer(
            url: url, width: width, height: height, fps: fps, sampleRate: rate, preset: "ultrafast", crf: 18, threads: 1
        )
        for k in 0..<frames { try writer.writeVideo(try YUVFrame.filled(width: width, height: height, y: luma(k))) }
        try writer.writeAudio(audio)
        try writer.finish()
        return TalkFixture(
            url: url, transcript: Transcript(words: words, language: "en", source: "test"), sampleRate: rate,
            samples: audio, inserted: inserted)
    }
}
