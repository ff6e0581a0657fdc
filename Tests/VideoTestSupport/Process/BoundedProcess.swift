import Foundation
import VideoCore

#if canImport(Glibc)
    import Glibc
#endif

/// How a program run under limits ended, with what it used.
package struct BoundedOutcome: Sendable {
    /// Its exit status, when it exited by itself.
    package var exitStatus: Int32?
    /// The signal that ended it, when one did (SIGXCPU: over its CPU limit; SIGSEGV: a crash).
    package var signal: Int32?
    /// Its peak resident memory, in bytes.
    package var peakMemory: Int
    /// The processor time it used (user and system), in seconds.
    package var cpuSeconds: Double
    /// Everything it wrote to stdout.
    package var stdout: String
    /// Everything it wrote to stderr.
    package var stderr: String

    /// Its stderr's lines, without the empty last one.
    package var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs a program under `prlimit` limits on processor time and address space, and reads the
/// kernel's account of what it used (`wait4`'s resource usage): the way the hostile corpus and
/// the full-disk test bound a run, with no timer in the test.
package enum BoundedProcess {
    /// The limits of one run.
    package struct Limits: Sendable {
        /// Processor seconds (RLIMIT_CPU): past them the kernel sends SIGXCPU, then SIGKILL.
        package var cpuSeconds: Int
        /// Address space in bytes (RLIMIT_AS): past it allocations fail.
        package var addressSpace: Int
        /// The largest file the program may write, in bytes (RLIMIT_FSIZE), or `nil` for no
        /// limit; a write past it fails with EFBIG (SIGXFSZ is ignored).
        package var fileSize: Int?

        /// Creates limits.
        /// - Parameters:
        ///   - cpuSeconds: Processor seconds.
        ///   - addressSpace: Address space in bytes.
        ///   - fileSize: The largest file in bytes, or `nil`.
        package init(cpuSeconds: Int, addressSpace: Int, fileSize: Int? = nil) {
            self.cpuSeconds = cpuSeconds
            self.addressSpace = addressSpace
            self.fileSize = fileSize
        }
    }

    /// Runs `executable` with `arguments` in `directory` under `limits`, its output written
    /// to two files in `logs` (a folder outside what the run may touch).
    /// - Returns: How it ended, its peak memory and processor time, and its output.
    /// - Throws: When it cannot be started.
    package static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
        limits: Limits, logs: URL
    ) async throws -> BoundedOutcome {
        let prlimit = Subprocess.find("prlimit") ?? URL(fileURLWithPath: "/usr/bin/prlimit")
        var limitArguments = ["--cpu=\(limits.cpuSeconds)", "--as=\(limits.addressSpace)"]
        if let size = limits.fileSize { limitArguments.append("--fsize=\(size)") }
        // The shell moves into `directory` and ignores SIGXFSZ before exec, so a write past
        // --fsize fails instead of killing the program (ignored signals stay ignored across exec).
        let argv =
            ["/bin/sh", "-c", "trap '' XFSZ; cd \"$0\" && exec \"$@\"", directory.path, prlimit.path]
            + limitArguments + ["--", executable.path] + arguments
        let out = logs.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = logs.appendingPathComponent("stderr-\(UUID().uuidString)")
        let env = environment.map { "\($0.key)=\($0.value)" }
        let (status, usage) = try await DedicatedThread.run(name: "bounded-wait") { _ in
            try spawnAndWait(argv, env: env, stdout: out, stderr: err)
        }
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let signal = status & 0x7f
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return BoundedOutcome(
            exitStatus: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal,
            peakMemory: usage.ru_maxrss * 1024, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// posix_spawn with stdout and stderr sent to files, then wait4 (blocking: a dedicated thread's work).
    private static func spawnAndWait(
        _ argv: [String], env: [String], stdout: URL, stderr: URL
    ) throws -> (Int32, rusage) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        SpawnFileActions.closeInherited(&actions)
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnv)
        guard spawned == 0 else {
            throw VideoError(.io, "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw VideoError(.io, "wait4: \(String(cString: strerror(errno)))") }
        }
        return (status, usage)
    }
}
