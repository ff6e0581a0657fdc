import Foundation
import VideoCore

/// `--auto-refine N`: plans again with neighbouring settings (pace, shortest shot, duplicate
/// distance) and keeps a variant only when it scores higher, for at most `rounds` rounds or
/// until no variant improves the score. Deterministic: variants are tried in a fixed order and
/// ties keep the earlier plan.
public struct PlanRefiner: Sendable {
    /// The evaluator that scores every variant.
    public var evaluator: PlanEvaluator

    /// Creates a refiner.
    /// - Parameter evaluator: Scores the plans.
    public init(evaluator: PlanEvaluator = PlanEvaluator()) { self.evaluator = evaluator }

    /// The best plan found and its score, after at most `rounds` rounds.
    /// - Parameters:
    ///   - media: The analysed media, in order.
    ///   - music: The song's profile.
    ///   - settings: The planning settings.
    ///   - planner: The planner whose first plan is the starting point.
    ///   - rounds: How many rounds of variants to try (0: the planner's plan, scored).
    /// - Returns: The kept plan, with its `score` set.
    /// - Throws: `VideoError` as `EditPlanner.plan` does.
    public func refine(
        media: [AnalyzedMedia], music: AudioAnalysisProfile, settings: EditPlanner.Settings, planner: EditPlanner,
        rounds: Int
    ) throws -> MontageTimeline {
        var best = (planner: planner, settings: settings)
        var timeline = try planner.plan(media: media, music: music, settings: settings)
        var score = evaluator.score(timeline, music: music, media: media)
        for _ in 0..<max(0, rounds) {
            var improved = false
            for variant in variants(best.planner, best.settings) {
                let candidate = try variant.planner.plan(media: media, music: music, settings: variant.settings)
                let candidateScore = evaluator.score(candidate, music: music, media: media)
                if candidateScore.total > score.total + 1e-9 {
                    (best, timeline, score, improved) = (variant, candidate, candidateScore, true)
                }
            }
            if !improved { break }
        }
        timeline.score = score
        return timeline
    }

    /// Neighbours of a planner and its settings: half or twice the pace, a longer or shorter
    /// shortest shot, a looser duplicate test.
    private func variants(_ planner: EditPlanner, _ settings: EditPlanner.Settings)
        -> [(planner: EditPlanner, settings: EditPlanner.Settings)]
    {
        var out: [(planner: EditPlanner, settings: EditPlanner.Settings)] = []
        for pace in [settings.style.pace * 2, settings.style.pace / 2] where (1...8).contains(pace) {
            var s = settings
            s.style.pace = pace
            out.append((planner, s))
        }
        for shortest in [planner.minimumShotSeconds * 1.5, planner.minimumShotSeconds / 1.5]
        where (0.3...4).contains(shortest) {
            var p = planner
            p.minimumShotSeconds = (shortest * 1000).rounded() / 1000
            out.append((p, settings))
        }
        if planner.duplicateDistance < 12 {
            var p = planner
            p.duplicateDistance += 4
            out.append((p, settings))
        }
        return out
    }
}
