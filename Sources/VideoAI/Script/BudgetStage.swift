import Foundation
import VideoCore

/// The budget stage: fits the script to the video's `duration`, measured on synthesized speech.
///
/// It speaks the whole script (through the task's speech cache, so the audio stage that follows
/// reuses every scene it keeps unchanged) and, when the video runs past its budget, keeps the
/// best-ranked pieces of the script (`ScriptUnits`: TextRank over TF-IDF sentence vectors, in the
/// document's order, the title and outro always) up to the budget. It then speaks the shortened
/// script, measures it, and leaves out or restores one piece at a time until the measured video
/// is within `tolerance` of the budget, or no single piece gets it closer.
///
/// - `duration: full` keeps everything.
/// - No `duration` holds the video to `DurationBudget.defaultLimit` (10 minutes) when the full
///   script would run longer, with a warning naming `--duration full`.
/// - A script shorter than its budget is kept whole, with a warning: extractive fitting only
///   leaves out.
public struct BudgetStage: PipelineStage {
    /// The audio stage whose voice measures each candidate.
    public var audio: AudioStage
    /// Writes the narration of list scenes whose items were left out, when the writer wrote it.
    public var writer: any NarrationWriter
    /// How far the measured length may stray from a target, as a fraction (0.05: ±5%).
    public var tolerance: Double
    /// The most candidates measured after the first selection.
    public var maxRounds: Int

    /// What the stage works on.
    public struct Input: Sendable {
        /// The script: every scene has narration.
        public var script: VideoConfig
        /// Which scenes the writer narrated (their narration is written again when they lose items).
        public var written: [Bool]

        /// Creates the input.
        /// - Parameters:
        ///   - script: The script stage's output.
        ///   - written: For each scene, whether the writer (not the input) narrated it.
        public init(script: VideoConfig, written: [Bool]) {
            self.script = script
            self.written = written
        }
    }

    /// Creates the stage.
    /// - Parameters:
    ///   - audio: The audio stage (its voice and padding measure the candidates).
    ///   - writer: The script's narration writer.
    ///   - tolerance: How far a target may be missed, as a fraction.
    ///   - maxRounds: The most re-measured candidates.
    public init(
        audio: AudioStage = AudioStage(), writer: any NarrationWriter = TemplateNarrationWriter(),
        tolerance: Double = 0.05, maxRounds: Int = 16
    ) {
        self.audio = audio
        self.writer = writer
        self.tolerance = tolerance
        self.maxRounds = maxRounds
    }

    /// `budget`.
    public var name: String { "budget" }

    /// Fits the script to its budget.
    /// - Parameters:
    ///   - input: The script and which scenes the writer narrated.
    ///   - context: The task folder (speech is cached under `speech-cache/`) and the event sink.
    /// - Returns: The fitted video (the script itself when it fits).
    /// - Throws: `VideoError` when the voice fails; `CancellationError`.
    public func run(_ input: Input, context: PipelineContext) async throws -> VideoConfig {
        let script = input.script
        let target: Double
        let isDefault = script.duration == nil
        switch script.duration {
        case .full?: return script
        case .seconds(let seconds)?: target = seconds
        case nil: target = DurationBudget.defaultLimit
        }
        context.report(name, 0, "measuring the full script")
        let lengths = SpeechLengths()
        let full = try await audio.measure(script, context: context, lengths: lengths)
        let (low, high) = (target * (1 - tolerance), target * (1 + tolerance))
        if full.totalDuration <= high {
            if !isDefault, full.totalDuration < low {
                context.warn(
                    "the whole script runs \(Self.format(full.totalDuration)), shorter than the \(Self.format(target)) asked for; nothing was left out"
                )
            }
            context.report(name, 1, "fits: \(Self.format(full.totalDuration))")
            return script
        }
        let written = input.written.count == script.scenes.count ? input.written : script.scenes.map { _ in false }
        let units = ScriptUnits(script, written: written, manifest: full)
        var goal = target
        var kept = select(units, target: goal)
        var best: (video: VideoConfig, seconds: Double, kept: Set<Int>)?
        var tried = Set<Set<Int>>()
        for round in 0...maxRounds {
            try Task.checkCancellation()
            guard tried.insert(kept).inserted else { break }
            let video = try await candidate(units, keeping: kept, context: context)
            let seconds = try await audio.measure(video, context: context, lengths: lengths).totalDuration
            context.report(name, Double(round + 1) / Double(maxRounds + 1), "candidate \(Self.format(seconds))")
            if best.map({ abs(seconds - target) < abs($0.seconds - target) }) ?? true {
                best = (video, seconds, kept)
            }
            if seconds >= low, seconds <= high { break }
            // Far off: the estimates are off by a factor; select again against a corrected goal.
            // Close: one group at a time.
            if abs(seconds - target) > 2 * tolerance * target, round < maxRounds / 2 {
                goal *= target / seconds
                let again = select(units, target: goal)
                if !tried.contains(again) {
                    kept = again
                    continue
                }
            }
            guard let next = adjust(kept, units: units, measured: seconds, target: target, low: low, high: high)
            else { break }
            kept = next
        }
        guard let best else { return script }
        let sentences = units.units.count
        let summary =
            "kept \(best.kept.count) of \(sentences) parts of the script in \(best.video.scenes.count) of \(script.scenes.count) scenes; it runs \(Self.format(best.seconds))"
        if isDefault {
            context.warn(
                "the whole script would run \(Self.format(full.totalDuration)); fitted to the default \(Self.format(target)) (\(summary)). Use --duration full (duration: full in YAML) to keep everything"
            )
        } else {
            context.warn("fitted to \(Self.format(target)): \(summary)")
        }
        if best.seconds > high || best.seconds < low {
            context.warn(
                "the fitted video runs \(Self.format(best.seconds)), outside ±\(Int(tolerance * 100))% of \(Self.format(target)): the script's parts are too coarse to come closer"
            )
        }
        context.report(name, 1, Self.format(best.seconds))
        return best.video
    }

    /// The first selection: every protected group, then groups by rank while the estimate fits.
    func select(_ units: ScriptUnits, target: Double) -> Set<Int> {
        let groups = units.groups
        var kept = Set(groups.filter { units.units[$0[0]].isProtected }.joined())
        var total = units.estimate(kept)
        let order = groups.indices.filter { !kept.contains(groups[$0][0]) }.sorted {
            (units.units[groups[$0][0]].score, -$0) > (units.units[groups[$1][0]].score, -$1)
        }
        for g in order {
            let cost = units.cost(of: groups[g], joining: kept)
            if total + cost <= target {
                kept.formUnion(groups[g])
                total += cost
            }
        }
        return kept
    }

    /// One step towards the budget: leave out the lowest-ranked group when too long (one that
    /// removes enough on its own if there is one), or restore the best-ranked one that still fits
    /// when too short; nil when no step helps.
    func adjust(_ kept: Set<Int>, units: ScriptUnits, measured: Double, target: Double, low: Double, high: Double)
        -> Set<Int>?
    {
        let groups = units.groups
        func score(_ g: Int) -> (Double, Int) { (units.units[groups[g][0]].score, -g) }
        if measured > high {
            let over = measured - target
            let candidates = groups.indices.filter {
                kept.contains(groups[$0][0]) && !units.units[groups[$0][0]].isProtected
            }
            let enough = candidates.filter { units.cost(of: groups[$0], joining: kept) >= over * 0.8 }
            guard let drop = (enough.isEmpty ? candidates : enough).min(by: { score($0) < score($1) }) else {
                return nil
            }
            return kept.subtracting(groups[drop])
        }
        let room = high - measured
        let fitting = groups.indices.filter {
            !kept.contains(groups[$0][0]) && units.cost(of: groups[$0], joining: kept) <= room
        }
        guard let add = fitting.max(by: { score($0) < score($1) }) else { return nil }
        return kept.union(groups[add])
    }

    /// The video of `kept`, with the narration of shortened writer-narrated list scenes written again.
    private func candidate(_ units: ScriptUnits, keeping kept: Set<Int>, context: PipelineContext) async throws
        -> VideoConfig
    {
        var (video, rewrite) = try units.video(keeping: kept)
        for i in rewrite {
            var scene = video.scenes[i]
            scene.narration = nil
            let text = try await writer.narration(for: scene, at: i, in: video)
            video.scenes[i].narration = String(SpeechText.clean(text).prefix(VideoLimits.maxNarrationLength))
        }
        try video.validate()
        return video
    }

    /// `2m58s`, `45.2s`.
    static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : String(format: "%.1fs", seconds)
    }
}
