import Foundation
import SQLiteNIO
import VideoCore

/// The embedded job store: one SQLite file (`jobs.sqlite` under `--data`), through sqlite-nio.
///
/// Every change is one statement committed before the call returns, in WAL mode with
/// `synchronous=FULL`, so a `kill -9` of the service loses no submitted job. The actor keeps
/// the one connection's statements in order. One process owns it: `vgen serve` runs its jobs.
actor SQLiteJobStore: JobStore {
    private let connection: SQLiteConnection
    nonisolated var isShared: Bool { false }

    private init(connection: SQLiteConnection) { self.connection = connection }

    /// Opens (creating if needed) the store at `path`.
    /// - Throws: `VideoError(.io)` with SQLite's message.
    static func open(path: String) async throws -> SQLiteJobStore {
        do {
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            for statement in [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000",
                """
                CREATE TABLE IF NOT EXISTS jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                    status TEXT NOT NULL, stage TEXT, progress INTEGER NOT NULL DEFAULT 0, error TEXT,
                    video_id TEXT, spec TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL, updated_at REAL NOT NULL)
                """,
                "CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status)",
            ] {
                _ = try await connection.query(statement, [])
            }
            return SQLiteJobStore(connection: connection)
        } catch {
            throw VideoError(
                .io, "cannot open the job store", field: "database", location: .init(file: path), underlying: error)
        }
    }

    func insert(_ job: Job) async throws {
        let spec = String(decoding: try JSONEncoder.sorted.encode(job.spec), as: UTF8.self)
        _ = try await run(
            """
            INSERT INTO jobs (id, kind, status, stage, progress, error, video_id, spec, attempts, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(job.id), .text(job.kind.rawValue), .text(job.status.rawValue), Self.text(job.stage),
                .integer(job.progress), Self.text(job.error), Self.text(job.videoID), .text(spec),
                .integer(job.attempts), .float(job.createdAt.timeIntervalSince1970),
                .float(job.updatedAt.timeIntervalSince1970),
            ])
    }

    func update(_ job: Job) async throws {
        _ = try await run(
            "UPDATE jobs SET status = ?, stage = ?, progress = ?, error = ?, video_id = ?, attempts = ?, updated_at = ? WHERE id = ?",
            [
                .text(job.status.rawValue), Self.text(job.stage), .integer(job.progress), Self.text(job.error),
                Self.text(job.videoID), .integer(job.attempts), .float(Date().timeIntervalSince1970), .text(job.id),
            ])
    }

    func job(_ id: String) async throws -> Job? {
        try await run("SELECT * FROM jobs WHERE id = ?", [.text(id)]).first.map(Self.job(from:))
    }

    func list(limit: Int, offset: Int, status: JobStatus?) async throws -> (jobs: [Job], total: Int) {
        let filter = status.map { _ in " WHERE status = ?" } ?? ""
        let binds: [SQLiteData] = status.map { [.text($0.rawValue)] } ?? []
        let rows = try await run(
            "SELECT * FROM jobs\(filter) ORDER BY seq DESC LIMIT ? OFFSET ?",
            binds + [.integer(limit), .integer(offset)])
        let total = try await run("SELECT COUNT(*) AS n FROM jobs\(filter)", binds).first?.column("n")?.integer ?? 0
        return (try rows.map(Self.job(from:)), total)
    }

    func unfinished() async throws -> [Job] {
        try await run("SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY seq", []).map(Self.job(from:))
    }

    func countsByStatus() async throws -> [JobStatus: Int] {
        var counts: [JobStatus: Int] = [:]
        for row in try await run("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status", []) {
            if let status = row.column("status")?.string.flatMap(JobStatus.init(rawValue:)) {
                counts[status] = row.column("n")?.integer ?? 0
            }
        }
        return counts
    }

    func close() async { try? await connection.close() }

    /// Runs one statement. It runs in a task of its own, so that a cancelled job still saves
    /// its final status (sqlite-nio's thread pool refuses work for a cancelled task).
    private func run(_ sql: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow] {
        let connection = connection
        do { return try await Task { try await connection.query(sql, binds) }.value } catch {
            throw VideoError(.io, "the job store failed", field: "database", underlying: error)
        }
    }

    private static func text(_ value: String?) -> SQLiteData { value.map { .text($0) } ?? .null }

    private static func job(from row: SQLiteRow) throws -> Job {
        func string(_ name: String) -> String? { row.column(name)?.string }
        guard let id = string("id"), let kind = string("kind").flatMap(JobKind.init(rawValue:)),
            let status = string("status").flatMap(JobStatus.init(rawValue:)), let specText = string("spec")
        else { throw VideoError(.io, "the job store holds a damaged row", field: "database") }
        let spec = try JSONDecoder().decode(JobSpec.self, from: Data(specText.utf8))
        return Job(
            id: id, kind: kind, status: status, stage: string("stage"), progress: row.column("progress")?.integer ?? 0,
            error: string("error"), videoID: string("video_id"), spec: spec,
            attempts: row.column("attempts")?.integer ?? 0,
            createdAt: Date(timeIntervalSince1970: row.column("created_at")?.double ?? 0),
            updatedAt: Date(timeIntervalSince1970: row.column("updated_at")?.double ?? 0))
    }
}
