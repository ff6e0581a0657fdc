import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Transcript files in every shape vgen reads, and broken and hostile ones (Docs/Talks.md).
@Suite struct TranscriptParserTests {
    private func parse(_ text: String, _ name: String, _ format: TranscriptParser.Format? = nil) throws -> Transcript {
        try TranscriptParser().parse(Data(text.utf8), name: name, format: format)
    }

    private func failure(_ text: String, _ name: String, limits: TranscriptLimits = .init()) -> String {
        do {
            _ = try TranscriptParser(limits: limits).parse(Data(text.utf8), name: name)
            return "no error"
        } catch let error as VideoError {
            return error.description
        } catch {
            return "foreign error \(error)"
        }
    }

    @Test func srtCuesBecomeWordsWithinTheirCues() throws {
        let srt = """
            1
            00:00:01,000 --> 00:00:02,500
            Hello <i>there</i> friends

            2
            00:00:03,000 --> 00:00:04,000
            {\\an8}um, welcome &amp; all

            """
        let t = try parse(srt, "talk.srt")
        #expect(t.source == "srt")
        #expect(t.words.map(\.text) == ["Hello", "there", "friends", "um,", "welcome", "&", "all"])
        #expect(t.words[0].start == 1.0)
        #expect(abs(t.words[2].end - 2.5) < 1e-9)
        #expect(t.words[3].isFiller && !t.words[4].isFiller)
        #expect(t.words[3].start == 3.0 && abs(t.words[6].end - 4.0) < 1e-9)
        for (a, b) in zip(t.words, t.words.dropFirst()) { #expect(a.end <= b.start + 1e-12) }
    }

    @Test func vttReadsHeadersNotesSettingsAndInlineWordTimes() throws {
        let vtt = """
            WEBVTT - a talk
            Kind: captions

            NOTE written by hand

            intro
            00:01.000 --> 00:03.000 align:start position:10%
            <v Ann>so <00:00:01.800><c>this</c><00:00:02.400><c> works</c>

            01:00:00.000 --> 01:00:01.000
            late
            """
        let t = try parse(vtt, "talk.vtt")
        #expect(t.source == "vtt")
        #expect(t.words.map(\.text) == ["so", "this", "works", "late"])
        #expect(t.words[1].start == 1.8 && t.words[2].start == 2.4 && t.words[2].end == 3.0)
        #expect(t.words[3].start == 3600)
    }

    @Test func fasterWhisperSegmentsWithWords() throws {
        let json = """
            {"language": "en", "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 2.0, "text": " Um, hello world.",
             "tokens": [1, 2], "avg_logprob": -0.2, "words": [
              {"start": 0.0, "end": 0.4, "word": " Um,", "probability": 0.6},
              {"start": 0.5, "end": 0.9, "word": " hello", "probability": 0.98},
              {"start": 1.0, "end": 1.6, "word": " world.", "probability": 0.95}]}]}
            """
        let t = try parse(json, "talk.json")
        #expect(t.source == "faster-whisper" && t.language == "en")
        #expect(t.words.map(\.text) == ["Um,", "hello", "world."])
        #expect(t.words[0].isFiller && t.words[1].confidence == 0.98 && t.words[2].end == 1.6)
    }

    @Test func bareArraysOfSegmentsOrWords() throws {
        let words = try parse(
            #"[{"word": "one", "start": 0.1, "end": 0.3}, {"word": "two", "start": 0.4, "end": 0.6}]"#, "w.json")
        #expect(words.words.map(\.text) == ["one", "two"])
        let segments = try parse(#"[{"start": 1, "end": 2, "text": "a b"}]"#, "s.json")
        #expect(segments.words.map(\.text) == ["a", "b"] && segments.words[1].end == 2)
    }

    @Test func whisperXPlacesUnalignedWordsBetweenNeighbours() throws {
        let json = """
            {"segments": [{"start": 0.0, "end": 3.0, "text": "It costs 20 dollars",
              "words": [{"word": "It", "start": 0.0, "end": 0.2, "score": 0.9},
                        {"word": "costs", "start": 0.3, "end": 0.7, "score": 0.8},
                        {"word": "20"},
                        {"word": "dollars", "start": 1.5, "end": 2.0, "score": 0.7, "speaker": "SPEAKER_00"}]}],
             "word_segments": []}
            """
        let t = try parse(json, "x.json")
        #expect(t.source == "whisperx")
        #expect(t.words.map(\.text) == ["It", "costs", "20", "dollars"])
        #expect(t.words[2].start == 0.7 && t.words[2].end == 1.5 && t.words[2].confidence == nil)
        #expect(t.words[3].confidence == 0.7)
    }

    @Test func whisperCppFullJoinsTokensIntoWords() throws {
        let json = """
            {"systeminfo": "AVX = 1", "model": {"type": "base"}, "params": {"language": "en"},
             "result": {"language": "en"},
             "transcription": [{"timestamps": {"from": "00:00:00,000", "to": "00:00:02,000"},
               "offsets": {"from": 0, "to": 2000}, "text": " Hello, everybody",
               "tokens": [
                 {"text": "[_BEG_]", "timestamps": {"from": "00:00:00,000", "to": "00:00:00,000"}, "offsets": {"from": 0, "to": 0}, "id": 50364, "p": 0.9},
                 {"text": " Hello", "offsets": {"from": 0, "to": 400}, "id": 1, "p": 0.9},
                 {"text": ",", "offsets": {"from": 400, "to": 450}, "id": 2, "p": 0.8},
                 {"text": " every", "offsets": {"from": 600, "to": 900}, "id": 3, "p": 0.7},
                 {"text": "body", "offsets": {"from": 900, "to": 1300}, "id": 4, "p": 0.95},
                 {"text": "[_TT_100]", "offsets": {"from": 2000, "to": 2000}, "id": 50465, "p": 0.1}]}]}
            """
        let t = try parse(json, "cpp.json")
        #expect(t.source == "whisper.cpp" && t.language == "en")
        #expect(t.words.map(\.text) == ["Hello,", "everybody"])
        #expect(t.words[0].end == 0.45 && t.words[1].start == 0.6 && t.words[1].end == 1.3)
        #expect(t.words[1].confidence == 0.7)
        let plain = try parse(
            #"{"result": {"language": "en"}, "transcription": [{"offsets": {"from": 1000, "to": 2000}, "text": " a b"}]}"#,
            "cpp.json")
        #expect(plain.words.map(\.text) == ["a", "b"] && plain.words[0].start == 1)
    }

    @Test func openAIVerboseJSONTopLevelWords() throws {
        let json = """
            {"task": "transcribe", "language": "english", "duration": 2.5, "text": "The beach.",
             "words": [{"word": "The", "start": 0.0, "end": 0.24}, {"word": "beach.", "start": 0.24, "end": 0.8}]}
            """
        let t = try parse(json, "oa.json")
        #expect(t.source == "openai" && t.words.map(\.text) == ["The", "beach."] && t.language == "english")
    }

    @Test func brokenFilesNameTheLineOrField() {
        #expect(
            failure("1\n00:00:01,000 -> 00:00:02,000\nhi\n", "a.srt")
                == #"a.srt:1: transcript: expected a cue's times such as '00:00:01,000 --> 00:00:02,500'"#)
        #expect(
            failure("1\n00:00:01,000 --> 00:00:62,000\nhi\n", "b.srt").hasPrefix(
                "b.srt:2: transcript: '00:00:62,000' is not a time"))
        #expect(
            failure("1\n00:00:03,000 --> 00:00:02,000\nhi\n", "c.srt").hasPrefix("c.srt:2: transcript: the cue ends"))
        #expect(
            failure("00:01.000 --> 00:02.000\nhi\n", "d.vtt").hasPrefix("d.vtt:1: transcript: a WebVTT file starts"))
        #expect(
            failure("WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nbad cue\n", "e.vtt").hasPrefix(
                "e.vtt:6: transcript: expected"))
        let json = failure(
            #"{"segments": [{"start": 0, "end": 1, "words": [{"word": "a", "start": "x", "end": 1}]}]}"#, "f.json")
        #expect(json.hasPrefix("f.json: transcript: not a transcript in a Whisper JSON shape"))
        #expect(json.contains("segments.[0].words.[0].start") || json.contains("segments[0]"))
        #expect(
            failure(#"{"segments": [{"words": [{"word": "a", "start": 2, "end": 1}]}]}"#, "g.json")
                == "g.json: segments[0].words[0]: ends (1.0) before it starts (2.0)")
        #expect(
            failure(#"{"segments": [{"words": [{"word": "a", "start": -1, "end": 1}]}]}"#, "h.json").hasPrefix(
                "h.json: segments[0].words[0].start: the start -1.0 is not a time"))
        #expect(
            failure(#"{"text": "no words"}"#, "i.json")
                == "i.json: transcript: has neither 'segments', 'words' nor 'transcription'")
        #expect(
            failure(#"{"segments": [{"start": 0, "end": 1, "text": "a"}"#, "j.json").hasPrefix(
                "j.json: transcript: not a transcript"))
        #expect(failure("", "k.json").hasPrefix("k.json: transcript:"))
        #expect(failure("\n\n", "l.srt") == "l.srt: transcript: the transcript holds no words")
    }

    @Test func hostileFilesFailCheaply() {
        // Bigger than the limit, too many words, absurd times, NUL bytes, deep nesting, bad UTF-8.
        let small = TranscriptLimits(maxBytes: 1000, maxWords: 3)
        #expect(
            failure(String(repeating: "x", count: 2000), "big.srt", limits: small).contains("at most 1000 are read"))
        #expect(
            failure("1\n00:00:00,000 --> 00:00:01,000\na b c d\n", "many.srt", limits: small).contains(
                "at most 3 are read"))
        #expect(failure("1\n99999:00:00,000 --> 99999:00:01,000\na\n", "far.srt").contains("is not a time"))
        #expect(
            failure(#"{"words": [{"word": "a", "start": 1e308, "end": 1e308}]}"#, "far.json").contains(
                "is not a time between 0 and 86400 s"))
        #expect(failure("1\n00:00:00,000 --> 00:00:01,000\na\0b\n", "nul.srt").contains("NUL"))
        let deep = String(repeating: #"{"words": ["#, count: 5000) + String(repeating: "]}", count: 5000)
        #expect(failure(deep, "deep.json").hasPrefix("deep.json: transcript:"))
        #expect(failure(String(repeating: "a", count: 300), "long.vtt").hasPrefix("long.vtt:1"))
        let longWord = "1\n00:00:00,000 --> 00:00:01,000\n" + String(repeating: "w", count: 300) + "\n"
        #expect(failure(longWord, "word.srt").contains("a word of 300 characters"))
        do {
            _ = try TranscriptParser().parse(Data([0xFF, 0xFE, 0x00, 0xD8]), name: "bin.srt")
            Issue.record("no error")
        } catch let error as VideoError {
            #expect(error.description == "bin.srt: transcript: the transcript is not UTF-8 text")
        } catch { Issue.record("\(error)") }
        // Garbage arrows and tags never crash.
        #expect(failure("1\n--> --> -->\n<<<<>>>\n", "arrows.srt").hasPrefix("arrows.srt:2"))
        #expect(
            (try? parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<00:00:00.500<c>open <unclosed\n", "t.vtt"))?.words.count
                == 2)
    }

    @Test func readsFilesByExtensionAndChecksSizeFirst() throws {
        let folder = try TemporaryDirectory()
        let file = folder.file("talk.vtt")
        try Data("WEBVTT\n\n00:00.000 --> 00:01.000\nhi there\n".utf8).write(to: file)
        #expect(try TranscriptParser().parse(contentsOf: file).words.map(\.text) == ["hi", "there"])
        #expect(throws: VideoError.self) { try TranscriptParser(limits: .init(maxBytes: 10)).parse(contentsOf: file) }
    }
}
