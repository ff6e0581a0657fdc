import Foundation
import Hummingbird
import VideoCore

/// Turns a submission (`POST /api/videos`, `POST /api/montages`, `POST /api/edits`) into a job: checks the
/// body, sniffs every file's type, saves the files under names the service makes in the
/// job's `input/` folder, and turns the options into the command line's arguments.
struct Submission: Sendable {
    /// The limits a submission must keep (Docs/Service.md).
    struct Limits: Sendable {
        /// Largest JSON body.
        var jsonBytes = 1 << 20
        /// Largest multipart body in all.
        var totalBytes = 512 << 20
        /// Largest single file.
        var fileBytes = 256 << 20
        /// Most media files in one montage.
        var files = 100
    }

    /// One option value: text, a number or a flag.
    enum OptionValue: Decodable, Sendable {
        case flag(Bool)
        case number(Double)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                self = .flag(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    /// The JSON form of `POST /api/videos`.
    struct VideoRequest: Decodable {
        var document: String?
        var format: String?
        var yaml: String?
        var prompt: String?
        var options: [String: OptionValue]?
    }

    /// The options each kind accepts: the command line's option of the same name, `_` for `-`.
    static let videoOptions: Set<String> = [
        "accent_color", "voice", "resolution", "fps", "preset", "video_id", "transition", "theme", "duration",
        "platform", "narration", "reveal", "captions", "loudness", "keep_boilerplate",
    ]
    static let montageOptions: Set<String> = [
        "duration", "aspect", "style", "order", "fit", "transition", "clip_audio", "size", "fps", "video_id", "preset",
        "crf",
    ]
    static let editOptions: Set<String> = ["max_pause", "margin", "keep_fillers", "video_id", "preset", "crf"]

    var limits: Limits

    /// A document video job from a JSON or multipart body; its files are written to `input`.
    /// - Throws: `APIError` (400, 413, 415).
    func video(contentType: String?, body: Data, input: URL) throws -> JobSpec {
        var spec = JobSpec(kind: .video)
        var files: [(String, Data)] = []
        if contentType?.lowercased().hasPrefix("application/json") == true {
            guard body.count <= limits.jsonBytes else { throw APIError(.contentTooLarge, "the JSON body is too large") }
            let request: VideoRequest
            do { request = try JSONDecoder().decode(VideoRequest.self, from: body) } catch {
                throw APIError(.badRequest, "the body is not a video request: \(error)", field: "body")
            }
            spec.arguments = try Self.arguments(request.options ?? [:], allowed: Self.videoOptions)
            let given = [request.document, request.yaml, request.prompt].compactMap { $0 }
            guard given.count == 1 else {
                throw APIError(.badRequest, "pass exactly one of document, yaml or prompt", field: "document")
            }
            if let document = request.document {
                let name = try Self.documentName(format: request.format)
                (spec.document, files) = (name, [(name, Data(document.utf8))])
            } else if let yaml = request.yaml {
                (spec.yaml, files) = ("spec.yaml", [("spec.yaml", Data(yaml.utf8))])
            } else {
                spec.prompt = request.prompt
            }
        } else {
            let form = try MultipartForm(contentType: contentType, body: body)
            spec.arguments = try Self.arguments(try Self.options(form), allowed: Self.videoOptions)
            let documents = form.files("document"), yamls = form.files("yaml")
            guard documents.count + yamls.count == 1, let part = (documents + yamls).first else {
                throw APIError(.badRequest, "upload exactly one file as 'document' or 'yaml'", field: "document")
            }
            try checkSize(part)
            guard ContentSniffer.isText(part.body) else {
                throw APIError(.unsupportedMediaType, "the document is not UTF-8 text", field: part.name)
            }
            if part.name == "yaml" {
                (spec.yaml, files) = ("spec.yaml", [("spec.yaml", part.body)])
            } else {
                let name = try Self.documentName(format: form.field("format"))
                (spec.document, files) = (name, [(name, part.body)])
            }
        }
        return try accept(spec, files: files, input: input)
    }

    /// A montage job from a multipart body: `media` files (photos, clips), one `song`, `options`.
    /// - Throws: `APIError` (400, 413, 415).
    func montage(contentType: String?, body: Data, input: URL) throws -> JobSpec {
        let form = try MultipartForm(contentType: contentType, body: body)
        var spec = JobSpec(kind: .montage)
        spec.arguments = try Self.arguments(try Self.options(form), allowed: Self.montageOptions)
        let media = form.files("media")
        guard !media.isEmpty else { throw APIError(.badRequest, "upload photos or clips as 'media'", field: "media") }
        guard media.count <= limits.files else {
            throw APIError(.contentTooLarge, "\(media.count) media files; at most \(limits.files)", field: "media")
        }
        var files: [(String, Data)] = []
        for (index, part) in media.enumerated() {
            try checkSize(part)
            switch ContentSniffer.kind(of: part.body) {
            case .image(let ext)?, .clip(let ext)?:
                let name = String(format: "media-%03d.", index + 1) + ext
                files.append((name, part.body))
                spec.media.append(name)
            default:
                throw APIError(
                    .unsupportedMediaType, "media file \(index + 1) is not a photo or clip this service reads",
                    field: "media")
            }
        }
        let song = try one("song", of: form, "upload one song as 'song'")
        guard case .audio(let ext)? = ContentSniffer.kind(of: song.body) else {
            throw APIError(.unsupportedMediaType, "the song is not an audio file this service reads", field: "song")
        }
        spec.song = "song." + ext
        files.append((spec.song!, song.body))
        return try accept(spec, files: files, input: input)
    }

    /// A talk edit job from a multipart body: one `talk` recording, an optional `transcript`,
    /// `options`.
    /// - Throws: `APIError` (400, 413, 415).
    func edit(contentType: String?, body: Data, input: URL) throws -> JobSpec {
        let form = try MultipartForm(contentType: contentType, body: body)
        var spec = JobSpec(kind: .edit)
        spec.arguments = try Self.arguments(try Self.options(form), allowed: Self.editOptions)
        let talk = try one("talk", of: form, "upload one recording as 'talk'")
        let transcripts = form.files("transcript")
        guard transcripts.count <= 1 else {
            throw APIError(.badRequest, "upload at most one 'transcript'", field: "transcript")
        }
        guard case .clip(let ext)? = ContentSniffer.kind(of: talk.body) else {
            throw APIError(.unsupportedMediaType, "the talk is not a video this service reads", field: "talk")
        }
        spec.talk = "talk." + ext
        var files = [(spec.talk!, talk.body)]
        if let transcript = transcripts.first {
            try checkSize(transcript)
            guard ContentSniffer.isText(transcript.body) else {
                throw APIError(.unsupportedMediaType, "the transcript is not UTF-8 text", field: "transcript")
            }
            // The parser goes by the extension: JSON, WebVTT or SRT, told by the first bytes.
            let head = String(decoding: transcript.body.prefix(16), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            let ext = head.hasPrefix("{") || head.hasPrefix("[") ? "json" : head.hasPrefix("WEBVTT") ? "vtt" : "srt"
            spec.transcript = "transcript." + ext
            files.append((spec.transcript!, transcript.body))
        }
        return try accept(spec, files: files, input: input)
    }

    private func checkSize(_ part: MultipartForm.Part) throws {
        guard part.body.count <= limits.fileBytes else {
            throw APIError(
                .contentTooLarge, "a '\(part.name)' file is \(part.body.count) bytes; at most \(limits.fileBytes)",
                field: part.name)
        }
    }

    /// Validates the job as the command line would, then saves its files: nothing is written
    /// for a submission that is refused.
    private func accept(_ spec: JobSpec, files: [(String, Data)], input: URL) throws -> JobSpec {
        do { try JobWork.validate(spec) } catch { throw APIError.badRequest(error) }
        try AtomicFile.makeDirectory(input)
        for (name, data) in files { try AtomicFile.write(data, to: input.appendingPathComponent(name)) }
        return spec
    }

    /// The one file a form must hold under `name`, checked against the size limit.
    private func one(_ name: String, of form: MultipartForm, _ message: String) throws -> MultipartForm.Part {
        let parts = form.files(name)
        guard parts.count == 1, let part = parts.first else { throw APIError(.badRequest, message, field: name) }
        try checkSize(part)
        return part
    }

    private static func documentName(format: String?) throws -> String {
        switch format ?? "markdown" {
        case "markdown", "md": return "document.md"
        case "text", "txt": return "document.txt"
        default: throw APIError(.badRequest, "unknown format '\(format!)'; valid: markdown, text", field: "format")
        }
    }

    private static func options(_ form: MultipartForm) throws -> [String: OptionValue] {
        guard let text = form.field("options") else { return [:] }
        do { return try JSONDecoder().decode([String: OptionValue].self, from: Data(text.utf8)) } catch {
            throw APIError(.badRequest, "options must be a JSON object", field: "options")
        }
    }

    /// The options as command-line arguments, in a stable order.
    static func arguments(_ options: [String: OptionValue], allowed: Set<String>) throws -> [String] {
        var arguments: [String] = []
        for key in options.keys.sorted() {
            guard allowed.contains(key) else {
                throw APIError(
                    .badRequest, "unknown option; valid: \(allowed.sorted().joined(separator: ", "))", field: key)
            }
            let flag = "--" + key.replacingOccurrences(of: "_", with: "-")
            switch options[key]! {
            case .flag(true): arguments.append(flag)
            case .flag(false): break
            case .number(let value):
                let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
                arguments.append("\(flag)=\(text)")
            case .text(let value): arguments.append("\(flag)=\(value)")  // `=`: a value never reads as an option
            }
        }
        return arguments
    }
}
