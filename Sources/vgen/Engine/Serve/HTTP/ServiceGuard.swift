import Foundation
import Hummingbird

/// Checks every request to `/api/` and `/metrics` before it reaches a route: the API key
/// (401, 403), the key's rate limit (429 with `Retry-After`) and the declared body size (413).
struct ServiceGuard<Context: RequestContext>: RouterMiddleware {
    let keys: APIKeys
    let limiter: RateLimiter
    /// The largest body any route reads.
    let maxBody: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let path = request.uri.path
        guard path.hasPrefix("/api/") || path == "/metrics" else { return try await next(request, context) }
        let key = try keys.authorize(request.headers[.authorization])
        if let wait = limiter.take(key) {
            var error = APIError(.tooManyRequests, "rate limit reached; retry in \(wait) s", field: "authorization")
            error.headers[.retryAfter] = String(wait)
            throw error
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBody {
            throw APIError(.contentTooLarge, "the body is \(length) bytes; at most \(maxBody)", field: "body")
        }
        return try await next(request, context)
    }
}
