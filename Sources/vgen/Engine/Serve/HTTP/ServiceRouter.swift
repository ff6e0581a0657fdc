import Foundation
import Hummingbird

/// The service's routes (Docs/openapi.yaml describes each).
struct ServiceRouter: Sendable {
    let runner: JobRunner
    let submission: Submission
    let keys: APIKeys
    let limiter: RateLimiter
    /// An origin allowed to call the API from a browser page elsewhere; nil keeps CORS off.
    let corsOrigin: String?

    /// The router with every route and the guard in front of the API.
    func build() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let corsOrigin {
            router.add(
                middleware: CORSMiddleware(
                    allowOrigin: .custom(corsOrigin), allowHeaders: [.authorization, .contentType]))
        }
        router.add(
            middleware: ServiceGuard(
                keys: keys, limiter: limiter, maxBody: max(submission.limits.totalBytes, submission.limits.jsonBytes)))
        router.get("/health") { _, _ in Self.json(["status": "ok"]) }
        router.get("/") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: WebPage.html)))
        }
        router.get("/metrics") { _, _ in
            let text = runner.metrics.text(jobs: try await runner.store.countsByStatus())
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/api/videos") { request, _ in
            try await submit(request) { contentType, body, input in
                try submission.video(contentType: contentType, body: body, input: input)
            }
        }
        router.post("/api/montages") { request, _ in
            try await submit(request) { contentType, body, input in
                try submission.montage(contentType: contentType, body: body, input: input)
            }
        }
        router.post("/api/edits") { request, _ in
            try await submit(request) { contentType, body, input in
                try submission.edit(contentType: contentType, body: body, input: input)
            }
        }
        router.get("/api/jobs") { request, _ in try await list(request) }
        router.get("/api/jobs/:id") { _, context in
            let job = try await job(context)
            return Self.json(describe(job))
        }
        router.delete("/api/jobs/:id") { _, context in
            let id = try Self.id(context)
            guard let job = try await runner.cancel(id) else { throw APIError(.notFound, "no such job", field: "id") }
            return Self.json(describe(job))
        }
        router.get("/api/jobs/:id/events") { _, context in try await events(context) }
        router.get("/api/jobs/:id/files/:name") { request, context in
            let job = try await job(context)
            let name = try context.parameters.require("name")
            guard let type = FileResponse.types[name] else {
                throw APIError(
                    .notFound,
                    "no file '\(name.prefix(60))'; valid: \(FileResponse.types.keys.sorted().joined(separator: ", "))",
                    field: "name")
            }
            guard job.status == .completed, let videoID = job.videoID else {
                throw APIError(
                    .conflict, "the job is \(job.status.rawValue); its files come when it has completed",
                    field: "status")
            }
            let url = runner.folder(of: job.id).appendingPathComponent("output/\(videoID)/\(name)")
            return try FileResponse.response(for: url, contentType: type, range: request.headers[.range])
        }
        return router
    }

    private func submit(
        _ request: Request, _ make: @Sendable (String?, Data, URL) throws -> JobSpec
    ) async throws -> Response {
        let buffer = try await request.body.collect(
            upTo: max(submission.limits.totalBytes, submission.limits.jsonBytes))
        let id = Job.newID()
        let folder = runner.folder(of: id)
        let spec: JobSpec
        do {
            spec = try make(
                request.headers[.contentType], Data(buffer.readableBytesView), folder.appendingPathComponent("input"))
        } catch {
            try? FileManager.default.removeItem(at: folder)  // nothing of a refused job stays
            throw error
        }
        try await runner.submit(Job(id: id, spec: spec))
        var response = Self.json(["job_id": id, "status": JobStatus.queued.rawValue], status: .accepted)
        response.headers[.location] = "/api/jobs/\(id)"
        return response
    }

    private func list(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Self.integer(query.get("limit"), name: "limit", default: 20, range: 1...200)
        let offset = try Self.integer(query.get("offset"), name: "offset", default: 0, range: 0...Int(Int32.max))
        var status: JobStatus?
        if let text = query.get("status") {
            guard let value = JobStatus(rawValue: text) else {
                throw APIError(.badRequest, "unknown status '\(text.prefix(40))'", field: "status")
            }
            status = value
        }
        let page = try await runner.store.list(limit: limit, offset: offset, status: status)
        var object: [String: Any] = [
            "jobs": page.jobs.map(describe), "total": page.total, "limit": limit, "offset": offset,
        ]
        if offset + page.jobs.count < page.total { object["next_offset"] = offset + page.jobs.count }
        return Self.json(object)
    }

    private func events(_ context: BasicRequestContext) async throws -> Response {
        let job = try await job(context)
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        let shared = runner.store.isShared && !job.status.isFinal
        guard let stream = runner.hub.subscribe(job.id) ?? (shared ? runner.watch(job.id) : nil) else {
            let message = EventHub.Message(name: "job", data: JobRunner.jsonText(describe(job)))
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: message.encoded(id: 1))))
        }
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                var number = 0
                for await message in stream {
                    number += 1
                    try await writer.write(ByteBuffer(string: message.encoded(id: number)))
                }
                try await writer.finish(nil)
            })
    }

    private func job(_ context: BasicRequestContext) async throws -> Job {
        guard let job = try await runner.store.job(try Self.id(context)) else {
            throw APIError(.notFound, "no such job", field: "id")
        }
        return job
    }

    /// The job as the API shows it, with a running job's live stage and progress.
    private func describe(_ job: Job) -> [String: Any] {
        var job = job
        if job.status == .running, let live = runner.live(job.id) {
            job.stage = live.stage ?? job.stage
            job.progress = live.progress
        }
        var files: [String]?
        if job.status == .completed, let videoID = job.videoID {
            files = FileResponse.present(in: runner.folder(of: job.id).appendingPathComponent("output/\(videoID)"))
        }
        return job.json(files: files)
    }

    private static func id(_ context: BasicRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard Job.isValidID(id) else { throw APIError(.notFound, "no such job", field: "id") }
        return id
    }

    private static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws
        -> Int
    {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError(
                .badRequest, "\(name) must be a whole number in \(range.lowerBound)–\(range.upperBound)", field: name)
        }
        return number
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: JobRunner.jsonText(object) + "\n")))
    }
}
