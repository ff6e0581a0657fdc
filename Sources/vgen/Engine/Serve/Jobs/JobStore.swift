import Foundation
import VideoCore

/// Where the service keeps its jobs: an embedded SQLite file (`SQLiteJobStore`, one process)
/// or a PostgreSQL database that many `vgen worker` processes share (`PostgresJobStore`).
///
/// Every change is committed before the call returns, so a `kill -9` loses no submitted job.
protocol JobStore: Sendable {
    /// Whether other processes run this store's jobs (`vgen worker`); `vgen serve` then only
    /// takes submissions and answers questions.
    var isShared: Bool { get }

    /// Adds a new job.
    func insert(_ job: Job) async throws

    /// Saves the job's status, stage, progress, error, video id and attempts. A job that has
    /// already reached a final status in a shared store keeps it.
    func update(_ job: Job) async throws

    /// The job with this id, or nil.
    func job(_ id: String) async throws -> Job?

    /// A page of jobs, newest first, and how many there are in all.
    func list(limit: Int, offset: Int, status: JobStatus?) async throws -> (jobs: [Job], total: Int)

    /// The jobs that have not finished, oldest first: what a starting service runs again.
    func unfinished() async throws -> [Job]

    /// How many jobs are in each status.
    func countsByStatus() async throws -> [JobStatus: Int]

    /// Closes the connection.
    func close() async
}

/// Opens the store `--database` names.
enum JobStoreLocation {
    /// The store for `database` (`sqlite:PATH`, `postgres://…`, or nil for `<data>/jobs.sqlite`).
    /// - Throws: `VideoError(.invalidInput)` for another scheme; `VideoError(.io)` when it cannot open.
    static func open(_ database: String?, data: URL) async throws -> any JobStore {
        guard let database else {
            return try await SQLiteJobStore.open(path: data.appendingPathComponent("jobs.sqlite").path)
        }
        for prefix in ["sqlite://", "sqlite:"] where database.hasPrefix(prefix) {
            return try await SQLiteJobStore.open(path: String(database.dropFirst(prefix.count)))
        }
        if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") {
            return try await PostgresJobStore.open(url: database)
        }
        throw VideoError(
            .invalidInput, "unsupported job store '\(database.prefix(20))…'; use sqlite:PATH or postgres://…",
            field: "database")
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so the same value gives the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
