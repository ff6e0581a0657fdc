/// What vgen knows about one language it supports: its names, the espeak-ng voice that speaks
/// it, its ISO 639-2 code for track tags, its direction and whether it separates words with
/// spaces. `Docs/Languages.md` lists the table with its sources.
public struct LanguageProfile: Hashable, Sendable {
    /// The primary language subtag (`en`, `zh`, `nb`).
    public let code: String
    /// The language's name in English.
    public let englishName: String
    /// The espeak-ng voice (its file name under `espeak-ng-data/lang`) that speaks it.
    public let espeakVoice: String
    /// The ISO 639-2/T code MP4 track headers carry (`eng`, `deu`, `zho`).
    public let iso6392: String
    /// Whether the script runs right to left (Arabic, Hebrew, Persian).
    public let isRightToLeft: Bool
    /// Whether words are written without spaces between them (Chinese, Japanese, Thai).
    public let isWrittenWithoutSpaces: Bool
    /// A script subtag the tag must carry or gets (`Hans` for Chinese), when there is one.
    public let script: String?

    init(
        _ code: String, _ englishName: String, espeak: String, iso6392: String, rtl: Bool = false,
        noSpaces: Bool = false, script: String? = nil
    ) {
        self.code = code
        self.englishName = englishName
        self.espeakVoice = espeak
        self.iso6392 = iso6392
        self.isRightToLeft = rtl
        self.isWrittenWithoutSpaces = noSpaces
        self.script = script
    }

    /// The 30 supported languages, in the order issue 15 lists them.
    public static let all: [LanguageProfile] = [
        .init("en", "English", espeak: "en-us", iso6392: "eng"),
        .init("es", "Spanish", espeak: "es", iso6392: "spa"),
        .init("fr", "French", espeak: "fr", iso6392: "fra"),
        .init("de", "German", espeak: "de", iso6392: "deu"),
        .init("it", "Italian", espeak: "it", iso6392: "ita"),
        .init("pt", "Portuguese", espeak: "pt", iso6392: "por"),
        .init("nl", "Dutch", espeak: "nl", iso6392: "nld"),
        .init("pl", "Polish", espeak: "pl", iso6392: "pol"),
        .init("ru", "Russian", espeak: "ru", iso6392: "rus"),
        .init("uk", "Ukrainian", espeak: "uk", iso6392: "ukr"),
        .init("tr", "Turkish", espeak: "tr", iso6392: "tur"),
        .init("ar", "Arabic", espeak: "ar", iso6392: "ara", rtl: true),
        .init("he", "Hebrew", espeak: "he", iso6392: "heb", rtl: true),
        .init("fa", "Persian", espeak: "fa", iso6392: "fas", rtl: true),
        .init("hi", "Hindi", espeak: "hi", iso6392: "hin"),
        .init("bn", "Bengali", espeak: "bn", iso6392: "ben"),
        .init("ta", "Tamil", espeak: "ta", iso6392: "tam"),
        .init("th", "Thai", espeak: "th", iso6392: "tha", noSpaces: true),
        .init("vi", "Vietnamese", espeak: "vi", iso6392: "vie"),
        .init("id", "Indonesian", espeak: "id", iso6392: "ind"),
        .init("ms", "Malay", espeak: "ms", iso6392: "msa"),
        .init("zh", "Chinese (Simplified)", espeak: "cmn", iso6392: "zho", noSpaces: true, script: "Hans"),
        .init("ja", "Japanese", espeak: "ja", iso6392: "jpn", noSpaces: true),
        .init("ko", "Korean", espeak: "ko", iso6392: "kor"),
        .init("sv", "Swedish", espeak: "sv", iso6392: "swe"),
        .init("da", "Danish", espeak: "da", iso6392: "dan"),
        .init("nb", "Norwegian Bokmål", espeak: "nb", iso6392: "nob"),
        .init("fi", "Finnish", espeak: "fi", iso6392: "fin"),
        .init("el", "Greek", espeak: "el", iso6392: "ell"),
        .init("cs", "Czech", espeak: "cs", iso6392: "ces"),
    ]

    /// The profiles by primary subtag.
    static let byCode: [String: LanguageProfile] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}
