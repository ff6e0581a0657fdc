import Foundation
import VideoCore

/// The service's API keys, kept only as SHA-256 digests (libavutil's AVSHA): from `VGEN_API_KEYS`
/// (comma-separated) and from a key file (one key a line, `#` starts a comment).
struct APIKeys: Sendable {
    /// Hex SHA-256 digests of the accepted keys.
    private let digests: Set<String>

    /// Whether any key is configured (without one, the service is open: for local use only).
    var isEmpty: Bool { digests.isEmpty }

    /// Reads the keys.
    /// - Parameters:
    ///   - environment: The process environment (`VGEN_API_KEYS`).
    ///   - file: A key file, if one was named.
    /// - Throws: `VideoError` naming `--api-key-file` when it cannot be read.
    init(environment: [String: String], file: String?) throws {
        var keys = (environment["VGEN_API_KEYS"] ?? "").split(separator: ",").map(String.init)
        if let file {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw VideoError(.io, "cannot read the key file", field: "api-key-file", underlying: error)
            }
            keys += text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("#") }
        }
        digests = Set(
            keys.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(Self.digest))
    }

    /// The digest of `key`, which also names the key in rate limits.
    static func digest(_ key: String) -> String {
        SHA256Digest.hex(of: Data(key.utf8))
    }

    /// Checks an `Authorization` header.
    /// - Returns: The key's digest when it is accepted (`"open"` when no keys are configured).
    /// - Throws: `APIError` 401 when the header is missing or not `Bearer …`, 403 for an unknown key.
    func authorize(_ header: String?) throws -> String {
        guard !isEmpty else { return "open" }
        guard let header, header.lowercased().hasPrefix("bearer "), header.count > 7 else {
            throw APIError(.unauthorized, "send an API key as 'Authorization: Bearer KEY'", field: "authorization")
        }
        let digest = Self.digest(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        guard digests.contains(digest) else {
            throw APIError(.forbidden, "the API key is not accepted", field: "authorization")
        }
        return digest
    }
}
