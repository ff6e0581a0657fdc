import Foundation
import Testing

@testable import VideoCore

/// The montage's per-frame kernels (`BilinearScaler` through `PictureCompositor`,
/// `YUVRowKernels` through `YUVFrame`, `YUVFramePool`) against plain reference implementations.
@Suite struct MontageKernelTests {
    /// A photo-like test picture: gradients, hard edges and seeded noise, converted to yuv420p.
    private static func picture(width: Int, height: Int, seed: UInt64) throws -> YUVFrame {
        var state = seed
        func noise() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 59) - 16
        }
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let edge = (x / 37 + y / 23) % 2 == 0 ? 60 : 0
                let i = (y * width + x) * 4
                pixels[i] = UInt8(clamping: x * 255 / width + noise())
                pixels[i + 1] = UInt8(clamping: y * 255 / height + edge + noise())
                pixels[i + 2] = UInt8(clamping: (x + y) * 127 / (width + height) + 64 + noise())
            }
        }
        let converter = try FrameConverter(width: width, height: height)
        return try pixels.withUnsafeBytes { try converter.convert(bgra: $0.baseAddress!, stride: width * 4) }
    }

    /// Exact bilinear interpolation (centre-aligned, edges clamped) of a plane, in floating point.
    private static func reference(
        _ plane: [UInt8], width: Int, height: Int, crop: (Double, Double, Double, Double), outWidth: Int,
        outHeight: Int
    ) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: outWidth * outHeight)
        func sample(_ x: Int, _ y: Int) -> Double { Double(plane[min(y, height - 1) * width + min(x, width - 1)]) }
        for oy in 0..<outHeight {
            let sy = min(max(crop.1 + (Double(oy) + 0.5) * crop.3 / Double(outHeight) - 0.5, 0), Double(height - 1))
            let y0 = Int(sy), fy = sy - Double(y0)
            for ox in 0..<outWidth {
                let sx = min(max(crop.0 + (Double(ox) + 0.5) * crop.2 / Double(outWidth) - 0.5, 0), Double(width - 1))
                let x0 = Int(sx), fx = sx - Double(x0)
                let top = sample(x0, y0) * (1 - fx) + sample(x0 + 1, y0) * fx
                let bottom = sample(x0, y0 + 1) * (1 - fx) + sample(x0 + 1, y0 + 1) * fx
                out[oy * outWidth + ox] = UInt8((top * (1 - fy) + bottom * fy).rounded())
            }
        }
        return out
    }

    /// The samples of `rect` (luma coordinates) in plane `index` of `frame`.
    private static func region(_ frame: YUVFrame, plane index: Int, _ rect: PixelRect) -> [UInt8] {
        let shift = index == 0 ? 0 : 1
        let planeWidth = index == 0 ? frame.width : (frame.width + 1) / 2
        let all = frame.plane(index)
        let x0 = rect.x >> shift, y0 = rect.y >> shift
        let w = (rect.width + shift) >> shift, h = (rect.height + shift) >> shift
        var out: [UInt8] = []
        for row in 0..<h {
            let start = (y0 + row) * planeWidth + x0
            out += all[start..<start + w]
        }
        return out
    }

    private static func psnr(_ a: [UInt8], _ b: [UInt8]) -> Double {
        var sum = 0.0
        for (x, y) in zip(a, b) {
            let d = Double(x) - Double(y)
            sum += d * d
        }
        let mse = sum / Double(a.count)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    @Test(arguments: [
        // Ken Burns shrinks (zoom 1.05–1.3, fractional pans), 1:1, enlargements, odd sizes, a rectangle inside.
        (PixelRect(x: 0, y: 0, width: 400, height: 300), PixelRect(x: 0, y: 0, width: 320, height: 240)),
        (PixelRect(x: 37, y: 21, width: 333, height: 251), PixelRect(x: 0, y: 0, width: 320, height: 240)),
        (PixelRect(x: 0, y: 0, width: 320, height: 240), PixelRect(x: 0, y: 0, width: 320, height: 240)),
        (PixelRect(x: 101, y: 77, width: 150, height: 113), PixelRect(x: 0, y: 0, width: 320, height: 240)),
        (PixelRect(x: 3, y: 5, width: 397, height: 291), PixelRect(x: 42, y: 18, width: 237, height: 181)),
    ])
    func simdScalerMatchesExactBilinear(crop: PixelRect, rect: PixelRect) throws {
        let source = try Self.picture(width: 400, height: 300, seed: 7)
        let target = try YUVFrame.filled(width: 320, height: 240)
        try PictureCompositor(simdBilinear: true).draw(try source.picture(), crop: crop, into: target, at: rect)
        let swscaled = try YUVFrame.filled(width: 320, height: 240)
        try PictureCompositor().draw(try source.picture(), crop: crop, into: swscaled, at: rect)
        for plane in 0..<3 {
            let scale = plane == 0 ? 1.0 : 0.5
            let (w, h) = plane == 0 ? (400, 300) : (200, 150)
            let expected = Self.reference(
                source.plane(plane), width: w, height: h,
                crop: (
                    Double(crop.x) * scale, Double(crop.y) * scale, Double(crop.width) * scale,
                    Double(crop.height) * scale
                ),
                outWidth: (rect.width + (plane == 0 ? 0 : 1)) >> (plane == 0 ? 0 : 1),
                outHeight: (rect.height + (plane == 0 ? 0 : 1)) >> (plane == 0 ? 0 : 1))
            let got = Self.region(target, plane: plane, rect)
            let worst = zip(got, expected).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(worst <= 1, "plane \(plane): off by \(worst) from exact bilinear")
            #expect(Self.psnr(got, expected) >= 50)
            // And close to what swscale's fast bilinear made before (different rounding and siting).
            #expect(Self.psnr(got, Self.region(swscaled, plane: plane, rect)) >= 30)
        }
        // Outside the rectangle the target is untouched (still black).
        let luma = target.plane(0)
        if rect.x > 0 { #expect(luma[rect.y * 320] == 16) }
    }

    @Test func simdScalerLeavesStrongShrinksAndOtherFormatsToSwscale() throws {
        let source = try Self.picture(width: 400, height: 300, seed: 3)
        let crop = PixelRect(x: 0, y: 0, width: 400, height: 300), rect = PixelRect(x: 0, y: 0, width: 40, height: 30)
        let simd = try YUVFrame.filled(width: 40, height: 30), plain = try YUVFrame.filled(width: 40, height: 30)
        try PictureCompositor(simdBilinear: true).draw(try source.picture(), crop: crop, into: simd, at: rect)
        try PictureCompositor().draw(try source.picture(), crop: crop, into: plain, at: rect)
        #expect((0..<3).allSatisfy { simd.plane($0) == plain.plane($0) })
    }

    @Test(arguments: [0.0, 1 / 7.0, 0.5, 0.93, 1.0])
    func blendMatchesTheFixedPointFormula(weight: Double) throws {
        // 333 wide: rows end off the 16-sample blocks, so the scalar tail is exercised too.
        let a = try Self.picture(width: 334, height: 62, seed: 1), b = try Self.picture(width: 334, height: 62, seed: 2)
        let pool = try YUVFramePool(width: 334, height: 62)
        let w = Int(weight * 256)
        for out in [try a.blended(with: b, weight: weight), try a.blended(with: b, weight: weight, pool: pool)] {
            for plane in 0..<3 {
                let expected = zip(a.plane(plane), b.plane(plane)).map {
                    UInt8((Int($0) * (256 - w) + Int($1) * w + 128) >> 8)
                }
                #expect(out.plane(plane) == expected)
                // Within a code value of the exact mix.
                let exact = zip(a.plane(plane), b.plane(plane)).map { Double($0) * (1 - weight) + Double($1) * weight }
                #expect(zip(out.plane(plane), exact).allSatisfy { abs(Double($0) - $1) <= 1 })
            }
        }
    }

    @Test func lookupTablesMapEverySample() throws {
        let frame = try Self.picture(width: 333, height: 61, seed: 5)
        let before = (0..<3).map { frame.plane($0) }
        let y = (0..<256).map { UInt8(255 - $0) }, u = (0..<256).map { UInt8(($0 * 7) & 255) }
        let v = (0..<256).map { UInt8($0 / 2) }
        frame.applyLookupTables(y: y, u: u, v: v)
        for (plane, table) in [y, u, v].enumerated() {
            #expect(frame.plane(plane) == before[plane].map { table[Int($0)] })
        }
    }

    @Test func pooledFramesAreReusedOnlyOnceReleased() throws {
        let pool = try YUVFramePool(width: 64, height: 48)
        var held = try pool.filled(y: 200, u: 50, v: 90)
        #expect(held.plane(0).allSatisfy { $0 == 200 } && held.plane(2).allSatisfy { $0 == 90 })
        // A second frame while the first is held is a different buffer: filling it leaves the first alone.
        let other = try pool.filled(y: 17)
        #expect(held.plane(0).allSatisfy { $0 == 200 } && other.plane(0).allSatisfy { $0 == 17 })
        // A reference the encoder would hold (a picture view) keeps the buffer out of the pool.
        let view = try held.picture()
        held = try pool.filled(y: 99)
        let copy = try YUVFrame.filled(width: 64, height: 48)
        try PictureCompositor().draw(
            view, crop: PixelRect(x: 0, y: 0, width: 64, height: 48), into: copy,
            at: PixelRect(x: 0, y: 0, width: 64, height: 48))
        #expect(copy.plane(0).allSatisfy { $0 == 200 })
        #expect(held.plane(0).allSatisfy { $0 == 99 } && held.width == 64 && held.height == 48)
    }
}
