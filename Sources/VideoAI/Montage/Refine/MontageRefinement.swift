import Foundation
import VideoCore

/// Everything the refinements of a montage asked for so far, and the plan it makes.

/// The sum of a montage's refinement edits: a shot-length factor, a length, a style, a
/// transition, favoured, kept and excluded media, the first and last shot. Version *n* of a
/// refined montage is the original media and song planned with the refinement of edits 1…*n*,
/// so the same feedback always gives the same timeline.
public struct MontageRefinement: Sendable, Hashable, Codable {
    /// Multiplies every shot's length in beats (`EditPlanner.Settings.shotScale`).
    public var shotScale: Double = 1
    /// The montage's length in seconds, when an edit set it.
    public var duration: Double?
    /// Multiplies the original length (or the one `duration` set).
    public var lengthScale: Double = 1
    /// The style preset, when an edit changed it.
    public var style: String?
    /// One transition everywhere, when an edit chose it.
    public var transition: MontageTimeline.Transition?
    /// Media shown more often.
    public var favoured: [MediaMatch] = []
    /// Media kept when media are left out.
    public var included: [MediaMatch] = []
    /// Media left out.
    public var excluded: [MediaMatch] = []
    /// The opening shot's media.
    public var first: MediaMatch?
    /// The closing shot's media.
    public var last: MediaMatch?

    /// No edits.
    public init() {}

    /// Adds `edit`; a later edit about the same media replaces an earlier one.
    /// - Parameters:
    ///   - edit: The edit.
    ///   - baseStyle: The original style, which `warmth` shifts from when no style was set.
    public mutating func apply(_ edit: RefineEdit, baseStyle: String) {
        switch edit {
        case .pace(let f): shotScale = min(8, max(0.125, shotScale * f))
        case .favour(let m):
            excluded.removeAll { $0 == m }
            if !favoured.contains(m) { favoured.append(m) }
        case .include(let m):
            excluded.removeAll { $0 == m }
            if !included.contains(m) { included.append(m) }
        case .exclude(let m):
            favoured.removeAll { $0 == m }
            included.removeAll { $0 == m }
            if !excluded.contains(m) { excluded.append(m) }
        case .first(let m): first = m
        case .last(let m): last = m
        case .duration(let s): (duration, lengthScale) = (s, 1)
        case .lengthScale(let f): lengthScale *= f
        case .style(let name): style = name.lowercased()
        case .transition(let t): transition = t
        case .warmth(let step): style = Self.shifted(style ?? baseStyle, warmer: step > 0)
        }
    }

    /// The style one step warmer or cooler: cool → natural → warm, and back.
    static func shifted(_ style: String, warmer: Bool) -> String {
        let grade = MontageStyle.named(style)?.grade.warmth ?? 0
        if warmer { return grade < -0.05 ? "natural" : "warm" }
        return grade > 0.05 ? "natural" : "cool"
    }

    /// Plans the montage this refinement describes.
    /// - Parameters:
    ///   - media: The original analysed media (media.json), in order.
    ///   - music: The song's profile (analysis.json).
    ///   - settings: The original planning settings.
    ///   - planner: The planner.
    ///   - colour: Names a photo's main colour, for colour matches (default: its mean colour, decoded).
    /// - Returns: The scored, validated timeline.
    /// - Throws: `VideoError` (`.invalidInput`, field `feedback`) when a match finds no media or
    ///   the exclusions leave none; what `EditPlanner.plan` throws.
    public func plan(
        media: [AnalyzedMedia], music: AudioAnalysisProfile, settings: EditPlanner.Settings,
        planner: EditPlanner = EditPlanner(), colour: ((AnalyzedMedia) -> String?)? = nil
    ) throws -> MontageTimeline {
        let colour = colour ?? { MediaColour.name(of: $0.item.url) }
        var colours: [URL: String?] = [:]
        let matching = { (m: MediaMatch) -> [Int] in
            media.indices.filter { i in
                if m.field == .colour, colours[media[i].item.url] == nil {
                    colours[media[i].item.url] = colour(media[i])
                }
                return m.matches(media[i], colour: colours[media[i].item.url] ?? nil)
            }
        }
        var matches: [MediaMatch: Set<Int>] = [:]
        for m in favoured + included + excluded + [first, last].compactMap({ $0 }) {
            let found = Set(matching(m))
            guard !found.isEmpty else {
                throw VideoError(.invalidInput, "no photo or clip matches \(m.summary)", field: "feedback")
            }
            matches[m] = found
        }
        let excludedSet = excluded.reduce(into: Set<Int>()) { $0.formUnion(matches[$1]!) }
        let favouredSet = favoured.reduce(into: Set<Int>()) { $0.formUnion(matches[$1]!) }
        let keptSet = included.reduce(into: favouredSet) { $0.formUnion(matches[$1]!) }
        let kept = media.indices.filter { !excludedSet.contains($0) }
        guard !kept.isEmpty else {
            throw VideoError(.invalidInput, "the exclusions leave no photo or clip", field: "feedback")
        }
        // Favoured and included media outrank every other when media are left out; a favoured
        // item is offered twice, the copy half the list later, with a hash far from its own so
        // duplicate removal keeps both.
        let half = max(1, kept.count / 2)
        var pool: [AnalyzedMedia] = []
        for (q, i) in kept.enumerated() {
            var item = media[i]
            if keptSet.contains(i) { item.quality += 1 }
            pool.append(item)
            for (p, j) in kept.enumerated() where favouredSet.contains(j) && (p + half) % kept.count == q {
                var copy = media[j]
                copy.quality += 1
                copy.hash = ~copy.hash
                pool.append(copy)
            }
        }
        var planned = settings
        planned.shotScale = shotScale
        if let style, let preset = MontageStyle.named(style) { planned.style = preset }
        if let transition { planned.transition = transition }
        if let duration { planned.duration = duration }
        if lengthScale != 1 { planned.duration = min(3600, (planned.duration ?? music.duration) * lengthScale) }
        var timeline = try planner.plan(media: pool, music: music, settings: planned)
        if let first { place(matches[first]!, at: 0, in: &timeline, media: media) }
        if let last { place(matches[last]!, at: timeline.segments.count - 1, in: &timeline, media: media) }
        try timeline.validate()
        timeline.score = PlanEvaluator().score(timeline, music: music, media: media)
        return timeline
    }

    /// Puts one of the media `candidates` in segment `slot`: the matching segment nearest to it
    /// swaps places with it, or, when none shows a match, the best matching item replaces it.
    private func place(_ candidates: Set<Int>, at slot: Int, in timeline: inout MontageTimeline, media: [AnalyzedMedia])
    {
        let paths = Dictionary(media.indices.map { (media[$0].item.url.path, $0) }, uniquingKeysWith: { a, _ in a })
        let segments = timeline.segments
        let shows = { (k: Int) in paths[segments[k].media].map(candidates.contains) ?? false }
        guard !timeline.segments.isEmpty, !shows(slot) else { return }
        let order = timeline.segments.indices.sorted { abs($0 - slot) < abs($1 - slot) }
        if let other = order.first(where: shows) {
            let (a, b) = (timeline.segments[slot], timeline.segments[other])
            timeline.segments[slot] = Self.showing(b, media: media[paths[b.media]!], in: a, fps: timeline.fps)
            timeline.segments[other] = Self.showing(
                a, media: paths[a.media].map { media[$0] }, in: b, fps: timeline.fps)
        } else {
            let best = candidates.max {
                media[$0].quality != media[$1].quality ? media[$0].quality < media[$1].quality : $0 > $1
            }!
            let a = timeline.segments[slot]
            timeline.segments[slot] = Self.showing(a, media: media[best], in: a, fps: timeline.fps, replacing: true)
        }
    }

    /// Segment `slot` (its frames, transition and moment) showing `source`'s media.
    private static func showing(
        _ source: MontageTimeline.Segment, media: AnalyzedMedia?, in slot: MontageTimeline.Segment, fps: Int,
        replacing: Bool = false
    ) -> MontageTimeline.Segment {
        var segment = slot
        let item = media?.item
        segment.media = item?.url.path ?? source.media
        segment.kind = item?.kind ?? source.kind
        let length = Double(slot.frameCount) / Double(fps)
        if segment.kind == .clip {
            let duration = item?.duration ?? source.outPoint
            segment.inPoint = media.map { $0.bestWindowStart(length: length) } ?? 0
            segment.outPoint = ((min(duration, segment.inPoint + length)) * 1000).rounded() / 1000
            segment.motion = .still
        } else {
            segment.inPoint = 0
            segment.outPoint = 0
            segment.motion =
                !replacing && source.kind == .image
                ? source.motion : slot.kind == .image ? slot.motion : .init(startZoom: 1, endZoom: 1.1)
        }
        return segment
    }
}
