import VideoAI
import VideoCore

/// A style's colour grade as three 256-entry lookup tables on yuv420p samples.

/// A colour grade compiled to per-plane lookup tables, applied to each output frame in a few
/// milliseconds at 1080p (about three million table look-ups, no floating point per pixel).
///
/// Luma gets brightness, contrast about mid-grey and a shadow lift; the colour-difference
/// planes get saturation (scaling about neutral) and warmth (red up and blue down, or the
/// reverse). Everything stays within the limited (TV) range.
public struct ColorGrade: Sendable, Equatable {
    /// The luma table.
    public let y: [UInt8]
    /// The blue-difference (Cb) table.
    public let u: [UInt8]
    /// The red-difference (Cr) table.
    public let v: [UInt8]
    /// Whether every table is the identity (nothing to apply).
    public let isIdentity: Bool

    /// Compiles a grade.
    public init(_ grade: MontageStyle.Grade) {
        var y = [UInt8](repeating: 0, count: 256), u = y, v = y
        for i in 0..<256 {
            var n = (Double(i) - 16) / 219
            n = (n - 0.5) * grade.contrast + 0.5 + grade.brightness
            n = grade.lift + n * (1 - grade.lift)
            y[i] = UInt8(min(max(16 + n * 219, 16), 235).rounded())
            let c = Double(i) - 128
            u[i] = UInt8(
                min(max(128 + c * grade.saturation - grade.warmth * 14 * (grade.saturation > 0 ? 1 : 0), 16), 240)
                    .rounded())
            v[i] = UInt8(
                min(max(128 + c * grade.saturation + grade.warmth * 14 * (grade.saturation > 0 ? 1 : 0), 16), 240)
                    .rounded())
        }
        self.y = y
        self.u = u
        self.v = v
        isIdentity = grade.isIdentity
    }

    /// Grades `frame` in place (a frame not yet handed to the writer).
    func apply(to frame: YUVFrame) {
        guard !isIdentity else { return }
        frame.applyLookupTables(y: y, u: u, v: v)
    }
}
