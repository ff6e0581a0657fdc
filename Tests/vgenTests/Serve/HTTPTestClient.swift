import Foundation
import VideoCore

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 client over a POSIX socket to 127.0.0.1, for talking to a real `vgen serve`:
/// every request is sent exactly as built (malformed bodies included) with `Connection: close`,
/// and read on a dedicated thread to the end of the connection, or line by line for an
/// event stream.
struct HTTPTestClient: Sendable {
    /// A response.
    struct Reply: Sendable {
        var status: Int
        /// Header fields by lower-cased name.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
    }

    let port: Int
    /// Sent as `Authorization: Bearer KEY`.
    var key: String?

    /// Sends a request and reads the whole reply.
    func send(
        _ method: String, _ path: String, headers: [String: String] = [:], body: Data = Data()
    ) async throws -> Reply {
        let request = self.request(method, path, headers: headers, body: body)
        let port = port
        return try await DedicatedThread.run(name: "http-test") { _ in
            let raw = try Self.exchange(port: port, request: request, onLine: nil)
            return try Self.parse(raw)
        }
    }

    /// Sends JSON.
    func send(_ method: String, _ path: String, json: [String: Any]) async throws -> Reply {
        try await send(
            method, path, headers: ["Content-Type": "application/json"],
            body: try JSONSerialization.data(withJSONObject: json))
    }

    /// Reads a job's event stream, handing each `event:`/`data:` pair to `onEvent` until it
    /// returns false or the stream ends.
    /// - Returns: The events read, in order, as (name, data).
    @discardableResult
    func events(_ job: String, until onEvent: @escaping @Sendable (String, String) -> Bool = { _, _ in true })
        async throws -> [(String, String)]
    {
        let request = self.request("GET", "/api/jobs/\(job)/events", headers: [:], body: Data())
        let port = port
        return try await DedicatedThread.run(name: "sse-test") { _ in
            var events: [(String, String)] = []
            var name = ""
            _ = try Self.exchange(port: port, request: request) { line in
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") {
                    events.append((name, String(line.dropFirst(6))))
                    return onEvent(name, String(line.dropFirst(6)))
                }
                return true
            }
            return events
        }
    }

    private func request(_ method: String, _ path: String, headers: [String: String], body: Data) -> Data {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        var headers = headers
        if let key, headers["Authorization"] == nil { headers["Authorization"] = "Bearer \(key)" }
        if headers["Content-Length"] == nil, !body.isEmpty || method == "POST" {
            headers["Content-Length"] = String(body.count)
        }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        return Data((head + "\r\n").utf8) + body
    }

    private static func exchange(port: Int, request: Data, onLine: ((String) -> Bool)?) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw VideoError(.io, "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw VideoError(.io, "cannot connect to 127.0.0.1:\(port)") }
        // The server may answer (413) and close before the whole body is sent: stop sending then.
        request.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { break }
                offset += sent
            }
        }
        var all = Data(), pending = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            all.append(contentsOf: buffer[0..<count])
            guard let onLine else { continue }
            pending.append(contentsOf: buffer[0..<count])
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                if !onLine(line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))) { return all }
            }
        }
        return all
    }

    private static func parse(_ raw: Data) throws -> Reply {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw VideoError(.io, "no HTTP reply (\(raw.count) bytes)")
        }
        let head = String(decoding: raw[raw.startIndex..<split.lowerBound], as: UTF8.self).components(
            separatedBy: "\r\n")
        let statusLine = head[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw VideoError(.io, "bad status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Data(raw[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var cursor = data.startIndex
        while let lineEnd = data.range(of: Data("\r\n".utf8), in: cursor..<data.endIndex) {
            let sizeText = String(decoding: data[cursor..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard start + size <= data.endIndex else { break }
            out.append(data[start..<start + size])
            cursor = start + size + 2
        }
        return out
    }
}
