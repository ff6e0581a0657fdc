import Foundation
import VideoCore

/// How `HTTPLanguageModel` calls its server: timeouts, retries, the circuit breaker and the
/// response cache.
public struct LanguageModelOptions: Sendable {
    /// The longest one HTTP exchange may take, in seconds.
    public var timeout: Double
    /// Attempts per request and the first backoff wait (doubling after each failure).
    /// Timeouts, connection failures, 429 and 5xx are retried; other statuses are not.
    public var retry: RetryPolicy
    /// The longest wait between attempts, in seconds: a backoff is capped to it, and a
    /// `Retry-After` asking for more ends the call at once.
    public var maxRetryWait: Double
    /// Consecutive failed attempts (timeouts, connection failures, 429, 5xx) after which the
    /// circuit breaker opens.
    public var failureThreshold: Int
    /// How long an open circuit breaker fails calls without trying, in seconds. After it, one
    /// failure opens it again; one success closes it.
    public var coolDown: Double
    /// The folder of the response cache (the task folder's `llm-cache`, say); nil for none.
    public var cacheDirectory: URL?
    /// Told about retries, re-asks and cache writes that failed; never given a key.
    public var log: (@Sendable (String) -> Void)?

    /// Creates options; the defaults suit a hosted API.
    /// - Parameters:
    ///   - timeout: Seconds one HTTP exchange may take (default 120).
    ///   - retry: Attempts and first backoff (default 4 attempts, 1 s then 2 s then 4 s).
    ///   - maxRetryWait: The longest wait between attempts (default 60 s).
    ///   - failureThreshold: Consecutive failures that open the breaker (default 5).
    ///   - coolDown: Seconds the open breaker fails fast (default 30).
    ///   - cacheDirectory: The response cache's folder, or nil.
    ///   - log: Where retry and re-ask notes go, or nil.
    public init(
        timeout: Double = 120, retry: RetryPolicy = RetryPolicy(attempts: 4, initialDelay: 1),
        maxRetryWait: Double = 60,
        failureThreshold: Int = 5, coolDown: Double = 30, cacheDirectory: URL? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeout = max(0.001, timeout)
        self.retry = retry
        self.maxRetryWait = max(0, maxRetryWait)
        self.failureThreshold = max(1, failureThreshold)
        self.coolDown = max(0, coolDown)
        self.cacheDirectory = cacheDirectory
        self.log = log
    }
}
