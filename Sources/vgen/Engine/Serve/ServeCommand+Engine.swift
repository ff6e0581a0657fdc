import ArgumentParser
import Foundation
import Hummingbird
import VGenCommandLine
import VideoCore

extension ServeCommand: ExecutableCommand {
    /// Runs the service until it is stopped.
    func execute() async throws {
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
