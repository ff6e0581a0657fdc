/// Bit-level reading and writing of H.264 syntax: fixed-width fields, Exp-Golomb codes
/// (ITU-T H.264 §9.1) and the emulation prevention of NAL units (§7.4.1).

/// Reads an RBSP (a NAL unit's payload with its emulation prevention bytes removed) bit by bit.
struct H264BitReader {
    private let bytes: [UInt8]
    private var position = 0

    /// Starts at the first bit of `rbsp`.
    init(rbsp: [UInt8]) { bytes = rbsp }

    /// Reads one bit.
    mutating func bit() throws -> UInt32 {
        guard position < bytes.count * 8 else { throw VideoError(.media, "an H.264 header ends early") }
        defer { position += 1 }
        return UInt32(bytes[position >> 3] >> (7 - UInt8(position & 7)) & 1)
    }

    /// Reads `count` bits (0–32), most significant first: `u(n)`.
    mutating func bits(_ count: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count { value = value << 1 | (try bit()) }
        return value
    }

    /// Reads a flag: `u(1)`.
    mutating func flag() throws -> Bool { try bit() == 1 }

    /// Reads an unsigned Exp-Golomb code: `ue(v)` (§9.1).
    mutating func ue() throws -> UInt32 {
        var zeros = 0
        while try bit() == 0 {
            zeros += 1
            guard zeros < 32 else { throw VideoError(.media, "an H.264 Exp-Golomb code is too long") }
        }
        return (1 << zeros) - 1 + (try bits(zeros))
    }

    /// Reads a signed Exp-Golomb code: `se(v)` (§9.1.1).
    mutating func se() throws -> Int32 {
        let code = try ue()
        return code & 1 == 1 ? Int32((code + 1) / 2) : -Int32(code / 2)
    }
}

/// Writes an RBSP bit by bit.
struct H264BitWriter {
    private(set) var bytes: [UInt8] = []
    private var used = 8

    /// Appends one bit.
    mutating func bit(_ value: Bool) {
        if used == 8 {
            bytes.append(0)
            used = 0
        }
        if value { bytes[bytes.count - 1] |= 0x80 >> UInt8(used) }
        used += 1
    }

    /// Appends the low `count` bits of `value`, most significant first: `u(n)`.
    mutating func bits(_ value: UInt32, _ count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) { bit(value >> UInt32(i) & 1 == 1) }
    }

    /// Appends an unsigned Exp-Golomb code: `ue(v)`, `2^k − 1 + bits` with `k` leading zeros.
    mutating func ue(_ value: UInt32) {
        let code = UInt64(value) + 1
        let length = 64 - code.leadingZeroBitCount
        bits(0, length - 1)
        for i in stride(from: length - 1, through: 0, by: -1) { bit(code >> UInt64(i) & 1 == 1) }
    }

    /// Appends a signed Exp-Golomb code: `se(v)`, positive values to odd codes.
    mutating func se(_ value: Int32) {
        ue(value > 0 ? UInt32(2 * Int64(value) - 1) : UInt32(-2 * Int64(value)))
    }

    /// Ends the RBSP: the stop bit, then zero bits to the byte boundary (`rbsp_trailing_bits`).
    mutating func trailingBits() {
        bit(true)
        used = 8
    }
}

/// NAL unit framing: Annex B start codes, AVCC length prefixes and emulation prevention.
enum H264NAL {
    /// The NAL units of an Annex B byte stream (`00 00 01` or `00 00 00 01` before each), as
    /// escaped NAL bytes (header included).
    static func units(annexB data: [UInt8]) -> [[UInt8]] {
        var starts: [(code: Int, payload: Int)] = []
        var i = 0
        while i + 2 < data.count {
            if data[i] == 0, data[i + 1] == 0, data[i + 2] == 1 {
                starts.append((i > 0 && data[i - 1] == 0 ? i - 1 : i, i + 3))
                i += 3
            } else {
                i += 1
            }
        }
        return starts.indices.map { k in
            let end = k + 1 < starts.count ? starts[k + 1].code : data.count
            return Array(data[starts[k].payload..<max(starts[k].payload, end)])
        }
    }

    /// The SPS and PPS NAL units of a codec's extradata, in AVCC (`avcC` box) or Annex B form.
    static func parameterSets(extradata: [UInt8]) throws -> (sps: [UInt8], pps: [UInt8]) {
        var units: [[UInt8]]
        if extradata.first == 1 {
            // avcC: version, profile, compatibility, level, length size, then counted SPS and PPS.
            units = []
            var at = 5
            func take() throws -> [UInt8] {
                guard at + 2 <= extradata.count else { throw VideoError(.media, "the H.264 avcC header ends early") }
                let length = Int(extradata[at]) << 8 | Int(extradata[at + 1])
                guard at + 2 + length <= extradata.count else {
                    throw VideoError(.media, "the H.264 avcC header ends early")
                }
                defer { at += 2 + length }
                return Array(extradata[(at + 2)..<(at + 2 + length)])
            }
            guard extradata.count > at else { throw VideoError(.media, "the H.264 avcC header ends early") }
            let spsCount = Int(extradata[at] & 0x1F)
            at += 1
            for _ in 0..<spsCount { units.append(try take()) }
            guard at < extradata.count else { throw VideoError(.media, "the H.264 avcC header has no PPS") }
            let ppsCount = Int(extradata[at])
            at += 1
            for _ in 0..<ppsCount { units.append(try take()) }
        } else {
            units = Self.units(annexB: extradata)
        }
        guard let sps = units.first(where: { $0.first.map { $0 & 0x1F == 7 } ?? false }),
            let pps = units.first(where: { $0.first.map { $0 & 0x1F == 8 } ?? false })
        else { throw VideoError(.media, "the H.264 stream description holds no SPS and PPS") }
        return (sps, pps)
    }

    /// A NAL unit's RBSP: the bytes after its one-byte header, emulation prevention removed.
    static func rbsp(_ unit: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(unit.count)
        var zeros = 0
        for byte in unit.dropFirst() {
            if zeros >= 2 && byte == 3 {
                zeros = 0
                continue
            }
            out.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return out
    }

    /// A NAL unit with `header` and `rbsp`, emulation prevention added (§7.4.1: no `00 00 0x`
    /// with x ≤ 3 inside a NAL unit), behind a four-byte Annex B start code.
    static func annexB(header: UInt8, rbsp: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0, 0, 0, 1, header]
        var zeros = 0
        for byte in rbsp {
            if zeros >= 2 && byte <= 3 {
                out.append(3)
                zeros = 0
            }
            out.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return out
    }
}
