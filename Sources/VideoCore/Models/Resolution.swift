/// A frame size in pixels.
public struct Resolution: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Width in pixels (even).
    public var width: Int
    /// Height in pixels (even).
    public var height: Int

    /// Creates a resolution; use `validated(field:)` to check it.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// 1920×1080, the default.
    public static let hd1080 = Resolution(width: 1920, height: 1080)

    /// Parses `WIDTHxHEIGHT`, for example `1280x720`.
    /// - Throws: `VideoError` when the text is not of that form or out of range.
    public init(parsing text: String, field: String = "resolution") throws {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw VideoError.invalid(field, "'\(text)' is not WIDTHxHEIGHT, for example 1920x1080")
        }
        self.init(width: w, height: h)
        try validate(field: field)
    }

    /// Checks that both edges are even and within `VideoLimits.frameEdgeRange`.
    public func validate(field: String = "resolution") throws {
        for (edge, value) in [("width", width), ("height", height)] {
            guard VideoLimits.frameEdgeRange.contains(value) else {
                throw VideoError.invalid(
                    field,
                    "\(edge) \(value) is outside \(VideoLimits.frameEdgeRange.lowerBound)–\(VideoLimits.frameEdgeRange.upperBound)"
                )
            }
            guard value % 2 == 0 else { throw VideoError.invalid(field, "\(edge) \(value) must be even (yuv420p)") }
        }
    }

    /// `WIDTHxHEIGHT`.
    public var description: String { "\(width)x\(height)" }
}
