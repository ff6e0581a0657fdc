import Foundation
import Synchronization

/// What `GET /metrics` reports, in the Prometheus text exposition format 0.0.4
/// (Docs/Service.md): jobs by state (from the job store) and a histogram of stage durations
/// (observed in this process).
final class ServiceMetrics: Sendable {
    /// The histogram's upper bounds, in seconds.
    static let buckets: [Double] = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServiceMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    /// Histograms by (job kind, stage).
    private let stages = Mutex<[String: Histogram]>([:])

    /// Records that a stage of a job of `kind` took `seconds`.
    func observe(kind: JobKind, stage: String, seconds: Double) {
        stages.withLock { stages in
            let key = "\(kind.rawValue)\u{0}\(stage)"
            var histogram = stages[key] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            stages[key] = histogram
        }
    }

    /// The exposition text for these job counts and the observed stages.
    func text(jobs counts: [JobStatus: Int]) -> String {
        var lines = [
            "# HELP vgen_jobs The jobs in the store, by state.", "# TYPE vgen_jobs gauge",
        ]
        for status in JobStatus.allCases {
            lines.append("vgen_jobs{state=\"\(status.rawValue)\"} \(counts[status] ?? 0)")
        }
        lines += [
            "# HELP vgen_stage_duration_seconds How long pipeline stages took in this process.",
            "# TYPE vgen_stage_duration_seconds histogram",
        ]
        let snapshot = stages.withLock { $0 }
        for key in snapshot.keys.sorted() {
            let histogram = snapshot[key]!
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false)
            let labels = "kind=\"\(parts[0])\",stage=\"\(Self.escape(String(parts[1])))\""
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("vgen_stage_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(histogram.counts[index])")
            }
            lines.append("vgen_stage_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(histogram.count)")
            lines.append("vgen_stage_duration_seconds_sum{\(labels)} \(histogram.sum)")
            lines.append("vgen_stage_duration_seconds_count{\(labels)} \(histogram.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
