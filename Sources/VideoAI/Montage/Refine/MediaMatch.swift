import Foundation
import VideoCore

/// Which photos and clips a refinement edit is about: by file name, folder, capture date or colour.

/// A test a photo or clip passes or fails: "beach" (its file name or a folder), "2024-06"
/// (its capture date), "blue" (its main colour).
public struct MediaMatch: Sendable, Hashable, Codable {
    /// What the term is compared with.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// The file name or any folder of its path (a word inside them, ignoring case and a plural s).
        case any
        /// The file name only.
        case name
        /// A folder of the path only.
        case folder
        /// The capture date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (UTC) or an English month name.
        case date
        /// The picture's main colour: red, orange, yellow, green, blue, purple, pink, white, grey or black.
        case colour
    }

    /// The colour names a `colour` match understands.
    public static let colours = [
        "red", "orange", "yellow", "green", "blue", "purple", "pink", "white", "grey", "black",
    ]
    /// English month names, January first.
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// What the term is compared with.
    public var field: Field
    /// The word, date or colour (lower case).
    public var term: String

    /// Creates a match.
    /// - Parameters:
    ///   - field: What the term is compared with.
    ///   - term: The word, date or colour.
    public init(_ field: Field, _ term: String) {
        self.field = field
        self.term = term.lowercased().trimmingCharacters(in: .whitespaces)
        if field == .colour, self.term == "gray" { self.term = "grey" }
    }

    /// The match in words, for example `photos named 'beach'`.
    public var summary: String {
        switch field {
        case .any: "'\(term)'"
        case .name: "files named '\(term)'"
        case .folder: "the folder '\(term)'"
        case .date: "media from \(term)"
        case .colour: "\(term) pictures"
        }
    }

    /// Checks the term.
    /// - Throws: `VideoError` (`.invalidInput`, field `feedback`) for an empty term, a date that
    ///   is not one, or a colour without a name here.
    public func validate() throws {
        guard !term.isEmpty else { throw VideoError(.invalidInput, "a media match needs a term", field: "feedback") }
        switch field {
        case .date where Self.dateParts(term) == nil:
            throw VideoError(
                .invalidInput, "'\(term)' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a month)", field: "feedback")
        case .colour where !Self.colours.contains(term):
            throw VideoError(
                .invalidInput, "unknown colour '\(term)'; use \(Self.colours.joined(separator: ", "))",
                field: "feedback")
        default: break
        }
    }

    /// Whether `media` passes.
    /// - Parameters:
    ///   - media: The photo or clip.
    ///   - colour: Its main colour's name, when known (`MediaColour`).
    /// - Returns: Whether it matches.
    public func matches(_ media: AnalyzedMedia, colour: String? = nil) -> Bool {
        let url = media.item.url
        switch field {
        case .any: return Self.contains(url.deletingPathExtension().lastPathComponent, term) || folderMatches(url)
        case .name: return Self.contains(url.deletingPathExtension().lastPathComponent, term)
        case .folder: return folderMatches(url)
        case .date:
            guard let parts = Self.dateParts(term) else { return false }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day], from: media.item.captureDate)
            return [parts.year.map { $0 == c.year }, parts.month.map { $0 == c.month }, parts.day.map { $0 == c.day }]
                .allSatisfy { $0 ?? true }
        case .colour: return colour == term
        }
    }

    private func folderMatches(_ url: URL) -> Bool {
        url.deletingLastPathComponent().pathComponents.suffix(2).contains { Self.contains($0, term) }
    }

    /// Whether `text` holds `word` (or its singular) as a word or part of one, ignoring case.
    static func contains(_ text: String, _ word: String) -> Bool {
        let text = text.lowercased()
        var forms = [word]
        if word.hasSuffix("es"), word.count > 3 { forms.append(String(word.dropLast(2))) }
        if word.hasSuffix("s"), word.count > 2 { forms.append(String(word.dropLast())) }
        return forms.contains { !$0.isEmpty && text.contains($0) }
    }

    /// Year, month and day of a date term (any of them absent).
    static func dateParts(_ term: String) -> (year: Int?, month: Int?, day: Int?)? {
        if let m = months.firstIndex(where: { $0 == term || (term.count >= 3 && $0.hasPrefix(term)) }) {
            return (nil, m + 1, nil)
        }
        let parts = term.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), term.split(separator: "-")[0].count == 4
        else { return nil }
        let values = parts.map { $0! }
        if values.count > 1, !(1...12).contains(values[1]) { return nil }
        if values.count > 2, !(1...31).contains(values[2]) { return nil }
        return (values[0], values.count > 1 ? values[1] : nil, values.count > 2 ? values[2] : nil)
    }
}
