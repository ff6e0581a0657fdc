import Foundation
import VideoCore

/// One photo or clip offered to the montage, with what its decoding revealed.

/// Whether a media file is a still picture or a moving clip.
public enum MediaKind: String, Codable, Sendable, Hashable {
    /// A still image (JPEG, PNG, WebP…).
    case image
    /// A video clip (MP4, MOV, MKV, WebM…).
    case clip
}

/// A usable photo or clip: its file, kind, size, length and capture time.
public struct MediaItem: Codable, Sendable, Hashable {
    /// The file.
    public var url: URL
    /// Photo or clip.
    public var kind: MediaKind
    /// Picture width in pixels (of the file, before any scaling).
    public var width: Int
    /// Picture height in pixels.
    public var height: Int
    /// Clip length in seconds (0 for images).
    public var duration: Double
    /// Whether a clip has an audio track.
    public var hasAudio: Bool
    /// When it was taken (EXIF / container metadata, or the file's date).
    public var captureDate: Date
    /// Whether `captureDate` came from metadata or from the file's date.
    public var captureDateFromMetadata: Bool

    /// Creates an item.
    public init(
        url: URL, kind: MediaKind, width: Int, height: Int, duration: Double = 0, hasAudio: Bool = false,
        captureDate: Date = Date(timeIntervalSince1970: 0), captureDateFromMetadata: Bool = false
    ) {
        self.url = url
        self.kind = kind
        self.width = width
        self.height = height
        self.duration = duration
        self.hasAudio = hasAudio
        self.captureDate = captureDate
        self.captureDateFromMetadata = captureDateFromMetadata
    }

    /// File name extensions read as images (lower case).
    public static let imageExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "png", "webp", "bmp", "tif", "tiff", "gif", "heic", "heif", "avif", "jxl", "tga", "ppm",
        "pgm",
    ]
    /// File name extensions read as video clips (lower case).
    public static let clipExtensions: Set<String> = [
        "mp4", "m4v", "mov", "mkv", "webm", "avi", "mts", "m2ts", "ts", "3gp", "mpg", "mpeg", "wmv", "flv", "ogv",
    ]

    /// The kind a file's extension suggests, or `nil` for other files.
    public static func kind(forExtension ext: String) -> MediaKind? {
        let lower = ext.lowercased()
        if imageExtensions.contains(lower) { return .image }
        if clipExtensions.contains(lower) { return .clip }
        return nil
    }
}

/// How the media are ordered on the timeline.
public enum MediaOrder: String, Codable, Sendable, CaseIterable {
    /// By file name (natural order: "img2" before "img10").
    case name
    /// By capture time (EXIF, container metadata or file date), then name.
    case time
    /// A shuffle, the same for the same files (seeded by their names).
    case shuffle
}
