import Foundation
import VideoCore

/// The edit planner: picks shot lengths from the music's energy, cuts on beat frames, assigns media.

/// Turns analysed media and a music profile into a `MontageTimeline`.
///
/// - Beat times become frame indices once (`round(beat × fps)`); every boundary between two
///   segments is one of those frames, so cuts land exactly on beats.
/// - Shot length is 1, 2, 4 or 8 beats, chosen from the energy of the next two seconds (more
///   energy, shorter shots), multiplied by the style's pace and doubled until a shot lasts at
///   least `minimumShotSeconds`. Shots of four beats or more end on a downbeat when one is
///   within a beat.
/// - Bigger transitions go on downbeats and where a new moment or song section begins; ordinary
///   beats cut. Sections shape the pace and the choice of media (`EditPlanner+Sections`).
/// - With more media than shots, near-duplicates (difference hashes within
///   `duplicateDistance` bits) and then the weakest items are left out; with fewer, the media
///   repeat in order. Clips play their best-scoring window of the shot's length.
/// - Where the music has no beats (silence, or past the song's end) a steady grid continues.
public struct EditPlanner: Sendable {
    /// Everything the plan depends on besides the media and the music.
    public struct Settings: Sendable {
        /// The output folder's name.
        public var videoID: String
        /// The music file.
        public var musicPath: String
        /// Frame shape.
        public var aspect: MontageAspect
        /// Short side of the frame, in pixels.
        public var shortSide: Int
        /// Frames per second.
        public var fps: Int
        /// The look.
        public var style: MontageStyle
        /// How pictures of another shape fill the frame.
        public var fit: MontageTimeline.Fit
        /// Target length in seconds; `nil` for the whole song.
        public var duration: Double?
        /// Use this transition everywhere instead of the style's choice.
        public var transition: MontageTimeline.Transition?
        /// Gain of clips' own sound under the music (0 = off).
        public var clipAudioVolume: Double
        /// Rounds of `PlanRefiner` after the first plan (0: keep it, scored).
        public var autoRefine: Int
        /// Multiplies the beats per shot after the energy, section and style chose them (0.5:
        /// shots half as long, "faster"; 2: twice as long); `vgen refine` sets it. At least one beat.
        public var shotScale: Double = 1
        /// Whether `EditPlanStage` plays each clip shot at the speed (0.5–2×) that puts the
        /// clip's motion peak on a beat (`ClipSpeedRamp`, `--speed-ramp`); off by default.
        public var speedRamp = false

        /// Creates settings; the defaults make a 1080p30 landscape montage of the whole song.
        public init(
            videoID: String, musicPath: String, aspect: MontageAspect = .landscape, shortSide: Int = 1080,
            fps: Int = 30,
            style: MontageStyle = MontageStyle.presets[0], fit: MontageTimeline.Fit = .fill, duration: Double? = nil,
            transition: MontageTimeline.Transition? = nil, clipAudioVolume: Double = 0, autoRefine: Int = 0
        ) {
            self.autoRefine = autoRefine
            self.videoID = videoID
            self.musicPath = musicPath
            self.aspect = aspect
            self.shortSide = shortSide
            self.fps = fps
            self.style = style
            self.fit = fit
            self.duration = duration
            self.transition = transition
            self.clipAudioVolume = clipAudioVolume
        }
    }

    /// The shortest shot, in seconds.
    public var minimumShotSeconds: Double
    /// Hashes this many bits apart or fewer count as near-duplicates.
    public var duplicateDistance: Int
    /// Whether shots are lengthened where the plan would flash more than WCAG 2.3.1 allows
    /// (`FlashGuard`); on by default.
    public var limitsFlashes = true

    /// Creates a planner.
    public init(minimumShotSeconds: Double = 0.45, duplicateDistance: Int = 6) {
        self.minimumShotSeconds = minimumShotSeconds
        self.duplicateDistance = duplicateDistance
    }

    /// Plans the montage.
    /// - Returns: A validated timeline.
    /// - Throws: `VideoError` (`.invalidInput`) without media, for a bad duration or frame rate.
    public func plan(media: [AnalyzedMedia], music: AudioAnalysisProfile, settings: Settings) throws -> MontageTimeline
    {
        guard !media.isEmpty else { throw VideoError(.invalidInput, "no usable photos or clips", field: "media") }
        guard (1...120).contains(settings.fps) else {
            throw VideoError(.invalidInput, "\(settings.fps) is outside 1–120", field: "fps")
        }
        let fps = Double(settings.fps)
        let seconds = settings.duration ?? music.duration
        guard seconds.isFinite, seconds > 0 else {
            throw VideoError(
                .invalidInput, "the montage would be \(seconds) s long; give a positive --duration", field: "duration")
        }
        let total = max(1, Int((seconds * fps).rounded()))
        let beats = beatFrames(music, fps: fps, total: total)
        let downbeats = Set(music.downbeats.map { Int(($0 * fps).rounded()) })
        let boundaries = shotBoundaries(
            beats: beats, downbeats: downbeats, music: music, settings: settings, total: total)
        let pool = selectMedia(media, count: boundaries.count - 1)
        let order = mediaOrder(pool: pool, boundaries: boundaries, music: music, fps: fps)
        let sectionStarts = Set(sectionStartBeats(music, beats: beats, fps: fps).map { beats[$0] })

        var segments: [MontageTimeline.Segment] = []
        var clipUsedUntil: [URL: Double] = [:]
        for k in 0..<(boundaries.count - 1) {
            let item = pool[order[k]]
            let start = boundaries[k], end = boundaries[k + 1]
            let length = Double(end - start) / fps
            var inPoint = 0.0, outPoint = 0.0
            var motion = MontageTimeline.Motion.still
            if item.item.kind == .clip {
                if item.item.duration > length {
                    inPoint = item.bestWindowStart(length: length, notBefore: clipUsedUntil[item.item.url] ?? 0)
                    outPoint = ((inPoint + length) * 1000).rounded() / 1000
                } else {
                    outPoint = (item.item.duration * 1000).rounded() / 1000
                }
                clipUsedUntil[item.item.url] = outPoint
            } else {
                motion = kenBurns(k, amount: settings.style.motion, name: item.item.url.lastPathComponent)
                if settings.aspect != .landscape, settings.fit == .fill {
                    let size = settings.aspect.frameSize(shortSide: settings.shortSide)
                    motion = aimed(motion, at: item, frameAspect: Double(size.width) / Double(size.height))
                }
            }
            var segment = MontageTimeline.Segment(
                media: item.item.url.path, kind: item.item.kind, startFrame: start, endFrame: end, fps: settings.fps,
                inPoint: inPoint, outPoint: outPoint, motion: motion, moment: item.moment)
            if k > 0 {
                let previous = segments[k - 1]
                let kind =
                    settings.transition
                    ?? (previous.moment != segment.moment || sectionStarts.contains(start)
                        ? settings.style.momentTransition
                        : downbeats.contains(start) ? settings.style.downbeatTransition : settings.style.beatTransition)
                let frames = min(
                    Int((settings.style.transitionSeconds * fps).rounded()), segment.frameCount / 2,
                    previous.frameCount / 2)
                if kind != .cut, frames >= 2 {
                    segment.transition = kind
                    segment.transitionFrames = frames
                }
            }
            segments.append(segment)
        }
        // No more than WCAG's three flashes in any second (Photosensitivity/FlashGuard).
        if limitsFlashes {
            segments = FlashGuard().soften(
                segments, fps: settings.fps,
                luminance: Dictionary(
                    media.compactMap { m in m.luminance.map { (m.item.url.path, $0) } }, uniquingKeysWith: { a, _ in a }
                ))
        }
        let size = settings.aspect.frameSize(shortSide: settings.shortSide)
        let timeline = MontageTimeline(
            videoID: settings.videoID, width: size.width, height: size.height, fps: settings.fps,
            aspect: settings.aspect.rawValue,
            fit: settings.fit, style: settings.style.name, durationFrames: total,
            music: .init(path: settings.musicPath, fadeIn: min(0.5, seconds / 4), fadeOut: min(2, seconds / 4)),
            clipAudioVolume: settings.clipAudioVolume, segments: segments)
        try timeline.validate()
        return timeline
    }

    // MARK: - Beats and shots

    /// Beat frames strictly inside the video; past the last beat (or without beats) a grid at the
    /// median beat period (2 s without any) continues them.
    func beatFrames(_ music: AudioAnalysisProfile, fps: Double, total: Int) -> [Int] {
        var frames = Array(Set(music.beats.map { Int(($0 * fps).rounded()) })).filter { $0 > 0 && $0 < total }.sorted()
        let gaps = zip(frames.dropFirst(), frames).map { $0 - $1 }.sorted()
        let period = gaps.isEmpty ? Int((2 * fps).rounded()) : max(1, gaps[gaps.count / 2])
        var next = (frames.last ?? 0) + period
        while next < total {
            frames.append(next)
            next += period
        }
        return frames
    }

    private func shotBoundaries(
        beats: [Int], downbeats: Set<Int>, music: AudioAnalysisProfile, settings: Settings, total: Int
    ) -> [Int] {
        let fps = Double(settings.fps)
        let minimumFrames = Int((minimumShotSeconds * fps).rounded(.up))
        var boundaries = [0]
        var index = -1
        let sectionStarts = sectionStartBeats(music, beats: beats, fps: fps)
        while true {
            let here = boundaries.last!
            let energy = music.energy.mean(from: Double(here) / fps, to: Double(here) / fps + 2)
            var count = (energy >= 0.7 ? 1 : energy >= 0.45 ? 2 : energy >= 0.2 ? 4 : 8) * max(1, settings.style.pace)
            count = sectionAdjusted(beats: count, section: music.section(at: Double(here) / fps))
            if settings.shotScale != 1 { count = max(1, Int((Double(count) * settings.shotScale).rounded())) }
            let nextIndex = max(index, 0)
            let period = nextIndex + 1 < beats.count ? beats[nextIndex + 1] - beats[nextIndex] : minimumFrames
            while count * period < minimumFrames && count < 16 { count *= 2 }
            var target = index + count
            if count >= 4 {
                for candidate in [target, target - 1, target + 1]
                where candidate > index && candidate < beats.count && downbeats.contains(beats[candidate]) {
                    target = candidate
                    break
                }
            }
            // A new section starts with a new shot.
            if let start = sectionStarts.first(where: { $0 > index && $0 < target }),
                beats[start] - here >= minimumFrames
            {
                target = start
            }
            guard target < beats.count, beats[target] - here >= minimumFrames, total - beats[target] >= minimumFrames
            else {
                // Too close to the end for another shot: the last one runs to the end.
                if target < beats.count, beats[target] - here < minimumFrames, total - beats[target] >= minimumFrames {
                    index = target
                    continue
                }
                break
            }
            boundaries.append(beats[target])
            index = target
        }
        boundaries.append(total)
        return boundaries
    }

    // MARK: - Media

    /// Keeps `count` items (or all, if fewer), dropping near-duplicates first, then the weakest; order is kept.
    /// - Parameters:
    ///   - media: The candidates, in timeline order.
    ///   - count: How many shots there are.
    /// - Returns: The kept items, in their original order.
    public func selectMedia(_ media: [AnalyzedMedia], count: Int) -> [AnalyzedMedia] {
        guard media.count > count else { return media }
        var dropped = Set<Int>()
        // A duplicate of a better (or equal and earlier) item goes first, weakest duplicates first.
        var duplicates: [Int] = []
        for i in media.indices {
            for j in media.indices where j != i && media[j].item.kind == media[i].item.kind {
                let better = media[j].quality > media[i].quality || (media[j].quality == media[i].quality && j < i)
                if better, MediaQuality.hammingDistance(media[i].hash, media[j].hash) <= duplicateDistance {
                    duplicates.append(i)
                    break
                }
            }
        }
        for i in duplicates.sorted(by: { media[$0].quality < media[$1].quality })
        where media.count - dropped.count > count {
            dropped.insert(i)
        }
        let rest = media.indices.filter { !dropped.contains($0) }.sorted {
            media[$0].quality != media[$1].quality ? media[$0].quality < media[$1].quality : $0 > $1
        }
        for i in rest where media.count - dropped.count > count { dropped.insert(i) }
        return media.indices.filter { !dropped.contains($0) }.map { media[$0] }
    }

    /// A slow zoom, alternately in and out, panning along one of four diagonals chosen by the shot and file.
    private func kenBurns(_ k: Int, amount: Double, name: String) -> MontageTimeline.Motion {
        guard amount > 0 else { return .still }
        var rng = SeededRandom(
            seed: name.utf8.reduce(UInt64(k) &* 0x9e37_79b9) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 })
        let pan = [(0.3, 0.4, 0.7, 0.6), (0.7, 0.4, 0.3, 0.6), (0.5, 0.3, 0.5, 0.7), (0.4, 0.6, 0.6, 0.4)][
            Int(rng.next() % 4)]
        let zoomed = 1 + amount
        return k % 2 == 0
            ? .init(startZoom: 1, endZoom: zoomed, startX: pan.0, startY: pan.1, endX: pan.2, endY: pan.3)
            : .init(startZoom: zoomed, endZoom: 1, startX: pan.0, startY: pan.1, endX: pan.2, endY: pan.3)
    }
}
