import VideoCore

/// Style presets: the colour grade, transitions, pace and motion of a montage.

/// A named look for a montage: how it is graded, cut and moved.
public struct MontageStyle: Sendable, Equatable {
    /// A colour grade as a few tone and colour controls (applied as per-plane lookup tables).
    public struct Grade: Sendable, Equatable {
        /// Luma contrast around mid-grey (1 = unchanged).
        public var contrast: Double
        /// Colour saturation (1 = unchanged, 0 = black and white).
        public var saturation: Double
        /// Colour temperature: positive warmer (more red, less blue), negative cooler, about −1…1.
        public var warmth: Double
        /// Shadow lift (a faded, filmic black), 0–0.2.
        public var lift: Double
        /// Brightness offset, about −0.2…0.2.
        public var brightness: Double

        /// Creates a grade.
        public init(
            contrast: Double = 1, saturation: Double = 1, warmth: Double = 0, lift: Double = 0, brightness: Double = 0
        ) {
            self.contrast = contrast
            self.saturation = saturation
            self.warmth = warmth
            self.lift = lift
            self.brightness = brightness
        }

        /// Whether the grade leaves pictures unchanged.
        public var isIdentity: Bool { self == Grade() }
    }

    /// The preset's name (`--style`).
    public var name: String
    /// Its colour grade.
    public var grade: Grade
    /// The transition on an ordinary beat.
    public var beatTransition: MontageTimeline.Transition
    /// The transition on a downbeat (a bigger change).
    public var downbeatTransition: MontageTimeline.Transition
    /// The transition where a new moment begins.
    public var momentTransition: MontageTimeline.Transition
    /// The transition length, in seconds.
    public var transitionSeconds: Double
    /// Ken Burns zoom range (0.1 = zoom by 10 % over a shot).
    public var motion: Double
    /// Multiplies the beats per shot the energy asks for (2 = calmer, longer shots).
    public var pace: Int

    /// Creates a style.
    public init(
        name: String, grade: Grade, beatTransition: MontageTimeline.Transition = .cut,
        downbeatTransition: MontageTimeline.Transition = .crossfade,
        momentTransition: MontageTimeline.Transition = .fade,
        transitionSeconds: Double = 0.3, motion: Double = 0.1, pace: Int = 1
    ) {
        self.name = name
        self.grade = grade
        self.beatTransition = beatTransition
        self.downbeatTransition = downbeatTransition
        self.momentTransition = momentTransition
        self.transitionSeconds = transitionSeconds
        self.motion = motion
        self.pace = pace
    }

    /// The presets: natural, cinematic, warm, cool, vivid, mono.
    public static let presets: [MontageStyle] = [
        MontageStyle(name: "natural", grade: Grade()),
        MontageStyle(
            name: "cinematic", grade: Grade(contrast: 1.15, saturation: 0.85, warmth: 0.1, lift: 0.05),
            transitionSeconds: 0.5, motion: 0.08, pace: 2),
        MontageStyle(name: "warm", grade: Grade(contrast: 1.05, saturation: 1.05, warmth: 0.45, brightness: 0.02)),
        MontageStyle(name: "cool", grade: Grade(contrast: 1.05, saturation: 0.95, warmth: -0.45)),
        MontageStyle(
            name: "vivid", grade: Grade(contrast: 1.2, saturation: 1.4), downbeatTransition: .zoom,
            momentTransition: .zoom,
            transitionSeconds: 0.25, motion: 0.14),
        MontageStyle(
            name: "mono", grade: Grade(contrast: 1.15, saturation: 0, lift: 0.03), downbeatTransition: .fade,
            transitionSeconds: 0.4, pace: 2),
    ]

    /// The preset with this name (case-insensitive), if any.
    public static func named(_ name: String) -> MontageStyle? {
        presets.first { $0.name == name.lowercased() }
    }
}

/// The frame shape of a montage.
public enum MontageAspect: String, Sendable, CaseIterable, Codable {
    /// Landscape 16:9.
    case landscape = "16:9"
    /// Portrait 9:16 (phones, stories).
    case portrait = "9:16"
    /// Square 1:1.
    case square = "1:1"

    /// The frame size with `shortSide` pixels on the short side (rounded to even numbers).
    public func frameSize(shortSide: Int) -> (width: Int, height: Int) {
        let short = max(2, shortSide & ~1)
        let long = Int((Double(short) * 16 / 9).rounded()) & ~1
        switch self {
        case .landscape: return (long, short)
        case .portrait: return (short, long)
        case .square: return (short, short)
        }
    }
}
