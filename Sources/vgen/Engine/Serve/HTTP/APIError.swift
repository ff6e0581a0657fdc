import Foundation
import Hummingbird
import VideoCore

/// A request the service refuses: an HTTP status and one line naming the field at fault,
/// sent as `{"error": …, "field": …}` (`Error` in Docs/openapi.yaml).
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    let field: String?
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// The response for an invalid job: `VideoError` and the option parser's errors become 400.
    static func badRequest(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if let error = error as? VideoError {
            return APIError(.badRequest, error.description, field: error.field)
        }
        return APIError(.badRequest, CLIRunner.outcome(of: error).1, field: "options")
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var object: [String: Any] = ["error": message, "status": Int(status.code)]
        if let field { object["field"] = field }
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: JobRunner.jsonText(object) + "\n")))
    }
}
