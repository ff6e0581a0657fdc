/// How one scene gives way to the next.
public enum SceneTransition: String, Codable, CaseIterable, Sendable {
    /// The new scene replaces the old at once.
    case cut
    /// The old scene fades to the background colour, then the new one fades in.
    case fade
    /// The old scene dissolves into the new one.
    case crossfade
    /// The new scene slides in from the right, pushing the old one out.
    case slide

    /// Parses a transition name.
    /// - Throws: `VideoError` listing the valid names.
    public init(validating name: String, field: String = "transition") throws {
        guard let value = SceneTransition(rawValue: name.lowercased()) else {
            throw VideoError.invalid(
                field,
                "unknown transition '\(name)'; valid: \(SceneTransition.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self = value
    }
}
