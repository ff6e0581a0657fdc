import VideoCore

/// Drawing geometry, in pixels: namespaced in `Canvas` (`Canvas.Point`, `Canvas.Size`,
/// `Canvas.Rect`) so the names never clash with a platform's own `Point` or `Rect`.
extension Canvas {
    /// A point in canvas pixels, origin at the top left.
    public struct Point: Hashable, Sendable {
        /// Horizontal position, growing to the right.
        public var x: Double
        /// Vertical position, growing downwards.
        public var y: Double

        /// Creates a point.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A width and height in canvas pixels.
    public struct Size: Hashable, Sendable {
        /// Horizontal extent.
        public var width: Double
        /// Vertical extent.
        public var height: Double

        /// Creates a size.
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// An axis-aligned rectangle in canvas pixels, origin at the top left.
    public struct Rect: Hashable, Sendable, CustomStringConvertible {
        /// Left edge.
        public var x: Double
        /// Top edge.
        public var y: Double
        /// Horizontal extent (not negative for a well-formed rectangle).
        public var width: Double
        /// Vertical extent (not negative for a well-formed rectangle).
        public var height: Double

        /// Creates a rectangle from its top-left corner and size.
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// The left edge.
        public var minX: Double { x }
        /// The top edge.
        public var minY: Double { y }
        /// The right edge.
        public var maxX: Double { x + width }
        /// The bottom edge.
        public var maxY: Double { y + height }
        /// The centre point.
        public var center: Point { Point(x: x + width / 2, y: y + height / 2) }

        /// The rectangle shrunk by `dx` on the left and right and `dy` on the top and bottom
        /// (grown when negative); the size never goes below zero.
        public func insetBy(dx: Double, dy: Double) -> Rect {
            Rect(x: x + dx, y: y + dy, width: max(0, width - 2 * dx), height: max(0, height - 2 * dy))
        }

        /// The rectangle shrunk by a separate amount on each edge; the size never goes below zero.
        public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
            Rect(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
        }

        /// Whether `other` lies entirely within this rectangle (edges included).
        public func contains(_ other: Rect) -> Bool {
            other.minX >= minX && other.minY >= minY && other.maxX <= maxX && other.maxY <= maxY
        }

        /// The smallest rectangle holding both rectangles.
        public func union(_ other: Rect) -> Rect {
            let left = min(minX, other.minX), top = min(minY, other.minY)
            return Rect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
        }

        /// `(x, y, width×height)`.
        public var description: String { "(\(x), \(y), \(width)×\(height))" }
    }

}

// Inside VideoRender the short names read better; other modules write `Canvas.Rect`.
typealias Point = Canvas.Point
typealias Size = Canvas.Size
typealias Rect = Canvas.Rect
