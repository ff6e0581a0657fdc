import Foundation
import Synchronization
import VideoCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request the server received.
package struct RecordedRequest: Sendable {
    package var method: String
    package var path: String
    /// Header fields by lower-cased name.
    package var headers: [String: String]
    package var body: Data
    /// When the request had been read whole.
    package var receivedAt: ContinuousClock.Instant
}

/// How a held connection ended.
package enum HoldOutcome: Sendable, Equatable {
    /// The client closed it before the answer was due.
    case hungUp
    /// The server answered when the hold was over.
    case answered
}

/// What the server answers one request with.
package struct StubReply: Sendable {
    package var status = 200
    package var headers: [String: String] = ["Content-Type": "application/json"]
    package var body = Data()
    /// How long the server holds the connection before answering, in seconds.
    package var delay: Double = 0

    /// A reply.
    package init(
        status: Int = 200, headers: [String: String] = ["Content-Type": "application/json"], body: Data = Data(),
        delay: Double = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }
}

/// A real HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests: POSIX sockets, an
/// accept loop on a thread of its own and one thread per connection. It records every request
/// and answers each from a queue of scripted replies (then the fallback, else 500); every
/// answer closes its connection.
package final class LocalHTTPServer: Sendable {
    private struct State {
        var replies: [StubReply] = []
        var fallback: StubReply?
        var responder: (@Sendable (RecordedRequest) -> StubReply?)?
        var requests: [RecordedRequest] = []
        var stopped = false
    }

    /// The port the server listens on.
    package let port: UInt16
    /// One element per request, as soon as it has been read (before any hold).
    package let arrivals: AsyncStream<Void>
    private let arrived: AsyncStream<Void>.Continuation
    /// One element per reply with a delay, when the hold ends.
    package let holds: AsyncStream<HoldOutcome>
    private let held: AsyncStream<HoldOutcome>.Continuation
    private let listener: Int32
    private let state = Mutex(State())

    /// Starts a server.
    /// - Parameter fallback: The answer once the queue is empty; nil answers 500.
    package init(fallback: StubReply? = nil) throws {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = fd
        (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
        (holds, held) = AsyncStream.makeStream(of: HoldOutcome.self)
        port = UInt16(bigEndian: address.sin_port)
        state.withLock { $0.fallback = fallback }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "test-http-accept"
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    package var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Queues answers for the next requests, in order.
    package func enqueue(_ replies: StubReply...) { state.withLock { $0.replies += replies } }

    /// The answer once the queue is empty.
    package func setFallback(_ reply: StubReply?) { state.withLock { $0.fallback = reply } }

    /// Answers every request whose reply `responder` gives (nil passes it to the queue).
    package func setResponder(_ responder: (@Sendable (RecordedRequest) -> StubReply?)?) {
        state.withLock { $0.responder = responder }
    }

    /// Every request received so far, in order of arrival.
    package var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// Stops accepting connections.
    package func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        arrived.finish()
        held.finish()
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR, !state.withLock({ $0.stopped }) { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.name = "test-http-connection"
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
            var yes: Int32 = 1
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard let request = readRequest(connection) else { return }
        let reply = state.withLock { state -> StubReply in
            state.requests.append(request)
            if let reply = state.responder?(request) { return reply }
            if !state.replies.isEmpty { return state.replies.removeFirst() }
            return state.fallback ?? StubReply(status: 500, body: Data(#"{"error":"no reply scripted"}"#.utf8))
        }
        arrived.yield()
        if reply.delay > 0 {
            let answered = hold(connection, seconds: reply.delay)
            held.yield(answered ? .answered : .hungUp)
            if !answered { return }
        }
        var head = "HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\n"
        head += "Content-Length: \(reply.body.count)\r\nConnection: close\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        write(connection, Data(head.utf8) + reply.body)
    }

    /// Waits `seconds` before answering; false when the client hung up meanwhile.
    private func hold(_ connection: Int32, seconds: Double) -> Bool {
        let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < end {
            let left = end - ContinuousClock.now
            var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            if poll(&descriptor, 1, milliseconds) > 0 {
                var byte: UInt8 = 0
                if recv(connection, &byte, 1, Int32(MSG_PEEK)) <= 0 { return false }
            }
        }
        return true
    }

    private func readRequest(_ connection: Int32) -> RecordedRequest? {
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard buffer.count < 1 << 20, let chunk = receive(connection) else { return nil }
            buffer += chunk
        }
        let headerEnd = buffer.range(of: separator)!
        let head = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
        var body = Data(buffer[headerEnd.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let decoded = readChunked(connection, buffered: body) else { return nil }
            body = decoded
        } else {
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while body.count < length {
                guard let chunk = receive(connection) else { return nil }
                body += chunk
            }
            body = body.prefix(length)
        }
        return RecordedRequest(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body,
            receivedAt: .now)
    }

    private func readChunked(_ connection: Int32, buffered: Data) -> Data? {
        var raw = buffered
        var body = Data()
        var offset = 0
        while true {
            while raw[offset...].range(of: Data("\r\n".utf8)) == nil {
                guard let chunk = receive(connection) else { return nil }
                raw += chunk
            }
            let lineEnd = raw[offset...].range(of: Data("\r\n".utf8))!
            let sizeText = String(decoding: raw[offset..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { return nil }
            let start = lineEnd.upperBound
            while raw.count < start + size + 2 {
                guard let chunk = receive(connection) else { return nil }
                raw += chunk
            }
            if size == 0 { return body }
            body += raw[start..<start + size]
            offset = start + size + 2
        }
    }

    private func receive(_ connection: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let count = recv(connection, &bytes, bytes.count, 0)
        return count > 0 ? Data(bytes[0..<count]) : nil
    }

    private func write(_ connection: Int32, _ data: Data) {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        var sent = 0
        data.withUnsafeBytes { raw in
            while sent < raw.count {
                let count = send(connection, raw.baseAddress! + sent, raw.count - sent, flags)
                if count <= 0 { return }
                sent += count
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
