/// The limits every `VideoConfig` is validated against at the input boundary.
public enum VideoLimits {
    /// Most scenes one video may have.
    public static let maxScenes = 100
    /// Longest `scene_id` or `video_id`, in characters.
    public static let maxIDLength = 200
    /// Longest narration of one scene, in characters.
    public static let maxNarrationLength = 50_000
    /// Longest title, subtitle, heading or list item, in characters.
    public static let maxTextLength = 2_000
    /// Longest code or command block, in characters.
    public static let maxCodeLength = 20_000
    /// Most items in one list (and entries in one list or mapping of custom content).
    public static let maxItems = 50
    /// Deepest nesting of lists and mappings in a custom scene's content, its own fields
    /// counting as the first level.
    public static let maxContentDepth = 16
    /// Most values (texts, numbers, lists, mappings…) in one custom scene's content.
    public static let maxContentValues = 10_000
    /// Longest scene duration, in seconds.
    public static let maxSceneDuration = 300.0
    /// Largest input document, in bytes.
    public static let maxDocumentBytes = 2_000_000
    /// Frame rates accepted.
    public static let fpsRange = 1...120
    /// The shortest and longest duration budget, in seconds: 10 s to 12 hours.
    public static let durationRange = 10.0...43_200.0
    /// Smallest and largest frame edge, in pixels.
    public static let frameEdgeRange = 64...4096
}
