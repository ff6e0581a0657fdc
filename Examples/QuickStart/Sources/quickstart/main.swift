import Foundation
import QuickStartKit
import VideoCore
import VideoRender

// Renders the app's release video: `swift run quickstart [OUTPUT_DIR] [WIDTHxHEIGHT]`.
let arguments = CommandLine.arguments.dropFirst()
let output = URL(fileURLWithPath: arguments.first ?? "out")
let resolution = try arguments.dropFirst().first.map { try Resolution(parsing: $0) } ?? .hd1080
let pipeline = VideoPipeline(
    registry: QuickStart.registry, writer: QuickStart.writer, options: RenderOptions(preset: "ultrafast"))
let result = try await pipeline.render(try QuickStart.releaseVideo(resolution: resolution), to: output)
print(result.videoURL.path)
