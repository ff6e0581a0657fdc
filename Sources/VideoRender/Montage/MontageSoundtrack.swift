import Foundation
import VideoAI
import VideoCore

/// The montage's sound: the song, faded in and out and trimmed to the video, with clip sound under it.

/// Streams the soundtrack a segment at a time: the music decoded as it goes (never held whole),
/// shaped by its volume and fades, with each clip's own sound mixed in at
/// `clipAudioVolume` where the clip plays (not under a speed-ramped clip: its sound is muted).
///
/// The soundtrack keeps the song's stereo (a mono song stays mono, and is encoded as one
/// channel); clips' sound is mixed to the same layout.
final class MontageSoundtrack {
    /// Output sample rate, in hertz.
    static let sampleRate = 48_000

    /// 1 (mono) or 2 (stereo, interleaved left first): the song's layout, at most stereo.
    let channels: Int
    private let timeline: MontageTimeline
    private let music: AudioDecoder
    private var musicEnded = false
    private var samplesOut = 0
    private let totalSamples: Int

    /// Opens the music.
    /// - Throws: `VideoError` (`.media`) when the music cannot be decoded.
    init(_ timeline: MontageTimeline) throws {
        self.timeline = timeline
        let url = URL(fileURLWithPath: timeline.music.path)
        let probe = try AudioDecoder(url: url, sampleRate: Self.sampleRate)
        channels = min(probe.sourceChannels, 2)
        music = channels == 1 ? probe : try AudioDecoder(url: url, sampleRate: Self.sampleRate, channels: channels)
        totalSamples = Self.sampleIndex(frame: timeline.durationFrames, fps: timeline.fps)
    }

    /// The first sample of frame `frame`.
    static func sampleIndex(frame: Int, fps: Int) -> Int { frame * sampleRate / fps }

    /// The samples under `segment`'s frames (`channels` interleaved per sample frame).
    /// - Throws: `VideoError` (`.media`) when the music or a clip's sound cannot be decoded.
    func samples(for segment: MontageTimeline.Segment) throws -> [Float] {
        let start = Self.sampleIndex(frame: segment.startFrame, fps: timeline.fps)
        let end = Self.sampleIndex(frame: segment.endFrame, fps: timeline.fps)
        precondition(start == samplesOut, "segments must be rendered in order")
        var out = try readMusic(end - start)
        let rate = Double(Self.sampleRate)
        let total = Double(totalSamples) / rate
        let music = timeline.music
        for i in 0..<(end - start) {
            let t = Double(start + i) / rate
            var gain = music.volume
            if music.fadeIn > 0, t < music.fadeIn { gain *= t / music.fadeIn }
            if music.fadeOut > 0, t > total - music.fadeOut { gain *= max(0, (total - t) / music.fadeOut) }
            for c in 0..<channels { out[i * channels + c] *= Float(gain) }
        }
        // A speed-ramped clip's own sound is muted (its pitch would change).
        if timeline.clipAudioVolume > 0, segment.kind == .clip, (segment.speed ?? 1) == 1 {
            try mixClipSound(segment, into: &out)
        }
        for i in out.indices { out[i] = min(max(out[i], -1), 1) }
        samplesOut = end
        return out
    }

    /// The next `frames` sample frames of the song (silence after its end).
    private func readMusic(_ frames: Int) throws -> [Float] {
        let count = frames * channels
        var out: [Float] = []
        out.reserveCapacity(count)
        while out.count < count, !musicEnded {
            if let chunk = try music.read(maxSamples: (count - out.count) / channels) {
                out += chunk
            } else {
                musicEnded = true
            }
        }
        if out.count < count { out += repeatElement(0, count: count - out.count) }
        return out
    }

    /// Adds the clip's own sound from its in point, where it has any.
    private func mixClipSound(_ segment: MontageTimeline.Segment, into out: inout [Float]) throws {
        let url = URL(fileURLWithPath: segment.media)
        // A clip without sound adds nothing.
        guard let decoder = try? AudioDecoder(url: url, sampleRate: Self.sampleRate, channels: channels) else { return }
        var skip = Int(segment.inPoint * Double(Self.sampleRate)) * channels
        while skip > 0, let chunk = try decoder.read(maxSamples: min(skip / channels, 1 << 16)) { skip -= chunk.count }
        var position = 0
        let gain = Float(timeline.clipAudioVolume)
        let playable = Int(max(segment.outPoint - segment.inPoint, 0) * Double(Self.sampleRate)) * channels
        while position < min(out.count, playable),
            let chunk = try decoder.read(maxSamples: (min(out.count, playable) - position) / channels)
        {
            for (k, sample) in chunk.enumerated() { out[position + k] += sample * gain }
            position += chunk.count
        }
    }
}
