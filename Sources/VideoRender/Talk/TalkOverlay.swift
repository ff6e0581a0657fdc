import Foundation
import VideoAI
import VideoCore

/// A B-roll file over a stretch of the output's frames.
public struct TalkShot: Codable, Sendable, Hashable {
    /// The picture or clip.
    public var file: String
    /// Whether it is a clip (played from its start, its last picture held).
    public var isClip: Bool
    /// The output frames it covers.
    public var frames: Range<Int>
    /// Over the whole frame or picture-in-picture.
    public var style: BrollPlacement.Style
}

/// The title card and the outro of an edited talk, drawn by the document renderers
/// (`TitleRenderer`, `OutroRenderer`), each shown for `seconds` without sound.
public struct TalkCards: Codable, Sendable, Hashable {
    /// The title on both cards.
    public var title: String
    /// The outro's line.
    public var outro: String
    /// How long each card stays, in seconds.
    public var seconds: Double

    /// Creates the cards.
    /// - Parameters:
    ///   - title: The talk's title.
    ///   - outro: The closing line.
    ///   - seconds: Each card's length.
    public init(title: String, outro: String = "Thanks for watching", seconds: Double = 2) {
        self.title = title
        self.outro = outro
        self.seconds = seconds
    }

    /// Each card's length in frames.
    func frames(fps: Int) -> Int { max(1, Int((seconds * Double(fps)).rounded())) }
}

/// Draws the cards once into frames of the output's size.
struct TalkCardDrawer {
    let cards: TalkCards
    let context: RenderContext
    let converter: FrameConverter

    init(cards: TalkCards, width: Int, height: Int) throws {
        self.cards = cards
        context = RenderContext(
            resolution: Resolution(width: width, height: height), sceneCount: 2, videoTitle: cards.title)
        converter = try FrameConverter(width: width, height: height)
    }

    func title() throws -> YUVFrame {
        try frame(SceneConfig(sceneID: "title", content: .title(TitleContent(title: cards.title))), index: 0)
    }

    func outro() throws -> YUVFrame {
        try frame(SceneConfig(sceneID: "outro", content: .outro(OutroContent(title: cards.outro))), index: 1)
    }

    private func frame(_ scene: SceneConfig, index: Int) throws -> YUVFrame {
        var context = self.context
        context.sceneIndex = index
        let canvas = try RendererRegistry.standard.render(scene, context: context)
        return try canvas.withBGRA { try converter.convert(bgra: $0, stride: $1) }
    }
}

/// Lays B-roll over output frames: stills decoded once, clips decoded as they play.
final class TalkOverlay {
    private struct Live {
        var shot: TalkShot
        var still: DecodedPicture?
        var clip: VideoClipDecoder?
        var last: DecodedPicture?
    }

    private var shots: [Live]
    private let width: Int
    private let height: Int
    private let fps: Int
    private let compositor = PictureCompositor()

    /// - Parameters:
    ///   - shots: The B-roll, with absolute file paths.
    ///   - width: The output's width.
    ///   - height: The output's height.
    ///   - fps: The output's frame rate.
    init(shots: [TalkShot], width: Int, height: Int, fps: Int) throws {
        self.shots = shots.map { Live(shot: $0) }
        self.width = width
        self.height = height
        self.fps = fps
    }

    /// Where a shot goes in the frame.
    func rect(_ style: BrollPlacement.Style) -> PixelRect {
        switch style {
        case .cutaway: return PixelRect(x: 0, y: 0, width: width, height: height)
        case .pip:
            let w = (width / 3) & ~1
            let h = (w * height / max(1, width)) & ~1
            let margin = (width / 24) & ~1
            return PixelRect(x: width - w - margin, y: height - h - margin, width: w, height: h)
        }
    }

    /// `frame` with the B-roll of output frame `index` drawn on it (the same frame when none).
    func apply(to frame: YUVFrame, at index: Int) throws -> YUVFrame {
        guard let k = shots.firstIndex(where: { $0.shot.frames.contains(index) }) else { return frame }
        let shot = shots[k].shot
        let target = rect(shot.style)
        let url = URL(fileURLWithPath: shot.file)
        let picture: DecodedPicture
        if shot.isClip {
            if shots[k].clip == nil { shots[k].clip = try VideoClipDecoder(url: url) }
            let t = (Double(index - shot.frames.lowerBound) + 0.5) / Double(fps)
            if let next = try shots[k].clip!.picture(at: t) { shots[k].last = next }
            guard let held = shots[k].last else {
                throw VideoError(.media, "\(url.lastPathComponent) has no picture", field: "broll")
            }
            picture = held
        } else {
            if shots[k].still == nil {
                shots[k].still = try ImageDecoder.decode(url, covering: target.width, target.height).picture
            }
            picture = shots[k].still!
        }
        try compositor.draw(
            picture, crop: TalkCutRenderer.cover(picture.width, picture.height, target.width, target.height),
            into: frame, at: target)
        if index + 1 >= shot.frames.upperBound {
            shots[k].clip = nil
            shots[k].still = nil
        }
        return frame
    }
}
