import Foundation
import VideoCore

extension HTTPTransport {
    /// Sends a request to a speech service and returns its 200 answer.
    /// - Parameters:
    ///   - request: The request.
    ///   - service: The service as messages name it, for example `speech server`.
    /// - Returns: The answer.
    /// - Throws: `VideoError` (`.speech`; retryable for network failures, 429 and 5xx), or
    ///   `CancellationError`.
    func sendToSpeechService(_ request: HTTPRequest, service: String) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await send(request)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw VideoError(
                .speech, "the \(service) at \(request.url.host ?? "?") did not answer: \(error.localizedDescription)",
                isRetryable: true)
        }
        guard response.status == 200 else {
            let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
            throw VideoError(
                .speech, "the \(service) answered HTTP \(response.status): \(detail)",
                isRetryable: response.status == 429 || response.status >= 500)
        }
        return response
    }
}
