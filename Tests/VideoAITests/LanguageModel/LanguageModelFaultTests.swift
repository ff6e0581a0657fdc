import Foundation
import Synchronization
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Retries, Retry-After, timeouts and the circuit breaker, against a server injecting faults.
@Suite struct LanguageModelFaultTests {
    typealias F = LanguageModelFixtures

    @Test func retryAfterOn429IsWaitedFor() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(
            F.error(429, "rate_limit_error", "slow down", headers: ["Retry-After": "1"]),
            F.anthropicText(["Done."]))
        let log = Log()
        let model = F.anthropicModel(server, options: F.fastOptions(log: log))
        let response = try await model.complete(F.textRequest())

        #expect(response.text == "Done.")
        let requests = server.requests
        try #require(requests.count == 2)
        // The backoff alone would be 0.01 s; the server asked for 1 s.
        #expect(requests[0].receivedAt.seconds(to: requests[1].receivedAt) >= 1.0)
        #expect(requests[1].body == requests[0].body)
        #expect(log.all.count == 1)
        #expect(log.all.first?.contains("HTTP 429") == true)
        #expect(log.all.first?.contains("attempt 2 of 3 in 1.00 s") == true)
    }

    @Test func serverErrorIsRetriedWithBackoff() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.error(500, "api_error", "boom"), F.error(502, "api_error", "bad gateway"), F.openAI("Fine."))
        let log = Log()
        let model = F.openAIModel(server, options: F.fastOptions(log: log))
        let response = try await model.complete(F.textRequest())

        #expect(response.text == "Fine.")
        #expect(server.requests.count == 3)
        #expect(log.all.map { $0.contains("in 0.01 s") } == [true, false])
        #expect(log.all.last?.contains("in 0.02 s") == true)
    }

    @Test func exhaustedRetriesThrowARetryableError() async throws {
        let server = try LocalHTTPServer(fallback: F.error(503, "overloaded_error", "try later"))
        let model = F.openAIModel(server, options: F.fastOptions(attempts: 2))
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(error.code == .io)
        #expect(error.isRetryable)
        #expect(error.message.contains("HTTP 503"))
        #expect(error.message.contains("overloaded_error: try later"))
        #expect(error.message.contains("after 2 attempts"))
        #expect(server.requests.count == 2)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try LocalHTTPServer(fallback: F.error(400, "invalid_request_error", "max_tokens: too large"))
        let model = F.anthropicModel(server, options: F.fastOptions())
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(error.code == .invalidInput)
        #expect(!error.isRetryable)
        #expect(error.message.contains("max_tokens: too large"))
        #expect(server.requests.count == 1)
    }

    @Test func aRetryAfterLongerThanAllowedEndsTheCall() async throws {
        let server = try LocalHTTPServer(
            fallback: F.error(429, "rate_limit_error", "later", headers: ["Retry-After": "120"]))
        let log = Log()
        let model = F.openAIModel(server, options: F.fastOptions(log: log))
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(error.message.contains("asks to wait 120 s"))
        #expect(error.isRetryable)
        #expect(server.requests.count == 1)
        #expect(log.all.isEmpty, "no retry was scheduled")
    }

    @Test func aHeldConnectionTimesOutAndTheRetrySucceeds() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI("late", prompt: 1, completion: 1).delayed(30), F.openAI("On time."))
        // 3 s: long enough that the immediate second answer arrives in time on a loaded machine.
        let model = F.openAIModel(server, options: F.fastOptions(timeout: 3))
        let started = ContinuousClock.now
        let response = try await model.complete(F.textRequest())

        #expect(response.text == "On time.")
        #expect(server.requests.count == 2)
        #expect(started.seconds(to: .now) >= 3)
        var holds = server.holds.makeAsyncIterator()
        #expect(await holds.next() == .hungUp, "the client gave up on the held request")
    }

    @Test func aTimeoutOnTheLastAttemptIsAClearError() async throws {
        let server = try LocalHTTPServer(fallback: F.openAI("late").delayed(1.0))
        let model = F.anthropicModel(server, options: F.fastOptions(attempts: 1, timeout: 0.25))
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(error.isRetryable)
        #expect(error.message.contains("no answer from 127.0.0.1:\(server.port)/v1/messages within 0.25 s"))
    }

    @Test func aSlowAnswerWithinTheTimeoutIsTaken() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.anthropicText(["Slow but fine."]).delayed(0.3))
        let model = F.anthropicModel(server, options: F.fastOptions(timeout: 5))
        let started = ContinuousClock.now
        let response = try await model.complete(F.textRequest())
        #expect(response.text == "Slow but fine.")
        #expect(server.requests.count == 1)
        #expect(started.seconds(to: .now) >= 0.3)
    }

    @Test func cancellingTheCallingTaskEndsAHeldRequest() async throws {
        // The hold is far longer than the test needs: under a loaded run the test's own task can
        // wait many seconds for a pool thread before it cancels, and an answer that comes first
        // would be mistaken for a connection left open.
        let server = try LocalHTTPServer(fallback: F.openAI("never read").delayed(300))
        let model = F.openAIModel(server, options: F.fastOptions(timeout: 60))
        let call = Task { try await model.complete(F.textRequest()) }
        var arrivals = server.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        var holds = server.holds.makeAsyncIterator()
        #expect(await holds.next() == .hungUp, "the connection was closed, not left waiting")
        #expect(server.requests.count == 1)
    }

    @Test func theCircuitBreakerOpensFailsFastAndClosesAfterTheCoolDown() async throws {
        let server = try LocalHTTPServer(fallback: F.error(500, "api_error", "down"))
        let now = Mutex(ContinuousClock.now)
        var model = F.openAIModel(server, options: F.fastOptions(attempts: 1, threshold: 3))
        model.clock = LanguageModelClock(now: { now.withLock { $0 } }, date: { Date() })

        for _ in 0..<3 {
            let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
            #expect(error.message.contains("HTTP 500"))
        }
        #expect(server.requests.count == 3)

        let open = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(open.message.contains("circuit breaker open after 3 consecutive failures"))
        #expect(open.message.contains("HTTP 500"), "it names the last failure")
        #expect(!open.isRetryable)
        #expect(server.requests.count == 3, "an open breaker sends nothing")

        // A copy made with another cache folder shares the breaker.
        let copy = model.caching(in: nil)
        await #expect(throws: VideoError.self) { try await copy.complete(F.textRequest()) }
        #expect(server.requests.count == 3)

        now.withLock { $0 += .seconds(31) }
        server.enqueue(F.openAI("Back."))
        #expect(try await model.complete(F.textRequest()).text == "Back.")
        #expect(server.requests.count == 4)

        // Closed again: one failure no longer opens it.
        await #expect(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        await #expect(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(server.requests.count == 6)
    }

    @Test func theBreakerStopsRetriesOnceItOpens() async throws {
        let server = try LocalHTTPServer(fallback: F.error(500, "api_error", "down"))
        let model = F.anthropicModel(server, options: F.fastOptions(attempts: 5, threshold: 2))
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(error.message.contains("circuit breaker open after 2 consecutive failures"))
        #expect(server.requests.count == 2)
    }

    @Test func connectionRefusedIsRetriedThenReported() async throws {
        let server = try LocalHTTPServer()
        let url = server.baseURL
        server.stop()
        let model = HTTPLanguageModel(
            configuration: LanguageModelConfiguration(provider: .openai, baseURL: url, apiKey: F.secretKey),
            options: F.fastOptions(attempts: 2))
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(error.message.contains("cannot reach 127.0.0.1:\(server.port)/chat/completions: connection refused"))
        #expect(error.isRetryable)
    }
}

@Suite struct LanguageModelRetryAfterTests {
    private let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func secondsAndDatesAreRead() {
        #expect(RetryAfter.delay("1", now: now) == 1)
        #expect(RetryAfter.delay(" 120 ", now: now) == 120)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.delay("Sunday, 06-Nov-94 08:49:40 GMT", now: now) == 3)
        #expect(RetryAfter.delay("Sun Nov  6 08:49:42 1994", now: now) == 5)
    }

    @Test func pastDatesAndNonsenseAreNoWait() {
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.delay("-5", now: now) == nil)
        #expect(RetryAfter.delay("soon", now: now) == nil)
        #expect(RetryAfter.delay(nil, now: now) == nil)
        #expect(RetryAfter.delay("", now: now) == nil)
    }
}

extension StubReply {
    /// This reply, held `seconds` before it is sent.
    func delayed(_ seconds: Double) -> StubReply {
        var copy = self
        copy.delay = seconds
        return copy
    }
}
