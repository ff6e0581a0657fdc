import Foundation
import Logging
import PostgresNIO
import VideoCore

/// The shared job store: a PostgreSQL database (postgres-nio) that `vgen serve` submits to
/// and any number of `vgen worker` processes, on machines that share the `--data` folder,
/// take jobs from.
///
/// A worker claims the oldest queued job, or a running one whose lease has run out, with
/// `SELECT … FOR UPDATE SKIP LOCKED` in one statement, so two workers never claim the same
/// job. It keeps the lease alive by heartbeats; every later write of a claimed job names the
/// worker and only lands while the lease is still its own, so a job completes exactly once
/// (`completions` counts it). Times are seconds since 1970 on the database's clock.
final class PostgresJobStore: JobStore {
    private let client: PostgresClient
    private let running: Task<Void, Never>
    let isShared = true

    /// The columns a `Job` is read from, in `decodeJob`'s order.
    private static let columns =
        "id, kind, status, stage, progress, error, video_id, spec, attempts, created_at, updated_at"
    /// The database's clock now, in seconds since 1970.
    private static let now = "extract(epoch from clock_timestamp())::double precision"

    private init(client: PostgresClient, running: Task<Void, Never>) {
        self.client = client
        self.running = running
    }

    deinit { running.cancel() }

    /// Connects to `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`; a `host=/folder`
    /// query item connects through the Unix socket in that folder) and creates the table
    /// when it is missing.
    /// - Throws: `VideoError(.invalidInput)` for a malformed URL, `VideoError(.io)` with the
    ///   server's message when it cannot connect.
    static func open(url: String) async throws -> PostgresJobStore {
        var logger = Logger(label: "vgen.postgres")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: try configuration(url), backgroundLogger: logger)
        let store = PostgresJobStore(client: client, running: Task { await client.run() })
        do {
            // Two processes starting at once create the table one after the other.
            try await client.withTransaction(logger: logger) { connection in
                _ = try await connection.query("SELECT pg_advisory_xact_lock(4711017)", logger: logger)
                _ = try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS vgen_jobs (
                        seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, status TEXT NOT NULL,
                        stage TEXT, progress BIGINT NOT NULL DEFAULT 0, error TEXT, video_id TEXT, spec TEXT NOT NULL,
                        attempts BIGINT NOT NULL DEFAULT 0, created_at DOUBLE PRECISION NOT NULL,
                        updated_at DOUBLE PRECISION NOT NULL, worker TEXT, lease_until DOUBLE PRECISION,
                        completions BIGINT NOT NULL DEFAULT 0)
                    """, logger: logger)
                _ = try await connection.query(
                    "CREATE INDEX IF NOT EXISTS vgen_jobs_status ON vgen_jobs (status, seq)", logger: logger)
            }
        } catch {
            store.running.cancel()
            throw VideoError(.io, "cannot open the job store", field: "database", cause: message(of: error))
        }
        return store
    }

    /// The client's configuration for `url`.
    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), let user = parts.user, !user.isEmpty else {
            throw VideoError(
                .invalidInput, "a PostgreSQL URL reads postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE",
                field: "database")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : nil
        let password = parts.password?.removingPercentEncoding
        if let folder = parts.queryItems?.first(where: { $0.name == "host" })?.value, folder.hasPrefix("/") {
            return .init(
                unixSocketPath: folder + "/.s.PGSQL.\(parts.port ?? 5432)", username: user, password: password,
                database: database)
        }
        guard let host = parts.host, !host.isEmpty else {
            throw VideoError(.invalidInput, "the PostgreSQL URL names no host", field: "database")
        }
        return .init(
            host: host, port: parts.port ?? 5432, username: user, password: password, database: database, tls: .disable)
    }

    func insert(_ job: Job) async throws {
        let spec = String(decoding: try JSONEncoder.sorted.encode(job.spec), as: UTF8.self)
        try await run(
            """
            INSERT INTO vgen_jobs (id, kind, status, stage, progress, error, video_id, spec, attempts, created_at, updated_at)
            VALUES (\(job.id), \(job.kind.rawValue), \(job.status.rawValue), \(job.stage), \(job.progress), \(job.error),
            \(job.videoID), \(spec), \(job.attempts), \(job.createdAt.timeIntervalSince1970),
            \(job.updatedAt.timeIntervalSince1970))
            """)
    }

    func update(_ job: Job) async throws {
        try await run(
            """
            UPDATE vgen_jobs SET status = \(job.status.rawValue), stage = \(job.stage), progress = \(job.progress),
            error = \(job.error), video_id = \(job.videoID), updated_at = \(unescaped: Self.now)
            WHERE id = \(job.id) AND status IN ('queued', 'running')
            """)
    }

    func job(_ id: String) async throws -> Job? {
        try await jobs("SELECT \(unescaped: Self.columns) FROM vgen_jobs WHERE id = \(id)").first
    }

    func list(limit: Int, offset: Int, status: JobStatus?) async throws -> (jobs: [Job], total: Int) {
        let filter = status.map { "WHERE status = '\($0.rawValue)'" } ?? ""  // a case name, not user text
        let page = try await jobs(
            "SELECT \(unescaped: Self.columns) FROM vgen_jobs \(unescaped: filter) ORDER BY seq DESC LIMIT \(limit) OFFSET \(offset)"
        )
        var total = 0
        for try await count in try await run("SELECT COUNT(*) FROM vgen_jobs \(unescaped: filter)").decode(Int.self) {
            total = count
        }
        return (page, total)
    }

    func unfinished() async throws -> [Job] {
        try await jobs(
            "SELECT \(unescaped: Self.columns) FROM vgen_jobs WHERE status IN ('queued', 'running') ORDER BY seq")
    }

    func countsByStatus() async throws -> [JobStatus: Int] {
        var counts: [JobStatus: Int] = [:]
        let rows = try await run("SELECT status, COUNT(*) FROM vgen_jobs GROUP BY status")
        for try await (status, count) in rows.decode((String, Int).self) {
            if let status = JobStatus(rawValue: status) { counts[status] = count }
        }
        return counts
    }

    func close() async { running.cancel() }

    // MARK: Workers

    /// Claims the oldest queued job, or a running job whose lease ran out (its worker died),
    /// for `worker` until `lease` seconds from now, and counts the attempt.
    /// - Returns: The claimed job, or nil when there is none.
    func claim(worker: String, lease: Double) async throws -> Job? {
        try await jobs(
            """
            UPDATE vgen_jobs SET status = 'running', worker = \(worker), lease_until = \(unescaped: Self.now) + \(lease),
            attempts = attempts + 1, error = NULL, updated_at = \(unescaped: Self.now)
            WHERE seq = (
                SELECT seq FROM vgen_jobs
                WHERE status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < \(unescaped: Self.now)))
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING \(unescaped: Self.columns)
            """
        ).first
    }

    /// Extends `worker`'s lease of job `id` and saves its stage and progress.
    /// - Returns: false when the lease is no longer the worker's (it ran out and another worker
    ///   claimed the job, or the job was cancelled): the worker must stop the job.
    func heartbeat(_ id: String, worker: String, lease: Double, stage: String?, progress: Int) async throws -> Bool {
        try await changed(
            """
            UPDATE vgen_jobs SET lease_until = \(unescaped: Self.now) + \(lease), stage = \(stage), progress = \(progress),
            updated_at = \(unescaped: Self.now)
            WHERE id = \(id) AND worker = \(worker) AND status = 'running' RETURNING id
            """)
    }

    /// Records the video id of `worker`'s job `id`, so that a later claim resumes its task.
    /// - Returns: false when the lease is no longer the worker's.
    func record(videoID: String, of id: String, worker: String) async throws -> Bool {
        try await changed(
            """
            UPDATE vgen_jobs SET video_id = \(videoID), updated_at = \(unescaped: Self.now)
            WHERE id = \(id) AND worker = \(worker) AND status = 'running' RETURNING id
            """)
    }

    /// Ends `worker`'s claim of `job` with the job's status (`completed`, `failed`,
    /// `cancelled`, or `queued` to hand it back), and counts a completion.
    /// - Returns: false when the lease was no longer the worker's: nothing was written.
    func finish(_ job: Job, worker: String) async throws -> Bool {
        let completion = job.status == .completed ? 1 : 0
        return try await changed(
            """
            UPDATE vgen_jobs SET status = \(job.status.rawValue), stage = \(job.stage), progress = \(job.progress),
            error = \(job.error), video_id = \(job.videoID), worker = NULL, lease_until = NULL,
            completions = completions + \(completion), updated_at = \(unescaped: Self.now)
            WHERE id = \(job.id) AND worker = \(worker) AND status = 'running' RETURNING id
            """)
    }

    // MARK: Queries

    @discardableResult
    private func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        do { return try await client.query(query) } catch {
            throw VideoError(.io, "the job store failed", field: "database", cause: Self.message(of: error))
        }
    }

    private func changed(_ query: PostgresQuery) async throws -> Bool {
        var any = false
        for try await _ in try await run(query) { any = true }
        return any
    }

    private func jobs(_ query: PostgresQuery) async throws -> [Job] {
        var jobs: [Job] = []
        let rows = try await run(query)
        for try await row in rows.decode(
            (String, String, String, String?, Int, String?, String?, String, Int, Double, Double).self)
        {
            let (id, kind, status, stage, progress, error, videoID, spec, attempts, created, updated) = row
            guard let kind = JobKind(rawValue: kind), let status = JobStatus(rawValue: status) else {
                throw VideoError(.io, "the job store holds a damaged row", field: "database")
            }
            jobs.append(
                Job(
                    id: id, kind: kind, status: status, stage: stage, progress: progress, error: error,
                    videoID: videoID, spec: try JSONDecoder().decode(JobSpec.self, from: Data(spec.utf8)),
                    attempts: attempts, createdAt: Date(timeIntervalSince1970: created),
                    updatedAt: Date(timeIntervalSince1970: updated)))
        }
        return jobs
    }

    /// The server's message for a failed query or connection (postgres-nio's own description
    /// hides it).
    private static func message(of error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
