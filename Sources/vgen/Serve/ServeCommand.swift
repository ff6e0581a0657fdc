import ArgumentParser
import Foundation
import Hummingbird
import VideoCore

/// `vgen serve`: the job service (Docs/Service.md, Docs/openapi.yaml).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the job service: submit videos and montages over HTTP, watch them, fetch the results.",
        discussion: """
            Prints 'listening on http://HOST:PORT' once it accepts connections (--port 0 picks a free port). \
            Jobs are kept in an SQLite store under --data and each runs in its own folder \
            <data>/jobs/<id>/; a restart resumes the jobs that had not finished. API keys come from \
            VGEN_API_KEYS (comma-separated) or --api-key-file; without any, the service is open. With \
            --database postgres://…, `vgen worker` processes sharing --data run the jobs instead.
            """)

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(name: .long, help: "The folder everything is written under.")
    var data = "vgen-data"

    @Option(
        name: .long,
        help:
            "The job store: sqlite:PATH (default: sqlite:<data>/jobs.sqlite), or postgres://… for vgen worker processes."
    )
    var database: String?

    @Option(name: .long, help: "A file of API keys, one a line.")
    var apiKeyFile: String?

    @Option(name: .long, help: "Requests a minute per API key (0: no limit).")
    var rateLimit = 600

    @OptionGroup var slots: JobSlotArguments

    @Option(name: .long, help: "Largest upload body in bytes.")
    var maxUploadBytes = 512 << 20

    @Option(name: .long, help: "Largest uploaded file in bytes.")
    var maxFileBytes = 256 << 20

    @Option(name: .long, help: "Most media files in one montage.")
    var maxFiles = 100

    @Option(name: .long, help: "Allow browser pages from this origin to call the API (CORS is off without it).")
    var corsOrigin: String?

    func run() async throws {
        do {
            try await serve()
        } catch {
            CLIRunner.fail(error)
        }
    }

    private func serve() async throws {
        guard (0...65535).contains(port) else {
            throw VideoError(.invalidInput, "\(port) is outside 0–65535", field: "port")
        }
        guard slots.concurrentJobs >= 1, slots.jobs >= 1, maxFiles >= 1, maxFileBytes >= 1, maxUploadBytes >= 1 else {
            throw VideoError(.invalidInput, "limits and job counts must be at least 1", field: "concurrent-jobs")
        }
        let dataURL = URL(fileURLWithPath: data).standardizedFileURL
        try AtomicFile.makeDirectory(dataURL.appendingPathComponent("jobs", isDirectory: true))
        let keys = try APIKeys(environment: ProcessInfo.processInfo.environment, file: apiKeyFile)
        if keys.isEmpty {
            FileHandle.standardError.write(Data("vgen serve: warning: no API keys; the service is open\n".utf8))
        }
        let store = try await JobStoreLocation.open(database, data: dataURL)
        let runner = JobRunner(store: store, data: dataURL, slots: slots.concurrentJobs, encoderJobs: slots.jobs)
        try await runner.recover()
        var limits = Submission.Limits()
        (limits.totalBytes, limits.fileBytes, limits.files) = (maxUploadBytes, maxFileBytes, maxFiles)
        let router = ServiceRouter(
            runner: runner, submission: Submission(limits: limits), keys: keys,
            limiter: RateLimiter(perMinute: max(0, rateLimit)), corsOrigin: corsOrigin
        ).build()
        let host = host
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "vgen"),
            onServerRunning: { channel in
                let line = "listening on http://\(host):\(channel.localAddress?.port ?? 0)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            })
        try await app.runService()
        await runner.stop()
        await store.close()
    }

}
