import VideoCore

/// The geometry of a table at one text size: column widths from the cells' natural widths,
/// row heights from the wrapped cells.
struct TableGrid {
    /// Every row, the header first, each as wide as the table.
    var rows: [[String]]
    /// The space the table may take.
    var area: Rect
    var context: RenderContext

    struct Layout {
        var columnWidths: [Double]
        var rowHeights: [Double]
        var padding: Double
        var width: Double { columnWidths.reduce(0, +) }
        var height: Double { rowHeights.reduce(0, +) }
    }

    /// The style cells are set in at `size` pixels.
    func style(size: Double) -> TextStyle {
        TextStyle(size: size, minimumSize: size, color: context.theme.text, lineSpacing: 1.05)
    }

    /// The layout at `size`, or `nil` when a cell's longest word cannot fit its column.
    func layout(size: Double, on canvas: Canvas) -> (TextStyle, Layout)? {
        let style = style(size: size)
        let padding = (size * 0.55).rounded()
        let columns = rows.first?.count ?? 0
        guard columns > 0 else { return nil }
        var bold = style
        bold.weight = .bold
        // Each column's natural width: its widest cell on one line.
        let natural = (0..<columns).map { column in
            rows.enumerated().map { index, row in
                canvas.measure(TextBlock(row[column], style: index == 0 ? bold : style)).width
            }.max()! + 2 * padding + 1
        }
        let total = natural.reduce(0, +)
        var widths: [Double]
        if total <= area.width {
            // Room to spare: share it out, so the table spans the frame.
            widths = natural.map { $0 + (area.width - total) / Double(columns) }
        } else {
            // Too wide: widths in proportion, none under half an equal share; text wraps.
            let floor = area.width / Double(columns) / 2
            widths = natural.map { max(floor, area.width * $0 / total) }
            let scale = area.width / widths.reduce(0, +)
            widths = widths.map { $0 * scale }
        }
        widths = widths.map { $0.rounded(.down) }
        var heights: [Double] = []
        for (index, row) in rows.enumerated() {
            var tallest = style.size * 1.2
            for (column, cell) in row.enumerated() {
                let inner = widths[column] - 2 * padding
                let block = TextBlock(cell, style: index == 0 ? bold : style)
                // A word wider than its column would be broken mid-word: too small a column.
                let longestWord =
                    cell.split(whereSeparator: \.isWhitespace).map {
                        canvas.measure(TextBlock(String($0), style: index == 0 ? bold : style)).width
                    }.max() ?? 0
                if longestWord > inner { return nil }
                tallest = max(tallest, canvas.measure(block, width: inner).height)
            }
            heights.append((tallest + padding * 1.2).rounded(.up))
        }
        return (style, Layout(columnWidths: widths, rowHeights: heights, padding: padding))
    }

    /// The layout at the largest size from `smallest` to `largest` at which the whole table
    /// fits the area; `nil` when it does not fit even at `smallest`.
    func largestFitting(from smallest: Double, to largest: Double, on canvas: Canvas) -> (TextStyle, Layout)? {
        func fitting(_ size: Double) -> (TextStyle, Layout)? {
            guard let result = layout(size: size, on: canvas), result.1.height <= area.height else { return nil }
            return result
        }
        if let best = fitting(largest) { return best }
        guard var best = fitting(smallest) else { return nil }
        var lo = smallest, hi = largest
        while hi - lo > 0.5 {
            let mid = (lo + hi) / 2
            if let result = fitting(mid) {
                best = result
                lo = mid
            } else {
                hi = mid
            }
        }
        return best
    }
}
