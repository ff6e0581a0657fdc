import Foundation

/// When a photo or clip was taken, from its metadata or, failing that, from the file's dates.

/// Reads capture times from the metadata libav exports: EXIF `DateTimeOriginal` /
/// `DateTimeDigitized` / `DateTime` ("2024:07:14 18:03:22", local time, read as UTC) for photos
/// and `creation_time` (ISO 8601) for clips.
package enum MediaMetadata {
    /// Where a capture time came from.
    package enum Source: String, Sendable, Codable {
        /// An EXIF or container tag.
        case metadata
        /// The file's modification date.
        case file
    }

    /// The capture time in `metadata`, or `nil` when no known tag holds a readable date.
    package static func captureDate(in metadata: [String: String]) -> Date? {
        for key in ["DateTimeOriginal", "DateTimeDigitized", "DateTime", "creation_time", "date"] {
            if let value = metadata[key], let date = parseDate(value) { return date }
        }
        return nil
    }

    /// The capture time from metadata, else the file's modification date, else the epoch.
    package static func captureDate(in metadata: [String: String], fileAt url: URL) -> (date: Date, source: Source) {
        if let date = captureDate(in: metadata) { return (date, .metadata) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes?[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0), .file)
    }

    /// Parses "YYYY:MM:DD HH:MM:SS", "YYYY-MM-DD HH:MM:SS" or ISO 8601 ("…T…Z", fractions allowed) as UTC.
    package static func parseDate(_ text: String) -> Date? {
        let digits = text.unicodeScalars.map { CharacterSet.decimalDigits.contains($0) ? Character($0) : " " }
        let fields = String(digits).split(separator: " ").compactMap { Int($0) }
        guard fields.count >= 6, (1900...2200).contains(fields[0]), (1...12).contains(fields[1]),
            (1...31).contains(fields[2]),
            (0...23).contains(fields[3]), (0...59).contains(fields[4]), (0...60).contains(fields[5])
        else { return nil }
        var components = DateComponents()
        components.year = fields[0]
        components.month = fields[1]
        components.day = fields[2]
        components.hour = fields[3]
        components.minute = fields[4]
        components.second = fields[5]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}
