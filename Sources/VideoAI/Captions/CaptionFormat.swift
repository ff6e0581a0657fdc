import VideoCore

/// Writes caption cues as SubRip (`.srt`) or WebVTT (`.vtt`) text.
public enum CaptionFormat: Sendable {
    /// SubRip: numbered cues, `HH:MM:SS,mmm`.
    case srt
    /// WebVTT: a `WEBVTT` header, `HH:MM:SS.mmm`.
    case vtt

    /// The cues as a file's text.
    public func render(_ captions: [CaptionCue]) -> String {
        var out = self == .vtt ? "WEBVTT\n\n" : ""
        for (i, cue) in captions.enumerated() {
            if self == .srt { out += "\(i + 1)\n" }
            out += "\(timestamp(cue.start)) --> \(timestamp(cue.end))\n"
            out += cue.lines.joined(separator: "\n") + "\n\n"
        }
        return out
    }

    private func timestamp(_ seconds: Double) -> String {
        let ms = max(0, Int((seconds * 1000).rounded()))
        let h = ms / 3_600_000
        let m = ms / 60_000 % 60
        let s = ms / 1000 % 60
        let sep = self == .srt ? "," : "."
        return "\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2))\(sep)\(pad(ms % 1000, 3))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
