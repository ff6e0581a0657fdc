/// A voice name: one of the portable names (`male`, `female`, `male_warm`, `female_friendly`)
/// or any name the chosen speech synthesizer knows (for espeak-ng, for example `en-us` or `de`).
public struct Voice: Hashable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The voice's name as given.
    public var name: String

    /// Creates a voice from its name.
    public init(_ name: String) { self.name = name }
    /// Creates a voice from a literal name.
    public init(stringLiteral value: String) { self.name = value }

    /// The default voice.
    public static let male: Voice = "male"
    /// A female voice.
    public static let female: Voice = "female"
    /// A lower, slower male voice.
    public static let maleWarm: Voice = "male_warm"
    /// A brighter female voice.
    public static let femaleFriendly: Voice = "female_friendly"
    /// The portable names every synthesizer maps.
    public static let portable: [Voice] = [.male, .female, .maleWarm, .femaleFriendly]

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes the value in the form `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }

    /// The name.
    public var description: String { name }
}
