import VideoCore

/// What the music analysis found in a piece: its length, tempo, beats, bar starts and loudness.
///
/// Encodes to the JSON that `vgen beats --json` prints:
/// `{"duration": …, "tempo_bpm": …, "beats": […], "downbeats": […], "energy": {"hop_seconds": …, "values": […]},
/// "sections": [{"start", "end", "label", "name", "energy"} …]}`, all times in seconds.
public struct AudioAnalysisProfile: Codable, Sendable, Equatable {
    /// A loudness curve sampled at a fixed hop.
    public struct EnergyCurve: Codable, Sendable, Equatable {
        /// Seconds between consecutive values.
        public var hopSeconds: Double
        /// RMS energy per hop, scaled so the loudest hop is 1 (all 0 for silence).
        public var values: [Double]

        /// Creates a curve.
        /// - Parameters:
        ///   - hopSeconds: Seconds between consecutive values.
        ///   - values: Values between 0 and 1.
        public init(hopSeconds: Double, values: [Double]) {
            self.hopSeconds = hopSeconds
            self.values = values
        }

        private enum CodingKeys: String, CodingKey {
            case hopSeconds = "hop_seconds"
            case values
        }
    }

    /// Length of the audio, in seconds.
    public var duration: Double
    /// The dominant tempo, in beats per minute (0 when no pulse was found).
    public var tempoBPM: Double
    /// Beat times, in seconds, ascending.
    public var beats: [Double]
    /// Times of the beats that start a bar, in seconds (a subset of `beats`).
    public var downbeats: [Double]
    /// The loudness curve.
    public var energy: EnergyCurve
    /// The song's sections, in order, tiling its length (empty when too short to tell).
    public var sections: [SongSection]

    /// Creates a profile.
    /// - Parameters:
    ///   - duration: Length of the audio, in seconds.
    ///   - tempoBPM: The dominant tempo, in beats per minute.
    ///   - beats: Beat times, in seconds.
    ///   - downbeats: Bar-start times, in seconds.
    ///   - energy: The loudness curve.
    ///   - sections: The song's sections.
    public init(
        duration: Double, tempoBPM: Double, beats: [Double], downbeats: [Double], energy: EnergyCurve,
        sections: [SongSection] = []
    ) {
        self.duration = duration
        self.tempoBPM = tempoBPM
        self.beats = beats
        self.downbeats = downbeats
        self.energy = energy
        self.sections = sections
    }

    /// Decodes a profile; an `analysis.json` written before sections existed reads with none.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        duration = try container.decode(Double.self, forKey: .duration)
        tempoBPM = try container.decode(Double.self, forKey: .tempoBPM)
        beats = try container.decode([Double].self, forKey: .beats)
        downbeats = try container.decode([Double].self, forKey: .downbeats)
        energy = try container.decode(EnergyCurve.self, forKey: .energy)
        sections = try container.decodeIfPresent([SongSection].self, forKey: .sections) ?? []
    }

    /// The section playing at `time` seconds, if any.
    /// - Parameter time: Seconds into the song.
    /// - Returns: The section whose span holds `time`.
    public func section(at time: Double) -> SongSection? {
        sections.last { $0.start <= time && time < $0.end } ?? (time >= duration ? sections.last : nil)
    }

    private enum CodingKeys: String, CodingKey {
        case duration
        case tempoBPM = "tempo_bpm"
        case beats, downbeats, energy, sections
    }
}
