import VideoCore

/// Draws a table under its heading: the header row bold on an accent tint, the body rows in
/// alternating (zebra) shades, columns as wide as their text needs within the frame's width,
/// every cell wrapped whole — never cut with "…". The text is sized to the frame (growing while
/// there is room, shrinking until every row fits) and the table sits balanced in the space
/// under the heading. A table that does not fit at the smallest size is continued on
/// follow-up scenes (`fits` is `false`; `SceneFitter` halves its rows).
package struct TableRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the table.
    package func draw(_ content: TableContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        _ = layout(content, on: canvas, context: context, drawing: true)
    }

    /// Whether every row fits whole at or above the smallest size.
    /// - Throws: `VideoError` (`.render`) when no canvas of the context's size can be made.
    package func fits(_ content: TableContent, context: RenderContext) throws -> Bool {
        layout(content, on: try context.measuringCanvas(), context: context, drawing: false)
    }

    /// Sizes in design pixels.
    private static let size = 34.0, minimumSize = 18.0

    private func layout(_ content: TableContent, on canvas: Canvas, context: RenderContext, drawing: Bool) -> Bool {
        let u = context.scale
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)
        let columns = max(1, content.columnCount)
        func padded(_ row: [String]) -> [String] { row + Array(repeating: "", count: max(0, columns - row.count)) }
        let rows = [padded(content.header)] + content.rows.map(padded)
        let grid = TableGrid(rows: rows, area: area, context: context)
        let largest = BulletColumn.grownSize(Self.size, context) * u
        guard let (style, layout) = grid.largestFitting(from: Self.minimumSize * u, to: largest, on: canvas) else {
            if drawing, let smallest = grid.layout(size: Self.minimumSize * u, on: canvas) {
                draw(grid, smallest.0, smallest.1, top: area.y, rowLimit: area.maxY, on: canvas, context: context)
            }
            return false
        }
        guard drawing else { return true }
        let top = area.y + ((area.height - layout.height) * 0.45).rounded(.down)
        draw(grid, style, layout, top: top, rowLimit: area.maxY, on: canvas, context: context)
        return true
    }

    /// Draws the rows from `top`, leaving out rows that would pass `rowLimit`.
    private func draw(
        _ grid: TableGrid, _ style: TextStyle, _ layout: TableGrid.Layout, top: Double, rowLimit: Double,
        on canvas: Canvas, context: RenderContext
    ) {
        let theme = context.theme, u = context.scale
        var y = top
        let radius = 10 * u
        for (index, row) in grid.rows.enumerated() {
            let height = layout.rowHeights[index]
            guard y + height <= rowLimit + 0.5 else { break }
            let band = Rect(x: grid.area.x, y: y, width: layout.width, height: height)
            if index == 0 {
                canvas.fillRect(
                    band, color: context.accent.mixed(with: theme.background, fraction: 0.7), cornerRadius: radius)
            } else if index % 2 == 0 {
                canvas.fillRect(
                    band, color: theme.surface.mixed(with: theme.background, fraction: 0.25), cornerRadius: radius)
            }
            var x = grid.area.x
            for (column, cell) in row.enumerated() {
                var cellStyle = style
                if index == 0 { cellStyle.weight = .bold }
                let box = Rect(
                    x: x + layout.padding, y: y + layout.padding * 0.6,
                    width: layout.columnWidths[column] - 2 * layout.padding,
                    height: height - layout.padding * 1.2 + 1)
                canvas.draw(TextBlock(cell, style: cellStyle), in: box)
                x += layout.columnWidths[column]
            }
            y += height
        }
        // A thin accent rule under the header.
        let ruleY = top + layout.rowHeights[0]
        canvas.fillRect(
            Rect(x: grid.area.x, y: ruleY - 2 * u, width: layout.width, height: 2 * u), color: context.accent)
    }
}
