import Foundation
import Hummingbird

/// A finished job's file, whole or as one byte range (RFC 9110 §14), so a browser's video
/// element can seek.
enum FileResponse {
    /// The files a job may serve, with their content types.
    static let types: [String: String] = [
        "video.mp4": "video/mp4", "captions.srt": "application/x-subrip", "captions.vtt": "text/vtt",
        "thumbnail.png": "image/png", "metadata.json": "application/json",
        "timing_manifest.json": "application/json", "timeline.json": "application/json",
        "analysis.json": "application/json", "transcript.json": "application/json", "edit.json": "application/json",
        "talk.otio": "application/json",
    ]

    /// The servable files present in `directory`, sorted.
    static func present(in directory: URL) -> [String] {
        types.keys.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }.sorted()
    }

    /// The response for `url` and the request's `Range` header.
    /// - Throws: `APIError` 416 for a range outside the file, 404 when it is missing.
    static func response(for url: URL, contentType: String, range: String?) throws -> Response {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = (attributes[.size] as? NSNumber)?.intValue
        else { throw APIError(.notFound, "no such file", field: "name") }
        var headers: HTTPFields = [.contentType: contentType, .acceptRanges: "bytes"]
        var status = HTTPResponse.Status.ok
        var slice = 0..<size
        if let range {
            guard let wanted = parse(range, size: size) else {
                var error = APIError(.rangeNotSatisfiable, "range '\(range)' is outside the file", field: "range")
                error.headers[.contentRange] = "bytes */\(size)"
                throw error
            }
            slice = wanted
            status = .partialContent
            headers[.contentRange] = "bytes \(wanted.lowerBound)-\(wanted.upperBound - 1)/\(size)"
        }
        headers[.contentLength] = String(slice.count)
        let (path, bytes) = (url.path, slice)
        let body = ResponseBody(contentLength: bytes.count) { writer in
            guard let handle = FileHandle(forReadingAtPath: path) else { throw APIError(.notFound, "no such file") }
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(bytes.lowerBound))
            var left = bytes.count
            while left > 0 {
                let chunk = handle.readData(ofLength: min(left, 256 << 10))
                guard !chunk.isEmpty else { break }
                left -= chunk.count
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// One `bytes=` range within `size` bytes, or nil when it is malformed or unsatisfiable.
    static func parse(_ header: String, size: Int) -> Range<Int>? {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = text.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0 else { return nil }
            return max(0, size - suffix)..<size
        }
        guard let start = Int(first), start >= 0, start < size else { return nil }
        guard !last.isEmpty else { return start..<size }
        guard let end = Int(last), end >= start else { return nil }
        return start..<min(end + 1, size)
    }
}
