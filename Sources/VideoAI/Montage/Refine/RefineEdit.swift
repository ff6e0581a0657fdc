import Foundation
import VideoCore

/// The typed edits `vgen refine` applies to a montage, and how they are written in history.json.

/// One edit of a montage asked for in feedback ("faster cuts", "more beach photos", "end on the
/// sunset", "warmer"). The phrase grammar (`FeedbackGrammar`) and a language model
/// (`FeedbackInterpreter`) both produce these, never code; `MontageRefinement` applies them.
///
/// In JSON an edit is one flat object, `{"op": …, "by": …, "term": …, "number": …, "name": …}`,
/// with the fields its operation needs (the others `null`); the language model answers in the
/// same shape.
public enum RefineEdit: Sendable, Hashable, Codable {
    /// Multiply every shot's length in beats (0.5: faster cuts, 2: slower).
    case pace(Double)
    /// Show matching media more often (and keep them when media are left out).
    case favour(MediaMatch)
    /// Keep matching media in the montage when media are left out.
    case include(MediaMatch)
    /// Leave matching media out.
    case exclude(MediaMatch)
    /// Open on a matching picture.
    case first(MediaMatch)
    /// End on a matching picture.
    case last(MediaMatch)
    /// Make the montage this many seconds long.
    case duration(Double)
    /// Multiply the montage's length (0.75: shorter, 1.25: longer).
    case lengthScale(Double)
    /// Use this style preset (grade, transitions, pace and motion): natural, cinematic, warm…
    case style(String)
    /// Use one transition everywhere.
    case transition(MontageTimeline.Transition)
    /// Shift the grade's colour temperature one step: +1 warmer, −1 cooler.
    case warmth(Int)

    /// The operation names, as in JSON.
    public static let operations = [
        "pace", "favour", "include", "exclude", "first", "last", "duration", "length_scale", "style", "transition",
        "warmth",
    ]

    /// The edit in a sentence, for logs and errors.
    public var summary: String {
        switch self {
        case .pace(let f):
            return f < 1 ? "shots \(Self.format(f))× as long (faster)" : "shots \(Self.format(f))× as long"
        case .favour(let m): return "favour \(m.summary)"
        case .include(let m): return "include \(m.summary)"
        case .exclude(let m): return "exclude \(m.summary)"
        case .first(let m): return "open on \(m.summary)"
        case .last(let m): return "end on \(m.summary)"
        case .duration(let s): return "\(Self.format(s)) s long"
        case .lengthScale(let f): return "\(Self.format(f))× as long"
        case .style(let name): return "style \(name)"
        case .transition(let t): return "\(t.rawValue) transitions"
        case .warmth(let step): return step > 0 ? "warmer" : "cooler"
        }
    }

    /// Checks the edit's values.
    /// - Throws: `VideoError` (`.invalidInput`, field `feedback`) for a value out of range or
    ///   a style that does not exist.
    public func validate() throws {
        func fail(_ message: String) -> VideoError { VideoError(.invalidInput, message, field: "feedback") }
        switch self {
        case .pace(let f) where !(0.125...8).contains(f): throw fail("pace factor \(f) is outside 0.125–8")
        case .duration(let s) where !(s > 0 && s <= 3600): throw fail("duration \(s) s is outside 0–3600 s")
        case .lengthScale(let f) where !(0.1...10).contains(f): throw fail("length factor \(f) is outside 0.1–10")
        case .style(let name) where MontageStyle.named(name) == nil:
            throw fail(
                "unknown style '\(name)'; use \(MontageStyle.presets.map(\.name).joined(separator: ", "))")
        case .warmth(let step) where step != 1 && step != -1: throw fail("warmth step must be 1 or -1, not \(step)")
        case .favour(let m), .include(let m), .exclude(let m), .first(let m), .last(let m): try m.validate()
        default: break
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }

    // MARK: - Coding

    /// The flat JSON form.
    struct Flat: Codable, Hashable {
        var op: String
        var by: MediaMatch.Field?
        var term: String?
        var number: Double?
        var name: String?
    }

    var flat: Flat {
        switch self {
        case .pace(let f): return Flat(op: "pace", number: f)
        case .favour(let m): return Flat(op: "favour", by: m.field, term: m.term)
        case .include(let m): return Flat(op: "include", by: m.field, term: m.term)
        case .exclude(let m): return Flat(op: "exclude", by: m.field, term: m.term)
        case .first(let m): return Flat(op: "first", by: m.field, term: m.term)
        case .last(let m): return Flat(op: "last", by: m.field, term: m.term)
        case .duration(let s): return Flat(op: "duration", number: s)
        case .lengthScale(let f): return Flat(op: "length_scale", number: f)
        case .style(let name): return Flat(op: "style", name: name)
        case .transition(let t): return Flat(op: "transition", name: t.rawValue)
        case .warmth(let step): return Flat(op: "warmth", number: Double(step))
        }
    }

    /// The edit a flat object describes.
    /// - Throws: `VideoError` (`.invalidInput`) naming the missing or bad field.
    init(flat: Flat) throws {
        func need<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else {
                throw VideoError(.invalidInput, "the '\(flat.op)' edit needs '\(field)'", field: "feedback")
            }
            return value
        }
        func match() throws -> MediaMatch {
            MediaMatch(try need(flat.by, "by"), try need(flat.term, "term"))
        }
        switch flat.op {
        case "pace": self = .pace(try need(flat.number, "number"))
        case "favour": self = .favour(try match())
        case "include": self = .include(try match())
        case "exclude": self = .exclude(try match())
        case "first": self = .first(try match())
        case "last": self = .last(try match())
        case "duration": self = .duration(try need(flat.number, "number"))
        case "length_scale": self = .lengthScale(try need(flat.number, "number"))
        case "style": self = .style(try need(flat.name, "name").lowercased())
        case "transition":
            let name = try need(flat.name, "name")
            guard let t = MontageTimeline.Transition(rawValue: name.lowercased()) else {
                throw VideoError(
                    .invalidInput, "unknown transition '\(name)'; use cut, crossfade, fade or zoom", field: "feedback")
            }
            self = .transition(t)
        case "warmth":
            let step = try need(flat.number, "number")
            self = .warmth(step >= 0 ? 1 : -1)
        default:
            throw VideoError(
                .invalidInput, "unknown edit '\(flat.op)'; use \(Self.operations.joined(separator: ", "))",
                field: "feedback")
        }
        try validate()
    }

    /// Decodes the flat form.
    public init(from decoder: any Decoder) throws {
        try self.init(flat: try Flat(from: decoder))
    }

    /// Encodes the flat form.
    public func encode(to encoder: any Encoder) throws { try flat.encode(to: encoder) }
}
