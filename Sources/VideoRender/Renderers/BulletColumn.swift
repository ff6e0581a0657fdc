import Foundation
import VideoCore

/// Items stacked under each other with a marker in the accent colour, shrunk together to fit.
struct BulletColumn {
    enum Marker {
        /// A filled accent dot.
        case dot
        /// The item's number in the accent colour.
        case number
        /// The item's number in a filled accent circle.
        case badge
        /// A check mark in a filled accent circle (done).
        case check
        /// A hollow ring in the secondary colour (still to come).
        case ring

        /// How far the text starts from the marker's edge, in font sizes.
        var indent: Double {
            switch self {
            case .dot, .number: return 1.15
            case .badge, .check, .ring: return 1.55
            }
        }
    }

    var items: [String]
    var size: Double
    var minimumSize: Double
    var bullet: Marker
    /// The item text's colour; `nil` for the theme's text colour.
    var textColor: RGBColor? = nil
    /// Whether each item is lit (aligned with `items`); an item not lit is drawn dimmed, in
    /// its place, so nothing moves when it lights up. Empty: all lit.
    var lit: [Bool] = []
    /// The largest size the items grow to when there is room (design pixels); `nil` keeps
    /// `size` as the largest.
    var maximumSize: Double? = nil
    /// Whether the column sits balanced in the middle of its area (a little above centre)
    /// rather than at its top.
    var balanced = false

    /// The items that are drawn (not blank), with whether each is lit.
    private var shownItems: [(text: String, lit: Bool)] {
        items.enumerated().compactMap { index, item in
            item.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? nil : (item, index < lit.count ? lit[index] : true)
        }
    }

    /// The height the column takes at its full size (or at `size` design pixels), `width`
    /// pixels wide.
    func preferredHeight(width: Double, on canvas: Canvas, context: RenderContext, size: Double? = nil) -> Double {
        let items = items.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !items.isEmpty else { return 0 }
        let style = TextStyle(size: (size ?? self.size) * context.scale, color: context.theme.text, lineSpacing: 1.08)
        let textWidth = width - style.size * bullet.indent
        let heights = items.map { canvas.measure(TextBlock($0, style: style), width: textWidth).height.rounded(.up) }
        return heights.reduce(0, +) + style.size * 0.6 * Double(items.count - 1)
    }

    /// Draws the column; returns whether every item fitted whole.
    @discardableResult
    func draw(in area: Rect, on canvas: Canvas, context: RenderContext) -> Bool {
        let shown = shownItems
        let items = shown.map(\.text)
        guard !items.isEmpty, area.height > 0 else { return true }
        let u = context.scale
        let base = TextStyle(size: size * u, color: textColor ?? context.theme.text, lineSpacing: 1.08)
        let minScale = minimumSize / size

        func layout(at scale: Double) -> (style: TextStyle, indent: Double, gap: Double, heights: [Double]) {
            let style = base.scaled(by: scale)
            let indent = style.size * bullet.indent, gap = style.size * 0.6
            let width = area.width - indent
            let heights = items.map { canvas.measure(TextBlock($0, style: style), width: width).height.rounded(.up) }
            return (style, indent, gap, heights)
        }
        func total(_ l: (style: TextStyle, indent: Double, gap: Double, heights: [Double])) -> Double {
            l.heights.reduce(0, +) + l.gap * Double(items.count - 1)
        }

        var chosen = layout(at: 1)
        var fits = total(chosen) <= area.height
        if fits, let maximumSize, maximumSize > size {
            // Room to spare: grow up to the largest size that still fits.
            var lo = 1.0, hi = maximumSize / size
            let largest = layout(at: hi)
            if total(largest) <= area.height {
                chosen = largest
            } else {
                while hi - lo > 0.02 {
                    let mid = (lo + hi) / 2
                    let candidate = layout(at: mid)
                    if total(candidate) <= area.height { lo = mid; chosen = candidate } else { hi = mid }
                }
            }
        }
        if !fits {
            let smallest = layout(at: minScale)
            if total(smallest) <= area.height {
                var lo = minScale, hi = 1.0
                chosen = smallest
                while hi - lo > 0.02 {
                    let mid = (lo + hi) / 2
                    let candidate = layout(at: mid)
                    if total(candidate) <= area.height { lo = mid; chosen = candidate } else { hi = mid }
                }
                fits = true
            } else {
                chosen = smallest
            }
        }
        let lineHeight = (chosen.style.size * 1.17 * chosen.style.lineSpacing).rounded(.up)
        let gaps = chosen.gap * Double(items.count - 1)
        var allowed = fits ? chosen.heights : share(area.height - gaps, among: chosen.heights)
        var shownCount = items.count
        if !fits, allowed.contains(where: { $0 < lineHeight }) {
            // Too many items to give each a line: show the first ones whole and say how many
            // are left out.
            let room = area.height - lineHeight - chosen.gap
            var used = 0.0
            shownCount = 0
            while shownCount < items.count, used + chosen.heights[shownCount] <= room {
                used += chosen.heights[shownCount] + chosen.gap
                shownCount += 1
            }
            allowed = Array(chosen.heights.prefix(shownCount))
            if shownCount == 0, room >= lineHeight {
                // Not even the first item fits whole: show as much of it as there is room for.
                shownCount = 1
                allowed = [room.rounded(.down)]
            }
        }
        var y = area.minY
        if balanced, fits {
            y += ((area.height - total(chosen)) * 0.45).rounded(.down)
        }
        var allFitted = fits
        for (index, item) in items.prefix(shownCount).enumerated() {
            var style = chosen.style
            let dimmed = !shown[index].lit
            if dimmed { style.color = Self.dimmed(style.color, context: context) }
            let block = TextBlock(item, style: style)
            let rtl = context.language.isRightToLeft || canvas.isRightToLeft(block)
            let box = Rect(
                x: rtl ? area.x : area.x + chosen.indent, y: y, width: area.width - chosen.indent,
                height: min(allowed[index], area.maxY - y))
            let fit = canvas.draw(block, in: box)
            allFitted = allFitted && fit.fits
            let markerX = rtl ? area.maxX - chosen.indent + chosen.style.size * 0.5 : area.x
            drawMarker(
                index: index, style: chosen.style, top: fit.frame.minY, x: markerX, dimmed: dimmed, on: canvas,
                context: context)
            y += allowed[index] + chosen.gap
        }
        if shownCount < items.count {
            var note = chosen.style
            note.color = context.theme.secondaryText
            note.italic = true
            let box = Rect(
                x: area.x + chosen.indent, y: y, width: area.width - chosen.indent, height: max(0, area.maxY - y))
            canvas.draw(TextBlock("+ \(items.count - shownCount) more", style: note), in: box)
        }
        return allFitted
    }

    /// A colour as drawn for an item not yet lit: most of the way to the background.
    static func dimmed(_ color: RGBColor, context: RenderContext) -> RGBColor {
        color.mixed(with: context.theme.background, fraction: 0.7)
    }

    private func drawMarker(
        index: Int, style: TextStyle, top: Double, x: Double, dimmed: Bool, on canvas: Canvas,
        context: RenderContext
    ) {
        var context = context
        if dimmed {
            // The marker dims with its item.
            context.theme.secondaryText = Self.dimmed(context.theme.secondaryText, context: context)
        }
        let accent = dimmed ? Self.dimmed(context.accent, context: context) : context.accent
        let lineCenter = top + style.size * 1.17 * style.lineSpacing / 2
        switch bullet {
        case .dot:
            let d = style.size * 0.34
            canvas.fillEllipse(
                in: Rect(x: x + style.size * 0.1, y: lineCenter - d / 2, width: d, height: d), color: accent)
        case .badge, .check, .ring:
            let d = (style.size * 1.05).rounded()
            let circle = Rect(x: x, y: (lineCenter - d / 2).rounded(), width: d, height: d)
            if bullet == .ring {
                let ring = Rect(x: circle.x + d * 0.12, y: circle.y + d * 0.12, width: d * 0.76, height: d * 0.76)
                canvas.fillEllipse(in: ring, color: context.theme.secondaryText)
                canvas.fillEllipse(in: ring.insetBy(dx: d * 0.09, dy: d * 0.09), color: context.theme.background)
                return
            }
            canvas.fillEllipse(in: circle, color: accent)
            let mark = TextStyle(
                size: style.size * (bullet == .check ? 0.7 : 0.62), weight: .bold, color: context.theme.background,
                alignment: .center)
            canvas.draw(
                TextBlock(bullet == .check ? "\u{2713}" : "\(index + 1)", style: mark), in: circle,
                verticalAlignment: .center)
        case .number:
            var numberStyle = style
            numberStyle.weight = .bold
            numberStyle.color = accent
            canvas.draw(
                TextBlock("\(index + 1)", style: numberStyle),
                in: Rect(x: x, y: top, width: style.size * 1.0, height: style.size * 1.4))
        }
    }

    /// Splits `available` height among items needing `heights`: short items keep theirs, the
    /// rest share what is left equally.
    private func share(_ available: Double, among heights: [Double]) -> [Double] {
        var result = heights
        var remaining = max(0, available)
        var open = Array(heights.indices)
        while !open.isEmpty {
            let each = remaining / Double(open.count)
            let small = open.filter { heights[$0] <= each }
            if small.isEmpty {
                for i in open { result[i] = each.rounded(.down) }
                break
            }
            for i in small { remaining -= heights[i] }
            open.removeAll { heights[$0] <= each }
        }
        return result
    }
}

extension BulletColumn {
    /// The largest size a column of `size` grows to in `context`'s frame: half as large again
    /// on landscape frames, twice as large on portrait ones (whose content area is tall and
    /// narrow, so text grows until it fills the width).
    static func grownSize(_ size: Double, _ context: RenderContext) -> Double {
        context.isWide ? size * 1.5 : size * 2
    }
}

extension BulletColumn {
    /// The largest size from `size` up to `maximum` at which `height(size)` is at most
    /// `limit` (`size` itself when even that is too tall), found to half a pixel.
    static func largestSize(from size: Double, to maximum: Double, limit: Double, height: (Double) -> Double)
        -> Double
    {
        guard maximum > size, height(size) <= limit else { return size }
        if height(maximum) <= limit { return maximum }
        var lo = size, hi = maximum
        while hi - lo > 0.5 {
            let mid = (lo + hi) / 2
            if height(mid) <= limit { lo = mid } else { hi = mid }
        }
        return lo
    }
}

extension BulletColumn {
    /// Whether the column has no item to draw.
    var isEmpty: Bool { shownItems.isEmpty }
}
