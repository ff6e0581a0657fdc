import Foundation
import Synchronization
import VideoCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An HTTP request as a language model sends it.
public struct HTTPRequest: Sendable, Hashable {
    /// The full URL.
    public var url: URL
    /// The method, for example `POST`.
    public var method: String
    /// Header fields by name.
    public var headers: [String: String]
    /// The body.
    public var body: Data
    /// The longest the exchange may take, in seconds.
    public var timeout: Double

    /// Creates a request.
    /// - Parameters:
    ///   - url: The full URL.
    ///   - method: The method.
    ///   - headers: Header fields by name.
    ///   - body: The body.
    ///   - timeout: The longest the exchange may take, in seconds.
    public init(
        url: URL, method: String = "POST", headers: [String: String] = [:], body: Data = Data(), timeout: Double
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// An HTTP response: status, header fields and the whole body.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, for example 200.
    public var status: Int
    /// Header fields by lower-cased name.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a response; header names are lower-cased.
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: Header fields by name.
    ///   - body: The body.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Sends one HTTP request and returns its response: how `HTTPLanguageModel` reaches a server.
///
/// # Contract
/// - Return every response the server sends, whatever its status; throw only when there is
///   none (connection refused, reset, timed out, cancelled).
/// - Give up after `request.timeout` seconds. (`HTTPLanguageModel` abandons a transport that
///   overruns by half as much again plus a second.)
/// - Stop when the calling task is cancelled.
/// - Never log or keep the request's headers: they hold the API key.
///
/// The default is `URLSessionTransport`; an embedder with its own HTTP stack conforms that
/// stack to this protocol instead.
public protocol HTTPTransport: Sendable {
    /// Sends `request`.
    /// - Parameter request: The request.
    /// - Returns: The server's response, whatever its status.
    /// - Throws: Any error when no response arrived.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An `HTTPTransport` on Foundation's `URLSession` (libcurl through FoundationNetworking on
/// Linux): no package to add and nothing extra to build.
///
/// It uses an ephemeral session with no response cache, no cookies and no credential storage.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport with its own ephemeral session.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// Sends `request` and collects the whole response.
    ///
    /// The timeout is decided on the threads that deliver the answer and fire the timer, not
    /// on Swift's task pool, so a pool kept busy by other work cannot turn an answer that came
    /// in time into a timeout.
    /// - Parameter request: The request.
    /// - Returns: The response, whatever its status.
    /// - Throws: `URLError` when no response arrived (`.timedOut` after `request.timeout`);
    ///   `CancellationError` when cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body.isEmpty ? nil : request.body
        // Foundation's own timer is only a backstop: on Linux it has fired early (0.24 s of a
        // 0.3 s timeout), so the timer below decides.
        urlRequest.timeoutInterval = request.timeout + 1
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }

        let exchange = Exchange()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish(Self.result(data, response, error))
                }
                exchange.start(continuation, task: task)
                DispatchQueue.global().asyncAfter(deadline: .now() + request.timeout) {
                    exchange.finish(.failure(URLError(.timedOut)))
                }
                task.resume()
            }
        } onCancel: {
            exchange.finish(.failure(CancellationError()))
        }
    }

    private static func result(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Result<
        HTTPResponse, any Error
    > {
        if let error {
            return .failure((error as? URLError)?.code == .cancelled ? CancellationError() : error)
        }
        guard let http = response as? HTTPURLResponse else { return .failure(URLError(.badServerResponse)) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// One request's outcome: the first of answer, timeout and cancellation wins; the task is
    /// cancelled once it is decided.
    private final class Exchange: Sendable {
        private struct State {
            var continuation: CheckedContinuation<HTTPResponse, any Error>?
            var task: URLSessionDataTask?
            var early: Result<HTTPResponse, any Error>?
            var done = false
        }

        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<HTTPResponse, any Error>, task: URLSessionDataTask) {
            let early: Result<HTTPResponse, any Error>? = state.withLock { state in
                state.task = task
                guard let early = state.early else {
                    state.continuation = continuation
                    return nil
                }
                return early
            }
            if let early {
                task.cancel()
                continuation.resume(with: early)
            }
        }

        func finish(_ result: Result<HTTPResponse, any Error>) {
            let (continuation, task): (CheckedContinuation<HTTPResponse, any Error>?, URLSessionDataTask?) =
                state.withLock { state in
                    guard !state.done else { return (nil, nil) }
                    state.done = true
                    guard let continuation = state.continuation else {
                        state.early = result
                        return (nil, nil)
                    }
                    state.continuation = nil
                    return (continuation, state.task)
                }
            continuation?.resume(with: result)
            task?.cancel()
        }
    }
}
