import Foundation
import Testing
import VideoAI
import VideoCore
import VideoRender
import VideoTestSupport

/// Smart crop: a 9:16 or 1:1 crop of a landscape photo follows its salient object.
@Suite struct SmartCropTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-crop") }

    /// A 640×360 photo: a soft grey gradient with a black-and-white checkered square centred at
    /// (`x`, `y`) of its width and height.
    private func photo(x: Double, y: Double) throws -> URL {
        let canvas = try Canvas(width: 640, height: 360)
        for column in 0..<16 {
            let level = 0.45 + 0.1 * Double(column) / 15
            canvas.fillRect(
                Canvas.Rect(x: Double(column) * 40, y: 0, width: 40, height: 360),
                color: RGBColor(red: level, green: level, blue: level))
        }
        for i in 0..<8 {
            for j in 0..<8 {
                canvas.fillRect(
                    Canvas.Rect(
                        x: x * 640 - 40 + Double(i) * 10, y: y * 360 - 40 + Double(j) * 10, width: 10, height: 10),
                    color: (i + j) % 2 == 0 ? .white : .black)
            }
        }
        let url = temporary.file("object-\(x)-\(y).png")
        try canvas.writePNG(to: url)
        return url
    }

    /// The crop's centre, as fractions of the picture, at the end of `segment` (the renderer's formula).
    private func cropCentre(_ motion: MontageTimeline.Motion, zoom: Double, x: Double, y: Double, frameAspect: Double)
        -> (x: Double, y: Double)
    {
        var fw = 1.0, fh = 1.0
        if 16.0 / 9 > frameAspect { fw = frameAspect / (16.0 / 9) } else { fh = (16.0 / 9) / frameAspect }
        fw /= zoom
        fh /= zoom
        return ((1 - fw) * x + fw / 2, (1 - fh) * y + fh / 2)
    }

    @Test(arguments: [(MontageAspect.portrait, 0.82, 0.5), (MontageAspect.square, 0.2, 0.5)])
    func cropMovesTowardTheSalientObject(aspect: MontageAspect, objectX: Double, objectY: Double) throws {
        let url = try photo(x: objectX, y: objectY)
        let media = try MediaAnalyzer().analyzeFile(url)
        let sx = try #require(media.salientX), sy = try #require(media.salientY)
        #expect(abs(sx - objectX) < 0.06 && abs(sy - objectY) < 0.08, "salient point \(sx), \(sy)")

        let beats = stride(from: 0.25, to: 8, by: 0.5).map { $0 }
        let music = AudioAnalysisProfile(
            duration: 8, tempoBPM: 120, beats: beats, downbeats: [],
            energy: .init(hopSeconds: 0.1, values: Array(repeating: 0.3, count: 80)))
        let settings = EditPlanner.Settings(
            videoID: "crop", musicPath: "", aspect: aspect, shortSide: 180, style: MontageStyle.named("natural")!)
        let timeline = try EditPlanner().plan(media: [media], music: music, settings: settings)
        let frameAspect = Double(timeline.width) / Double(timeline.height)
        for segment in timeline.segments {
            let m = segment.motion
            let end = cropCentre(m, zoom: m.endZoom, x: m.endX, y: m.endY, frameAspect: frameAspect)
            let start = cropCentre(m, zoom: m.startZoom, x: m.startX, y: m.startY, frameAspect: frameAspect)
            // The crop ends centred on the object (as far as the picture's edge allows) and moves toward it.
            #expect(abs(end.x - objectX) < 0.1, "crop centre \(end.x) vs object \(objectX)")
            #expect(abs(end.x - objectX) <= abs(start.x - objectX) + 1e-6)
            #expect(abs(end.x - objectX) < abs(0.5 - objectX))
        }
        // Landscape frames keep the plain Ken Burns move (no crop room to aim with).
        var wide = settings
        wide.aspect = .landscape
        let landscape = try EditPlanner().plan(media: [media], music: music, settings: wide)
        #expect(landscape.segments.allSatisfy { [0.3, 0.4, 0.5, 0.6, 0.7].contains($0.motion.endX) })
    }
}
