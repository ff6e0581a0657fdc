import Foundation

/// Turns a Markdown or plain-text document (typically a README) into the scenes of a narrated video.
///
/// The first H1 becomes the title card, its first paragraph the subtitle. Every other heading
/// starts a section of its own, a subsection titled after its parent ("Basic Architecture ·
/// EventLoop"). In document order, a section's bullets, table rows and paragraphs become list
/// scenes (a paragraph shows its sentences, a long sentence or item its key phrase, never cut
/// with "…"), each code block a command scene (with the short paragraphs before and after it
/// as its caption and narration) and each block quote a quote scene; a long run continues on
/// scenes headed "Heading (continued)". An outro closes the video. Text without headings is
/// chunked by paragraphs into list scenes. See `Docs/Documents.md`.
///
/// A Markdown image with a local path (PNG, JPEG, WebP or SVG, inside the document's folder)
/// becomes an image scene captioned by its alt text, a GFM table a table scene (continued on
/// follow-up scenes past `SceneBuilder.maxTableRows` rows). Remote images, and images outside
/// the folder or missing, are skipped with a warning; nothing is fetched. Badges, raw HTML,
/// link addresses and empty sections are dropped; links become their text.
///
/// A `pronunciations.yaml` beside the document (word → spoken form) becomes the video's
/// `pronunciations`.
/// Boilerplate is left out with a warning naming it: badge rows, and unless `keepsBoilerplate`
/// is set, tables of contents and one-line License or Contributing sections.
///
/// A list scene says what its lines stand for: paragraphs are read whole while their key
/// sentences are shown, a shortened item is read whole, cleaned for speech (no addresses,
/// emoji or Markdown, at most about 900 characters per scene). A list scene whose lines say
/// everything, like a code block without a caption, leaves `narration` `nil` for the script
/// stage to write.
///
/// # Scene limit
/// A video has at most `VideoLimits.maxScenes` scenes. When a document would make more, the first
/// `VideoLimits.maxScenes - 1` are kept, then the outro, and `read()` reports it in `warnings`
/// (`makeVideoConfig()` drops the warning).
///
/// # Errors
/// A missing file, a directory, a binary (NUL bytes or invalid UTF-8) file, an empty document,
/// one larger than `VideoLimits.maxDocumentBytes` or one with no readable text throws a `VideoError`
/// (`.io` or `.invalidInput`) whose message names the file.
public struct DocumentAdapter: InputAdapter {
    /// How the document's text is read.
    public enum Format: String, Hashable, Sendable {
        /// CommonMark with GitHub's extensions (tables, task lists, strikethrough, autolinks).
        case markdown
        /// Paragraphs separated by blank lines; lines starting with `-` or `1.` are lists.
        case plainText

        /// The format for a file name extension: `txt` and `text` are plain text, anything
        /// else (`md`, `markdown`, none) is Markdown.
        public init(pathExtension: String) {
            self = ["txt", "text"].contains(pathExtension.lowercased()) ? .plainText : .markdown
        }
    }

    private enum Source: Hashable, Sendable {
        case file(URL)
        case text(String)
    }

    private let source: Source
    /// The document's name as used in messages and for the default video id and title.
    public let name: String
    /// How the text is read.
    public let format: Format
    /// The settings applied to the video.
    public let settings: VideoSettings
    /// Whether tables of contents and one-line License or Contributing sections stay in the
    /// video (`false`: they are left out, with a warning).
    public var keepsBoilerplate = false
    /// How words are spoken, on top of the lexicon file `pronunciations.yaml` beside a
    /// document file (these entries win where both have a word).
    public var pronunciations: PronunciationLexicon = .empty

    /// Creates an adapter for a file; the format comes from its extension.
    /// - Parameters:
    ///   - url: The document's file URL.
    ///   - settings: Accent colour, voice, resolution, fps and an optional video id.
    public init(url: URL, settings: VideoSettings = VideoSettings()) {
        self.source = .file(url)
        self.name = url.relativePath
        self.format = Format(pathExtension: url.pathExtension)
        self.settings = settings
    }

    /// Creates an adapter for text in memory.
    /// - Parameters:
    ///   - text: The document.
    ///   - name: A file name for messages, the default video id (`README.md` gives `readme`)
    ///     and the fallback title.
    ///   - format: How to read the text.
    ///   - settings: Accent colour, voice, resolution, fps and an optional video id.
    public init(text: String, name: String, format: Format = .markdown, settings: VideoSettings = VideoSettings()) {
        self.source = .text(text)
        self.name = name
        self.format = format
        self.settings = settings
    }

    /// Reads the document and makes its video.
    /// - Throws: `VideoError` (`.io` or `.invalidInput`) naming the file and what is wrong.
    public func makeVideoConfig() throws -> VideoConfig {
        try read().config
    }

    /// Reads the document and makes its video, with the adjustments made to fit the limits.
    /// - Returns: The validated video and its warnings.
    /// - Throws: `VideoError` (`.io` or `.invalidInput`) naming the file and what is wrong.
    public func read() throws -> DocumentReadResult {
        let text = try DocumentText.normalized(try loadText(), name: name)
        let blocks = format == .markdown ? MarkdownParser.parse(text) : PlainTextParser.parse(text)
        let outline = DocumentOutline(
            blocks: blocks, fallbackTitle: DocumentText.title(fromFileName: baseName),
            keepsBoilerplate: keepsBoilerplate)
        var drafts = SceneBuilder.drafts(for: outline, language: settings.language)
        if drafts.count <= 2, outline.titleSource == .fallback {
            throw DocumentText.error(
                .invalidInput, name, "has no readable text (only images, links, code fences or HTML)")
        }

        var warnings = outline.omitted.map { "\(name): left out \($0) as boilerplate" }
        drafts = drafts.compactMap { draft in
            guard case .image(var image) = draft.content else { return draft }
            switch resolvePicture(image.path) {
            case .success(let path):
                image.path = path
                var resolved = draft
                resolved.content = .image(image)
                return resolved
            case .failure(let reason):
                warnings.append("\(name): skipped the image '\(image.path)': \(reason.message)")
                return nil
            }
        }
        if drafts.count > VideoLimits.maxScenes, let outro = drafts.last {
            warnings.append(
                "\(name) makes \(drafts.count) scenes; kept the first \(VideoLimits.maxScenes - 1) and the outro (the limit is \(VideoLimits.maxScenes))"
            )
            drafts = Array(drafts.prefix(VideoLimits.maxScenes - 1)) + [outro]
        }
        let scenes = try drafts.enumerated().map { index, draft in
            let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            // The builder keeps narration near SceneBuilder.maxNarration; this only guards the hard limit.
            let narration = draft.narration.map {
                $0.count <= VideoLimits.maxNarrationLength
                    ? $0 : SpeechText.shorten($0, to: VideoLimits.maxNarrationLength)
            }
            return try SceneConfig(sceneID: "s\(number)-\(draft.slug)", content: draft.content, narration: narration)
        }
        var description = ""
        if case .title(let card) = drafts.first?.content {
            description = drafts.first?.narration ?? card.subtitle ?? ""
        }
        let config = try VideoConfig(
            videoID: settings.videoID ?? VideoConfig.makeID(from: baseName), title: outline.title,
            description: description, accentColor: settings.accentColor, voice: settings.voice,
            resolution: settings.resolution, fps: settings.fps, scenes: scenes,
            pronunciations: try lexicon(), language: settings.language)
        return DocumentReadResult(config: config, warnings: warnings)
    }

    /// The file a Markdown image names, resolved inside the document's folder, or why it is
    /// skipped: a remote address (nothing is fetched), no folder (text in memory), a path
    /// leading outside the folder, a missing file or a format not drawn.
    private func resolvePicture(_ address: String) -> Result<String, VideoError> {
        let lower = address.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            return .failure(VideoError(.invalidInput, "remote images are not fetched"))
        }
        if lower.contains("://") || lower.hasPrefix("data:") {
            return .failure(VideoError(.invalidInput, "only local image files are shown"))
        }
        guard case .file(let url) = self.source else {
            return .failure(VideoError(.invalidInput, "a document read from memory has no folder to find it in"))
        }
        let path = address.removingPercentEncoding ?? address
        let ext = (path as NSString).pathExtension.lowercased()
        guard ImageContent.fileExtensions.contains(ext) else {
            return .failure(VideoError(.invalidInput, "only PNG, JPEG, WebP and SVG images are shown"))
        }
        do {
            let resolved = try MediaPathResolver(baseDirectory: url.deletingLastPathComponent()).resolve(path)
            return .success(resolved.path)
        } catch let error as VideoError {
            return .failure(error)
        } catch {
            return .failure(VideoError(.io, "\(error)"))
        }
    }

    /// The name's last component without its extension: `docs/README.md` gives `README`.
    private var baseName: String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    /// The lexicon file beside a document file, with `pronunciations` on top.
    private func lexicon() throws -> PronunciationLexicon {
        guard case .file(let url) = source else { return pronunciations }
        return try PronunciationFile.read(besideDocument: url).merging(pronunciations)
    }

    private func loadText() throws -> String {
        switch source {
        case .text(let text):
            guard text.utf8.count <= VideoLimits.maxDocumentBytes else {
                throw DocumentText.tooLarge(name, bytes: text.utf8.count)
            }
            return text
        case .file(let url):
            return try DocumentText.read(url, name: name)
        }
    }
}
