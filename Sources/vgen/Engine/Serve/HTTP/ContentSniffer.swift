import Foundation

/// Tells what an uploaded file is from its first bytes (its "magic"), never from its name.
/// The service saves it under a name it makes, with the extension of the type found here.
enum ContentSniffer {
    /// What a file holds.
    enum Kind: Equatable {
        case image(String)
        case clip(String)
        case audio(String)
        case text

        /// The extension the service gives the saved file.
        var fileExtension: String {
            switch self {
            case .image(let e), .clip(let e), .audio(let e): e
            case .text: "md"
            }
        }
    }

    /// The kind of `data`, or nil when no type the service accepts matches.
    static func kind(of data: Data) -> Kind? {
        let b = [UInt8](data.prefix(16))
        func at(_ offset: Int, _ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return b.count >= offset + bytes.count && Array(b[offset..<offset + bytes.count]) == bytes
        }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return .image("jpg") }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image("png") }
        if at(0, "GIF87a") || at(0, "GIF89a") { return .image("gif") }
        if at(0, "RIFF") && at(8, "WEBP") { return .image("webp") }
        if at(0, "RIFF") && at(8, "WAVE") { return .audio("wav") }
        if at(0, "RIFF") && at(8, "AVI ") { return .clip("avi") }
        if at(0, "BM") && b.count >= 14 { return .image("bmp") }
        if at(4, "ftyp") {
            let brand = b.count >= 12 ? String(decoding: b[8..<12], as: UTF8.self) : ""
            switch brand {
            case "M4A ", "M4B ": return .audio("m4a")
            case "heic", "heix", "mif1", "msf1": return .image("heic")
            case "avif": return .image("avif")
            case "qt  ": return .clip("mov")
            default: return .clip("mp4")
            }
        }
        if b.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return .clip("mkv") }
        if at(0, "ID3") { return .audio("mp3") }
        if at(0, "fLaC") { return .audio("flac") }
        if at(0, "OggS") { return .audio("ogg") }
        if b.count >= 2 && b[0] == 0xFF && (b[1] & 0xF6) == 0xF0 { return .audio("aac") }  // ADTS
        if b.count >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 { return .audio("mp3") }  // MPEG audio frame
        if isText(data) { return .text }
        return nil
    }

    /// Whether `data` is UTF-8 text without NUL bytes (a Markdown or plain-text document).
    static func isText(_ data: Data) -> Bool {
        !data.isEmpty && !data.contains(0) && String(data: data, encoding: .utf8) != nil
    }
}
