import Foundation

/// How long a video should be: a target the script is fitted to, or everything the input says.
///
/// Written as `90s`, `3m`, `1m30s`, `90` (seconds) or `full` on the command line and in YAML
/// (`duration: 3m`). A target is met within ±5% of the synthesized speech: the budget stage
/// ranks the narration's sentences, keeps the best in the document's order, speaks the result
/// and trims or restores sentences until the measured video fits (see `Docs/Duration.md`).
///
/// A video without a budget is fitted to `DurationBudget.defaultLimit` (10 minutes) when its full
/// narration would run longer, with a warning that says how to keep everything (`full`).
public enum DurationBudget: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Everything the input says, however long.
    case full
    /// About this many seconds (±5%).
    case seconds(Double)

    /// The length a video without a budget is held to: 10 minutes.
    public static let defaultLimit = 600.0

    /// Parses `full`, `90`, `90s`, `3m`, `1m30s`, `1.5m` or `1h`.
    /// - Parameter text: The budget as written.
    /// - Throws: `VideoError` (`.invalidInput`, field `duration`) for anything else, or a length
    ///   outside `VideoLimits.durationRange`.
    public init(parsing text: String) throws {
        let written = text.trimmingCharacters(in: .whitespaces).lowercased()
        if written == "full" {
            self = .full
            return
        }
        guard let seconds = Self.seconds(in: written) else {
            throw VideoError.invalid("duration", "'\(text)' is not a duration; write 90s, 3m, 1m30s or full")
        }
        self = .seconds(seconds)
        try validate()
    }

    /// Checks the length against `VideoLimits.durationRange`.
    /// - Throws: `VideoError` naming the field `duration`.
    public func validate() throws {
        guard case .seconds(let seconds) = self else { return }
        let range = VideoLimits.durationRange
        guard seconds.isFinite, range.contains(seconds) else {
            throw VideoError.invalid(
                "duration",
                "\(Self.format(seconds)) is outside \(Self.format(range.lowerBound))–\(Self.format(range.upperBound))")
        }
    }

    /// The target in seconds; `nil` for `full`.
    public var targetSeconds: Double? {
        if case .seconds(let seconds) = self { return seconds }
        return nil
    }

    /// `full`, or the length as `90s`, `3m`, `1m30s`.
    public var description: String {
        switch self {
        case .full: return "full"
        case .seconds(let seconds): return Self.format(seconds)
        }
    }

    /// Decodes `full`, a written length (`3m`) or a number of seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            self = .seconds(seconds)
            try validate()
        } else {
            try self.init(parsing: try container.decode(String.self))
        }
    }

    /// Encodes the written form (`full`, `3m`, `1m30s`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Seconds in `90`, `90s`, `3m`, `1m30s`, `1.5m`, `1h`; nil otherwise.
    private static func seconds(in text: String) -> Double? {
        if let plain = Double(text) { return plain }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for ch in text {
            if ch.isNumber || ch == "." {
                number.append(ch)
                continue
            }
            let scale: Double
            switch ch {
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            case " ": continue
            default: return nil
            }
            guard let value = Double(number) else { return nil }
            total += value * scale
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit else { return nil }
        return total
    }

    /// `45s`, `3m`, `1m30s`, `1h`, `2.5s`.
    static func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds)" }
        if seconds != seconds.rounded() { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds)
        if whole >= 3600, whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole >= 60 {
            return whole % 60 == 0 ? "\(whole / 60)m" : "\(whole / 60)m\(whole % 60)s"
        }
        return "\(whole)s"
    }
}
