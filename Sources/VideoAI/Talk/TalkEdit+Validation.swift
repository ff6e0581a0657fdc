import Foundation
import VideoCore

extension TalkEdit {
    /// Reads and checks a cut list a person may have edited.
    /// - Parameters:
    ///   - url: The `edit.json`.
    ///   - fps: The frame rate of the recording it must be for.
    ///   - sourceDuration: The recording's length.
    /// - Returns: The cut list.
    /// - Throws: `VideoError` (`.invalidInput`) naming the field at fault.
    public static func read(_ url: URL, fps: Int, sourceDuration: Double) throws -> TalkEdit {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VideoError(.io, "cannot read the cut list", field: "edit", underlying: error)
        }
        guard data.count <= 16 << 20 else {
            throw VideoError(
                .invalidInput, "the cut list is larger than 16 MiB", field: "edit", location: .init(file: name))
        }
        let edit: TalkEdit
        do { edit = try JSONDecoder().decode(TalkEdit.self, from: data) } catch {
            throw VideoError(
                .invalidInput, "is not a vgen cut list", field: "edit", location: .init(file: name), underlying: error)
        }
        try edit.validate(fps: fps, sourceDuration: sourceDuration, file: name)
        return edit
    }

    /// Checks the format, the version, and that the kept stretches are in order, apart, on
    /// frame boundaries and within the recording.
    /// - Throws: `VideoError` (`.invalidInput`) naming the field at fault.
    public func validate(fps: Int, sourceDuration: Double, file: String = "edit.json") throws {
        let location = VideoError.Location(file: file)
        func fail(_ field: String, _ message: String) -> VideoError {
            VideoError(.invalidInput, message, field: field, location: location)
        }
        guard format == Self.formatName else { throw fail("format", "is '\(format)', not '\(Self.formatName)'") }
        guard version == Self.currentVersion else {
            throw fail("version", "is \(version); this vgen reads version \(Self.currentVersion)")
        }
        guard self.fps == fps else {
            throw fail("fps", "is \(self.fps) but the recording is cut at \(fps) frames a second")
        }
        guard !kept.isEmpty else { throw fail("kept", "keeps nothing of the recording") }
        guard kept.count <= 100_000 else { throw fail("kept", "has more than 100000 ranges") }
        let frame = 1 / Double(fps)
        var previousEnd = 0.0
        for (k, range) in kept.enumerated() {
            for (name, value) in [("start", range.start), ("end", range.end)] {
                guard value.isFinite, value >= 0, value <= sourceDuration + frame else {
                    throw fail("kept[\(k)].\(name)", "\(value) is outside the recording (0–\(sourceDuration) s)")
                }
                let frames = value * Double(fps)
                guard abs(frames - frames.rounded()) < 1e-3 else {
                    throw fail("kept[\(k)].\(name)", "\(value) is not on a frame boundary (1/\(fps) s)")
                }
            }
            guard range.end - range.start >= frame - 1e-6 else {
                throw fail("kept[\(k)]", "is shorter than one frame")
            }
            guard range.start >= previousEnd - 1e-6 else {
                throw fail("kept[\(k)].start", "overlaps or comes before the range before it")
            }
            previousEnd = range.end
        }
    }
}
