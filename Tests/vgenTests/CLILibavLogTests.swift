import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// libav's own log lines stay off the console unless `--verbose` asks for them, and then
/// they are marked as libav's.
@Suite struct CLILibavLogTests {
    /// An AAC file with a stretch of its frames scrambled: libav decodes around the damage
    /// and logs what it met ("channel element … is not allocated").
    func damagedSong(in folder: TemporaryDirectory) throws -> URL {
        let url = folder.url.appendingPathComponent("damaged.m4a")
        let writer = try AudioFileWriter(url: url, sampleRate: 22_050)
        let tone = (0..<(22_050 * 6)).map { Float(sin(Double($0) * 2 * .pi * 440 / 22_050) * 0.5) }
        try writer.write(tone)
        try writer.finish()
        var bytes = [UInt8](try Data(contentsOf: url))
        for i in (bytes.count / 3)..<(bytes.count / 3 + 400) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: url)
        return url
    }

    @Test func libavIsSilentByDefaultAndMarkedWithVerbose() async throws {
        let folder = try TemporaryDirectory(prefix: "vgen-libav-log")
        let song = try damagedSong(in: folder)

        let quiet = try await CLI.run(["beats", song.path])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.contains("tempo"))
        #expect(quiet.stderr.isEmpty, "libav printed on its own: \(quiet.stderr)")

        let verbose = try await CLI.run(["beats", "--verbose", song.path])
        #expect(verbose.status == 0, "\(verbose.stderr)")
        #expect(verbose.stdout == quiet.stdout, "--verbose changes nothing but the log")
        let lines = verbose.stderr.split(separator: "\n")
        #expect(!lines.isEmpty, "the damage was logged")
        #expect(lines.allSatisfy { $0.hasPrefix("libav: [") }, "\(lines)")
        #expect(!verbose.stderr.contains(" @ 0x"), "no addresses: \(verbose.stderr)")
    }

    @Test func addressesAreTakenOutOfLines() {
        #expect(LibavLog.withoutAddresses("[ogg @ 0x55d0c8a3c2c0] CRC mismatch!") == "[ogg] CRC mismatch!")
        #expect(
            LibavLog.withoutAddresses("[SWR @ 0xab] [in @ 0x1f] Rematrix is needed") == "[SWR] [in] Rematrix is needed")
        #expect(LibavLog.withoutAddresses("no address here") == "no address here")
    }
}
