import Foundation
import Testing
import VideoCore

@testable import VideoRender

/// Writes contact sheets of the built-in scene types for people to look at.
@Suite struct ContactSheetTests {
    /// Renders each scene type at `tile` size and lays them out `columns` wide on one canvas.
    func sheet(
        tile: Resolution, columns: Int, theme: VideoTheme, samples: [SampleScene] = SampleScene.oneOfEachType
    ) throws -> Canvas {
        let gap = 16, rows = (samples.count + columns - 1) / columns
        let sheet = try Canvas(
            width: columns * tile.width + (columns + 1) * gap, height: rows * tile.height + (rows + 1) * gap)
        sheet.fill(RGBColor(hex: 0x555555))
        for (i, sample) in samples.enumerated() {
            let context = RenderContext(
                resolution: tile, accentColor: AccentColor.allCases[i % AccentColor.allCases.count], theme: theme,
                sceneIndex: i, sceneCount: samples.count, videoTitle: "All the scenes")
            let canvas = try RendererRegistry.standard.render(try sample.scene(), context: context)
            let origin = Point(
                x: Double(gap + (i % columns) * (tile.width + gap)),
                y: Double(gap + (i / columns) * (tile.height + gap)))
            sheet.paint(canvas, at: origin)
        }
        return sheet
    }

    @Test func writesContactSheetsOfAllTwelveScenes() throws {
        let dir = try contactDirectory()
        let sheets: [(String, Resolution, Int, VideoTheme)] = [
            ("scenes-16x9-dark.png", Resolution(width: 960, height: 540), 3, .dark),
            ("scenes-9x16-light.png", Resolution(width: 404, height: 720), 6, .light),
            ("scenes-1x1-dark.png", Resolution(width: 540, height: 540), 4, .dark),
        ]
        let overflowing: [SampleScene] = [
            .comparisonLong, .objectivesMany, .problemLong, .solutionLong, .solutionCodeOnly, .quizLong,
            .checkpointLong,
            .exerciseLong, .commandLong,
        ]
        for (name, tile, columns, theme, samples) in sheets.map({ ($0.0, $0.1, $0.2, $0.3, SampleScene.oneOfEachType) })
            + [("scenes-overflowing.png", Resolution(width: 960, height: 540), 3, VideoTheme.dark, overflowing)]
        {
            let canvas = try sheet(tile: tile, columns: columns, theme: theme, samples: samples)
            let url = dir.appendingPathComponent(name)
            try canvas.writePNG(to: url)
            print("contact sheet: \(url.path)")
            let data = try Data(contentsOf: url)
            #expect(data.count > 50_000, "\(name) is suspiciously small")
        }
    }
}
