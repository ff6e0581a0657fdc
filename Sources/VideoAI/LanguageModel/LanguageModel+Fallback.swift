import Foundation
import VideoCore

extension LanguageModel {
    /// Asks for an answer that improves something with an offline fallback: through the task
    /// folder's `llm-cache`, its cost recorded in the folder's usage ledger under `purpose`; a
    /// failure is one warning, `"<purpose>: the language model failed, <fallback> (<reason>)"`.
    /// - Parameters:
    ///   - request: What to ask.
    ///   - purpose: The ledger's purpose and the warning's prefix.
    ///   - directory: The task folder, or nil (no cache, no ledger).
    ///   - fallback: What the caller keeps when the call fails ("keeping the offline titles").
    ///   - warn: Where a failure is reported.
    /// - Returns: The answer's JSON (`.null` for a text answer), or nil when the call failed.
    /// - Throws: `CancellationError` only.
    func answerOrWarn(
        _ request: LanguageModelRequest, purpose: String, directory: URL?, fallback: String,
        warn: @Sendable (String) -> Void
    ) async throws -> JSONValue? {
        let model = directory.map { cached(in: $0.appendingPathComponent("llm-cache")) } ?? self
        do {
            let response = try await model.complete(request)
            if let directory {
                try UsageLedger(directory: directory).record(
                    purpose, request: request, response: response, provider: model.provider)
            }
            return response.json ?? .null
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            let reason = (error as? VideoError)?.message ?? "\(error)"
            warn("\(purpose): the language model failed, \(fallback) (\(reason))")
            return nil
        }
    }
}
