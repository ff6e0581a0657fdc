import Foundation

/// A video's language: a BCP 47 tag (RFC 5646) whose primary language is one of the 30 vgen
/// supports (`LanguageProfile.all`), in canonical case: `en`, `pt-BR`, `zh-Hans`, `sr-Latn-RS`.
///
/// The language decides the voice (`Voice.speaking(in:)`), the template phrases and labels
/// (`Phrases`), the fonts' language for Pango, the direction of slides and how captions break.
/// A tag is checked when it enters (`init(validating:)`): syntax first (language, optional
/// script, region and variants), then support.
public struct Language: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The tag in canonical case (language lower case, script title case, region upper case).
    public let tag: String
    /// What vgen knows about the primary language.
    public let profile: LanguageProfile

    /// English, the default.
    public static let english = Language(profile: LanguageProfile.byCode["en"]!, tag: "en")

    /// Every supported language under its shortest tag (`zh-Hans` for Chinese).
    public static let supported: [Language] = LanguageProfile.all.map { profile in
        Language(profile: profile, tag: profile.script.map { "\(profile.code)-\($0)" } ?? profile.code)
    }

    private init(profile: LanguageProfile, tag: String) {
        self.profile = profile
        self.tag = tag
    }

    /// Parses and checks a BCP 47 tag.
    /// - Parameters:
    ///   - text: The tag, for example `de`, `pt-BR` or `zh-Hans` (case does not matter).
    ///   - field: The input field named in errors.
    /// - Throws: `VideoError` (`.invalidInput`, naming `field`) when the tag is malformed or its
    ///   language is not supported.
    public init(validating text: String, field: String = "language") throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func malformed(_ why: String) -> VideoError {
            VideoError.invalid(
                field, "'\(text)' is not a BCP 47 language tag (\(why)); use for example en, pt-BR or zh-Hans")
        }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else {
            throw malformed(
                trimmed.contains("_")
                    ? "subtags are joined by '-', not '_'" : "it must start with a 2- or 3-letter language")
        }
        let code = first.lowercased()
        var canonical = [code]
        var script: String?
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy(\.isASCIILetter) {
            script = parts[index].prefix(1).uppercased() + parts[index].dropFirst().lowercased()
            canonical.append(script!)
            index += 1
        }
        if index < parts.count,
            (parts[index].count == 2 && parts[index].allSatisfy(\.isASCIILetter))
                || (parts[index].count == 3 && parts[index].allSatisfy(\.isASCIIDigit))
        {
            canonical.append(parts[index].uppercased())
            index += 1
        }
        while index < parts.count {
            let variant = parts[index]
            let alphanumeric = variant.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
            guard alphanumeric, (5...8).contains(variant.count) || (variant.count == 4 && variant.first!.isASCIIDigit)
            else { throw malformed("'\(variant)' is not a script, region or variant subtag") }
            canonical.append(variant.lowercased())
            index += 1
        }
        let aliases = ["no": "nb", "iw": "he", "in": "id"]
        guard let profile = LanguageProfile.byCode[aliases[code] ?? code] else {
            throw VideoError.invalid(
                field,
                "'\(text)' is not a supported language; supported: \(LanguageProfile.all.map(\.code).joined(separator: ", "))"
            )
        }
        canonical[0] = profile.code
        if let required = profile.script {
            guard script == nil || script == required else {
                throw VideoError.invalid(
                    field, "'\(text)': \(profile.englishName) is supported in the \(required) script only")
            }
            if script == nil { canonical.insert(required, at: 1) }
        }
        self.init(profile: profile, tag: canonical.joined(separator: "-"))
    }

    /// Reads `--languages en,es,ja`: comma-separated tags, each checked, no repeats.
    /// - Parameters:
    ///   - list: The tags, separated by commas.
    ///   - field: The field named in errors.
    /// - Returns: The languages in the order given.
    /// - Throws: `VideoError` (`.invalidInput`) naming `field` for an empty list, a bad tag or a repeat.
    public static func list(parsing list: String, field: String = "languages") throws -> [Language] {
        let items = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw VideoError.invalid(field, "give at least one language, for example en,es,ja")
        }
        var seen = Set<String>()
        return try items.map { item in
            let language = try Language(validating: item, field: field)
            guard seen.insert(language.tag).inserted else {
                throw VideoError.invalid(field, "'\(language.tag)' is listed twice")
            }
            return language
        }
    }

    /// The primary language subtag (`pt` for `pt-BR`).
    public var code: String { profile.code }
    /// Whether slides are laid out right to left.
    public var isRightToLeft: Bool { profile.isRightToLeft }
    /// Whether the language is English (spoken by flite by default).
    public var isEnglish: Bool { profile.code == "en" }

    /// The tag.
    public var description: String { tag }

    /// Decodes a tag, validating it.
    public init(from decoder: any Decoder) throws {
        try self.init(validating: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the tag.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(tag)
    }

    /// Whether two languages have the same tag.
    public static func == (a: Language, b: Language) -> Bool { a.tag == b.tag }
    /// Hashes the tag.
    public func hash(into hasher: inout Hasher) { hasher.combine(tag) }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
