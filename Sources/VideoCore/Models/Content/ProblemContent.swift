/// A problem for the viewer to think about: a title, the statement and its constraints.
///
/// YAML keys: `title`, `statement`, `constraints` (optional list; a single string is read as
/// a one-item list).
public struct ProblemContent: Hashable, Codable, Sendable {
    /// The problem's name, for example "Two Sum".
    public var title: String
    /// What is asked, in a paragraph or two.
    public var statement: String
    /// Constraints or givens ("1 ≤ n ≤ 10⁵", "The input is sorted"); may be empty.
    public var constraints: [String]

    /// Creates a problem.
    public init(title: String, statement: String, constraints: [String] = []) {
        self.title = title
        self.statement = statement
        self.constraints = constraints
    }

    enum CodingKeys: String, CodingKey { case title, statement, constraints }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        statement = try c.decode(String.self, forKey: .statement)
        constraints = try c.decodeStringList(forKey: .constraints)
    }
}
