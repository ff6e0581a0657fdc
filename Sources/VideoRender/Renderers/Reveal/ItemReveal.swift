import VideoCore

/// When each item of a scene lights up: on the word where the narration first says it
/// (`WordCues`), or at the scene's start when it is never said, when the timeline knows no
/// words, or when it does not reveal items (`RevealMode.none`).
struct ItemReveal {
    /// Seconds from the scene's start at which each item lights up, in item order.
    let times: [Double]

    /// The reveal of `items` (in the order they are shown) over `timeline`.
    /// - Parameters:
    ///   - items: Every item that lights up, in the order they are shown and said.
    ///   - heading: The scene's heading, skipped at the start of the narration.
    ///   - preamble: Text said before the items that may share their words (see `WordCues`).
    ///   - timeline: The scene's length and words.
    init(_ items: [String], heading: String?, preamble: String? = nil, timeline: SceneTimeline) {
        guard timeline.revealsItems, !timeline.words.isEmpty, timeline.duration > 0 else {
            times = items.map { _ in 0 }
            return
        }
        // Kept inside the scene: on its last frame at the latest.
        let lastFrame = max(0, timeline.duration - 1 / Double(max(timeline.fps, 1)))
        times = WordCues(timeline).times(of: items, after: heading, past: preamble).map {
            min(max(0, $0 ?? 0), lastFrame)
        }
    }

    /// The keyframes: 0 and every distinct time an item lights up.
    var keyframes: [Double] { [0] + Set(times.filter { $0 > 0 }).sorted() }

    /// Whether each item is lit at `time`.
    func lit(at time: Double) -> [Bool] { times.map { time >= $0 } }
}
