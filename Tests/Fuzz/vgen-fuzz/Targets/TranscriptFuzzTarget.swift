import Foundation
import VideoAI

/// The transcript parsers (SRT, WebVTT, Whisper's JSON): any bytes become a transcript within
/// the parser's limits or a `VideoError`. The first byte picks the format (or sniffing); the
/// rest is the file.
struct TranscriptFuzzTarget: FuzzTarget {
    static let name = "transcript"
    static let formats: [TranscriptParser.Format?] = [nil] + TranscriptParser.Format.allCases

    /// Small limits, so that limit checks are reached with small inputs too.
    let parser = TranscriptParser(limits: TranscriptLimits(maxBytes: 1 << 20, maxWords: 20_000, maxTime: 7_200))

    init(scratch: URL) throws {}

    func seeds() throws -> [Data] {
        let files = [
            "1\n00:00:00,000 --> 00:00:00,800\nhello there\n\n2\n00:00:01,200 --> 00:00:01,800\num <i>world</i>\n",
            "WEBVTT\n\n00:00.000 --> 00:00.800 line:0 position:10%\n<v Ana>Hello</v> there\n\nNOTE a note\n\n00:01.200 --> 00:02.000\nworld\n",
            #"{"text":"hello world","segments":[{"start":0,"end":1.5,"text":" hello world","words":[{"word":" hello","start":0,"end":0.6,"probability":0.9},{"word":" world","start":0.7,"end":1.5}]}]}"#,
        ]
        return files.enumerated().flatMap { index, file in
            [Data([0]) + Data(file.utf8), Data([UInt8(index + 1)]) + Data(file.utf8)]
        }
    }

    func run(_ data: Data) throws {
        guard let selector = data.first else { return }
        let format = Self.formats[Int(selector) % Self.formats.count]
        _ = try parser.parse(Data(data.dropFirst()), name: "fuzz.txt", format: format)
    }
}
