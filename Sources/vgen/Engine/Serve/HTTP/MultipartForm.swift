import Foundation

/// A `multipart/form-data` body (RFC 7578), parsed whole: the service reads bodies up to its
/// size limit first. Anything that is not a well-formed form is an `APIError` 400.
struct MultipartForm: Sendable {
    /// One part: a field, or a file when it has a file name.
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var contentType: String?
        var body: Data
    }

    var parts: [Part]

    /// The text of the field `name`, if present.
    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// The file parts called `name`.
    func files(_ name: String) -> [Part] { parts.filter { $0.name == name && $0.fileName != nil } }

    /// Parses `body` sent with `contentType`.
    /// - Throws: `APIError` 400 (415 when the body is not multipart at all).
    init(contentType: String?, body: Data) throws {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw APIError(.unsupportedMediaType, "send multipart/form-data", field: "content-type")
        }
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.count <= 70
        else {
            throw APIError(.badRequest, "malformed multipart: no boundary", field: "content-type")
        }
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        guard let first = body.range(of: delimiter) else {
            throw APIError(.badRequest, "malformed multipart: no part", field: "body")
        }
        var parts: [Part] = []
        var cursor = first.upperBound
        while true {
            // After a delimiter: "--" ends the form, CRLF starts a part.
            let rest = body[cursor...]
            if rest.starts(with: Data("--".utf8)) { break }
            guard rest.starts(with: crlf) else {
                throw APIError(.badRequest, "malformed multipart: bad delimiter line", field: "body")
            }
            let start = cursor + 2
            guard let next = body.range(of: crlf + delimiter, in: start..<body.endIndex) else {
                throw APIError(.badRequest, "malformed multipart: a part has no end", field: "body")
            }
            parts.append(try Self.part(body[start..<next.lowerBound]))
            cursor = next.upperBound
        }
        guard !parts.isEmpty else { throw APIError(.badRequest, "malformed multipart: no part", field: "body") }
        self.parts = parts
    }

    private static func part(_ data: Data) throws -> Part {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw APIError(.badRequest, "malformed multipart: a part has no headers", field: "body")
        }
        let headerText = String(decoding: data[data.startIndex..<split.lowerBound], as: UTF8.self)
        var disposition: String?
        var contentType: String?
        for line in headerText.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else {
                throw APIError(.badRequest, "malformed multipart: bad header line", field: "body")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-disposition" { disposition = value }
            if name == "content-type" { contentType = value }
        }
        guard let disposition, disposition.lowercased().hasPrefix("form-data"),
            let name = parameter("name", in: disposition), !name.isEmpty
        else {
            throw APIError(.badRequest, "malformed multipart: a part has no form-data name", field: "body")
        }
        let fileName = parameter("filename", in: disposition)
        if let fileName { try checkFileName(fileName) }
        return Part(name: name, fileName: fileName, contentType: contentType, body: Data(data[split.upperBound...]))
    }

    /// Refuses file names that try to name a path: the service never uses them as one, and a
    /// client that sends one is refused rather than silently renamed.
    static func checkFileName(_ name: String) throws {
        let bad =
            name.contains("/") || name.contains("\\") || name.contains("..") || name.utf8.count > 255
            || name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if bad { throw APIError(.badRequest, "file name '\(name.prefix(80))' is not allowed", field: "filename") }
    }

    /// The value of `name=` in a header value (quoted or not).
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard let equals = pair.firstIndex(of: "="), pair[..<equals].lowercased() == name else { continue }
            var value = String(pair[pair.index(after: equals)...])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
