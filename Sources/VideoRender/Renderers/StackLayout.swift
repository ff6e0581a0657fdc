import VideoCore

/// Splits space among blocks stacked in a column (or placed in a row).
enum StackLayout {
    /// The part of `area` that a block `height` tall is drawn in to sit balanced in it: lowered
    /// by 45% of the room it leaves (a little above centre, as `BulletColumn` balances lists),
    /// or all of `area` when it does not fit.
    static func balanced(_ area: Rect, height: Double) -> Rect {
        guard height < area.height else { return area }
        return area.inset(top: ((area.height - height) * 0.45).rounded(.down))
    }

    /// Heights for blocks wanting `preferred` heights within `available` pixels after `gap`s
    /// between them: all they want when it fits; otherwise blocks smaller than an equal share
    /// keep their height and the others share what is left equally.
    static func allocate(_ preferred: [Double], available: Double, gap: Double) -> [Double] {
        let room = max(0, available - gap * Double(max(0, preferred.count - 1)))
        guard preferred.reduce(0, +) > room else { return preferred }
        var result = preferred
        var remaining = room
        var open = Array(preferred.indices)
        while !open.isEmpty {
            let each = remaining / Double(open.count)
            let small = open.filter { preferred[$0] <= each }
            if small.isEmpty {
                for i in open { result[i] = each.rounded(.down) }
                break
            }
            for i in small { remaining -= preferred[i] }
            open.removeAll { preferred[$0] <= each }
        }
        return result
    }

    /// Splits `rect` into a column of rectangles of `heights`, `gap` apart, from the top.
    static func column(_ rect: Rect, heights: [Double], gap: Double) -> [Rect] {
        var y = rect.y
        return heights.map { h in
            defer { y += h + gap }
            return Rect(x: rect.x, y: y, width: rect.width, height: max(0, min(h, rect.maxY - y)))
        }
    }

    /// Splits `rect` into two side by side, the first `fraction` of the width less half the gap.
    static func split(_ rect: Rect, fraction: Double, gap: Double) -> (Rect, Rect) {
        let first = ((rect.width - gap) * fraction).rounded()
        return (
            Rect(x: rect.x, y: rect.y, width: first, height: rect.height),
            Rect(x: rect.x + first + gap, y: rect.y, width: rect.width - first - gap, height: rect.height)
        )
    }
}
