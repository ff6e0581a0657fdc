import Foundation
import Testing
import VideoCore

@testable import VideoAI

/// Caption cues follow Netflix's English timed-text rules (Docs/Captions.md) on real speech.
@Suite struct CaptionBuilderTests {
    static let paragraphs = [
        "vgen turns documents into narrated videos, and photos, clips and a song into montages cut on the beat.",
        "Narration comes first. Every scene's script is spoken by espeak-ng, linked in process, before any frame is drawn. The measured speech decides how long each scene lasts, rounded up to whole frames, so sound and picture never drift apart.",
        "Yes.",
        "Then Cairo and Pango draw each scene once, and libavcodec encodes the frames and the soundtrack. A long render that is killed or stopped with Control C picks up where it stopped with vgen resume. After you edit one section, a new render redraws only that section's scenes.",
        "Point vgen at a Markdown or plain-text file. Headings become scenes, bullet lists become list slides, code blocks become terminal panels, and block quotes become quote cards.",
        "Internationalization-and-localization-considerations-for-extremely-long-identifiers are split.",
    ]

    /// A manifest of real espeak-ng speech, one scene a paragraph.
    static func spokenManifest(fps: Int = 30) async throws -> TimingManifest {
        let voice = EspeakSynthesizer()
        var narrations: [TimingPlanner.Narration] = []
        var rate = 22050
        for (i, text) in paragraphs.enumerated() {
            let speech = try await voice.synthesize(text, voice: .male)
            rate = speech.sampleRate
            let scene = try SceneConfig(sceneID: "s\(i)", content: .title(TitleContent(title: "S")), narration: text)
            narrations.append(
                .init(scene: scene, sampleCount: speech.samples.count, words: speech.words, audioFile: "s\(i).wav"))
        }
        return TimingPlanner().plan(narrations, fps: fps, sampleRate: rate)
    }

    @Test func cuesOnRealSpeechFollowTheRules() async throws {
        let manifest = try await Self.spokenManifest()
        let fps = Double(manifest.fps)
        let cues = CaptionBuilder().captions(for: manifest)
        #expect(cues.count >= Self.paragraphs.count)
        var withinReadingSpeed = 0
        for scene in manifest.scenes {
            let mine = cues.filter { $0.start >= scene.startTime - 1e-9 && $0.start < scene.endTime }
            // Every word is shown once, in order, and the cues' words are their lines' words.
            #expect(mine.flatMap(\.words).map(\.text).joined() == scene.words.map(\.text).joined())
            for (k, cue) in mine.enumerated() {
                #expect(cue.lines.count <= 2 && cue.lines.allSatisfy { $0.count <= 42 }, "\(cue.lines)")
                #expect(cue.words.map(\.text) == cue.lines.flatMap { $0.split(separator: " ").map(String.init) })
                #expect(cue.end - cue.start >= 5.0 / 6.0 - 1e-9, "\(cue)")
                #expect(cue.end - cue.start <= 7 + 1e-9)
                #expect(cue.end <= scene.endTime + 1e-9, "no cue across a scene boundary")
                let next = k + 1 < mine.count ? mine[k + 1].start : nil
                if let next { #expect(next - cue.end >= 2 / fps - 0.0011, "two frames between cues") }
                // About 17 characters a second, unless the cue already stays up as long as the
                // rules let it (12 frames past its speech, the next cue's gap, the scene's end).
                let cps = Double(cue.characterCount) / (cue.end - cue.start)
                let limit = min(
                    cue.words.last!.endTime + 12 / fps, next.map { $0 - 2 / fps } ?? .infinity, scene.endTime,
                    cue.start + 7)
                if cps <= 17 { withinReadingSpeed += 1 } else { #expect(cue.end >= limit - 0.002, "\(cue)") }
                if cue.lines.count == 2 {
                    let lastWord = cue.lines[0].split(separator: " ").last.map(String.init) ?? ""
                    #expect(!["a", "an", "the", "of", "to"].contains(lastWord.lowercased()), "\(cue.lines)")
                }
            }
        }
        #expect(withinReadingSpeed > 0)
        print("cues within 17 cps: \(withinReadingSpeed) of \(cues.count)")
    }

    @Test func aLineBreakAvoidsArticlesAndPrefersPunctuation() {
        let words = "Sound and picture never drift, because the speech decides".split(separator: " ").map(String.init)
        #expect(CaptionLines().lines(words) == ["Sound and picture never drift,", "because the speech decides"])
        let article = "Install Swift and then open the package manifest in an editor now".split(separator: " ").map(
            String.init)
        let broken = CaptionLines().lines(article)
        #expect(broken.count == 2 && !broken[0].hasSuffix(" the") && !broken[0].hasSuffix(" an"), "\(broken)")
        #expect(CaptionLines().lines(["Short", "line."]) == ["Short line."], "one line when it fits")
    }

    @Test func aShortSentenceJoinsItsNeighbourInsteadOfFlashing() throws {
        // A 37-character sentence spoken in 0.2 s, followed at once by the next one.
        let text = "Supercalifragilistic expialidocious. Then more words follow here."
        let speech = ToneSynthesizer(secondsPerWord: 0.1, secondsPerPause: 0).speak(text, voice: .male)
        let scene = try SceneConfig(sceneID: "s", content: .title(TitleContent(title: "S")), narration: text)
        let manifest = TimingPlanner().plan(
            [.init(scene: scene, sampleCount: speech.samples.count, words: speech.words, audioFile: "s.wav")], fps: 30,
            sampleRate: speech.sampleRate)
        let cues = CaptionBuilder().captions(for: manifest)
        #expect(cues.count == 1, "\(cues)")
        #expect(cues.allSatisfy { $0.end - $0.start >= 5.0 / 6.0 - 1e-9 })
        #expect(cues.flatMap(\.words).count == 7)
    }

    @Test func sidecarsHoldTheSameCues() async throws {
        let manifest = try await Self.spokenManifest()
        let cues = CaptionBuilder().captions(for: manifest)
        let srt = CaptionFormat.srt.render(cues)
        let vtt = CaptionFormat.vtt.render(cues)
        #expect(srt.components(separatedBy: " --> ").count - 1 == cues.count)
        #expect(vtt.components(separatedBy: " --> ").count - 1 == cues.count)
    }
}
