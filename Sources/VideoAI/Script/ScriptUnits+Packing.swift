import VideoCore

/// Putting list scenes back together after a budget left some of their items out.
extension ScriptUnits {
    /// A kept scene on its way back into a video.
    struct Entry {
        var scene: SceneConfig
        var section: String
        var rewrite: Bool
        /// Its index in the script.
        var index: Int
        /// Whether it lost items.
        var changed: Bool
    }

    /// Joins runs of list scenes of one section and deals their items out again over as few
    /// scenes as the run's fullest scene allows, headed "Heading", "Heading (continued)". A run
    /// that lost nothing stays as it was.
    static func repack(_ scenes: [Entry]) throws -> [(scene: SceneConfig, rewrite: Bool)] {
        var out: [(scene: SceneConfig, rewrite: Bool)] = []
        var i = 0
        while i < scenes.count {
            guard case .list = scenes[i].scene.content else {
                out.append((scenes[i].scene, scenes[i].rewrite))
                i += 1
                continue
            }
            var j = i + 1
            while j < scenes.count, case .list = scenes[j].scene.content, scenes[j].section == scenes[i].section {
                j += 1
            }
            let run = Array(scenes[i..<j])
            let intact =
                run.allSatisfy { !$0.changed } && zip(run, run.dropFirst()).allSatisfy { $1.index == $0.index + 1 }
            out += intact ? run.map { ($0.scene, $0.rewrite) } : try pack(run)
            i = j
        }
        return out
    }

    /// Most items on one list scene (as the document adapter makes them).
    static let maxItems = 6

    private static func pack(_ run: [Entry]) throws -> [(scene: SceneConfig, rewrite: Bool)] {
        var items: [(shown: String, said: String)] = []
        for entry in run {
            guard case .list(let list) = entry.scene.content else { continue }
            let said = sentences(of: entry.scene.narration ?? "")
            let owner = said.isEmpty ? [] : align(said, to: list.items)
            for (k, item) in list.items.enumerated() {
                items.append((item, zip(said, owner).filter { $0.1 == k }.map(\.0).joined(separator: " ")))
            }
        }
        // No scene shows more text than the run's fullest one did, nor more than maxItems lines.
        let room =
            run.map { entry -> Int in
                if case .list(let l) = entry.scene.content {
                    return l.items.map(\.count).reduce(0, +)
                } else {
                    return 0
                }
            }.max() ?? 0
        func greedy(cap: Int) -> [Range<Int>] {
            var groups: [Range<Int>] = []
            var start = 0
            var length = 0
            for (k, item) in items.enumerated() {
                if k > start, k - start >= cap || length + item.shown.count > room {
                    groups.append(start..<k)
                    (start, length) = (k, 0)
                }
                length += item.shown.count
            }
            if start < items.count { groups.append(start..<items.count) }
            return groups
        }
        var groups = greedy(cap: maxItems)
        if groups.count > 1 {
            let even = (items.count + groups.count - 1) / groups.count
            for cap in even..<maxItems where greedy(cap: cap).count == groups.count {
                groups = greedy(cap: cap)
                break
            }
        }
        // Never more scenes than the run had (their ids are reused).
        guard groups.count <= run.count else { return run.map { ($0.scene, $0.rewrite) } }
        let rewritten = run.contains(where: \.rewrite)
        return try groups.enumerated().map { g, range in
            let part = items[range]
            let base = run[g].scene
            let heading = g == 0 ? run[0].section : "\(run[0].section) (continued)"
            let said = part.map(\.said).filter { !$0.isEmpty }.joined(separator: " ")
            return (
                try SceneConfig(
                    sceneID: base.sceneID, content: .list(ListContent(heading: heading, items: part.map(\.shown))),
                    narration: said.isEmpty ? nil : said, voice: base.voice, minDuration: base.minDuration,
                    maxDuration: base.maxDuration, transition: base.transition), rewritten || said.isEmpty
            )
        }
    }
}
