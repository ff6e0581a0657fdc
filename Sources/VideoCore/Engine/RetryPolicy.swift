/// Retries work whose failures may pass (`VideoError.isRetryable`), with exponential backoff.
public struct RetryPolicy: Sendable, Hashable {
    /// How many attempts in all.
    public var attempts: Int
    /// The wait before the second attempt, in seconds; each later wait doubles.
    public var initialDelay: Double

    /// Creates a policy; the default is 3 attempts, waiting 0.5 s then 1 s.
    public init(attempts: Int = 3, initialDelay: Double = 0.5) {
        self.attempts = max(1, attempts)
        self.initialDelay = max(0, initialDelay)
    }

    /// Runs `body`, retrying retryable `VideoError`s; other errors and the last failure are
    /// thrown as they are.
    /// - Parameter onRetry: Told about each failure that will be retried (attempt number from 1).
    public func run<T: Sendable>(
        onRetry: (Int, VideoError) -> Void = { _, _ in }, _ body: () async throws -> T
    ) async throws -> T {
        var delay = initialDelay
        for attempt in 1... {
            do {
                return try await body()
            } catch let error as VideoError where error.isRetryable && attempt < attempts {
                onRetry(attempt, error)
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                delay *= 2
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }
}
