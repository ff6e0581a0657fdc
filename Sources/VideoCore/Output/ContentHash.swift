import Foundation

/// The content hash that names cached files (segments, chunks, speech).

/// 128 bits of FNV-1a (two differently seeded and mixed 64-bit lanes) as 32 hex digits: enough
/// to name cache entries by what they were made from. Not a cryptographic hash.
package enum ContentHash {
    /// The hash of `bytes`.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = b ^ (b >> 29)
        }
        return padded(a) + padded(b)
    }

    /// The hash of `material`'s canonical JSON (sorted keys).
    /// - Throws: `EncodingError` when `material` cannot be encoded.
    package static func hex(of material: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return hex(try encoder.encode(material))
    }

    private static func padded(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
