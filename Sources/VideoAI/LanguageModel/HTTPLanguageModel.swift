import Foundation
import VideoCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A language model behind an HTTP API: OpenAI Chat Completions (OpenAI and the local servers
/// that speak it) or Anthropic Messages, chosen by the configuration's provider.
///
/// Every call: is answered from the response cache when `options.cacheDirectory` holds the
/// same request; otherwise is sent with a timeout per attempt, retried with exponential
/// backoff (honouring `Retry-After` on 429 and 503) through a circuit breaker shared by the
/// copies of this value; and, for structured output, is checked against the schema and asked
/// once more with the validation error when it breaks it. No key appears in any error, log
/// line or cached file.
public struct HTTPLanguageModel: LanguageModel {
    /// The provider, server, model and key.
    public let configuration: LanguageModelConfiguration
    /// Timeouts, retries, circuit breaker and cache.
    public var options: LanguageModelOptions
    /// The clocks of the retry loop and the breaker (tests step the breaker's).
    package var clock = LanguageModelClock.system
    let format: any WireFormat
    private let transport: any HTTPTransport
    private let breaker = CircuitBreaker()

    /// Creates a model client.
    /// - Parameters:
    ///   - configuration: The provider, server, model and key.
    ///   - options: Timeouts, retries, circuit breaker and cache.
    ///   - transport: How requests are sent; a new `URLSessionTransport` by default.
    public init(
        configuration: LanguageModelConfiguration, options: LanguageModelOptions = LanguageModelOptions(),
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.configuration = configuration
        self.options = options
        self.transport = transport
        self.format = WireFormats.format(for: configuration.provider, baseURL: configuration.baseURL)
    }

    /// `openai` or `anthropic`.
    public var provider: String { configuration.provider.rawValue }

    /// The model asked for.
    public var model: String { configuration.model }

    /// This model with its response cache in `directory` (nil for none); the copy shares the
    /// circuit breaker.
    /// - Parameter directory: The cache's folder, for example the task folder's `llm-cache`.
    /// - Returns: The model with the cache set.
    public func caching(in directory: URL?) -> HTTPLanguageModel {
        var copy = self
        copy.options.cacheDirectory = directory
        return copy
    }

    /// This model caching in `directory`, unless `options.cacheDirectory` is set already.
    /// - Parameter directory: The cache's folder.
    /// - Returns: The caching model (it shares the circuit breaker).
    public func cached(in directory: URL) -> any LanguageModel {
        options.cacheDirectory == nil ? caching(in: directory) : self
    }

    /// Answers `request` (see `LanguageModel.complete(_:)`).
    /// - Parameter request: The conversation and the limits of the answer.
    /// - Returns: The answer, its model and its token counts over every request it took.
    /// - Throws: `VideoError`: `.invalidInput` for a bad request or a 4xx status that is not
    ///   429; `.io` for an unreachable server, exhausted retries (`isRetryable`), an open
    ///   circuit breaker, or an answer that broke the schema twice. `CancellationError` when
    ///   cancelled.
    public func complete(_ request: LanguageModelRequest) async throws -> LanguageModelResponse {
        let redact = Redactor([configuration.apiKey])
        do {
            return try await answer(request, redact: redact)
        } catch let error as VideoError {
            throw redact(error)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw redact(VideoError(.io, "\(name): \(error)"))
        }
    }

    /// `openai gpt-4o-mini`, for messages.
    var name: String { "\(provider) \(model)" }

    private func answer(_ request: LanguageModelRequest, redact: Redactor) async throws -> LanguageModelResponse {
        try request.validate()
        let body = format.body(for: request, model: model, correction: nil).jsonData()
        let cache = options.cacheDirectory.map { ResponseCache(directory: $0) }
        let key = ResponseCache.key(provider: configuration.provider, model: model, body: body)
        if let cached = cache?.load(key) { return cached }

        var reply = try await exchange(body, for: request, redact: redact)
        var inputTokens = reply.inputTokens
        var outputTokens = reply.outputTokens
        var json: JSONValue?
        if let output = request.output {
            let validator = JSONSchemaValidator(schema: output.schema)
            switch Self.check(reply, with: validator) {
            case .success(let value):
                json = value
            case .failure(let rejection):
                note("\(name): answer rejected (\(rejection.problem)); asking once more", redact)
                let correction = Correction(previous: reply, problem: rejection.problem)
                let retryBody = format.body(for: request, model: model, correction: correction).jsonData()
                reply = try await exchange(retryBody, for: request, redact: redact)
                inputTokens += reply.inputTokens
                outputTokens += reply.outputTokens
                switch Self.check(reply, with: validator) {
                case .success(let value): json = value
                case .failure(let second):
                    throw VideoError(
                        .io,
                        "\(name): the answer did not follow the \(output.name) schema twice; last: \(second.problem)")
                }
            }
        } else if let refusal = reply.refusal {
            throw VideoError(.io, "\(name): the model refused: \(refusal.prefix(300))")
        }
        // A server or model that echoes the key must not get it into a narration or a file.
        let response = redact(
            LanguageModelResponse(
                text: reply.text, json: json, model: reply.model.isEmpty ? model : reply.model,
                inputTokens: inputTokens, outputTokens: outputTokens))
        if let cache {
            do { try cache.store(response, as: key) } catch { note("\(name): answer not cached: \(error)", redact) }
        }
        return response
    }

    private struct Rejection: Error { var problem: String }

    /// The parsed answer, or why it is not acceptable.
    private static func check(_ reply: WireReply, with validator: JSONSchemaValidator) -> Result<JSONValue, Rejection> {
        let cutOff = reply.truncated ? " (the answer stopped at max_tokens)" : ""
        if let refusal = reply.refusal {
            return .failure(Rejection(problem: "the model refused: \(refusal.prefix(200))"))
        }
        let value: JSONValue
        if let json = reply.json {
            value = json
        } else {
            do {
                value = try JSONValue.parse(Data(unfenced(reply.text).utf8))
            } catch let error as VideoError {
                return .failure(Rejection(problem: error.message + cutOff))
            } catch {
                return .failure(Rejection(problem: "not valid JSON" + cutOff))
            }
        }
        let problems = validator.problems(in: value)
        if problems.isEmpty { return .success(value) }
        return .failure(Rejection(problem: problems.joined(separator: "; ") + cutOff))
    }

    /// `text` without a Markdown code fence around it (local models add one despite asking).
    private static func unfenced(_ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("```"), body.hasSuffix("```"), body.count >= 6 else { return body }
        body = String(body.dropFirst(3).dropLast(3))
        if let newline = body.firstIndex(of: "\n") { body = String(body[body.index(after: newline)...]) }
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func note(_ message: String, _ redact: Redactor) {
        options.log?(redact(message))
    }

    /// Sends `body` until a 2xx answer arrives, then reads it.
    private func exchange(_ body: Data, for request: LanguageModelRequest, redact: Redactor) async throws -> WireReply {
        let http = HTTPRequest(
            url: format.endpoint(base: configuration.baseURL), method: "POST",
            headers: format.headers(apiKey: configuration.apiKey), body: body, timeout: options.timeout)
        let response = try await send(http, redact: redact)
        return try format.reply(from: response.body, for: request)
    }

    private func send(_ request: HTTPRequest, redact: Redactor) async throws -> HTTPResponse {
        let attempts = options.retry.attempts
        var backoff = options.retry.initialDelay
        for attempt in 1...attempts {
            try breaker.admit(now: clock.now(), name: name)
            let failure: AttemptFailure
            do {
                let transport = self.transport
                // The transport enforces the timeout; this is the backstop for one that does not.
                let backstop = options.timeout * 1.5 + 1
                let response = try await Deadline.run(seconds: backstop) { try await transport.send(request) }
                if (200..<300).contains(response.status) {
                    breaker.recordSuccess()
                    return response
                }
                failure = AttemptFailure(response: response, server: server, now: clock.date())
            } catch let error as CancellationError {
                throw error
            } catch let error where error is DeadlineExceeded || (error as? URLError)?.code == .timedOut {
                failure = AttemptFailure(message: "no answer from \(server) within \(options.timeout) s")
            } catch {
                failure = AttemptFailure(message: "cannot reach \(server): \(Self.describe(error))")
            }
            let message = redact("\(name): \(failure.message)")
            if failure.retryable {
                breaker.recordFailure(
                    message, now: clock.now(), threshold: options.failureThreshold, coolDown: options.coolDown)
            }
            guard failure.retryable, attempt < attempts else {
                let suffix = failure.retryable && attempts > 1 ? " (after \(attempts) attempts)" : ""
                throw VideoError(failure.code, message + suffix, isRetryable: failure.retryable)
            }
            let wait = failure.retryAfter ?? min(backoff, options.maxRetryWait)
            guard wait <= options.maxRetryWait else {
                throw VideoError(
                    .io,
                    "\(message); the server asks to wait \(Int(wait.rounded(.up))) s, more than the "
                        + "\(Int(options.maxRetryWait)) s allowed", isRetryable: true)
            }
            note("\(message); attempt \(attempt + 1) of \(attempts) in \(String(format: "%.2f", wait)) s", redact)
            try await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
            backoff *= 2
        }
        fatalError("unreachable: the loop returns or throws")
    }

    /// A transport error in words (Foundation on Linux describes `URLError`s by number only).
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? URLError else { return error.localizedDescription }
        switch error.code {
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            return "TLS failed"
        case .badServerResponse: return "bad response"
        default: return "URL error \(error.code.rawValue)"
        }
    }

    /// The server as messages name it: host, port and path, never credentials or a query.
    private var server: String {
        let url = format.endpoint(base: configuration.baseURL)
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.host ?? "server")\(port)\(url.path)"
    }
}

/// Why one attempt failed, and whether and when to try again.
private struct AttemptFailure {
    var message: String
    var code = VideoError.Code.io
    var retryable = true
    var retryAfter: Double?

    init(message: String) { self.message = message }

    init(response: HTTPResponse, server: String, now: Date) {
        let said = WireFormats.errorMessage(in: response.body).map { ": \($0.prefix(300))" } ?? ""
        message = "HTTP \(response.status) from \(server)\(said)"
        retryable = response.status == 429 || response.status >= 500
        if !retryable { code = (400..<500).contains(response.status) ? .invalidInput : .io }
        if response.status == 429 || response.status == 503 {
            retryAfter = RetryAfter.delay(response.headers["retry-after"], now: now)
        }
    }
}
