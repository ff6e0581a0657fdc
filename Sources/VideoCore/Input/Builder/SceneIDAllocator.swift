/// Gives scenes without an id a deterministic one: the type's name and its count so far
/// (`title_1`, `list_1`, `list_2`, …), skipping any id a scene already has.
enum SceneIDAllocator {
    /// Fills the missing ids of `scenes` (explicit id or `nil`, and type), in order.
    static func assign(_ scenes: [(id: String?, type: SceneType)]) -> [String] {
        var taken = Set(scenes.compactMap(\.id))
        var counts: [SceneType: Int] = [:]
        return scenes.map { scene in
            if let id = scene.id { return id }
            var n = counts[scene.type, default: 0]
            var candidate: String
            repeat {
                n += 1
                candidate = "\(scene.type.rawValue)_\(n)"
            } while taken.contains(candidate)
            counts[scene.type] = n
            taken.insert(candidate)
            return candidate
        }
    }
}
