import Foundation
import VideoCore

/// What a clean cut removes and keeps.
public struct CutOptions: Codable, Sendable, Hashable {
    /// Pauses longer than this go, in seconds (default 0.6).
    public var maxPause: Double
    /// How much of a removed pause stays on each side, in seconds (default 0.15).
    public var margin: Double
    /// Whether filler words the transcript marks go.
    public var removeFillers: Bool

    /// Creates options.
    /// - Parameters:
    ///   - maxPause: The longest pause kept whole.
    ///   - margin: The pause kept on each side of a cut.
    ///   - removeFillers: Whether fillers go.
    public init(maxPause: Double = 0.6, margin: Double = 0.15, removeFillers: Bool = true) {
        self.maxPause = maxPause
        self.margin = margin
        self.removeFillers = removeFillers
    }

    enum CodingKeys: String, CodingKey { case maxPause = "max_pause", margin, removeFillers = "remove_fillers" }
}

/// Plans a clean cut of a talk: pauses longer than `maxPause` (found by `EnergyVAD`, filler
/// words counting as pause) shortened to `margin` on each side, fillers with no pause around
/// them removed on their own, every cut on a video frame boundary.
public struct CutPlanner: Sendable {
    /// The options.
    public var options: CutOptions
    /// The pause detector.
    public var vad: EnergyVAD

    /// Creates a planner.
    /// - Parameters:
    ///   - options: What goes.
    ///   - vad: How pauses are found.
    public init(options: CutOptions = CutOptions(), vad: EnergyVAD = EnergyVAD()) {
        self.options = options
        self.vad = vad
    }

    /// The cut list for a recording.
    /// - Parameters:
    ///   - samples: The recording's sound, mono.
    ///   - sampleRate: Its rate.
    ///   - fps: The video's frame rate (cuts fall on its frames).
    ///   - duration: The recording's length in seconds (the video's).
    ///   - transcript: Its words, for the fillers; `nil` removes pauses only.
    ///   - source: The recording's file name.
    /// - Returns: The cut list.
    public func plan(
        samples: [Float], sampleRate: Int, fps: Int, duration: Double, transcript: Transcript?, source: String
    ) -> TalkEdit {
        let fillers = options.removeFillers ? (transcript?.words.filter(\.isFiller) ?? []) : []
        let pauses = vad.pauses(
            samples, sampleRate: sampleRate, minimum: options.maxPause,
            alsoSilent: fillers.map { $0.start...$0.end })
        var removals: [TalkEdit.Removal] = []
        for pause in pauses {
            let inside = fillers.filter { $0.start >= pause.lowerBound - 0.02 && $0.end <= pause.upperBound + 0.02 }
            let start = pause.lowerBound <= 0 ? 0 : pause.lowerBound + options.margin
            let end = pause.upperBound >= duration - 1e-6 ? duration : pause.upperBound - options.margin
            guard end > start else { continue }
            removals.append(
                .init(
                    start: start, end: end, reason: inside.isEmpty ? .silence : .filler,
                    text: inside.isEmpty ? nil : inside.map(\.text).joined(separator: " ")))
        }
        for filler in fillers where !pauses.contains(where: { $0.contains(filler.start) && $0.contains(filler.end) }) {
            removals.append(.init(start: filler.start, end: filler.end, reason: .filler, text: filler.text))
        }
        return Self.edit(removals, fps: fps, duration: duration, source: source)
    }

    /// The cut list that removes `removals` (snapped to frames, merged where they meet).
    static func edit(_ removals: [TalkEdit.Removal], fps: Int, duration: Double, source: String) -> TalkEdit {
        let rate = Double(fps)
        let totalFrames = Int((duration * rate).rounded(.down))
        var snapped: [TalkEdit.Removal] = []
        for removal in removals.sorted(by: { $0.start < $1.start }) {
            let first = max(0, Int((removal.start * rate).rounded()))
            let last = min(totalFrames, Int((removal.end * rate).rounded()))
            guard last > first else { continue }
            var next = removal
            next.start = Double(first) / rate
            next.end = Double(last) / rate
            if var previous = snapped.last, next.start <= previous.end {
                previous.end = max(previous.end, next.end)
                if next.reason == .filler { previous.reason = .filler }
                previous.text = [previous.text, next.text].compactMap { $0 }.joined(separator: " ").nilIfEmpty
                snapped[snapped.count - 1] = previous
            } else {
                snapped.append(next)
            }
        }
        var kept: [TalkEdit.Range] = []
        var at = 0.0
        for removal in snapped {
            if removal.start > at { kept.append(.init(start: at, end: removal.start)) }
            at = removal.end
        }
        let end = Double(totalFrames) / rate
        if end > at { kept.append(.init(start: at, end: end)) }
        return TalkEdit(source: source, fps: fps, sourceDuration: duration, kept: kept, removed: snapped)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
