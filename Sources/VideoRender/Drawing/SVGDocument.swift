internal import CRsvg
import Foundation
import VideoCore

/// An SVG file parsed by librsvg: the one owner of an `RsvgHandle`, unreferenced in `deinit`.
///
/// librsvg loads only resources beside the file or in folders under it, never from the
/// network (see Docs/SceneTypes.md).
///
/// # Thread safety
/// Not `Sendable`: a handle is drawn from one thread at a time; each drawing opens its own.
final class SVGDocument {
    private let handle: UnsafeMutablePointer<RsvgHandle>
    /// The document's size in pixels (its width and height at 96 DPI, or its viewBox).
    let size: Canvas.Size

    /// Opens and parses the SVG file at `url`.
    /// - Throws: `VideoError` (`.media`) with librsvg's message when it cannot be read or has
    ///   no size.
    init(url: URL) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard let handle = CRsvg_open(url.path, &message) else {
            defer { CRsvg_free(message) }
            throw VideoError(.media, "\(url.lastPathComponent): \(message.map { String(cString: $0) } ?? "not an SVG")")
        }
        self.handle = handle
        var width = 0.0, height = 0.0
        if CRsvg_size(handle, &width, &height) == 0 || width <= 0 || height <= 0 {
            width = 0
            height = 0
            _ = CRsvg_viewbox(handle, &width, &height)
        }
        guard width > 0, height > 0, width.isFinite, height.isFinite else {
            CRsvg_unref(handle)
            throw VideoError(.media, "\(url.lastPathComponent): the SVG has no width, height or viewBox")
        }
        size = Canvas.Size(width: width, height: height)
    }

    deinit { CRsvg_unref(handle) }

    /// Draws the document scaled into `rect` (keeping its aspect ratio, centred).
    /// - Throws: `VideoError` (`.render`) with librsvg's message when it cannot be drawn.
    func draw(in rect: Canvas.Rect, on canvas: Canvas) throws {
        var message: UnsafeMutablePointer<CChar>?
        let ok = CRsvg_render(
            handle, UnsafeMutableRawPointer(canvas.cairo), rect.x, rect.y, rect.width, rect.height, &message)
        guard ok == 1 else {
            defer { CRsvg_free(message) }
            throw VideoError(.render, "drawing an SVG: \(message.map { String(cString: $0) } ?? "failed")")
        }
    }
}
