import Foundation
import Testing

@testable import VideoCore

/// The montage's per-frame kernels (`YUVRowKernels` through `YUVFrame`, `YUVFramePool`) against
/// plain reference implementations.
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
