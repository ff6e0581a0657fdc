/// Where a video will be published: sets its frame, its length and how its captions look.
///
/// `vgen --platform shorts` makes a vertical 1080×1920 video of about a minute. A duration or
/// resolution given as well wins over the platform's default; a duration over the platform's
/// maximum is refused. The limits and their sources are in `Docs/Platforms.md`.
public enum Platform: String, Hashable, Sendable, CaseIterable, Codable {
    /// A YouTube video: 16:9, 1920×1080, the usual 10-minute default, up to 12 hours.
    case youtube
    /// A YouTube Short: 9:16, 1080×1920, a minute by default, up to 3 minutes.
    case shorts
    /// A TikTok video: 9:16, 1080×1920, a minute by default, up to 10 minutes.
    case tiktok
    /// An Instagram Reel: 9:16, 1080×1920, a minute by default, up to 3 minutes.
    case reels

    /// Parses a platform's name (`youtube`, `shorts`, `tiktok`, `reels`), in any case.
    /// - Parameter name: The name.
    /// - Throws: `VideoError` (`.invalidInput`, field `platform`) naming the valid ones.
    public init(validating name: String) throws {
        guard let platform = Platform(rawValue: name.lowercased()) else {
            throw VideoError.invalid(
                "platform",
                "unknown platform '\(name)'; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = platform
    }

    /// The frame size.
    public var resolution: Resolution {
        switch self {
        case .youtube: return .hd1080
        case .shorts, .tiktok, .reels: return Resolution(width: 1080, height: 1920)
        }
    }

    /// The budget used when none is given; `nil` keeps the 10-minute default limit.
    public var defaultDuration: DurationBudget? {
        switch self {
        case .youtube: return nil
        case .shorts, .tiktok, .reels: return .seconds(60)
        }
    }

    /// The longest video the platform takes, in seconds.
    public var maxDuration: Double {
        switch self {
        case .youtube: return 43_200
        case .shorts, .reels: return 180
        case .tiktok: return 600
        }
    }

    /// How captions are shown unless asked otherwise: in the picture, word by word, on the
    /// vertical feeds (mostly watched muted); as sidecar files only on YouTube.
    public var captions: CaptionMode { self == .youtube ? .off : .karaoke }

    /// The budget a video gets on this platform.
    /// - Parameter asked: The budget asked for, if any.
    /// - Returns: `asked`, or the platform's default; a `full` video is held to the maximum.
    /// - Throws: `VideoError` (field `duration`) when `asked` is longer than the platform takes.
    public func budget(asked: DurationBudget?) throws -> DurationBudget? {
        switch asked ?? defaultDuration {
        case .seconds(let seconds)?:
            guard seconds <= maxDuration * 1.05 else {
                throw VideoError.invalid(
                    "duration",
                    "\(DurationBudget.format(seconds)) is longer than \(rawValue) takes (\(DurationBudget.format(maxDuration)))"
                )
            }
            return .seconds(seconds)
        case .full?:
            return self == .youtube ? .full : .seconds(maxDuration)
        case nil:
            return nil
        }
    }
}
