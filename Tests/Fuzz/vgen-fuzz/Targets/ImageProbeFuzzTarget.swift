import Foundation
import VideoCore
import VideoTestSupport

/// The image probe and decoder that read every photo of a montage and every picture of a
/// scene: any bytes are a picture within the pixel limit, or a `VideoError` naming the file.
/// The bytes are written to a file in the scratch folder (libavformat reads files).
struct ImageProbeFuzzTarget: FuzzTarget {
    static let name = "image"
    let scratch: URL

    init(scratch: URL) throws { self.scratch = scratch }

    func seeds() throws -> [Data] {
        let png = scratch.appendingPathComponent("seed.png")
        try TestPictures.writePNG(to: png, width: 48, height: 32)
        let svg = scratch.appendingPathComponent("seed.svg")
        try TestPictures.writeSVG(to: svg)
        let picture = try ImageDecoder.decode(png, covering: 48, 32).picture
        let jpeg = try ImageEncoder.encode(picture, format: .jpeg(quality: 5))
        return try [png, svg].map { try Data(contentsOf: $0) } + [jpeg]
    }

    func run(_ data: Data) throws {
        let url = scratch.appendingPathComponent("input")
        try data.write(to: url)
        // A small limit, so the fuzzer reaches the refusal of oversized pictures cheaply.
        _ = try ImageDecoder.decode(url, covering: 64, 36, maximumPixels: 4_000_000)
    }
}
