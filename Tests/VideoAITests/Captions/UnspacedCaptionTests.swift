import Foundation
import Testing
import VideoCore

@testable import VideoAI

/// Captions and word timing in languages written without spaces (Chinese, Japanese, Thai), on
/// real espeak-ng speech: lines within Netflix's characters per line for the language, at most
/// two, broken only where a line may break (Docs/Captions.md).
@Suite struct UnspacedCaptionTests {
    static let chinese =
        "欢迎观看本视频。今天我们将学习如何使用命令行工具把文档变成带有旁白的视频。首先，程序读取每一个标题和列表，然后为每个场景写出旁白。接着，语音合成器朗读旁白，并测量每个场景需要多长时间。"
    static let japanese =
        "このビデオへようこそ。今日は、文書をナレーション付きの動画に変える方法を学びます。まず、プログラムが見出しと箇条書きを読み込み、場面ごとにナレーションを書きます。次に、音声合成がナレーションを読み上げます。"
    /// Thai words as a dictionary divides them; the narration writes them without spaces,
    /// with a space between phrases.
    static let thaiPhrases = [
        ["วัน", "นี้", "เรา", "จะ", "เรียน", "วิธี", "สร้าง", "วิดีโอ", "จาก", "เอกสาร"],
        ["โปรแกรม", "จะ", "อ่าน", "หัวข้อ", "และ", "รายการ", "แล้ว", "เขียน", "คำ", "บรรยาย", "สำหรับ", "แต่ละ", "ฉาก"],
        [
            "จาก", "นั้น", "เสียง", "สังเคราะห์", "จะ", "อ่าน", "คำ", "บรรยาย", "และ", "วัด", "ความ", "ยาว", "ของ", "แต่ละ",
            "ฉาก",
        ],
    ]

    /// One scene of `text` spoken in `language` by espeak-ng, and its cues.
    static func spoken(_ text: String, in language: Language) async throws -> (SceneTiming, [CaptionCue]) {
        let speech = try await EspeakSynthesizer().synthesize(text, voice: Voice.male.speaking(in: language))
        let scene = try SceneConfig(sceneID: "s", content: .title(TitleContent(title: "S")), narration: text)
        let manifest = TimingPlanner().plan(
            [.init(scene: scene, sampleCount: speech.samples.count, words: speech.words, audioFile: "s.wav")],
            fps: 30, sampleRate: speech.sampleRate)
        let timing = manifest.scenes[0]
        return (timing, CaptionBuilder(language: language).cues(for: timing, fps: 30))
    }

    /// The checks every language shares: every character shown once and in order, at most
    /// two lines, no line starting with closing punctuation, two frames between cues.
    static func expectWellFormed(_ cues: [CaptionCue], text: String) {
        let shown = cues.flatMap(\.lines).joined().filter { !$0.isWhitespace }
        #expect(shown == text.filter { !$0.isWhitespace })
        for (k, cue) in cues.enumerated() {
            #expect((1...2).contains(cue.lines.count), "\(cue.lines)")
            #expect(cue.lines.allSatisfy { !$0.isEmpty && !"。、，！？」）".contains($0.first!) }, "\(cue.lines)")
            #expect(cue.words.map(\.text).joined() == cue.lines.joined().filter { !$0.isWhitespace })
            if k + 1 < cues.count { #expect(cues[k + 1].start - cue.end >= 2.0 / 30 - 0.0011) }
        }
    }

    @Test func chineseCaptionsKeepSixteenCharactersAndTwoLines() async throws {
        let zh = try Language(validating: "zh-Hans")
        let (timing, cues) = try await Self.spoken(Self.chinese, in: zh)
        // Word timing is per character, not one word a sentence.
        #expect(timing.words.count >= Self.chinese.count * 3 / 4, "\(timing.words.count) words")
        #expect(timing.words.allSatisfy { $0.text.count <= 2 }, "\(timing.words.map(\.text))")
        #expect(Set(timing.words.map(\.startTime)).count >= timing.words.count / 2, "words have their own times")
        Self.expectWellFormed(cues, text: Self.chinese)
        #expect(cues.count >= Self.chinese.count / 32)
        for cue in cues {
            #expect(cue.lines.allSatisfy { $0.count <= 16 }, "\(cue.lines)")
            #expect(cue.lines.allSatisfy { !$0.contains(" ") }, "no spaces between Chinese characters")
        }
    }

    @Test func japaneseCaptionsKeepThirteenFullWidthCharactersAndTwoLines() async throws {
        let ja = try Language(validating: "ja")
        let (timing, cues) = try await Self.spoken(Self.japanese, in: ja)
        #expect(timing.words.count >= Self.japanese.count * 3 / 4, "\(timing.words.count) words")
        Self.expectWellFormed(cues, text: Self.japanese)
        for cue in cues {
            // Every character here is full width: 13 a line.
            #expect(cue.lines.allSatisfy { $0.count <= 13 }, "\(cue.lines)")
        }
        // Half-width characters count half: 26 of them fit a line.
        let rules = CaptionRules(language: ja)
        #expect(rules.width("ナレーション") == 12 && rules.width("Swift") == 5 && rules.maxLineWidth == 26)
        let mixed = CaptionLines(rules: rules).lines(["Swift", "と", "SwiftPM", "で", "作", "る"])
        #expect(mixed == ["Swift と SwiftPM で作る"], "\(mixed)")
    }

    @Test func thaiBreaksOnlyAtWordBoundaries() async throws {
        let th = try Language(validating: "th")
        let text = Self.thaiPhrases.map { $0.joined() }.joined(separator: " ")
        let (timing, cues) = try await Self.spoken(text, in: th)
        // Every spoken word is one whole Thai word.
        let dictionary = Set(Self.thaiPhrases.joined())
        #expect(timing.words.allSatisfy { dictionary.contains($0.text) }, "\(timing.words.map(\.text))")
        #expect(timing.words.count == Self.thaiPhrases.joined().count)
        Self.expectWellFormed(cues, text: text)
        #expect(cues.flatMap(\.lines).count >= 3, "the text needs several lines")
        // Every line starts and ends where a word does.
        var boundaries: Set<Int> = [0]
        var offset = 0
        for word in Self.thaiPhrases.joined() {
            offset += word.count
            boundaries.insert(offset)
        }
        var position = 0
        for line in cues.flatMap(\.lines) {
            #expect(line.count <= 35, "\(line)")
            #expect(boundaries.contains(position), "a line starts inside a word: \(line)")
            position += line.filter { !$0.isWhitespace }.count
            #expect(boundaries.contains(position), "a line ends inside a word: \(line)")
        }
    }
}
