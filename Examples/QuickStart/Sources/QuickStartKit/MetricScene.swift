import VideoRender

/// The app's own scene type: one big number with a label, for example "3× faster builds".
public enum MetricScene {
    /// `metric`.
    public static let type: SceneType = "metric"

    /// A metric scene's content: `value` drawn large, `label` under it.
    public static func content(value: String, label: String) -> SceneContent {
        .custom(type: type, fields: ["value": value, "label": label])
    }

    /// Draws a metric scene.
    public struct Renderer: SceneRenderer {
        public init() {}
        public var sceneType: SceneType { MetricScene.type }

        public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws {
            guard case .custom(_, let fields) = scene.content else {
                throw VideoError(.render, "scene \(scene.sceneID) is not a metric scene")
            }
            SlideChrome.drawBackground(on: canvas, context: context)
            let area = context.safeArea
            let u = context.scale
            let value = TextStyle(
                size: 220 * u, minimumSize: 60 * u, weight: .bold, color: context.accent, alignment: .center)
            canvas.drawText(
                fields["value"] ?? "",
                in: Rect(x: area.x, y: area.y + area.height * 0.2, width: area.width, height: area.height * 0.4),
                style: value, verticalAlignment: .bottom)
            let label = TextStyle(size: 56 * u, minimumSize: 24 * u, color: context.theme.text, alignment: .center)
            canvas.drawText(
                fields["label"] ?? "",
                in: Rect(x: area.x, y: area.y + area.height * 0.62, width: area.width, height: area.height * 0.25),
                style: label)
        }
    }

    /// The narration template: "Here is the number that matters: 3× faster builds."
    public static let template: TemplateNarrationWriter.Template = { scene, _ in
        guard case .custom(_, let fields) = scene.content else { return "" }
        let value = (fields["value"] ?? "").replacingOccurrences(of: "×", with: " times")
        return "Here is the number that matters: \(value) \(fields["label"] ?? "")."
    }
}

/// The app's pipeline: vgen's built-in scenes plus the metric scene.
public enum QuickStart {
    /// The renderers: the twelve built-in ones and `metric`.
    public static var registry: RendererRegistry {
        var registry = RendererRegistry.standard
        registry.register(MetricScene.Renderer())
        return registry
    }

    /// The narration writer: the built-in templates and the metric template.
    public static var writer: TemplateNarrationWriter {
        var writer = TemplateNarrationWriter()
        writer.register(MetricScene.type, template: MetricScene.template)
        return writer
    }

    /// The app's release video.
    public static func releaseVideo(resolution: Resolution = .hd1080) throws -> VideoConfig {
        try ProgrammaticVideoBuilder(title: "QuickStart 2.0", accentColor: .green, resolution: resolution, fps: 30)
            .addTitle("QuickStart 2.0", subtitle: "What's new")
            .add(MetricScene.content(value: "3×", label: "faster builds"), id: "speed")
            .addList(heading: "Highlights", items: ["Incremental builds", "A smaller binary", "Clearer errors"])
            .addOutro("Thanks for watching", subtitle: "Update today")
            .build()
    }
}
