import VideoCore

/// One section of a song (intro, verse, chorus …), as `vgen beats --json` and `analysis.json` report it.
///
/// Encodes to `{"start": …, "end": …, "label": "A", "name": "chorus", "energy": 0.92}`; `name`
/// is left out where the energy profile does not support one.
public struct SongSection: Codable, Sendable, Equatable {
    /// Where the section starts, in seconds (a beat time, or 0 for the first).
    public var start: Double
    /// Where it ends, in seconds (the next section's start, or the song's end).
    public var end: Double
    /// Its similarity class: sections that sound alike share a letter (A, B, C …).
    public var label: String
    /// Its role, where the energy profile supports one: intro, verse, chorus, bridge, drop or outro.
    public var name: String?
    /// Its mean loudness, relative to the loudest section (0–1).
    public var energy: Double

    /// Creates a section.
    /// - Parameters:
    ///   - start: Start, in seconds.
    ///   - end: End, in seconds.
    ///   - label: Similarity class (A, B, C …).
    ///   - name: Role (intro, verse, chorus, bridge, drop, outro), or `nil`.
    ///   - energy: Mean loudness relative to the loudest section.
    public init(start: Double, end: Double, label: String, name: String? = nil, energy: Double) {
        self.start = start
        self.end = end
        self.label = label
        self.name = name
        self.energy = energy
    }

    /// Whether the section is a high point (chorus or drop), where the best media go.
    public var isPeak: Bool { name == "chorus" || name == "drop" }

    /// Whether the section is calm (intro or outro), where shots run longer.
    public var isCalm: Bool { name == "intro" || name == "outro" }
}
