import Foundation
import VideoCore

/// A script cut into the pieces a duration budget keeps or leaves out, with each piece's
/// measured cost and its rank, and the way back from a selection to a video.
///
/// - A list scene's pieces are its items, each with the narration sentences that speak it
///   (sentences are matched to items in order, by the words they share), so a slide never
///   shows a point the voice skips, nor the other way round.
/// - A title's pieces are its sentences; the first always stays.
/// - Any other scene (code, quote, quiz…) is one piece: it stays whole or goes; the outro stays.
///
/// Costs come from the speech of the full script: a scene's padding, plus each piece's share of
/// the scene's speech by length. They are estimates; the budget stage measures every candidate.
struct ScriptUnits {
    /// One piece of the script.
    struct Unit {
        /// The scene it belongs to.
        var scene: Int
        /// The item it shows (list scenes), or nil.
        var item: Int?
        /// What is said for it.
        var text: String
        /// Its estimated speaking time, in seconds.
        var seconds: Double
        /// Always kept.
        var isProtected: Bool
        /// Its rank (higher is kept first).
        var score = 0.0
    }

    /// The script.
    let config: VideoConfig
    /// Which scenes' narration the writer wrote (rewritten after items are left out).
    let written: [Bool]
    /// The pieces, in script order.
    private(set) var units: [Unit] = []
    /// Each scene's cost beyond its pieces (padding and frame rounding), in seconds.
    private(set) var overhead: [Double] = []
    /// Each scene's section, for ranking and for merging list scenes again.
    private(set) var sections: [String] = []
    /// Each list scene's lead-in: the sentences before the first that speaks of an item.
    private(set) var leads: [String] = []
    /// Units that stay or go together, in script order: a code scene with the sentence that
    /// leads into it ("…add this to your Package.swift:") and the one that carries on after it
    /// ("and then …"), so the code the text refers to is never cut from it.
    private(set) var groups: [[Int]] = []

    /// Cuts `config` into pieces costed by `manifest` (the full script's timing).
    init(_ config: VideoConfig, written: [Bool], manifest: TimingManifest) {
        self.config = config
        self.written = written
        for (i, (scene, timing)) in zip(config.scenes, manifest.scenes).enumerated() {
            let speech = Double(timing.narrationSamples) / Double(manifest.sampleRate)
            overhead.append(max(0, timing.duration - speech))
            sections.append(Self.section(of: scene))
            let narration = scene.narration ?? ""
            let (lead, pieces) = Self.pieces(of: scene, narration: narration)
            let length = max(1, pieces.map(\.text.count).reduce(lead.count, +))
            // A lead-in ("It supports these platforms.") is said whenever the scene is kept.
            overhead[i] += speech * Double(lead.count) / Double(length)
            leads.append(lead)
            for (k, piece) in pieces.enumerated() {
                units.append(
                    Unit(
                        scene: i, item: piece.item, text: piece.text,
                        seconds: speech * Double(piece.text.count) / Double(length),
                        isProtected: scene.sceneType == .outro || (scene.sceneType == .title && k == 0)))
            }
        }
        rank()
        link()
    }

    /// Groups each code scene with the units that lead into it and carry on after it.
    private mutating func link() {
        var group = Array(units.indices)
        func find(_ i: Int) -> Int { group[i] == i ? i : find(group[i]) }
        for (u, unit) in units.enumerated() {
            guard case .command = config.scenes[unit.scene].content else { continue }
            let section = sections[unit.scene]
            if u > 0, sections[units[u - 1].scene] == section,
                units[u - 1].text.trimmingCharacters(in: .whitespaces).hasSuffix(":")
            {
                group[find(u)] = find(u - 1)
            }
            if u + 1 < units.count, sections[units[u + 1].scene] == section,
                units[u + 1].text.first.map({ $0.isLowercase }) ?? false
            {
                group[find(u + 1)] = find(u)
            }
        }
        var members: [Int: [Int]] = [:]
        for u in units.indices { members[find(u), default: []].append(u) }
        groups = members.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        // A group ranks as its best unit, so code rises with the sentence that introduces it.
        for g in groups {
            let best = g.map { units[$0].score }.max() ?? 0
            let isProtected = g.contains { units[$0].isProtected }
            for u in g {
                units[u].score = best
                units[u].isProtected = isProtected
            }
        }
    }

    /// The estimated length of the video made of `kept` units.
    func estimate(_ kept: Set<Int>) -> Double {
        var scenes = Set<Int>()
        var total = 0.0
        for i in kept {
            total += units[i].seconds
            scenes.insert(units[i].scene)
        }
        return total + scenes.map { overhead[$0] }.reduce(0, +)
    }

    /// What keeping the units of `group` adds to the estimate of `kept`.
    func cost(of group: [Int], joining kept: Set<Int>) -> Double {
        estimate(kept.union(group)) - estimate(kept.subtracting(group))
    }

    /// The video made of the `kept` units, in the script's order: scenes with nothing kept are
    /// left out, list scenes show only their kept items, and the list scenes of one section that
    /// follow each other are packed again so none is left nearly empty.
    /// - Returns: The video, and the indices of list scenes whose narration the writer must write again.
    func video(keeping kept: Set<Int>) throws -> (VideoConfig, rewrite: [Int]) {
        var scenes: [Entry] = []
        for (i, scene) in config.scenes.enumerated() {
            let mine = units.indices.filter { units[$0].scene == i && kept.contains($0) }
            guard !mine.isEmpty else { continue }
            var scene = scene
            let allKept = mine.count == units.filter({ $0.scene == i }).count
            if case .list(var list) = scene.content, !allKept {
                list.items = mine.compactMap { units[$0].item }.map { list.items[$0] }
                scene.content = .list(list)
                scene.narration = ([leads[i]] + mine.map { units[$0].text }).filter { !$0.isEmpty }
                    .joined(separator: " ")
            } else if scene.sceneType == .title, !allKept {
                scene.narration = mine.map { units[$0].text }.joined(separator: " ")
            }
            scenes.append(
                Entry(scene: scene, section: sections[i], rewrite: written[i] && !allKept, index: i, changed: !allKept))
        }
        let packed = try Self.repack(scenes)
        var video = config
        video.scenes = packed.map(\.scene)
        try video.validate()
        return (video, packed.indices.filter { packed[$0].rewrite })
    }

    // MARK: - Pieces and ranks

    /// A scene's lead-in and pieces.
    private static func pieces(of scene: SceneConfig, narration: String) -> (
        lead: String, pieces: [(item: Int?, text: String)]
    ) {
        var sentences = spokenSentences(narration)
        switch scene.content {
        case .list(let list) where !list.items.isEmpty && !sentences.isEmpty:
            // Opening sentences that speak of no item lead the scene in, even when a word of
            // theirs recurs in a later item: "SwiftNIO aims to support all the platforms…"
            // before "Ubuntu 18.04+" is not said for Ubuntu (see `align`).
            var owner = align(sentences, to: list.items, leadIn: true)
            let leading = owner.prefix { $0 < 0 }.count
            let lead = leading < sentences.count ? sentences[..<leading].joined(separator: " ") : ""
            if lead.isEmpty {
                owner = owner.map { max(0, $0) }
            } else {
                sentences.removeFirst(leading)
                owner.removeFirst(leading)
            }
            return (
                lead,
                list.items.indices.map { item in
                    (item, zip(sentences, owner).filter { $0.1 == item }.map(\.0).joined(separator: " "))
                }
            )
        case .title where sentences.count > 1:
            return ("", sentences.map { (nil, $0) })
        default:
            return ("", [(nil, narration)])
        }
    }

    /// The item each sentence speaks of: a non-decreasing assignment that maximises the
    /// words each sentence shares with its item, less `skipCost` for each item left without a
    /// sentence and `unrelatedCost` for each sentence sharing no word with its item (dynamic
    /// programming over sentences × items). With `leadIn`, opening sentences
    /// may instead go to the lead-in, `-1`, which costs nothing to skip.
    static func align(_ sentences: [String], to items: [String], leadIn: Bool = false) -> [Int] {
        let itemWords = items.map { Set(SentenceRanker.contentWords($0)) }
        let first = leadIn ? 1 : 0
        // State `first + k` is item k; state 0 is the lead-in when there is one.
        let similarity = sentences.map { sentence -> [Double] in
            let words = Set(SentenceRanker.contentWords(sentence))
            let items = itemWords.map { item in
                let shared = item.isEmpty || words.isEmpty ? 0 : item.intersection(words).count
                // A sentence sharing no word with its item counts a little against it, so an
                // opening sentence that names no item goes to the lead-in rather than the first.
                return shared == 0 ? -Self.unrelatedCost : Double(shared) / Double(min(item.count, words.count))
            }
            return (leadIn ? [0] : []) + items
        }
        let n = sentences.count, m = first + items.count
        guard n > 0, items.count > 0 else { return [Int](repeating: leadIn ? -1 : 0, count: n) }
        /// What leaving states a..<b without a sentence costs.
        func skipped(_ a: Int, _ b: Int) -> Double { Self.skipCost * Double(max(0, b - max(a, first))) }
        // best[s][k]: the best total for sentences 0...s with sentence s in state k.
        var best = [[Double]](repeating: [Double](repeating: -.infinity, count: m), count: n)
        var from = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        for k in 0..<m { best[0][k] = similarity[0][k] - skipped(0, k) }
        for s in 1..<n {
            for k in 0..<m {
                for j in 0...k {
                    let total = best[s - 1][j] - skipped(j + 1, k)
                    if total > best[s][k] + 1e-12 { (best[s][k], from[s][k]) = (total, j) }
                }
                best[s][k] += similarity[s][k]
            }
        }
        var k = 0
        for j in 0..<m where best[n - 1][j] - skipped(j + 1, m) > best[n - 1][k] - skipped(k + 1, m) + 1e-12 { k = j }
        var owner = [Int](repeating: 0, count: n)
        for s in stride(from: n - 1, through: 0, by: -1) {
            owner[s] = k - first
            if s > 0 { k = from[s][k] }
        }
        return owner
    }

    /// The sentences of a narration, also split before a name that starts in lower case:
    /// "Ubuntu 18.04+. macOS 10.9+." is two sentences ("macOS", "iOS" and "gRPC" start one,
    /// where an all-lower-case word after a full stop carries it on).
    static func spokenSentences(_ narration: String) -> [String] {
        sentences(of: narration).filter { !$0.isEmpty }.flatMap { sentence -> [String] in
            var parts: [String] = []
            var current: [Substring] = []
            let tokens = sentence.split(separator: " ")
            for (i, token) in tokens.enumerated() {
                current.append(token)
                guard i + 1 < tokens.count, let last = token.last, ".!?".contains(last) else { continue }
                let next = tokens[i + 1]
                if next.first?.isLowercase == true, next.contains(where: \.isUppercase) {
                    parts.append(current.joined(separator: " "))
                    current = []
                }
            }
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
            return parts
        }
    }

    /// What an item left without a sentence costs the alignment: half a shared-word match, so
    /// a sentence goes to the item it names rather than to one that only shares a word.
    static let skipCost = 0.5
    /// What giving an item a sentence that shares none of its words costs the alignment.
    static let unrelatedCost = 0.1

    /// Scores every unit: TextRank of its sentences, with a little weight for the section's
    /// rank and for leading its section (the document's first words on a topic usually say it).
    private mutating func rank() {
        var sentenceOwner: [Int] = []
        var all: [String] = []
        for (u, unit) in units.enumerated() {
            for sentence in sentences(of: unit.text) where !sentence.isEmpty {
                all.append(sentence)
                sentenceOwner.append(u)
            }
        }
        let scores = SentenceRanker().scores(all)
        var sum = [Double](repeating: 0, count: units.count)
        var count = [Double](repeating: 0, count: units.count)
        for (s, u) in sentenceOwner.enumerated() {
            sum[u] += scores[s]
            count[u] += 1
        }
        var sectionSum: [String: Double] = [:]
        var sectionCount: [String: Double] = [:]
        var seenSections = Set<String>()
        for u in units.indices {
            var score = count[u] > 0 ? sum[u] / count[u] : 0
            let section = sections[units[u].scene]
            if seenSections.insert(section).inserted { score *= 1.2 }
            units[u].score = score
            sectionSum[section, default: 0] += score
            sectionCount[section, default: 0] += 1
        }
        for u in units.indices {
            let section = sections[units[u].scene]
            units[u].score = 0.7 * units[u].score + 0.3 * sectionSum[section]! / sectionCount[section]!
        }
    }

    /// A scene's section: its heading without "(continued)" or "(2/3)".
    static func section(of scene: SceneConfig) -> String {
        var heading: String
        switch scene.content {
        case .list(let c): heading = c.heading
        case .command(let c): heading = c.heading
        default: return scene.sceneID
        }
        for suffix in [" (continued)"] where heading.hasSuffix(suffix) { heading.removeLast(suffix.count) }
        if heading.hasSuffix(")"), let open = heading.lastIndex(of: "("),
            heading[open...].dropFirst().dropLast().allSatisfy({ $0.isNumber || $0 == "/" })
        {
            heading = String(heading[..<open]).trimmingCharacters(in: .whitespaces)
        }
        return heading
    }
}
