import Foundation

/// The template narration phrases and on-screen labels of one language, read from the
/// package resource `phrases.json` (one entry per supported language; every value not written
/// by a native speaker is marked `"translation": "machine"` there).
///
/// A phrase may hold placeholders in braces (`Welcome to {title}.`) that `text(_:_:)` fills.
/// A key a language lacks falls back to English (the tests check that none does).
public struct Phrases: Sendable {
    /// One phrase or label.
    public enum Key: String, CaseIterable, Sendable {
        // Narration.
        case welcome, points, finally, next
        case listItem = "list_item", listSeparator = "list_separator", listAnd = "list_and"
        case runOne = "run_one", runMany = "run_many", code, codeNamed = "code_named", codeListing = "code_listing"
        case oneLine = "one_line", nLines = "n_lines", quoteBy = "quote_by", quotePlain = "quote_plain", picture
        case tableShows = "table_shows", beforeAfter = "before_after", compare, grows
        case objectivesIntro = "objectives_intro", objectivesCount = "objectives_count", problem
        case constraintOne = "constraint_one", constraintMany = "constraint_many", steps
        case quizTime = "quiz_time", quizOptions = "quiz_options", quizOptionSeparator = "quiz_option_separator"
        case quizOr = "quiz_or", think, answerIs = "answer_is", takeStock = "take_stock", doneSoFar = "done_so_far"
        case nextUp = "next_up", yourTurn = "your_turn", yourTurnMarker = "your_turn_marker", startFrom = "start_from"
        case hintOne = "hint_one", hintsIntro = "hints_intro", hintN = "hint_n", tryIt = "try_it"
        // On-screen labels.
        case labelAnswer = "label_answer", labelQuiz = "label_quiz", labelObjectives = "label_objectives"
        case labelExercise = "label_exercise", labelStarterCode = "label_starter_code", labelHints = "label_hints"
        case labelSolution = "label_solution", labelProblem = "label_problem"
        case labelConstraints = "label_constraints", labelCheckpoint = "label_checkpoint", labelDone = "label_done"
        case labelUpNext = "label_up_next", labelThink = "label_think", thanks
    }

    /// The language these phrases are for.
    public let language: Language
    private let entry: Entry
    private let english: Entry

    /// The phrases of `language` (its primary subtag's entry).
    /// - Parameter language: The language.
    public init(_ language: Language) {
        let table = Self.table
        self.language = language
        self.english = table["en"] ?? Entry()
        self.entry = table[language.code] ?? english
    }

    /// English.
    public static let english = Phrases(.english)

    /// Whether this language's phrases were machine-translated (not checked by a native speaker).
    public var isMachineMade: Bool { entry.translation == "machine" }

    /// The phrase for `key` with its placeholders filled.
    /// - Parameters:
    ///   - key: The phrase.
    ///   - values: Placeholder values by name (`["title": "Swift"]` fills `{title}`).
    /// - Returns: The text; placeholders without a value stay as written.
    public func text(_ key: Key, _ values: [String: String] = [:]) -> String {
        var text = entry.phrases[key.rawValue] ?? english.phrases[key.rawValue] ?? key.rawValue
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The lead words of the first eight list items ("First", "Second", …).
    public var ordinals: [String] { entry.ordinals.isEmpty ? english.ordinals : entry.ordinals }

    /// The keys `language`'s entry lacks (empty for every supported language).
    package var missingKeys: [Key] { Key.allCases.filter { entry.phrases[$0.rawValue] == nil } }

    /// `a`, `a and b`, `a, b and c` in this language.
    /// - Parameter items: The items.
    /// - Returns: The items joined.
    public func joined(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let rest = items.dropLast().joined(separator: text(.listSeparator))
        return text(.listAnd, ["rest": rest, "last": items.last!])
    }

    // MARK: - The resource

    private struct Entry: Sendable {
        var translation = "original"
        var ordinals: [String] = []
        var phrases: [String: String] = [:]
    }

    /// Every language's entry, read once from `phrases.json`.
    private static let table: [String: Entry] = {
        guard let url = Bundle.module.url(forResource: "phrases", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let languages = root["languages"] as? [String: [String: Any]]
        else { return [:] }
        return languages.mapValues { values in
            var entry = Entry()
            for (key, value) in values {
                if key == "translation", let text = value as? String {
                    entry.translation = text
                } else if key == "ordinals", let list = value as? [String] {
                    entry.ordinals = list
                } else if let text = value as? String {
                    entry.phrases[key] = text
                }
            }
            return entry
        }
    }()
}
