import VideoAI
import VideoCore
import VideoRender

/// The app's own scene type: one big number with a label, for example "3× faster builds".
///
/// A typed payload: the builder wraps it as custom content, YAML specs write its fields next
/// to `scene_type: metric`, and the renderer and the template get it back as a `MetricScene`.
public struct MetricScene: SceneContentPayload {
    /// `metric`.
    public static let sceneType: SceneType = "metric"

    /// The number, drawn large.
    public var value: Int
    /// What follows the number, for example `×` or `%`.
    public var unit: String
    /// The line under the number.
    public var label: String

    /// Creates a metric scene's content.
    /// - Parameters:
    ///   - value: The number.
    ///   - unit: What follows the number.
    ///   - label: The line under it.
    public init(value: Int, unit: String = "", label: String) {
        self.value = value
        self.unit = unit
        self.label = label
    }

    /// The number as shown: `3×`.
    public var text: String { "\(value)\(unit)" }

    /// Draws a metric scene: the number in the accent colour, the label under it.
    public struct Renderer: SceneRenderer {
        /// Creates the renderer.
        public init() {}

        /// Draws the number and its label.
        public func draw(_ content: MetricScene, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
            SlideChrome.drawBackground(on: canvas, context: context)
            let area = context.safeArea
            let u = context.scale
            let value = TextStyle(
                size: 220 * u, minimumSize: 60 * u, weight: .bold, color: context.accent, alignment: .center)
            canvas.drawText(
                content.text,
                in: Canvas.Rect(x: area.x, y: area.y + area.height * 0.2, width: area.width, height: area.height * 0.4),
                style: value, verticalAlignment: .bottom)
            let label = TextStyle(size: 56 * u, minimumSize: 24 * u, color: context.theme.text, alignment: .center)
            canvas.drawText(
                content.label,
                in: Canvas.Rect(
                    x: area.x, y: area.y + area.height * 0.62, width: area.width, height: area.height * 0.25),
                style: label)
        }
    }

    /// The narration template: "Here is the number that matters: 3 times faster builds."
    public static let template: TemplateNarrationWriter.Template = { scene, _ in
        guard let metric = scene.content.payload(as: MetricScene.self) else { return "" }
        let unit = metric.unit == "×" ? " times" : metric.unit
        return "Here is the number that matters: \(metric.value)\(unit) \(metric.label)."
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
        writer.register(MetricScene.sceneType, template: MetricScene.template)
        return writer
    }

    /// The app's release video.
    public static func releaseVideo(resolution: Resolution = .hd1080) throws -> VideoConfig {
        try ProgrammaticVideoBuilder(title: "QuickStart 2.0", accentColor: .green, resolution: resolution, fps: 30)
            .addTitle("QuickStart 2.0", subtitle: "What's new")
            .add(MetricScene(value: 3, unit: "×", label: "faster builds"), id: "speed")
            .addList(heading: "Highlights", items: ["Incremental builds", "A smaller binary", "Clearer errors"])
            .addOutro("Thanks for watching", subtitle: "Update today")
            .build()
    }
}
