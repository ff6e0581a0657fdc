import Foundation
import VideoCore
import VideoTestSupport

extension SampleScene {
    /// The content of the image and table samples (pictures from `TestPictures.sampleFolder`).
    func mediaContent() -> SceneContent {
        let folder = (try? TestPictures.sampleFolder) ?? URL(fileURLWithPath: "/nonexistent")
        let long = Self.longText
        // (The long table keeps a short heading: its rows, not its heading, are what overflow.)
        switch self {
        case .imageShort:
            return .image(
                ImageContent(
                    path: folder.appendingPathComponent("picture.png").path,
                    caption: "Four quarters of colour, drawn by the test"))
        case .imageSVG:
            return .image(
                ImageContent(
                    path: folder.appendingPathComponent("drawing.svg").path,
                    caption: "A drawing in SVG, rendered by librsvg"))
        case .imageLong:
            return .image(
                ImageContent(path: folder.appendingPathComponent("picture.png").path, caption: long, zoom: true))
        case .tableShort:
            return .table(
                TableContent(
                    heading: "Supported formats", header: ["Format", "Decoder", "Transparency"],
                    rows: [
                        ["PNG", "libavcodec", "yes"], ["JPEG", "libavcodec", "no"], ["WebP", "libavcodec", "yes"],
                        ["SVG", "librsvg", "yes"],
                    ]))
        case .tableLong:
            return .table(
                TableContent(
                    heading: "Forty rows", header: ["Name", "What it does", "Since"],
                    rows: (1...40).map {
                        ["item\($0)", "A cell with a few more words to wrap, number \($0)", "v\($0)"]
                    }))
        default:
            return .title(TitleContent(title: rawValue))
        }
    }
}
