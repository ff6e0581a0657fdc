import Foundation
import VideoCore

/// A B-roll picture or clip placed over the talk.
public struct BrollPlacement: Codable, Sendable, Hashable {
    /// How B-roll is shown while the talk's sound goes on.
    public enum Style: String, Codable, Sendable, Hashable, CaseIterable {
        /// Over the whole frame.
        case cutaway
        /// In a box in the lower right corner, a third of the frame wide, over the speaker.
        case pip
    }

    /// The file's name in the B-roll folder.
    public var file: String
    /// Whether it is a clip (else a still picture).
    public var isClip: Bool
    /// The words that placed it, as the transcript has them.
    public var keyword: String
    /// The index of the first placing word in the transcript.
    public var word: Int
    /// When it appears, in source seconds: the placing word's start.
    public var start: Double
    /// How long it stays, in seconds of the edited video.
    public var duration: Double
    /// How it is shown.
    public var style: Style

    enum CodingKeys: String, CodingKey { case file, isClip = "is_clip", keyword, word, start, duration, style }
}

/// Places the files of a B-roll folder where the transcript mentions them: by the words of the
/// file's name (`rocket-launch.mp4` at "rocket launch") or by the keywords `broll.yaml` maps
/// to it, each file at its first mention, none overlapping (`Docs/Talks.md`).
public struct BrollPlanner: Sendable {
    /// Picture extensions, lower-cased.
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "heic"]
    /// Clip extensions, lower-cased.
    public static let clipExtensions: Set<String> = ["mp4", "mov", "m4v", "mkv", "webm", "avi"]
    /// The keyword map's file name in the folder.
    public static let mapFile = "broll.yaml"

    /// How long each placement stays, in seconds.
    public var seconds = 3.0
    /// How placements are shown.
    public var style = BrollPlacement.Style.cutaway

    /// Creates a planner.
    /// - Parameters:
    ///   - seconds: How long each placement stays.
    ///   - style: How it is shown.
    public init(seconds: Double = 3.0, style: BrollPlacement.Style = .cutaway) {
        self.seconds = seconds
        self.style = style
    }

    /// The folder's pictures and clips, by name, with the keywords of each (its name's words,
    /// then those `broll.yaml` gives).
    /// - Parameter folder: The B-roll folder.
    /// - Returns: File name → keyword phrases, in name order.
    /// - Throws: `VideoError` when the folder cannot be read, or `broll.yaml` is malformed or
    ///   names a file the folder lacks (one line naming the file and line).
    public func library(in folder: URL) throws -> [(file: String, isClip: Bool, keywords: [String])] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() } catch {
            throw VideoError(.invalidInput, "cannot read the B-roll folder \(folder.path)", field: "broll")
        }
        var entries: [(file: String, isClip: Bool, keywords: [String])] = names.compactMap { name in
            let ext = (name as NSString).pathExtension.lowercased()
            let clip = Self.clipExtensions.contains(ext)
            guard !name.hasPrefix("."), clip || Self.imageExtensions.contains(ext) else { return nil }
            let stem = (name as NSString).deletingPathExtension
            let words = Self.words(of: stem).filter { !KeywordExtractor.stopWords.contains($0) }
            return (name, clip, words.isEmpty ? [] : [words.joined(separator: " ")])
        }
        let map = folder.appendingPathComponent(Self.mapFile)
        if FileManager.default.fileExists(atPath: map.path) {
            for (keyword, file) in try Self.parseMap(try String(contentsOf: map, encoding: .utf8)) {
                guard let index = entries.firstIndex(where: { $0.file == file }) else {
                    throw VideoError(
                        .invalidInput,
                        "\(Self.mapFile): '\(file)' is not a picture or clip in \(folder.lastPathComponent)",
                        field: "broll")
                }
                entries[index].keywords.append(keyword)
            }
        }
        return entries
    }

    /// Where each file goes: its first mention (by any of its keywords) among the kept,
    /// non-filler words, skipping mentions that fall within an earlier placement.
    /// - Parameters:
    ///   - library: The files and their keywords (`library(in:)`).
    ///   - transcript: The talk's words.
    ///   - isKept: Whether a source time stays in the cut.
    /// - Returns: The placements in time order.
    public func place(
        _ library: [(file: String, isClip: Bool, keywords: [String])], transcript: Transcript,
        isKept: (Double) -> Bool = { _ in true }
    ) -> [BrollPlacement] {
        let words = transcript.words
        let stems = words.map {
            KeywordExtractor.stem($0.text.lowercased().trimmingCharacters(in: .punctuationCharacters))
        }
        var found: [BrollPlacement] = []
        for entry in library {
            var best: (word: Int, keyword: String)?
            for phrase in entry.keywords {
                let key = Self.words(of: phrase).map(KeywordExtractor.stem)
                guard !key.isEmpty, key.count <= words.count else { continue }
                for i in 0...(words.count - key.count) where Array(stems[i..<(i + key.count)]) == key {
                    guard !words[i].isFiller, isKept(words[i].start) else { continue }
                    if best == nil || i < best!.word {
                        best = (i, words[i..<(i + key.count)].map(\.text).joined(separator: " "))
                    }
                    break
                }
            }
            if let best {
                found.append(
                    BrollPlacement(
                        file: entry.file, isClip: entry.isClip, keyword: best.keyword, word: best.word,
                        start: words[best.word].start, duration: seconds, style: style))
            }
        }
        found.sort { ($0.start, $0.file) < ($1.start, $1.file) }
        var placed: [BrollPlacement] = []
        for placement in found where placed.last.map({ placement.start >= $0.start + $0.duration }) ?? true {
            placed.append(placement)
        }
        return placed
    }

    /// The lower-cased words of a name or phrase: split at anything not a letter or digit and
    /// between a lower-case letter and an upper-case one (`rocketLaunch`).
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for ch in text {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && previousLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(contentsOf: ch.lowercased())
                previousLower = ch.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The pairs of a flat YAML mapping `keyword: file` (`#` comments, optional quotes).
    /// - Throws: `VideoError` naming `broll.yaml` and the line that is not `keyword: file`.
    static func parseMap(_ text: String) throws -> [(keyword: String, file: String)] {
        var pairs: [(keyword: String, file: String)] = []
        for (number, raw) in text.components(separatedBy: .newlines).enumerated() {
            var line = raw
            if let hash = line.range(of: " #") ?? (line.hasPrefix("#") ? line.range(of: "#") : nil) {
                line = String(line[..<hash.lowerBound])
            }
            line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, line != "---" else { continue }
            guard let colon = line.range(of: ": ") else {
                throw VideoError(
                    .invalidInput, "\(mapFile): line \(number + 1) is not 'keyword: file'", field: "broll")
            }
            func unquoted(_ s: Substring) -> String {
                var t = s.trimmingCharacters(in: .whitespaces)
                if t.count >= 2, let f = t.first, f == t.last, f == "\"" || f == "'" {
                    t = String(t.dropFirst().dropLast())
                }
                return t
            }
            let keyword = unquoted(line[..<colon.lowerBound])
            let file = unquoted(line[colon.upperBound...])
            guard !keyword.isEmpty, !file.isEmpty, !file.contains("/") else {
                throw VideoError(
                    .invalidInput, "\(mapFile): line \(number + 1) is not 'keyword: file'", field: "broll")
            }
            pairs.append((keyword, file))
        }
        return pairs
    }
}
