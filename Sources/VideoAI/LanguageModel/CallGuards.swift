import Foundation
import Synchronization
import VideoCore

/// Takes secrets out of text: every error message, log line and file goes through one.
struct Redactor: Sendable {
    /// What replaces a secret.
    static let mark = "[redacted]"
    private let secrets: [String]

    /// A redactor of `secrets` (empty ones are ignored).
    init(_ secrets: [String?]) {
        self.secrets = secrets.compactMap { $0 }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced.
    func callAsFunction(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.mark) }
    }

    /// `value` with every secret replaced in its strings and member names.
    func callAsFunction(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(self(text))
        case .array(let elements): .array(elements.map { self($0) })
        case .object(let members):
            .object(Dictionary(members.map { (self($0.key), self($0.value)) }, uniquingKeysWith: { first, _ in first }))
        default: value
        }
    }

    /// `response` with every secret replaced in its text and JSON.
    func callAsFunction(_ response: LanguageModelResponse) -> LanguageModelResponse {
        var clean = response
        clean.text = self(response.text)
        clean.json = response.json.map { self($0) }
        return clean
    }

    /// `error` with its message and field redacted.
    func callAsFunction(_ error: VideoError) -> VideoError {
        VideoError(error.code, self(error.message), field: error.field.map { self($0) }, isRetryable: error.isRetryable)
    }
}

/// Fails calls fast after `threshold` consecutive failures, for a cool-down.
///
/// Closed: calls pass; each failure counts, a success resets the count. Open (the count
/// reached the threshold): calls fail at once until the cool-down ends. Then calls pass again,
/// but as the count still stands at the threshold, one more failure opens it again, while a
/// success closes it.
final class CircuitBreaker: Sendable {
    private struct State {
        var failures = 0
        var openUntil: ContinuousClock.Instant?
        var lastFailure = ""
    }

    private let state = Mutex(State())

    /// Throws while the breaker is open.
    /// - Throws: `VideoError(.io)` saying how long it stays open and why it opened.
    func admit(now: ContinuousClock.Instant, name: String) throws {
        let refusal: String? = state.withLock { state in
            guard let until = state.openUntil, now < until else { return nil }
            let seconds =
                Double((until - now).components.seconds) + Double((until - now).components.attoseconds) * 1e-18
            return
                "\(name): circuit breaker open after \(state.failures) consecutive failures; not calling for another "
                + "\(String(format: "%.1f", seconds)) s (last failure: \(state.lastFailure))"
        }
        if let refusal { throw VideoError(.io, refusal) }
    }

    /// Counts a failure; opens the breaker when the count reaches `threshold`.
    func recordFailure(_ message: String, now: ContinuousClock.Instant, threshold: Int, coolDown: Double) {
        state.withLock { state in
            state.failures += 1
            state.lastFailure = message
            if state.failures >= threshold { state.openUntil = now + .milliseconds(Int64(coolDown * 1000)) }
        }
    }

    /// Closes the breaker.
    func recordSuccess() {
        state.withLock { $0 = State() }
    }
}

/// The time source and the wait of the retry loop and the breaker.
package struct LanguageModelClock: Sendable {
    /// The monotonic now (the breaker's cool-down).
    package var now: @Sendable () -> ContinuousClock.Instant
    /// The wall-clock now (a `Retry-After` date).
    package var date: @Sendable () -> Date

    /// The system clocks.
    package static let system = LanguageModelClock(now: { ContinuousClock.now }, date: { Date() })

    /// A clock.
    /// - Parameters:
    ///   - now: The monotonic now.
    ///   - date: The wall-clock now.
    package init(now: @escaping @Sendable () -> ContinuousClock.Instant, date: @escaping @Sendable () -> Date) {
        self.now = now
        self.date = date
    }
}

/// `Retry-After` (RFC 9110 §10.2.3): a number of seconds or an HTTP date.
enum RetryAfter {
    /// The wait `header` asks for, in seconds from `now`; nil when absent or unreadable. A
    /// date in the past is no wait.
    static func delay(_ header: String?, now: Date) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return seconds }
        let date = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for pattern in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = pattern
            if let when = formatter.date(from: date) { return max(0, when.timeIntervalSince(now)) }
        }
        return nil
    }
}

/// Thrown by `Deadline.run` when the time is up.
struct DeadlineExceeded: Error {}

/// Runs an operation with a time limit, returning when the limit passes even if the
/// operation does not stop (it is cancelled and left to finish on its own).
enum Deadline {
    private final class Race<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>
        private let tasks = Mutex<[Task<Void, Never>]>([])

        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = Mutex(continuation) }

        /// Resumes the caller with the first result; later ones are dropped.
        func finish(_ result: Result<T, any Error>) {
            guard
                let waiting = continuation.withLock({ value in
                    defer { value = nil }; return value
                })
            else { return }
            waiting.resume(with: result)
            for task in tasks.withLock({ $0 }) { task.cancel() }
        }

        func hold(_ running: [Task<Void, Never>]) {
            tasks.withLock { $0 = running }
            if continuation.withLock({ $0 == nil }) { running.forEach { $0.cancel() } }
        }
    }

    /// The result of `operation`, or `DeadlineExceeded` after `seconds`.
    /// - Throws: What `operation` threw, `DeadlineExceeded`, or `CancellationError`.
    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws
        -> T
    {
        let holder = Mutex<Race<T>?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let race = Race(continuation)
                holder.withLock { $0 = race }
                let work = Task {
                    do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
                }
                let timer = Task {
                    guard (try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))) != nil else { return }
                    race.finish(.failure(DeadlineExceeded()))
                }
                race.hold([work, timer])
                if Task.isCancelled { race.finish(.failure(CancellationError())) }
            }
        } onCancel: {
            holder.withLock { $0 }?.finish(.failure(CancellationError()))
        }
    }
}
