/// A picture, fitted to the frame, with its caption under it.
///
/// YAML keys: `path` (the image file, relative to the spec's folder; PNG, JPEG, WebP or SVG),
/// `caption` (optional; a Markdown image's alt text), `zoom` (optional, default `false`: a
/// slow zoom in over the scene).
public struct ImageContent: Hashable, Codable, Sendable {
    /// The image file. Input adapters resolve it to an absolute path inside the folder the
    /// user gave (the document's or the spec's).
    public var path: String
    /// The line under the picture.
    public var caption: String?
    /// Whether the picture zooms in slowly while the scene plays.
    public var zoom: Bool

    /// The file name extensions of the images drawn.
    public static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "webp", "svg"]

    /// Creates an image scene's content.
    /// - Parameters:
    ///   - path: The image file.
    ///   - caption: The line under the picture.
    ///   - zoom: Whether the picture zooms in slowly.
    public init(path: String, caption: String? = nil, zoom: Bool = false) {
        self.path = path
        self.caption = caption
        self.zoom = zoom
    }

    enum CodingKeys: String, CodingKey { case path, caption, zoom }

    /// Decodes a value; `zoom` defaults to `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        zoom = try c.decodeIfPresent(Bool.self, forKey: .zoom) ?? false
    }
}
