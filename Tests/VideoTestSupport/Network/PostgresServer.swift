import Foundation
import VideoCore

/// A private, throwaway PostgreSQL server for the tests that need one (Debian's `postgresql`
/// package, installed by scripts/install-deps.sh): a cluster made with `initdb` in a temporary
/// folder, listening only on a Unix socket in that folder (no port to collide with), with
/// `trust` authentication for the user `vgen`, and stopped (`pg_ctl stop -m immediate`) and
/// removed when the last reference goes.
///
/// PostgreSQL refuses to run as root; when the tests run as root, the cluster belongs to the
/// `postgres` user Debian's package creates (or `nobody`) and its programs run through
/// `runuser -u USER --`.
package final class PostgresServer: Sendable {
    /// The job store URL for it: `postgres://vgen@localhost/postgres?host=<socket folder>`.
    package let url: String
    private let temporary: TemporaryDirectory
    private let bin: URL
    private let runAs: String?

    private var cluster: URL { temporary.file("cluster") }
    private var socket: URL { temporary.file("socket") }

    /// Makes the cluster and starts the server; returns once it accepts connections
    /// (`pg_ctl start -w` waits for that).
    /// - Throws: `VideoError(.io)` naming what is missing or what failed, with its output.
    package init() async throws {
        guard let bin = Self.binaries() else {
            throw VideoError(
                .io, "PostgreSQL's initdb is missing; install Debian's postgresql (scripts/install-deps.sh)")
        }
        self.bin = bin
        temporary = try TemporaryDirectory(prefix: "vgen-pg")
        try FileManager.default.createDirectory(at: temporary.file("socket"), withIntermediateDirectories: true)
        if getuid() == 0 {
            let user = Self.userExists("postgres") ? "postgres" : "nobody"
            runAs = user
            try await Self.run(
                URL(fileURLWithPath: "/bin/chown"), ["-R", user, temporary.url.path], as: nil,
                log: temporary.file("setup.log"))
        } else {
            runAs = nil
        }
        url = "postgres://vgen@localhost/postgres?host=\(temporary.file("socket").path)"
        try await Self.run(
            bin.appendingPathComponent("initdb"),
            ["-D", cluster.path, "-U", "vgen", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"],
            as: runAs, log: temporary.file("setup.log"))
        // No TCP at all, the socket in the temporary folder, no fsync (a throwaway cluster).
        try await Self.run(
            bin.appendingPathComponent("pg_ctl"),
            [
                "-D", cluster.path, "-l", temporary.file("server.log").path, "-w", "-t", "60", "-o",
                "-c listen_addresses='' -k \(socket.path) -F -c max_connections=60", "start",
            ], as: runAs, log: temporary.file("setup.log"))
    }

    /// Runs `sql` through `psql` and returns its rows, one a line, columns split by `|`.
    /// - Throws: When psql fails (its message).
    package func query(_ sql: String) async throws -> [String] {
        let psql = Subprocess.find("psql") ?? bin.appendingPathComponent("psql")
        let outcome = try await Subprocess.run(
            psql, ["-h", socket.path, "-U", "vgen", "-d", "postgres", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard outcome.reason == .exit, outcome.status == 0 else {
            throw VideoError(.io, "psql failed (\(outcome.status)): \(outcome.stderr.prefix(400))")
        }
        return outcome.lines
    }

    deinit {
        // Synchronous: deinit cannot wait on a task; pg_ctl returns once the server is gone.
        let stop = [bin.appendingPathComponent("pg_ctl").path, "-D", cluster.path, "-m", "immediate", "stop"]
        _ = Self.spawnAndWait(
            runAs.map { ["/usr/sbin/runuser", "-u", $0, "--"] + stop } ?? stop, log: temporary.file("setup.log"))
    }

    /// The newest `/usr/lib/postgresql/<version>/bin` that holds initdb and pg_ctl.
    private static func binaries() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            .map { root.appendingPathComponent("\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    private static func userExists(_ name: String) -> Bool { getpwnam(name) != nil }

    /// Runs a program (as `user` through runuser when given) to its end, its output going to
    /// `output.log` in the temporary folder. Spawned and waited for with `posix_spawn` and
    /// `waitpid` on a thread of its own: Foundation's `Process` was seen never to reap a
    /// `runuser` whose child left the server running.
    /// - Throws: `VideoError(.io)` with the log's end when it fails.
    private static func run(_ program: URL, _ arguments: [String], as user: String?, log: URL) async throws {
        let argv =
            user.map { ["/usr/sbin/runuser", "-u", $0, "--", program.path] + arguments } ?? [program.path] + arguments
        let status = try await DedicatedThread.run(name: "postgres-setup") { _ in Self.spawnAndWait(argv, log: log) }
        guard status == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw VideoError(.io, "\(program.lastPathComponent) failed (\(status)): \(text.suffix(400))")
        }
    }

    /// Runs `argv` with stdout and stderr appended to `log` and returns its exit status.
    private static func spawnAndWait(_ argv: [String], log: URL) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        SpawnFileActions.closeInherited(&actions, from: 3)
        let pointers = argv.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var child: pid_t = 0
        guard posix_spawn(&child, argv[0], &actions, nil, pointers, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
