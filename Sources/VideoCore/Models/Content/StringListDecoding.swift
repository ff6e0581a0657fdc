extension KeyedDecodingContainer {
    /// A list of strings that may be written as a list, as a single string (a one-item list)
    /// or left out (an empty list), as hand-written YAML often does.
    func decodeStringList(forKey key: Key) throws -> [String] {
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        if let single = try? decode(String.self, forKey: key) { return [single] }
        return try decode([String].self, forKey: key)
    }
}
