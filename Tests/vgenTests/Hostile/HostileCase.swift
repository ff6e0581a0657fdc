import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// One hostile input and what `vgen` must do with it.
///
/// The case's files are made by code in a fresh `work/` folder (no binary blobs in the
/// repository); `vgen` runs there with `arguments`, under processor-time and address-space
/// limits, and every output must land in `work/out/`.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// What the run must end in.
    enum Outcome: Sendable {
        /// Exit status 0.
        case accepted
        /// Exit status 1 and one line `vgen: error: …` holding each of these texts (the file's
        /// name and the problem).
        case rejected(_ file: String, _ problem: String)
    }

    /// The case's name: the input kind, then what is wrong with it.
    let name: String
    /// Writes the case's input files into the `work/` folder it is given.
    let setup: @Sendable (URL) async throws -> Void
    /// `vgen`'s arguments, run in `work/`.
    let arguments: [String]
    /// The outcome it must have.
    let expected: Outcome

    var testDescription: String { name }

    /// The limits every case runs under: generous for a debug build on a loaded machine, far
    /// below what a runaway (the 563 MB, 145 s documents of issue 19) takes.
    static let limits = BoundedProcess.Limits(cpuSeconds: 60, addressSpace: 16 << 30)
    /// The most resident memory a case may use, in bytes.
    static let memoryBound = 1_000 << 20

    /// Runs the case and checks its outcome, its bounds and that it wrote only into `work/out/`.
    func check() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-hostile")
        let work = try temporary.folder("work")
        let logs = try temporary.folder("logs")
        try await setup(work)
        let before = try HostileSnapshot(of: temporary.url, ignoring: ["work/out", "logs"])
        let outcome = try await BoundedProcess.run(
            CLI.executable, arguments, in: work, environment: CLI.environment(), limits: Self.limits, logs: logs)
        let after = try HostileSnapshot(of: temporary.url, ignoring: ["work/out", "logs"])
        let report = "\(name): \(outcome.stderr.suffix(600))"
        #expect(outcome.signal == nil, "killed by signal \(outcome.signal ?? 0): \(report)")
        #expect(outcome.peakMemory < Self.memoryBound, "\(outcome.peakMemory >> 20) MB: \(report)")
        #expect(before.differences(from: after).isEmpty, "wrote outside work/out: \(before.differences(from: after))")
        switch expected {
        case .accepted:
            #expect(outcome.exitStatus == 0, "\(report)")
        case .rejected(let file, let problem):
            #expect(outcome.exitStatus == 1, "\(report)")
            let errors = outcome.stderrLines.filter { $0.hasPrefix("vgen: error: ") }
            #expect(errors.count == 1 && outcome.stderr.hasSuffix(errors.last.map { $0 + "\n" } ?? "-"), "\(report)")
            let line = errors.last ?? ""
            #expect(line.contains(file) && line.contains(problem), "expected '\(file)' and '\(problem)': \(line)")
        }
    }
}

/// Every file and folder under a folder, with each file's size and contents' hash.
struct HostileSnapshot: Equatable {
    private var entries: [String: String] = [:]

    /// Reads the tree under `root`, leaving out the paths (relative to `root`) in `ignoring`
    /// and everything under them.
    init(of root: URL, ignoring: Set<String>) throws {
        let base = root.resolvingSymlinksInPath().path + "/"
        guard let walker = FileManager.default.enumerator(atPath: base) else { return }
        while let relative = walker.nextObject() as? String {
            if ignoring.contains(relative) {
                walker.skipDescendants()
                continue
            }
            let path = base + relative
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            entries[relative] =
                isFolder.boolValue ? "folder" : Self.fingerprint(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    /// The paths added, removed or changed between this snapshot and `other`.
    func differences(from other: HostileSnapshot) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }

    private static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\(data.count):\(hash)"
    }
}
